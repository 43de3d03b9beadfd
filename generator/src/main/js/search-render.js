// Arshif search results rendering. DOM APIs and textContent only: index data never goes through innerHTML.
// Every function takes the document to use, so tests can pass a recording fake.

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
    error: 'تعذّر البحث. أعد المحاولة.',
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
    error: 'Search failed. Please try again.',
    years: 'Year',
    tags: 'Tags',
    more: 'More results',
    both: (other) => `Also search the ${other} archive`,
    shown: (a, b) => `Showing ${a} of ${b}`,
    langName: { ar: 'Arabic', en: 'English' },
  },
};

export function messagesFor(lang) {
  return MESSAGES[lang] ?? MESSAGES.en;
}

/**
 * Splits text into [{text, mark}] segments; a token is marked when its analyzed term is one of `terms`, so a
 * spelling variant in the text is marked even though the reader typed another spelling.
 */
export function highlightSegments(text, analyzer, terms) {
  const want = terms instanceof Set ? terms : new Set(terms);
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

/** Appends highlighted text to `parent`: text nodes and <mark> elements. */
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

function el(doc, tag, className) {
  const e = doc.createElement(tag);
  if (className) e.setAttribute('class', className);
  return e;
}

/** One result as an <li>. `analyzers` maps a language to its analyzer (results may come from both languages). */
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

/** Facet buttons (aria-pressed) for years and tags, grouped in fieldsets. */
export function renderFacets(doc, container, facets, state, lang) {
  const msg = messagesFor(lang);
  container.replaceChildren();
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
  const years = facets.years.map((y) => ({ value: y.year, label: String(y.year), count: y.count }));
  if (state.year != null && !years.some((y) => String(y.value) === String(state.year))) {
    years.push({ value: state.year, label: String(state.year), count: 0 });
  }
  const tags = facets.tags.map((t) => ({ value: t.key, label: t.name, count: t.count }));
  for (const k of state.tags) {
    if (!tags.some((t) => t.value === k)) tags.push({ value: k, label: facets.names?.[k] ?? k, count: 0 });
  }
  group(msg.years, 'year', years, (v) => String(state.year ?? '') === String(v));
  group(msg.tags, 'tag', tags, (v) => state.tags.includes(v));
}

/** Search state <-> URL query string (?q=…&tag=…&year=…&both=1). */
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

export function searchFromState(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const t of state.tags) p.append('tag', t);
  if (state.year != null) p.set('year', String(state.year));
  if (state.both) p.set('both', '1');
  const s = p.toString();
  return s ? `?${s}` : '';
}
