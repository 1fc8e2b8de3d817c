// Search as you type over the API's `search`, Chinese and English.
import { graphql, graphiqlHref } from './api.js';
import { csvUrl } from './csv.js';
import { t } from './i18n.js';
import { titleFragments, titleOf } from './schema.js';
import { h, recordLink, typeBadge, viewActions, loading, failure } from './ui.js';

const debounceMs = 250;

function searchQuery() {
  const fragments = titleFragments().join('\n        ');
  return `query Search($text: String!) {
  search(text: $text, first: 50) {
    totalCount
    nodes {
      score
      matchedField
      node {
        __typename
        id
        ${fragments}
      }
    }
  }
}`;
}

/** Moves focus through the result links with the arrow keys; ↑ from the first goes back to the box. */
function arrowKeys(input, list) {
  input.addEventListener('keydown', event => {
    if (event.key !== 'ArrowDown') return;
    list.querySelector('a.record-link')?.focus();
    event.preventDefault();
  });
  list.addEventListener('keydown', event => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll('a.record-link')];
    const at = links.indexOf(document.activeElement);
    if (at < 0) return;
    const next = event.key === 'ArrowDown' ? links[at + 1] : links[at - 1] ?? input;
    next?.focus();
    event.preventDefault();
  });
}

export function renderSearch(main, params) {
  const query = searchQuery();
  const input = h('input', {
    id: 'search-input', type: 'search', value: params.get('q') ?? '', autocomplete: 'off',
    'aria-describedby': 'search-hint', 'aria-controls': 'search-results',
  });
  const results = h('section', { id: 'search-results', 'aria-live': 'polite' });
  const actions = h('div');
  main.append(h('section', { class: 'view search' },
    h('h1', {}, t('navSearch')),
    h('label', { for: 'search-input', class: 'search-label' }, t('searchLabel')),
    input,
    h('p', { id: 'search-hint', class: 'hint' }, t('searchHint')),
    actions,
    results));
  arrowKeys(input, results);

  let timer = 0;
  let generation = 0;
  async function run() {
    const text = input.value.trim();
    history.replaceState(null, '', `#/search${text ? `?q=${encodeURIComponent(text)}` : ''}`);
    const mine = ++generation;
    actions.replaceChildren();
    if (!text) {
      results.replaceChildren(h('p', { class: 'hint' }, t('searchPrompt')));
      return;
    }
    results.replaceChildren(loading());
    try {
      const data = await graphql(query, { text });
      if (mine !== generation) return; // a newer keystroke has its own answer coming
      showHits(data.search, text);
    } catch (error) {
      if (mine === generation) results.replaceChildren(failure(error));
    }
  }

  function showHits(search, text) {
    const rows = [['score', 'matchedField', 'type', 'id', 'name', 'nameEn']];
    const list = h('ol', { class: 'hits' });
    for (const hit of search.nodes) {
      const { zh, en } = titleOf(hit.node);
      rows.push([hit.score, hit.matchedField, hit.node.__typename, hit.node.id, zh, en]);
      list.append(h('li', {},
        recordLink(hit.node),
        h('span', { class: 'meta' }, typeBadge(hit.node.__typename),
          h('span', {}, `${t('matchedIn')} ${hit.matchedField ?? '—'} · ${t('score')} ${hit.score.toFixed(2)}`))));
    }
    actions.replaceChildren(viewActions(graphiqlHref(query, { text }),
      { href: csvUrl(rows), file: 'search-hits.csv' }));
    results.replaceChildren(
      h('p', { class: 'count' }, `${search.totalCount} ${t('hits')}`),
      search.nodes.length ? list : h('p', {}, t('searchEmpty')));
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  });
  run();
  input.focus();
  return () => clearTimeout(timer);
}
