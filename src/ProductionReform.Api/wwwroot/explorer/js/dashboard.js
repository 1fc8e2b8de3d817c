// Dashboard tiles (ECharts): firms per industry and per region with sample records split out, pilot fill against
// targets, indicator values by year. Each tile links its exact query and the CSV export of the list behind it.
import { exportHref, graphql, graphiqlHref } from './api.js';
import { both, ordered, t } from './i18n.js';
import { failure, h, viewActions } from './ui.js';

const sampleColour = '#c9ccd1';
const namedColour = '#2f6fb0';

const firmsQuery = by => `query FirmsBy${by === 'INDUSTRY' ? 'Industry' : 'Region'} {
  enterprisesAggregate {
    count
    groups(by: [${by}, IS_SAMPLE]) {
      key { ${by === 'INDUSTRY' ? 'industry' : 'region'} { id name nameEn } isSample }
      count
    }
  }
}`;

const pilotQuery = `query PilotFill {
  pilotPrograms(order: [{ name: ASC }]) {
    nodes {
      id
      name
      nameEn
      targetCount
      enrollments { totalCount }
      samples: enrollments(where: { isSample: { eq: true } }) { totalCount }
    }
  }
}`;

const indicatorQuery = `query IndicatorValues {
  indicatorValues(first: 100, order: [{ indicator: { name: ASC } }, { periodStart: ASC }]) {
    nodes {
      id
      value
      periodStart
      periodEnd
      asOf
      indicator { code name nameEn unit }
      region { name nameEn }
    }
  }
}`;

const nameOf = record => (record ? ordered(record.name, record.nameEn)[0] : t('notGiven'));

function tile(id, titleKey, actions) {
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': t(titleKey) });
  const body = h('div', { class: 'tile-body' }, chart);
  const element = h('section', { class: 'tile', id }, h('h2', {}, both(titleKey)), actions, body);
  return { element, chart, body };
}

const axisLabel = { interval: 0, rotate: 30, fontSize: 11 };

function barOption(categories, series, horizontal = false) {
  const category = { type: 'category', data: categories, axisLabel: horizontal ? { fontSize: 11 } : axisLabel };
  const value = { type: 'value', minInterval: 1 };
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series,
  };
}

/** Firms per industry or region: one stacked bar of named firms and one of sample records per group. */
function firmsOption(groups, relation) {
  const names = [...new Set(groups.map(g => nameOf(g.key[relation])))];
  const count = (name, isSample) => groups
    .filter(g => nameOf(g.key[relation]) === name && g.key.isSample === isSample)
    .reduce((sum, g) => sum + g.count, 0);
  return barOption(names, [
    { name: t('namedFirms'), type: 'bar', stack: 'firms', itemStyle: { color: namedColour }, data: names.map(n => count(n, false)) },
    { name: t('sampleFirms'), type: 'bar', stack: 'firms', itemStyle: { color: sampleColour, decal: { symbol: 'rect' } },
      data: names.map(n => count(n, true)) },
  ]);
}

function pilotOption(programs) {
  const names = programs.map(p => nameOf(p));
  return barOption(names, [
    { name: t('target'), type: 'bar', itemStyle: { color: '#8e9aa6' }, data: programs.map(p => p.targetCount) },
    { name: t('enrolledNamed'), type: 'bar', stack: 'enrolled', itemStyle: { color: namedColour },
      data: programs.map(p => p.enrollments.totalCount - p.samples.totalCount) },
    { name: t('enrolledSample'), type: 'bar', stack: 'enrolled', itemStyle: { color: sampleColour, decal: { symbol: 'rect' } },
      data: programs.map(p => p.samples.totalCount) },
  ], true);
}

// The year a value stands for: its date, else the end or start of its period. A value with none stays off the chart.
const yearOf = value => (value.asOf ?? value.periodEnd ?? value.periodStart)?.slice(0, 4) ?? null;

function indicatorOption(values) {
  const dated = values.filter(yearOf);
  const years = [...new Set(dated.map(yearOf))].sort();
  const regions = [...new Set(dated.map(v => nameOf(v.region)))];
  return barOption(years, regions.map(region => ({
    name: region, type: 'bar',
    data: years.map(year => dated.filter(v => yearOf(v) === year && nameOf(v.region) === region)
      .reduce((sum, v) => sum + Number(v.value), 0) || null),
  })));
}

export function renderDashboard(main) {
  const charts = [];
  const grid = h('div', { class: 'tiles' });
  main.append(h('section', { class: 'view dashboard' }, h('h1', {}, t('dashboard')), grid));
  const chart = (element, option) => {
    const instance = window.echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption(option);
    charts.push(instance);
    return instance;
  };

  for (const [id, by, relation, titleKey, list] of [
    ['tile-industry', 'INDUSTRY', 'industry', 'firmsByIndustry', 'enterprises'],
    ['tile-region', 'REGION', 'region', 'firmsByRegion', 'enterprises'],
  ]) {
    const query = firmsQuery(by);
    const order = [{ [relation]: { name: 'ASC' } }, { name: 'ASC' }];
    const { element, chart: box, body } = tile(id, titleKey,
      viewActions(graphiqlHref(query), { href: exportHref(list, null, order), file: `${list}.csv` }));
    grid.append(element);
    graphql(query).then(data => chart(box, firmsOption(data.enterprisesAggregate.groups, relation)))
      .catch(error => body.replaceChildren(failure(error)));
  }

  const pilots = tile('tile-pilots', 'pilotFill',
    viewActions(graphiqlHref(pilotQuery), { href: exportHref('pilotEnrollments'), file: 'pilotEnrollments.csv' }));
  grid.append(pilots.element);
  graphql(pilotQuery).then(data => chart(pilots.chart, pilotOption(data.pilotPrograms.nodes)))
    .catch(error => pilots.body.replaceChildren(failure(error)));

  const select = h('select', { id: 'indicator-select' });
  const csvLink = h('a', { class: 'button', 'data-action': 'csv', download: 'indicatorValues.csv' }, t('csv'));
  const note = h('p', { class: 'hint' });
  const indicators = tile('tile-indicators', 'indicatorByYear', h('div', { class: 'actions' },
    h('a', { class: 'button', href: graphiqlHref(indicatorQuery), target: '_blank', rel: 'noopener', 'data-action': 'query' }, t('query')),
    csvLink, h('label', { for: 'indicator-select' }, t('indicator')), select));
  indicators.body.append(note);
  grid.append(indicators.element);
  graphql(indicatorQuery).then(data => {
    const values = data.indicatorValues.nodes;
    const byCode = new Map();
    for (const value of values) byCode.set(value.indicator.code, value.indicator);
    for (const [code, indicator] of byCode) {
      const [first, second] = ordered(indicator.name, indicator.nameEn);
      select.append(h('option', { value: code }, `${first}${second ? ` · ${second}` : ''} (${indicator.unit})`));
    }
    const firstDated = values.find(yearOf);
    if (firstDated) select.value = firstDated.indicator.code;
    const instance = chart(indicators.chart, indicatorOption([]));
    const show = () => {
      const chosen = values.filter(v => v.indicator.code === select.value);
      instance.setOption(indicatorOption(chosen), { notMerge: true });
      csvLink.href = exportHref('indicatorValues', { indicator: { code: { eq: select.value } } });
      const undated = chosen.filter(v => !yearOf(v)).length;
      note.replaceChildren(undated ? `${undated} ${t('undated')}` : '');
    };
    select.addEventListener('change', show);
    show();
  }).catch(error => indicators.body.replaceChildren(failure(error)));

  const resize = () => charts.forEach(instance => instance.resize());
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    charts.forEach(instance => instance.dispose());
  };
}

