// A record page: every field with its Chinese and English label, related records, the citations that state its
// facts (verbatim quote and source) and, for a caller whose key may see it, the change history.
import { apiKey, exportHref, graphql, graphiqlHref, GraphQLError } from './api.js';
import { both, t } from './i18n.js';
import { hasField, naturalKeyFilter, recordFields, rootListOf, titleOf, titleSelection, typeLabel } from './schema.js';
import { bilingual, failure, h, loading, recordLink, sampleBadge, typeBadge, viewActions } from './ui.js';

const relatedPage = 20;
const citationFields = 'id code quote source { id code title publisher author publishedOn publishedYear kind url }';

function recordQuery(typeName) {
  const lines = recordFields(typeName).map(field => {
    if (field.read === 'value') return field.name;
    const title = titleSelection(field.type);
    // The code too, where there is one: the CSV link of an indicator value finds it by its indicator's code.
    const code = hasField(field.type, 'code') && !/\bcode\b/.test(title) ? ' code' : '';
    if (field.read === 'record') return `${field.name} { __typename id ${title}${code} }`;
    return `${field.name}(first: ${relatedPage}) { totalCount nodes { __typename id ${title} } }`;
  });
  if (typeName === 'Citation') lines.push(`source { __typename id ${titleSelection('Source')} publisher author publishedOn kind url }`);
  if (hasField(typeName, 'sources')) lines.push(`sources(first: 50) { totalCount nodes { ${citationFields} } }`);
  return `query Record($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on ${typeName} {
      ${[...new Set(lines)].join('\n      ')}
    }
  }
}`;
}

const historyQuery = typeName => `query History($id: ID!) {
  node(id: $id) {
    ... on ${typeName} {
      history(first: 20) { occurredAt actor operation changes { field before after } }
    }
  }
}`;

function valueText(value, type) {
  if (value === null || value === undefined) return h('span', { class: 'none' }, '—');
  if (type === 'Boolean') return value ? '是 yes' : '否 no';
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

function fieldRow(field, record) {
  const value = record[field.name];
  let shown;
  if (field.read === 'value') shown = valueText(value, field.type);
  else if (field.read === 'record') shown = value ? recordLink(value) : valueText(null);
  else {
    shown = value?.nodes?.length
      ? h('ul', { class: 'related' }, value.nodes.map(node => h('li', {}, recordLink(node))),
        value.totalCount > value.nodes.length ? h('li', { class: 'more' }, `… ${value.totalCount}`) : null)
      : valueText(null);
  }
  return h('tr', { 'data-field': field.name },
    h('th', { scope: 'row' }, bilingual(field.label.zh, field.label.en), h('code', { class: 'field-name' }, field.name)),
    h('td', {}, shown));
}

/** A citation: the verbatim quote and where it comes from. */
export function citationBlock(citation) {
  const source = citation.source;
  const details = source ? [source.publisher, source.author, source.publishedOn ?? source.publishedYear, source.kind]
    .filter(Boolean).join(' · ') : '';
  return h('figure', { class: 'citation', 'data-citation': citation.code },
    h('blockquote', { lang: 'zh-CN' }, citation.quote),
    h('figcaption', {},
      `${t('source')}: `,
      source ? h('a', { href: `#/node/${encodeURIComponent(source.id)}` }, source.title) : '—',
      details ? ` (${details})` : '',
      source?.url ? [' ', h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, source.url)] : null,
      h('span', { class: 'code' }, ` [${citation.code}]`)));
}

async function historySection(typeName, id) {
  const section = h('section', { class: 'history' }, h('h2', {}, both('history')));
  if (!apiKey()) {
    section.append(h('p', { class: 'hint' }, t('historyNeedsKey')));
    return section;
  }
  try {
    const data = await graphql(historyQuery(typeName), { id }, { withKey: true });
    const events = data.node?.history ?? [];
    section.append(events.length
      ? h('ol', { class: 'events' }, events.map(event => h('li', {},
        h('strong', {}, `${event.occurredAt} · ${event.operation} · ${event.actor}`),
        h('ul', {}, event.changes.map(change =>
          h('li', {}, h('code', {}, change.field), `: ${change.before ?? '—'} → ${change.after ?? '—'}`))))))
      : h('p', {}, t('historyEmpty')));
  } catch (error) {
    const refused = error instanceof GraphQLError && error.codes.some(code => code?.startsWith('AUTH_'));
    section.append(refused ? h('p', { class: 'hint' }, t('historyRefused')) : failure(error));
  }
  return section;
}

export async function renderRecord(main, id) {
  main.append(loading());
  const probe = await graphql('query($id: ID!) { node(id: $id) { __typename } }', { id });
  const typeName = probe.node?.__typename;
  if (!typeName) {
    main.replaceChildren(h('p', { class: 'status' }, t('notFound')));
    return;
  }
  const query = recordQuery(typeName);
  const record = (await graphql(query, { id })).node;
  const fields = recordFields(typeName);
  const { zh, en } = titleOf(record);
  const list = rootListOf(typeName);
  const where = naturalKeyFilter(typeName, record);
  const csv = list && where ? { href: exportHref(list, where), file: `${list}.csv` } : null;

  const citations = typeName === 'Citation' ? [record] : record.sources?.nodes ?? [];
  const view = h('article', { class: `view record${record.isSample ? ' is-sample' : ''}`, 'data-type': typeName },
    h('p', {}, typeBadge(typeName)),
    h('h1', {}, bilingual(zh, en), record.isSample ? sampleBadge() : null),
    record.isSample ? h('p', { class: 'sample-banner', role: 'note' }, t('sampleBanner')) : null,
    h('div', { class: 'actions-row' },
      viewActions(graphiqlHref(query, { id }), csv),
      h('a', { class: 'button', href: `#/graph/${encodeURIComponent(id)}` }, t('openGraph'))),
    h('section', { class: 'citations' }, h('h2', {}, both('citations')),
      citations.length ? citations.map(citationBlock) : h('p', { class: 'hint' }, t('noCitations'))),
    h('section', { class: 'fields' }, h('h2', {}, both('fields')),
      h('table', {}, h('tbody', {}, fields.filter(f => f.read !== 'connection').map(f => fieldRow(f, record))))),
    h('section', { class: 'connections' }, h('h2', {}, both('related')),
      h('table', {}, h('tbody', {}, fields.filter(f => f.read === 'connection').map(f => fieldRow(f, record))))));
  main.replaceChildren(view);
  view.append(await historySection(typeName, id));
  const { zh: typeZh, en: typeEn } = typeLabel(typeName);
  document.title = `${zh ?? typeEn} · ${typeZh ?? typeEn}`;
}
