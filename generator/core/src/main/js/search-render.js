// @ts-check
// Arshif search results rendering. DOM APIs and textContent only: index data never goes through innerHTML.
// Every function takes the document to use, so tests can pass a recording fake.
/**
 * @import { Analyzer, Messages, ResultCard, SearchFacets, SearchState } from './search-format.js'
 * @import { SearchIndexError } from './search-index.js'
 */

/**
 * The client's words, under the keys of templates/i18n.yml. The search page passes the site's words (its i18n.yml
 * over the theme's) as data-t-* attributes of the search root (see wordsFrom); these built-in ones fill any gap, so a
 * template without the attributes still reads well. {name} placeholders are filled in by messagesFor.
 */
export const WORD_KEYS = /** @type {const} */ ([
  'searchLoading', 'resultsZero', 'resultsOne', 'resultsTwo', 'resultsFew', 'resultsMany', 'resultsOther',
  'resultsShown', 'searchMore', 'searchBoth', 'filterYear', 'filterTag', 'allYears', 'allTags', 'languageAr',
  'languageEn', 'searchFailNewer', 'searchFailUnreadable', 'searchFailHttp', 'searchFailNetwork', 'searchFailData',
  'searchFailOther', 'searchFailRange', 'searchCorrected', 'searchAsTyped', 'resultsSome', 'countTags',
  'resultsUnshown',
]);
/** @typedef {typeof WORD_KEYS[number]} WordKey */
/** @typedef {Partial<Record<WordKey, string>>} Words */

/** @type {Record<string, Words>} */
export const WORDS = {
  ar: {
    searchLoading: 'جارٍ البحث…',
    resultsZero: 'لا نتائج',
    resultsOne: 'نتيجة واحدة',
    resultsTwo: 'نتيجتان',
    resultsFew: '{n} نتائج',
    resultsMany: '{n} نتيجة',
    resultsOther: '{n} نتيجة',
    resultsShown: 'عُرض {shown} من {total}',
    searchMore: 'نتائج أخرى',
    searchBoth: 'ابحث أيضًا في الأرشيف باللغة {language}',
    filterYear: 'السنة',
    filterTag: 'الوسوم',
    allYears: 'كل السنوات',
    allTags: 'كل الوسوم',
    languageAr: 'العربية',
    languageEn: 'الإنجليزية',
    searchFailNewer: 'فهرس البحث أحدث من هذه الصفحة. أعد تحميل الصفحة لتبحث.',
    searchFailUnreadable: 'لا تستطيع هذه الصفحة قراءة فهرس البحث {url}. أعد تحميل الصفحة، فإن لم يُفد ذلك فالموقع '
      + 'يحتاج إلى إعادة بناء.',
    searchFailHttp: 'تعذّر البحث: ردّ الخادم بـ HTTP {status} على {url}.',
    searchFailNetwork: 'تعذّر البحث: لم يُجب الخادم عن {url}. تحقّق من الاتصال وأعد المحاولة.',
    searchFailData: 'تعذّر البحث: الملف {url} تالف أو ليس من فهرس البحث. أعد تحميل الصفحة، فإن لم يُفد ذلك '
      + 'فالموقع يحتاج إلى إعادة بناء.',
    searchFailOther: 'تعذّر البحث ({why}). أعد المحاولة.',
    searchFailRange: 'تعذّر البحث: هذا الخادم لا يلبّي طلبات HTTP Range '
      + 'التي يحتاجها فهرس هذا الموقع المدمج ({url}). انشر الموقع على خادم يلبّيها (مثل GitHub Pages) أو ابنِه دون compact.',
    searchCorrected: 'نتائج لـ«{words}»',
    searchAsTyped: 'ابحث عن «{words}» كما كُتبت',
    resultsSome: 'وفيها بعض الكلمات فقط: {n}',
    countTags: 'عدّ النتائج حسب الوسم',
    resultsUnshown: 'لم تُعرض {n} منها: لم يُحمَّل ملف البحث {url} ({why}). إن كان الموقع قد نُشر للتو فربما لم تكتمل '
      + 'ملفاته بعد؛ وإلا فانشره من جديد.',
  },
  en: {
    searchLoading: 'Searching…',
    resultsZero: 'No results',
    resultsOne: '1 result',
    resultsOther: '{n} results',
    resultsShown: 'Showing {shown} of {total}',
    searchMore: 'More results',
    searchBoth: 'Also search the {language} archive',
    filterYear: 'Year',
    filterTag: 'Tags',
    allYears: 'All years',
    allTags: 'All tags',
    languageAr: 'Arabic',
    languageEn: 'English',
    searchFailNewer: 'The search index is newer than this page. Reload the page to search.',
    searchFailUnreadable: 'This page cannot read the search index {url}. Reload the page; if that does not help, '
      + 'the site needs rebuilding.',
    searchFailHttp: 'Search failed: the server answered HTTP {status} for {url}.',
    searchFailNetwork: 'Search failed: no answer from the server for {url}. Check the connection and try again.',
    searchFailData: 'Search failed: {url} is damaged or not part of the search index. Reload the page; if that '
      + 'does not help, the site needs rebuilding.',
    searchFailOther: 'Search failed ({why}). Please try again.',
    searchFailRange: 'Search failed: this server ignores the HTTP Range requests that this compact site\'s search '
      + 'index needs ({url}). Publish it on a host that serves Range (GitHub Pages does), or build it without compact.',
    searchCorrected: 'Showing results for “{words}”',
    searchAsTyped: 'Search for “{words}” as typed',
    resultsSome: 'With only some of the words: {n}',
    countTags: 'Count results by tag',
    resultsUnshown: 'Not shown: {n}, as the search file {url} did not load ({why}). If the site was just published, '
      + 'not all of it may be there yet; else publish it again.',
  },
};

/** @param {WordKey} key the attribute that carries a word: resultsOther → data-t-results-other */
export function wordAttribute(key) {
  return `data-t-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The words the page passes in data-t-* attributes of the search root; absent or empty ones are left out.
 * @param {Element} root
 * @returns {Words}
 */
export function wordsFrom(root) {
  /** @type {Words} */
  const out = {};
  for (const key of WORD_KEYS) {
    const v = root.getAttribute(wordAttribute(key));
    if (v) out[key] = v;
  }
  return out;
}

/**
 * The page's messages in `lang`: the page's words, else the built-in ones of that language, else English.
 * @param {string} lang
 * @param {Words} [words] the page's own words (wordsFrom)
 * @returns {Messages}
 */
export function messagesFor(lang, words = {}) {
  const builtIn = WORDS[lang] ?? WORDS.en;
  // an empty word is no word: the next source fills it
  /** @param {WordKey} key */
  const has = (key) => Boolean(words[key] || builtIn[key]);
  /** @param {WordKey} key @param {Record<string, string | number>} [vars] */
  const say = (key, vars = {}) => (words[key] || builtIn[key] || WORDS.en[key] || key)
    .replace(/\{(\w+)\}/g, (all, name) => (name in vars ? String(vars[name]) : all));
  const plural = new Intl.PluralRules(lang);
  /** @param {number} n */
  const countKey = (n) => {
    if (n === 0 && has('resultsZero')) return 'resultsZero';
    const form = /** @type {WordKey} */ (`results${plural.select(n).replace(/^./, (c) => c.toUpperCase())}`);
    return WORD_KEYS.includes(form) && has(form) ? form : 'resultsOther';
  };
  return {
    count: (n) => say(countKey(n), { n }),
    loading: say('searchLoading'),
    failure: {
      newer: say('searchFailNewer'),
      unreadable: (url) => say('searchFailUnreadable', { url }),
      http: (status, url) => say('searchFailHttp', { status, url }),
      network: (url) => say('searchFailNetwork', { url }),
      data: (url) => say('searchFailData', { url }),
      range: (url) => say('searchFailRange', { url }),
      other: (why) => say('searchFailOther', { why }),
    },
    years: say('filterYear'),
    tags: say('filterTag'),
    allYears: say('allYears'),
    allTags: say('allTags'),
    countTags: say('countTags'),
    more: say('searchMore'),
    both: (language) => say('searchBoth', { language }),
    shown: (shown, total) => say('resultsShown', { shown, total }),
    corrected: (words) => say('searchCorrected', { words }),
    asTyped: (words) => say('searchAsTyped', { words }),
    some: (n) => say('resultsSome', { n }),
    unshown: (n, url, why) => say('resultsUnshown', { n, url, why }),
    langName: { ar: say('languageAr'), en: say('languageEn') },
  };
}

/**
 * What the status region says when a search fails: the cause, in the page's language. An index of another format
 * version than the client's means that the page and its scripts come from different builds: a reload joins them.
 * @param {unknown} err
 * @param {string} lang
 * @param {Messages} [msg] the page's messages (default: the built-in ones of `lang`)
 */
export function failureMessage(err, lang, msg = messagesFor(lang)) {
  const f = msg.failure;
  const e = /** @type {Partial<SearchIndexError>} */ (err instanceof Error ? err : {});
  // an isolate keeps the URL left to right inside Arabic text
  const url = `\u2068${e.url ?? ''}\u2069`;
  if (e.kind === 'version' && typeof e.found === 'number' && e.found > (e.expected ?? 0)) return f.newer;
  if (e.kind === 'version' || e.kind === 'format') return f.unreadable(url);
  if (e.kind === 'http') return f.http(e.status ?? 0, url);
  if (e.kind === 'network') return f.network(url);
  if (e.kind === 'data') return f.data(url);
  if (e.kind === 'range') return f.range(url);
  return f.other(err instanceof Error ? err.message : String(err));
}

/**
 * What the status region adds when some results of a page could not be shown: how many, the file that failed
 * (isolated, as in failureMessage) and how (the HTTP status, or the kind of failure).
 * @param {number} n
 * @param {unknown} err
 * @param {Messages} msg
 */
export function unshownMessage(n, err, msg) {
  const e = /** @type {Partial<SearchIndexError>} */ (err instanceof Error ? err : {});
  const why = e.status ? `HTTP ${e.status}` : e.kind ?? (err instanceof Error ? err.message : String(err));
  return msg.unshown(n, `\u2068${e.url ?? ''}\u2069`, why);
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
    // وقال is indexed as قال too (its و read as "and"), so a search for قال marks it; so are a written mark's
    // readings (ألعاب as العاب, عاماً as عام)
    const written = text.slice(t.start, t.end);
    if (!want.has(t.term) && !want.has(analyzer.conjunctionTerm(written) ?? '')
      && !analyzer.readings(written).some((r) => want.has(r.term))) continue;
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
 * Text isolated from the surrounding direction (<bdi>), as the theme isolates names, dates and numbers.
 * @param {Document} doc @param {string} text
 */
function isolated(doc, text) {
  const b = doc.createElement('bdi');
  b.textContent = text;
  return b;
}

/**
 * One result as an <li>, laid out like the theme's cards: title, date (and language), snippet, tag chips.
 * `analyzers` maps a language to its analyzer (results may come from both languages).
 * @param {Document} doc
 * @param {ResultCard} result
 * @param {{analyzers: Record<string, Analyzer>, pageLang: string, messages?: Messages}} options
 */
export function renderResult(doc, result, { analyzers, pageLang, messages = messagesFor(pageLang) }) {
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

  const meta = el(doc, 'p', 'search-result-meta');
  const time = doc.createElement('time');
  time.setAttribute('datetime', result.date);
  time.appendChild(isolated(doc, result.dateLabel || result.date));
  meta.appendChild(time);
  if (result.lang !== pageLang) {
    meta.appendChild(doc.createTextNode(' · '));
    const l = el(doc, 'span', 'search-result-lang');
    // the language's name is a word of the page, in the page's language
    l.setAttribute('lang', pageLang);
    l.textContent = messages.langName[result.lang] ?? result.lang;
    meta.appendChild(l);
  }
  article.appendChild(meta);

  if (result.snippet) {
    const p = el(doc, 'p', 'search-result-snippet');
    appendHighlighted(doc, p, result.snippet, analyzer, result.terms);
    article.appendChild(p);
  }
  if (result.tags.length) {
    const ul = el(doc, 'ul', 'search-result-tags');
    for (const t of result.tags) ul.appendChild(doc.createElement('li')).appendChild(isolated(doc, t.name));
    article.appendChild(ul);
  }
  li.appendChild(article);
  return li;
}

/** @typedef {{value: string | number, label: string, count: number}} FacetItem */

/**
 * One group of facet chips: "all" first (pressed when the group filters nothing; it clears the group), then one
 * chip per value with its count.
 * @param {Document} doc
 * @param {{legend: string, all: string, name: string, items: FacetItem[], isOn: (value: string | number) => boolean}} g
 */
function facetGroup(doc, { legend, all, name, items, isOn }) {
  const fs = el(doc, 'fieldset', 'search-facet');
  fs.appendChild(doc.createElement('legend')).textContent = legend;
  const none = el(doc, 'button', 'search-facet-option search-facet-all');
  none.setAttribute('type', 'button');
  none.setAttribute('data-facet-all', name);
  none.setAttribute('aria-pressed', items.some((it) => isOn(it.value)) ? 'false' : 'true');
  none.textContent = all;
  fs.appendChild(none);
  for (const it of items) {
    const b = el(doc, 'button', 'search-facet-option');
    b.setAttribute('type', 'button');
    b.setAttribute('data-facet', name);
    b.setAttribute('data-value', String(it.value));
    b.setAttribute('aria-pressed', isOn(it.value) ? 'true' : 'false');
    b.appendChild(isolated(doc, it.label));
    b.appendChild(doc.createTextNode(' '));
    b.appendChild(el(doc, 'span', 'count')).textContent = `(${it.count})`;
    fs.appendChild(b);
  }
  return fs;
}

/**
 * Facet chips (buttons with aria-pressed) for years and tags, each group in a fieldset.
 * @param {Document} doc
 * @param {Element} container
 * @param {SearchFacets} facets
 * @param {SearchState} state
 * @param {string} lang
 * @param {Messages} [msg] the page's messages (default: the built-in ones of `lang`)
 */
export function renderFacets(doc, container, facets, state, lang, msg = messagesFor(lang)) {
  container.replaceChildren();
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
  if (years.length) {
    container.appendChild(facetGroup(doc, { legend: msg.years, all: msg.allYears, name: 'year', items: years,
      isOn: (v) => String(state.year ?? '') === String(v) }));
  }
  if (tags.length) {
    container.appendChild(facetGroup(doc, { legend: msg.tags, all: msg.allTags, name: 'tag', items: tags,
      isOn: (v) => state.tags.includes(String(v)) }));
  } else if (facets.tagsPending) {
    // counting the tags of a large result costs its documents' tags: a button, rather than on every query
    const fs = el(doc, 'fieldset', 'search-facet');
    fs.appendChild(doc.createElement('legend')).textContent = msg.tags;
    const b = el(doc, 'button', 'search-facet-option search-facet-count');
    b.setAttribute('type', 'button');
    b.setAttribute('data-facet-count', 'tag');
    b.textContent = msg.countTags;
    fs.appendChild(b);
    container.appendChild(fs);
  }
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
    typed: p.get('typed') === '1',
  };
}

/** @param {SearchState} state */
export function searchFromState(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const t of state.tags) p.append('tag', t);
  if (state.year != null) p.set('year', String(state.year));
  if (state.both) p.set('both', '1');
  if (state.typed) p.set('typed', '1');
  const s = p.toString();
  return s ? `?${s}` : '';
}
