// Small DOM helpers shared by the views.
import { t, ordered } from './i18n.js';
import { typeLabel, titleOf } from './schema.js';

/** Creates an element: h('a', { href: '#' }, 'text', child). Attributes starting with "on" become listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** "中文 English" with the current language first; the second in a quieter style. */
export function bilingual(zh, en, tag = 'span') {
  const [first, second] = ordered(zh, en);
  return h(tag, { class: 'bilingual' }, first ?? '', second && second !== first ? h('span', { class: 'other' }, second) : null);
}

export const sampleBadge = () => h('span', { class: 'badge sample', title: t('sampleBanner') }, `${t('sample')} · SAMPLE`);

export function typeBadge(typeName) {
  const { zh, en } = typeLabel(typeName);
  return h('span', { class: 'badge type' }, ordered(zh, en).join(' '));
}

/** A link to a record's page, named in both languages, marked when it is a sample. */
export function recordLink(node) {
  const { zh, en } = titleOf(node);
  return h('a', { href: `#/node/${encodeURIComponent(node.id)}`, class: 'record-link' },
    bilingual(zh, en), node.isSample ? sampleBadge() : null);
}

/** The "query" link (exact GraphQL in GraphiQL) and the CSV download of a view. */
export function viewActions(queryHref, csv) {
  const actions = h('div', { class: 'actions' },
    h('a', { class: 'button', href: queryHref, target: '_blank', rel: 'noopener', 'data-action': 'query' }, t('query')));
  if (csv) actions.append(h('a', { class: 'button', href: csv.href, download: csv.file, 'data-action': 'csv' }, t('csv')));
  return actions;
}

export const loading = () => h('p', { class: 'status', role: 'status' }, t('loading'));

export const failure = error => h('p', { class: 'status error', role: 'alert' }, `${t('error')}: ${error.message}`);
