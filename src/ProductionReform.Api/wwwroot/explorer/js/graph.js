// The linkage graph of a record (Cytoscape.js): depth 1–3, edges labelled by kind, click a node to open it, click or
// hover an edge for the citations that state both its ends. A list of the same nodes and relations sits below the
// canvas, for the keyboard and for screen readers.
import { graphql, graphiqlHref } from './api.js';
import { csvUrl } from './csv.js';
import { both, kindLabel, lang, t } from './i18n.js';
import { nodeTypeNames, titleFragments, titleOf } from './schema.js';
import { bilingual, failure, h, loading, recordLink, typeBadge, viewActions } from './ui.js';
import { citationBlock } from './record.js';

const nodeBudget = 150;
const palette = ['#2f6fb0', '#c0392b', '#27855f', '#8e44ad', '#d35400', '#16859a', '#7f8c1f', '#b03a78',
  '#5d6d7e', '#a67c00', '#1f618d', '#6c3483', '#117a65', '#935116', '#4a235a', '#641e16'];

function linkageQuery() {
  const fragments = titleFragments().join('\n      ');
  return `query Linkages($id: ID!, $depth: Int!) {
  linkages(from: $id, depth: $depth, first: ${nodeBudget}) {
    truncated
    nodes {
      __typename
      id
      ${fragments}
    }
    edges {
      from
      to
      kind
      sources { id code quote source { id title publisher author publishedOn publishedYear kind } }
    }
  }
}`;
}

/** How many relations each record is from the start: the ring it is drawn on. */
function levels(graph, start) {
  const level = new Map([[start, 0]]);
  let frontier = [start];
  while (frontier.length) {
    const next = [];
    for (const edge of graph.edges) {
      for (const [here, there] of [[edge.from, edge.to], [edge.to, edge.from]]) {
        if (frontier.includes(here) && !level.has(there)) {
          level.set(there, level.get(here) + 1);
          next.push(there);
        }
      }
    }
    frontier = next;
  }
  return level;
}

function label(node) {
  const { zh, en } = titleOf(node);
  const text = (lang() === 'en' ? en ?? zh : zh ?? en) ?? node.__typename;
  const short = text.length > 16 ? `${text.slice(0, 16)}…` : text;
  return node.isSample ? `${short}（示例）` : short;
}

export async function renderGraph(main, id, params) {
  const depth = Math.min(3, Math.max(1, Number(params.get('depth')) || 1));
  main.append(loading());
  const query = linkageQuery();
  let graph;
  try {
    graph = (await graphql(query, { id, depth })).linkages;
  } catch (error) {
    main.replaceChildren(failure(error));
    return undefined;
  }
  const byId = new Map(graph.nodes.map(node => [node.id, node]));
  const start = byId.get(id);
  const types = [...new Set(graph.nodes.map(node => node.__typename))];
  const colour = typeName => palette[nodeTypeNames().indexOf(typeName) % palette.length];

  const depthSelect = h('select', { id: 'graph-depth' },
    [1, 2, 3].map(d => h('option', { value: d, selected: d === depth }, String(d))));
  depthSelect.addEventListener('change', () => { location.hash = `#/graph/${encodeURIComponent(id)}?depth=${depthSelect.value}`; });

  const rows = [['from', 'fromName', 'kind', 'to', 'toName', 'citations']];
  const panel = h('aside', { class: 'edge-panel', id: 'edge-panel', 'aria-live': 'polite' },
    h('h2', {}, both('edgeSources')), h('p', { class: 'hint' }, t('edgePick')));
  let cy = null;
  const showEdge = index => {
    const edge = graph.edges[index];
    cy?.edges().removeClass('active');
    cy?.getElementById(`e${index}`).addClass('active');
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    panel.replaceChildren(h('h2', {}, both('edgeSources')),
      h('p', { class: 'edge-title' }, recordLink(from), ` — ${kindLabel(edge.kind)} → `, recordLink(to)),
      ...(edge.sources.length ? edge.sources.map(citationBlock) : [h('p', { class: 'hint' }, t('edgeNoSources'))]));
  };

  const edgeList = h('tbody', {});
  graph.edges.forEach((edge, index) => {
    rows.push([edge.from, titleOf(byId.get(edge.from)).zh, edge.kind, edge.to, titleOf(byId.get(edge.to)).zh,
      edge.sources.map(source => source.code).join(';')]);
    edgeList.append(h('tr', { 'data-edge': index },
      h('td', {}, recordLink(byId.get(edge.from))), h('td', {}, kindLabel(edge.kind)), h('td', {}, recordLink(byId.get(edge.to))),
      h('td', {}, h('button', { type: 'button', class: 'button small', onclick: () => showEdge(index) },
        `${t('show')} (${edge.sources.length})`))));
  });

  const canvas = h('div', { id: 'graph', class: 'graph-canvas', role: 'img', 'aria-label': t('graphTitle') });
  const { zh, en } = titleOf(start);
  main.replaceChildren(h('section', { class: 'view graph', 'data-start': id },
    h('h1', {}, `${t('graphTitle')}: `, bilingual(zh, en)),
    h('div', { class: 'actions-row' },
      viewActions(graphiqlHref(query, { id, depth }), { href: csvUrl(rows), file: 'linkages.csv' }),
      h('label', { for: 'graph-depth' }, `${t('depth')} `), depthSelect,
      h('a', { class: 'button', href: `#/node/${encodeURIComponent(id)}` }, t('openRecord'))),
    h('p', { class: 'hint' }, t('graphHint')),
    graph.truncated ? h('p', { class: 'status' }, t('graphTruncated')) : null,
    h('ul', { class: 'legend' }, types.map(type =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${colour(type)}` }), typeBadge(type)))),
    h('div', { class: 'graph-layout' }, canvas, panel),
    h('h2', {}, `${both('nodes')} (${graph.nodes.length})`),
    h('ul', { class: 'graph-nodes' }, graph.nodes.map(node =>
      h('li', { 'data-node': node.id }, recordLink(node), ' ', typeBadge(node.__typename)))),
    h('h2', {}, `${both('edges')} (${graph.edges.length})`),
    h('table', { class: 'graph-edges' },
      h('thead', {}, h('tr', {}, h('th', {}, t('from')), h('th', {}, t('kind')), h('th', {}, t('to')), h('th', {}, t('source')))),
      edgeList)));

  const ring = levels(graph, id);
  cy = window.cytoscape({
    container: canvas,
    elements: [
      ...graph.nodes.map(node => ({
        data: { id: node.id, label: label(node), colour: colour(node.__typename) },
        classes: [node.isSample ? 'sample' : '', node.id === id ? 'start' : ''].join(' '),
      })),
      ...graph.edges.map((edge, index) => ({
        data: { id: `e${index}`, source: edge.from, target: edge.to, label: kindLabel(edge.kind), index },
      })),
    ],
    style: [
      { selector: 'node', style: {
        'background-color': 'data(colour)', label: 'data(label)', 'font-size': 11, color: '#1b1b1b',
        'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': 140, width: 22, height: 22,
      } },
      { selector: 'node.start', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#111' } },
      { selector: 'node.sample', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#b00020', opacity: 0.8 } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', label: 'data(label)', 'font-size': 9, color: '#44515e', 'text-rotation': 'autorotate',
        'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      } },
      { selector: 'edge.active', style: { width: 3, 'line-color': '#d35400', 'target-arrow-color': '#d35400' } },
    ],
    // Rings around the start record, one per relation away: the depth reads at a glance.
    layout: {
      name: 'concentric', animate: false, padding: 30, minNodeSpacing: 60, startAngle: Math.PI / 6,
      concentric: node => depth + 1 - (ring.get(node.id()) ?? depth + 1), levelWidth: () => 1,
    },
    wheelSensitivity: 0.3,
    maxZoom: 1.5,
  });
  cy.on('tap', 'node', event => { location.hash = `#/node/${encodeURIComponent(event.target.id())}`; });
  cy.on('tap mouseover', 'edge', event => showEdge(event.target.data('index')));
  return () => cy.destroy();
}
