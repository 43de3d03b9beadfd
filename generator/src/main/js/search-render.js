// @ts-check
// Arshif search results rendering. DOM APIs and textContent only: index data never goes through innerHTML.
// Every function takes the document to use, so tests can pass a recording fake.
/**
 * @import { Analyzer, Messages, ResultCard, SearchFacets, SearchState } from './search-format.js'
 * @import { SearchIndexError } from './search-index.js'
 */

/** @type {Record<string, Messages>} */

export const MESSAGES = {
  ar: {
    count(n) {
      if (n === 0) return 'لا نتائج';
      if (n === 1) return 'نتيجة واحدة';
      if (n === 2) return 'نتيجتان';
      if (n % 100 >= 3 && n % 100 <= 10) return `${n} نتائج`;
      return `${n} نتيجة`;
    },
    loading: 'جارٍ البحث…',
    failure: {
      newer: 'فهرس البحث أحدث من هذه الصفحة. أعد تحميل الصفحة لتبحث.',
      unreadable: (url) => `لا تستطيع هذه الصفحة قراءة فهرس البحث ${url}. أعد تحميل الصفحة، فإن لم يُفد ذلك فالموقع `
        + 'يحتاج إلى إعادة بناء.',
      http: (status, url) => `تعذّر البحث: ردّ الخادم بـ HTTP ${status} على ${url}.`,
      network: (url) => `تعذّر البحث: لم يُجب الخادم عن ${url}. تحقّق من الاتصال وأعد المحاولة.`,
      data: (url) => `تعذّر البحث: الملف ${url} تالف أو ليس من فهرس البحث. أعد تحميل الصفحة، فإن لم يُفد ذلك `
        + 'فالموقع يحتاج إلى إعادة بناء.',
      other: (why) => `تعذّر البحث (${why}). أعد المحاولة.`,
    },
    years: 'السنة',
    tags: 'الوسوم',
    more: 'نتائج أخرى',
    both: (other) => `ابحث أيضًا في الأرشيف باللغة ${other}`,
    shown: (a, b) => `عُرض ${a} من ${b}`,
    langName: { ar: 'العربية', en: 'الإنجليزية' },
  },
  en: {
    count: (n) => (n === 0 ? 'No results' : n === 1 ? '1 result' : `${n} results`),
    loading: 'Searching…',
    failure: {
      newer: 'The search index is newer than this page. Reload the page to search.',
      unreadable: (url) => `This page cannot read the search index ${url}. Reload the page; if that does not help, `
        + 'the site needs rebuilding.',
      http: (status, url) => `Search failed: the server answered HTTP ${status} for ${url}.`,
      network: (url) => `Search failed: no answer from the server for ${url}. Check the connection and try again.`,
      data: (url) => `Search failed: ${url} is damaged or not part of the search index. Reload the page; if that `
        + 'does not help, the site needs rebuilding.',
      other: (why) => `Search failed (${why}). Please try again.`,
    },
    years: 'Year',
    tags: 'Tags',
    more: 'More results',
    both: (other) => `Also search the ${other} archive`,
    shown: (a, b) => `Showing ${a} of ${b}`,
    langName: { ar: 'Arabic', en: 'English' },
  },
};

/** @param {string} lang */
export function messagesFor(lang) {
  return MESSAGES[lang] ?? MESSAGES.en;
}

/**
 * What the status region says when a search fails: the cause, in the page's language. An index of another format
 * version than the client's means that the page and its scripts come from different builds: a reload joins them.
 * @param {unknown} err
 * @param {string} lang
 */
export function failureMessage(err, lang) {
  const f = messagesFor(lang).failure;
  const e = /** @type {Partial<SearchIndexError>} */ (err instanceof Error ? err : {});
  // an isolate keeps the URL left to right inside Arabic text
  const url = `\u2068${e.url ?? ''}\u2069`;
  if (e.kind === 'version' && typeof e.found === 'number' && e.found > (e.expected ?? 0)) return f.newer;
  if (e.kind === 'version' || e.kind === 'format') return f.unreadable(url);
  if (e.kind === 'http') return f.http(e.status ?? 0, url);
  if (e.kind === 'network') return f.network(url);
  if (e.kind === 'data') return f.data(url);
  return f.other(err instanceof Error ? err.message : String(err));
}

/**
 * Splits text into [{text, mark}] segments; a token is marked when its analyzed term is one of `terms`, so a
 * spelling variant in the text is marked even though the reader typed another spelling.
 * @param {string} text
 * @param {Analyzer} analyzer
 * @param {Iterable<string>} terms
 */
export function highlightSegments(text, analyzer, terms) {
  const want = terms instanceof Set ? terms : new Set(terms);
  /** @type {{text: string, mark: boolean}[]} */
  const out = [];
  let at = 0;
  for (const t of analyzer.tokens(text)) {
    if (!want.has(t.term)) continue;
    if (t.start > at) out.push({ text: text.slice(at, t.start), mark: false });
    const prev = out[out.length - 1];
    // join marks separated by nothing (never happens with word tokens, kept for safety)
    if (prev && prev.mark && t.start === at) prev.text += text.slice(t.start, t.end);
    else out.push({ text: text.slice(t.start, t.end), mark: true });
    at = t.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * Appends highlighted text to `parent`: text nodes and <mark> elements.
 * @param {Document} doc
 * @param {Node} parent
 * @param {string} text
 * @param {Analyzer} analyzer
 * @param {Iterable<string>} terms
 */
export function appendHighlighted(doc, parent, text, analyzer, terms) {
  for (const seg of highlightSegments(text, analyzer, terms)) {
    if (seg.mark) {
      const m = doc.createElement('mark');
      m.textContent = seg.text;
      parent.appendChild(m);
    } else {
      parent.appendChild(doc.createTextNode(seg.text));
    }
  }
}

/** @param {Document} doc @param {string} tag @param {string} [className] */
function el(doc, tag, className) {
  const e = doc.createElement(tag);
  if (className) e.setAttribute('class', className);
  return e;
}

/**
 * One result as an <li>. `analyzers` maps a language to its analyzer (results may come from both languages).
 * @param {Document} doc
 * @param {ResultCard} result
 * @param {{analyzers: Record<string, Analyzer>, pageLang: string}} options
 */
export function renderResult(doc, result, { analyzers, pageLang }) {
  const analyzer = analyzers[result.lang];
  const li = el(doc, 'li', 'search-result');
  if (result.lang !== pageLang) {
    li.setAttribute('lang', result.lang);
    li.setAttribute('dir', result.lang === 'ar' ? 'rtl' : 'ltr');
  }
  const article = el(doc, 'article');
  const h = el(doc, 'h2', 'search-result-title');
  const a = doc.createElement('a');
  a.setAttribute('href', result.url);
  appendHighlighted(doc, a, result.title, analyzer, result.terms);
  h.appendChild(a);
  article.appendChild(h);

  const meta = el(doc, 'div', 'search-result-meta');
  const time = doc.createElement('time');
  time.setAttribute('datetime', result.date);
  time.textContent = result.dateLabel || result.date;
  meta.appendChild(time);
  if (result.lang !== pageLang) {
    meta.appendChild(doc.createTextNode(' · '));
    const l = el(doc, 'span', 'search-result-lang');
    l.textContent = messagesFor(pageLang).langName[result.lang] ?? result.lang;
    meta.appendChild(l);
  }
  if (result.tags.length) {
    const ul = el(doc, 'ul', 'search-result-tags');
    for (const t of result.tags) {
      const item = doc.createElement('li');
      item.textContent = t.name;
      ul.appendChild(item);
    }
    meta.appendChild(ul);
  }
  article.appendChild(meta);

  if (result.snippet) {
    const p = el(doc, 'p', 'search-result-snippet');
    appendHighlighted(doc, p, result.snippet, analyzer, result.terms);
    article.appendChild(p);
  }
  li.appendChild(article);
  return li;
}

/**
 * Facet buttons (aria-pressed) for years and tags, grouped in fieldsets.
 * @param {Document} doc
 * @param {Element} container
 * @param {SearchFacets} facets
 * @param {SearchState} state
 * @param {string} lang
 */
export function renderFacets(doc, container, facets, state, lang) {
  const msg = messagesFor(lang);
  container.replaceChildren();
  /** @typedef {{value: string | number, label: string, count: number}} FacetItem */
  /**
   * @param {string} legendText
   * @param {string} name
   * @param {FacetItem[]} items
   * @param {(value: string | number) => boolean} isOn
   */
  const group = (legendText, name, items, isOn) => {
    if (!items.length) return;
    const fs = el(doc, 'fieldset', 'search-facet');
    const legend = doc.createElement('legend');
    legend.textContent = legendText;
    fs.appendChild(legend);
    for (const it of items) {
      const b = el(doc, 'button', 'search-facet-option');
      b.setAttribute('type', 'button');
      b.setAttribute('data-facet', name);
      b.setAttribute('data-value', String(it.value));
      b.setAttribute('aria-pressed', isOn(it.value) ? 'true' : 'false');
      b.textContent = `${it.label} (${it.count})`;
      fs.appendChild(b);
    }
    container.appendChild(fs);
  };
  // an active filter keeps its button (count 0 if nothing matches), so that it can be turned off
  /** @type {FacetItem[]} */
  const years = facets.years.map((y) => ({ value: y.year, label: String(y.year), count: y.count }));
  if (state.year != null && !years.some((y) => String(y.value) === String(state.year))) {
    years.push({ value: state.year, label: String(state.year), count: 0 });
  }
  /** @type {FacetItem[]} */
  const tags = facets.tags.map((t) => ({ value: t.key, label: t.name, count: t.count }));
  for (const k of state.tags) {
    if (!tags.some((t) => t.value === k)) tags.push({ value: k, label: facets.names?.[k] ?? k, count: 0 });
  }
  group(msg.years, 'year', years, (v) => String(state.year ?? '') === String(v));
  group(msg.tags, 'tag', tags, (v) => state.tags.includes(String(v)));
}

/**
 * Search state <-> URL query string (?q=…&tag=…&year=…&both=1).
 * @param {string} search
 * @returns {SearchState}
 */
export function stateFromSearch(search) {
  const p = new URLSearchParams(search);
  const year = p.get('year');
  return {
    q: p.get('q') ?? '',
    tags: p.getAll('tag').filter(Boolean),
    year: year && /^\d{4}$/.test(year) ? Number(year) : null,
    both: p.get('both') === '1',
  };
}

/** @param {SearchState} state */
export function searchFromState(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const t of state.tags) p.append('tag', t);
  if (state.year != null) p.set('year', String(state.year));
  if (state.both) p.set('both', '1');
  const s = p.toString();
  return s ? `?${s}` : '';
}
