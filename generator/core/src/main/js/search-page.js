// @ts-check
// Arshif search page entry (<script type="module">). Reads its configuration from data attributes (no inline
// script, strict CSP), loads the index and the analyzer lazily when the search box gets focus (or at once when
// the URL already holds a query), keeps the query in the URL. See generator/SEARCH-FORMAT.md for the markup.
import {
  failureMessage, messagesFor, renderFacets, renderResult, searchFromState, stateFromSearch, unshownMessage, wordsFrom,
} from './search-render.js';
/**
 * @import { FetchLike, Messages, SearchState } from './search-format.js'
 * @import { SearchIndex } from './search-index.js'
 * @typedef {() => Promise<[typeof import('./search-index.js'), typeof import('./analyzer.js')]>} ModuleLoader
 */

const PAGE = 10;
const TYPING_DELAY = 180;

/** @type {ModuleLoader} */
// inflate.js is search-index.js's own import, asked for beside it so that it costs no round trip of its own
const defaultModules = () => Promise.all([import('./search-index.js'), import('./analyzer.js'), import('./inflate.js')])
  .then(([core, analyzer]) => /** @type {[typeof core, typeof analyzer]} */ ([core, analyzer]));

/**
 * Wires the search page. Tests pass a fake document/window and `modules`/`fetch` to load the fixture.
 * Returns null when the page has no [data-search-manifest] element.
 * @param {Document} [doc]
 * @param {Window} [win]
 * @param {{modules?: ModuleLoader, fetch?: FetchLike}} [options]
 */
export function initSearchPage(doc = document, win = window, { modules = defaultModules, fetch } = {}) {
  const root = doc.querySelector('[data-search-manifest]');
  if (!root) return null;
  const lang = root.getAttribute('data-search-lang') || doc.documentElement.getAttribute('lang') || 'en';
  // the site's words (templates/i18n.yml) come as data-t-* attributes; the client's own fill any gap
  const msg = messagesFor(lang, wordsFrom(root));
  const parts = pageParts(doc, root, lang, msg);
  root.setAttribute('data-search-ready', 'true');
  const load = engineLoader(doc, root, modules, fetch);
  /** @type {{state: SearchState}} */
  const page = { state: stateFromSearch(win.location.search) };
  const run = searchRunner(doc, root, parts, { lang, msg }, load, () => page.state);
  wireEvents(win, parts, page, run, load);
  setForm(parts, page.state);
  if (page.state.q) run().catch(report);
  return { run, load, state: () => page.state };
}

/**
 * @typedef {object} PageParts
 * @property {HTMLFormElement} form
 * @property {HTMLInputElement} input
 * @property {Element} status
 * @property {Element} list
 * @property {Element} facetsEl
 * @property {HTMLElement} moreBtn
 * @property {HTMLInputElement | null} both the "search both languages" box, when there is another language
 */

/**
 * The page's parts: taken from the template when present, else created here (the optional ones).
 * @param {Document} doc
 * @param {Element} root
 * @param {string} lang
 * @param {Messages} msg
 * @returns {PageParts}
 */
function pageParts(doc, root, lang, msg) {
  const otherLang = root.getAttribute('data-search-other-lang') || (lang === 'ar' ? 'en' : 'ar');
  const form = /** @type {HTMLFormElement} */ (root.querySelector('form[data-search-form]') || root.querySelector('form'));
  const input = /** @type {HTMLInputElement} */ (form.querySelector('input[name="q"]'));
  /** @param {string} tag @param {Record<string, string>} attrs @param {Node | null} [before] */
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
  const moreBtn = /** @type {HTMLElement} */ (root.querySelector('[data-search-more]')
    || make('button', { 'data-search-more': '', type: 'button', class: 'search-more', hidden: '' }, list.nextSibling));
  let both = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="both"]'));
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
  return { form, input, status, list, facetsEl, moreBtn, both };
}

/** @typedef {{core: typeof import('./search-index.js'), primary: SearchIndex, other: () => Promise<SearchIndex> | null}} Engine */

/**
 * Loads the client's modules and opens this language's index, once; a failed load is tried again next time.
 * @param {Document} doc
 * @param {Element} root
 * @param {ModuleLoader} modules
 * @param {FetchLike | undefined} fetch
 */
function engineLoader(doc, root, modules, fetch) {
  /** @type {Promise<Engine> | null} */
  let engine = null;
  /** @returns {Promise<Engine>} */
  return () => {
    const started = (engine ??= (async () => {
      const [core, analysis] = await modules();
      /** @param {string} attr */
      const open = (attr) => {
        const url = root.getAttribute(attr);
        if (!url) return null;
        const manifestData = inlineManifest(doc, url);
        return core.openIndex({
          manifestUrl: url, createAnalyzer: analysis.createAnalyzer,
          ...(manifestData === undefined ? {} : { manifestData }), ...(fetch ? { fetch } : {}),
        });
      };
      const primary = /** @type {SearchIndex} */ (await open('data-search-manifest'));
      // the other language is opened on demand, once
      /** @type {Promise<SearchIndex> | null} */
      let other = null;
      return {
        core,
        primary,
        other: () => (other ??= open('data-search-other-manifest')),
      };
    })());
    started.catch(() => { engine = null; });
    return started;
  };
}

/**
 * The manifest the page carries for `url` (`<script type="application/json" data-search-manifest-data="url">`),
 * parsed; undefined when there is none or it does not parse, and the manifest is then fetched.
 * @param {Document} doc
 * @param {string} url
 * @returns {unknown}
 */
function inlineManifest(doc, url) {
  for (const el of doc.querySelectorAll('script[data-search-manifest-data]')) {
    if (el.getAttribute('data-search-manifest-data') !== url) continue;
    try {
      return JSON.parse(el.textContent ?? '');
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The search itself: runs the current state's query and renders results, facets and status. A run that a newer
 * one overtook renders nothing.
 * @param {Document} doc
 * @param {Element} root
 * @param {PageParts} parts
 * @param {{lang: string, msg: Messages}} words the page's language and messages
 * @param {() => Promise<Engine>} load
 * @param {() => SearchState} current
 */
function searchRunner(doc, root, { status, list, facetsEl, moreBtn }, { lang, msg }, load, current) {
  let shown = 0;
  let seq = 0;
  /** the state whose tag counts the reader asked for (they then stay for its "more" pages) */
  let countedFor = '';
  const facets = facetsView(doc, facetsEl, lang, msg);
  /** what each item of the list shows (ListItem.key) @type {WeakMap<Element, string>} */
  const shownAs = new WeakMap();
  /** whether the list shows a search as typed (the last word a prefix too) */
  let typedShown = false;
  /** @param {{prefix?: boolean, append?: boolean, countTags?: boolean}} [how] */
  return async ({ prefix = false, append: more = false, countTags = false } = {}) => {
    // "more" below a typed search is the submitted search's (in another order): its first pages, over the list
    const append = more && !typedShown;
    const limit = more && typedShown ? shown + PAGE : PAGE;
    const my = ++seq;
    const state = current();
    if (countTags) countedFor = searchFromState(state);
    if (!state.q.trim()) {
      clearResults({ status, list, moreBtn }, facets);
      return;
    }
    root.setAttribute('aria-busy', 'true');
    // the first search may wait for the index: say so (later ones keep the last count until theirs is ready)
    if (!status.textContent) status.textContent = msg.loading;
    try {
      const e = await load();
      const indexes = [e.primary];
      if (state.both) {
        const o = await e.other();
        if (o) indexes.push(o);
      }
      const offset = append ? shown : 0;
      const res = await e.core.search(indexes, state.q, {
        tags: state.tags, year: state.year, prefix, offset, limit, fuzzy: !state.typed,
        tagCounts: !prefix && countedFor === searchFromState(state),
      });
      if (my !== seq) return;
      const analyzers = Object.fromEntries(indexes.map((ix) => [ix.lang, ix.analyzer]));
      const items = listItems(doc, res, offset, { analyzers, pageLang: lang, messages: msg });
      if (append) list.appendChild(listNodes(doc, items, shownAs));
      else refill(doc, list, items, shownAs);
      // the results left out still take their places: "more" goes on after them
      shown = offset + res.results.length + res.unshown;
      typedShown = prefix;
      // while typing, facets keep their last state unless they come free
      if (res.facets) facets.show(res.facets, state);
      const all = res.total + res.some;
      showStatus(doc, status, res, shown, state, msg);
      moreBtn.hidden = shown >= all || res.results.length === 0;
      if (moreBtn.textContent !== msg.more) moreBtn.textContent = msg.more;
    } catch (err) {
      if (my !== seq) return;
      status.textContent = failureMessage(err, lang, msg);
      throw err;
    } finally {
      if (my === seq) root.removeAttribute('aria-busy');
    }
  };
}

/**
 * An empty query: no results, facets, status or "more".
 * @param {{status: Element, list: Element, moreBtn: HTMLElement}} parts
 * @param {{clear: () => void}} facets
 */
function clearResults({ status, list, moreBtn }, facets) {
  list.replaceChildren();
  facets.clear();
  status.textContent = '';
  moreBtn.hidden = true;
}

/**
 * The facets, drawn again only when what they show changed: their counts or the filters on (a search for the same
 * words again, or "more", leaves them as they are, laid out and painted).
 * @param {Document} doc
 * @param {Element} facetsEl
 * @param {string} lang
 * @param {Messages} msg
 */
function facetsView(doc, facetsEl, lang, msg) {
  let shown = '';
  return {
    /** @param {import('./search-format.js').SearchFacets} facets @param {SearchState} state */
    show(facets, state) {
      const now = JSON.stringify([facets, state.year, state.tags]);
      if (now === shown) return;
      renderFacets(doc, facetsEl, facets, state, lang, msg);
      shown = now;
    },
    clear() {
      facetsEl.replaceChildren();
      shown = '';
    },
  };
}

/**
 * The status region after a search: the count, the results that could not be shown (their error to the console),
 * the corrections.
 * @param {Document} doc
 * @param {Element} status
 * @param {import('./search-format.js').SearchResults} res
 * @param {number} shown
 * @param {SearchState} state
 * @param {import('./search-format.js').Messages} msg
 */
function showStatus(doc, status, res, shown, state, msg) {
  status.textContent = res.total > shown && shown > 0
    ? `${msg.count(res.total)}. ${msg.shown(shown, res.total)}`
    : msg.count(res.total);
  if (res.unshown) {
    status.appendChild(doc.createTextNode(`. ${unshownMessage(res.unshown, res.unshownBecause, msg)}`));
    console.error(res.unshownBecause);
  }
  if (res.corrections.length) correction(doc, res.corrections, state, msg).forEach((n) => status.appendChild(n));
}

/**
 * One item of the result list: a card, or the label before the results that hold only some of the words. `key` is
 * all that the item shows, so that an item already shown with the same key can stay as it is.
 * @typedef {{key: string, make: () => Element}} ListItem
 */

/**
 * The list items of a page of results.
 * @param {Document} doc
 * @param {import('./search-format.js').SearchResults} res
 * @param {number} offset
 * @param {{analyzers: Record<string, import('./search-format.js').Analyzer>, pageLang: string, messages: Messages}} how
 * @returns {ListItem[]}
 */
function listItems(doc, res, offset, how) {
  /** @type {ListItem[]} */
  const items = [];
  res.results.forEach((r, i) => {
    // the results that hold only some of the words come last, under their own label and count
    const before = i > 0 ? res.results[i - 1].allWords : offset < res.total;
    if (r.allWords === false && before !== false) {
      const text = how.messages.some(res.some);
      items.push({ key: JSON.stringify(['some', text]), make: () => someLabel(doc, text) });
    }
    // renderResult draws these fields, in the page's language (how: the same for every search of the page)
    const key = JSON.stringify([r.lang, r.url, r.title, r.date, r.dateLabel, r.tags, r.snippet, r.terms]);
    items.push({ key, make: () => renderResult(doc, r, how) });
  });
  return items;
}

/**
 * The items' elements in a fragment, to be inserted in one operation.
 * @param {Document} doc @param {ListItem[]} items @param {WeakMap<Element, string>} shownAs
 */
function listNodes(doc, items, shownAs) {
  const nodes = doc.createDocumentFragment();
  for (const it of items) {
    const e = it.make();
    shownAs.set(e, it.key);
    nodes.appendChild(e);
  }
  return nodes;
}

/**
 * Shows `items` in place of the list's children. An item that the list already shows at the same place stays,
 * laid out and painted as it was: a search that shows the same results again (Enter after the results of typing,
 * a spelling variant, the same query) redraws nothing of the list. Otherwise the list is built off the document
 * and put in at once.
 * @param {Document} doc @param {Element} list @param {ListItem[]} items @param {WeakMap<Element, string>} shownAs
 */
function refill(doc, list, items, shownAs) {
  const old = [...list.children];
  const shown = items.map((it, i) => old[i] !== undefined && shownAs.get(old[i]) === it.key);
  if (!shown.includes(true)) {
    list.replaceChildren(listNodes(doc, items, shownAs));
    return;
  }
  items.forEach((it, i) => {
    if (shown[i]) return;
    const e = listNodes(doc, [it], shownAs);
    if (old[i]) old[i].replaceWith(e);
    else list.appendChild(e);
  });
  for (const e of old.slice(items.length)) e.remove();
}

/** @param {Document} doc @param {string} text */
function someLabel(doc, text) {
  const li = doc.createElement('li');
  li.setAttribute('class', 'search-some');
  li.textContent = text;
  return li;
}

/**
 * "Showing results for «…»" and a link that searches the words as typed.
 * @param {Document} doc
 * @param {{written: string, word: string}[]} corrections
 * @param {SearchState} state
 * @param {import('./search-format.js').Messages} msg
 */
function correction(doc, corrections, state, msg) {
  const span = doc.createElement('span');
  span.setAttribute('class', 'search-corrected');
  span.textContent = `${msg.corrected(corrections.map((c) => c.word).join(' '))}.`;
  const a = doc.createElement('a');
  a.setAttribute('href', searchFromState({ ...state, typed: true }));
  a.setAttribute('class', 'search-as-typed');
  a.textContent = msg.asTyped(corrections.map((c) => c.written).join(' '));
  return [doc.createTextNode(' '), span, doc.createTextNode(' '), a];
}

/** @param {PageParts} parts @param {SearchState} state */
function setForm({ input, both }, state) {
  input.value = state.q;
  if (both) both.checked = state.both;
}

/**
 * Typing (after a pause), submitting, the "both" box, facets, "more" and Back/Forward: each updates the state, then
 * searches; the URL follows once the results are shown (deferredUrl).
 * @param {Window} win
 * @param {PageParts} parts
 * @param {{state: SearchState}} page
 * @param {(how?: {prefix?: boolean, append?: boolean, countTags?: boolean}) => Promise<void>} run
 * @param {() => Promise<Engine>} load
 */
function wireEvents(win, parts, page, run, load) {
  const { form, input, facetsEl, moreBtn, both } = parts;
  const url = deferredUrl(win, page);
  /** @param {Partial<SearchState>} change @param {boolean} push */
  const update = (change, push) => {
    page.state = { ...page.state, ...change };
    url.want(push);
  };
  /** @param {{prefix?: boolean, append?: boolean, countTags?: boolean}} [how] */
  const search = (how) => run(how).finally(url.later);
  input.addEventListener('focus', () => { load().catch(() => {}); });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      update({ q: input.value, typed: false }, false);
      search({ prefix: true }).catch(report);
    }, TYPING_DELAY);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    update({ q: input.value, typed: false }, true);
    search().catch(report);
  });
  both?.addEventListener('change', () => {
    update({ both: both.checked }, true);
    search().catch(report);
  });
  facetsEl.addEventListener('click', facetClicks(facetsEl, page, update, search));
  moreBtn.addEventListener('click', () => { run({ append: true }).catch(report); });
  win.addEventListener('popstate', () => {
    // Back or Forward chose the URL: an update still waiting would add an entry after it
    url.drop();
    page.state = stateFromSearch(win.location.search);
    setForm(parts, page.state);
    run().catch(report);
  });
}

/**
 * The URL of the page's state, written in a task of its own after the search's results are shown: pushState in the
 * same task held the results back (Chromium fetched the page's icon again before painting them). Updates that wait
 * together make one history entry, a new one if any of them asked for it and the URL changed.
 * @param {Window} win
 * @param {{state: SearchState}} page
 */
function deferredUrl(win, page) {
  /** @type {boolean | null} whether the waiting update adds a history entry; null: none waits */
  let push = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const write = () => {
    if (push === null) return;
    const { pathname, search, hash } = win.location;
    const url = `${pathname}${searchFromState(page.state)}${hash}`;
    // the same URL again (a query submitted twice) adds no entry, as a link to the page itself does not, and
    // spares the history call (Chromium fetches the page's icon again after it)
    if (url !== `${pathname}${search}${hash}`) {
      if (push) win.history.pushState(null, '', url);
      else win.history.replaceState(null, '', url);
    }
    push = null;
  };
  return {
    /** @param {boolean} entry */
    want: (entry) => { push = entry || push === true; },
    later: () => { clearTimeout(timer); timer = setTimeout(write, 0); },
    drop: () => { clearTimeout(timer); push = null; },
  };
}

/**
 * What a click in the facets does: a chip or "all" filters (and updates the URL), the tag-count button asks for
 * the tag counts of the current query.
 * @param {Element} facetsEl
 * @param {{state: SearchState}} page
 * @param {(change: Partial<SearchState>, push: boolean) => void} update
 * @param {(how?: {prefix?: boolean, append?: boolean, countTags?: boolean}) => Promise<void>} run
 * @returns {(ev: Event) => void}
 */
function facetClicks(facetsEl, page, update, run) {
  return (ev) => {
    const target = /** @type {Element | null} */ (ev.target);
    if (target?.closest?.('button[data-facet-count]')) {
      run({ countTags: true }).catch(report).then(() => {
        /** @type {HTMLElement | null} */ (facetsEl.querySelector('button[data-facet-all="tag"]'))?.focus();
      });
      return;
    }
    const b = target?.closest?.('button[data-facet], button[data-facet-all]');
    if (!b) return;
    const all = b.getAttribute('data-facet-all');
    const v = b.getAttribute('data-value') ?? '';
    const { year, tags } = page.state;
    if (all === 'year') update({ year: null }, true);
    else if (all === 'tag') update({ tags: [] }, true);
    else if (b.getAttribute('data-facet') === 'year') update({ year: String(year) === v ? null : Number(v) }, true);
    else update({ tags: tags.includes(v) ? tags.filter((t) => t !== v) : [...tags, v] }, true);
    const group = all ?? b.getAttribute('data-facet') ?? '';
    run().catch(report).then(() => {
      // keep keyboard focus on the same facet after re-rendering (found by its attributes, not a selector that a
      // value from the URL could break), else on its group's "all" chip (a filter the index does not know is gone)
      const buttons = /** @type {HTMLElement[]} */ ([...facetsEl.querySelectorAll('button[data-facet], button[data-facet-all]')]);
      const same = buttons.find((x) => (all ? x.getAttribute('data-facet-all') === all
        : x.getAttribute('data-facet') === group && x.getAttribute('data-value') === v));
      (same ?? buttons.find((x) => x.getAttribute('data-facet-all') === group))?.focus();
    });
  };
}

/** @param {unknown} err */
function report(err) {
  // the status region already says why search failed; keep the trace for developers
  console.error(err);
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') initSearchPage();
