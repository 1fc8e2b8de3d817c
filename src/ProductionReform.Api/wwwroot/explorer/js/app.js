// The explorer's shell: routes the URL fragment to a view, the language switch and the optional API key.
import { setApiKey } from './api.js';
import { lang, setLang, t, translate } from './i18n.js';
import { loadSchema } from './schema.js';
import { renderDashboard } from './dashboard.js';
import { renderGraph } from './graph.js';
import { renderRecord } from './record.js';
import { renderSearch } from './search.js';
import { failure, h } from './ui.js';

const main = document.getElementById('main');
let cleanup = null;

/** #/search?q=…, #/node/<id>, #/graph/<id>?depth=2, #/dashboard */
function parseRoute() {
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  const [, view = 'search', id = null] = path.split('/');
  return { view, id: id && decodeURIComponent(id), params: new URLSearchParams(search ?? '') };
}

async function render() {
  if (cleanup) cleanup();
  cleanup = null;
  main.replaceChildren();
  document.title = t('title');
  const { view, id, params } = parseRoute();
  for (const link of document.querySelectorAll('nav.views a'))
    link.toggleAttribute('aria-current', link.dataset.view === view || (view !== 'dashboard' && link.dataset.view === 'search'));
  try {
    await loadSchema();
    if (view === 'node' && id) await renderRecord(main, id);
    else if (view === 'graph' && id) cleanup = await renderGraph(main, id, params);
    else if (view === 'dashboard') cleanup = renderDashboard(main);
    else cleanup = renderSearch(main, params);
  } catch (error) {
    main.replaceChildren(failure(error));
    if (error.codes?.includes('NO_INTROSPECTION')) main.append(h('p', {}, t('schemaUnavailable')));
  }
  if (view !== 'search') main.focus();
}

function applyLanguage() {
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  translate();
  document.getElementById('lang').textContent = t('langButton');
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'zh' ? 'en' : 'zh');
  applyLanguage();
  render();
});

document.getElementById('key-form').addEventListener('submit', event => {
  event.preventDefault();
  const input = document.getElementById('key-input');
  setApiKey(input.value.trim());
  input.value = '';
  render();
});
document.getElementById('key-clear').addEventListener('click', () => {
  setApiKey(null);
  render();
});

window.addEventListener('hashchange', render);
applyLanguage();
render();
