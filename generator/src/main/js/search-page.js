// Arshif search page entry (<script type="module">). Reads its configuration from data attributes (no inline
// script, strict CSP), loads the index and the analyzer lazily when the search box gets focus (or at once when
// the URL already holds a query), keeps the query in the URL. See generator/SEARCH-FORMAT.md for the markup.
import { messagesFor, renderFacets, renderResult, searchFromState, stateFromSearch } from './search-render.js';

const PAGE = 10;
const TYPING_DELAY = 180;

const defaultModules = () => Promise.all([import('./search-index.js'), import('./analyzer.js')]);

/**
 * Wires the search page. Tests pass a fake document/window and `modules`/`fetch` to load the fixture.
 * Returns null when the page has no [data-search-manifest] element.
 */
export function initSearchPage(doc = document, win = window, { modules = defaultModules, fetch } = {}) {
  const root = doc.querySelector('[data-search-manifest]');
  if (!root) return null;
  const lang = root.getAttribute('data-search-lang') || doc.documentElement.getAttribute('lang') || 'en';
  const otherLang = root.getAttribute('data-search-other-lang') || (lang === 'ar' ? 'en' : 'ar');
  const form = root.querySelector('form[data-search-form]') || root.querySelector('form');
  const input = form.querySelector('input[name="q"]');
  const msg = messagesFor(lang);
  // optional parts: taken from the template when present, else created here
  const make = (tag, attrs, before) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    (before?.parentNode ?? root).insertBefore(e, before ?? null);
    return e;
  };
  const status = root.querySelector('[data-search-status], .search-status')
    || make('p', { 'data-search-status': '', role: 'status', 'aria-live': 'polite' });
  const list = root.querySelector('[data-search-results], .search-results') || make('ol', { 'data-search-results': '' });
  const facetsEl = root.querySelector('[data-search-facets]')
    || make('div', { 'data-search-facets': '', class: 'search-facets' }, list);
  const moreBtn = root.querySelector('[data-search-more]')
    || make('button', { 'data-search-more': '', type: 'button', class: 'search-more', hidden: '' }, list.nextSibling);
  let both = form.querySelector('input[name="both"]');
  if (!both && root.getAttribute('data-search-other-manifest')) {
    const label = doc.createElement('label');
    label.setAttribute('class', 'search-both');
    both = doc.createElement('input');
    both.setAttribute('type', 'checkbox');
    both.setAttribute('name', 'both');
    both.setAttribute('value', '1');
    label.appendChild(both);
    label.appendChild(doc.createTextNode(` ${msg.both(msg.langName[otherLang] ?? otherLang)}`));
    form.appendChild(label);
  }
  root.setAttribute('data-search-ready', 'true');

  let engine = null;
  const load = () => {
    engine ??= (async () => {
      const [core, analysis] = await modules();
      const open = (attr) => {
        const url = root.getAttribute(attr);
        return url ? core.openIndex({ manifestUrl: url, createAnalyzer: analysis.createAnalyzer, ...(fetch ? { fetch } : {}) }) : null;
      };
      const primary = await open('data-search-manifest');
      // the other language is opened on demand, once
      let other = null;
      return {
        core,
        primary,
        other: () => (other ??= open('data-search-other-manifest')),
      };
    })();
    engine.catch(() => { engine = null; });
    return engine;
  };

  let state = stateFromSearch(win.location.search);
  let shown = 0;
  let seq = 0;

  const setForm = () => {
    input.value = state.q;
    if (both) both.checked = state.both;
  };

  const run = async ({ prefix = false, append = false } = {}) => {
    const my = ++seq;
    if (!state.q.trim()) {
      list.replaceChildren();
      facetsEl?.replaceChildren();
      status.textContent = '';
      if (moreBtn) moreBtn.hidden = true;
      return;
    }
    root.setAttribute('aria-busy', 'true');
    try {
      const e = await load();
      const indexes = [e.primary];
      if (state.both) {
        const o = await e.other();
        if (o) indexes.push(o);
      }
      const offset = append ? shown : 0;
      const res = await e.core.search(indexes, state.q, {
        tags: state.tags, year: state.year, prefix, offset, limit: PAGE,
      });
      if (my !== seq) return;
      const analyzers = Object.fromEntries(indexes.map((ix) => [ix.lang, ix.analyzer]));
      if (!append) list.replaceChildren();
      for (const r of res.results) list.appendChild(renderResult(doc, r, { analyzers, pageLang: lang }));
      shown = offset + res.results.length;
      // while typing, facets keep their last state unless they come free
      if (facetsEl && res.facets) renderFacets(doc, facetsEl, res.facets, state, lang);
      status.textContent = res.total > shown && shown > 0
        ? `${msg.count(res.total)}. ${msg.shown(shown, res.total)}`
        : msg.count(res.total);
      if (moreBtn) {
        moreBtn.hidden = shown >= res.total || res.results.length === 0;
        moreBtn.textContent = msg.more;
      }
    } catch (err) {
      if (my !== seq) return;
      status.textContent = msg.error;
      throw err;
    } finally {
      if (my === seq) root.removeAttribute('aria-busy');
    }
  };

  const commit = (push) => {
    const url = `${win.location.pathname}${searchFromState(state)}${win.location.hash}`;
    if (push) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };

  input.addEventListener('focus', () => { load().catch(() => {}); });
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = { ...state, q: input.value };
      commit(false);
      run({ prefix: true }).catch(report);
    }, TYPING_DELAY);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    state = { ...state, q: input.value };
    commit(true);
    run().catch(report);
  });
  both?.addEventListener('change', () => {
    state = { ...state, both: both.checked };
    commit(true);
    run().catch(report);
  });
  facetsEl?.addEventListener('click', (ev) => {
    const b = ev.target.closest?.('button[data-facet]');
    if (!b) return;
    const v = b.getAttribute('data-value');
    if (b.getAttribute('data-facet') === 'year') {
      state = { ...state, year: String(state.year) === v ? null : Number(v) };
    } else {
      state = { ...state, tags: state.tags.includes(v) ? state.tags.filter((t) => t !== v) : [...state.tags, v] };
    }
    commit(true);
    run().catch(report).then(() => {
      // keep keyboard focus on the same facet after re-rendering
      const again = facetsEl.querySelector(`button[data-facet="${b.getAttribute('data-facet')}"][data-value="${cssEscape(v)}"]`);
      again?.focus();
    });
  });
  moreBtn?.addEventListener('click', () => { run({ append: true }).catch(report); });
  win.addEventListener('popstate', () => {
    state = stateFromSearch(win.location.search);
    setForm();
    run().catch(report);
  });

  setForm();
  if (state.q) run().catch(report);
  return { run, load, state: () => state };
}

function cssEscape(v) {
  return String(v).replace(/["\\]/g, '\\$&');
}

function report(err) {
  // the status region already says that search failed; keep the cause for developers
  console.error(err);
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') initSearchPage();
