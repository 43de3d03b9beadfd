// Arshif search client: loads the sharded index written by org.arshif.search.index.SearchIndexWriter,
// parses queries, ranks (BM25F impacts), computes facets. No DOM here. Format: generator/SEARCH-FORMAT.md.

export const FORMAT_VERSION = 1;
const WEIGHT = { exact: 1, prefix: 0.8, typo: 0.4 };
const MAX_PREFIX_TERMS = 20;
const MAX_TYPO_TERMS = 5;
const TYPO_MIN_LETTERS = 5;
const RARE_DF = 3;

const VLQ_DIGITS = (() => {
  const a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const m = new Int8Array(128).fill(-1);
  for (let i = 0; i < a.length; i++) m[a.charCodeAt(i)] = i;
  return m;
})();

/** Decodes an unsigned VLQ string (5 data bits per base64 char, 0x20 = continuation). */
export function decodeVlq(s) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? VLQ_DIGITS[c] : -1;
    if (d < 0) throw new Error(`search index: bad VLQ character ${JSON.stringify(s[i])}`);
    value += (d & 31) * 2 ** shift;
    if (d & 32) {
      shift += 5;
    } else {
      out.push(value);
      value = 0;
      shift = 0;
    }
  }
  if (shift) throw new Error('search index: truncated VLQ string');
  return out;
}

/** True if a and b are at most one edit apart (insert, delete, substitute, swap adjacent). */
export function withinOneEdit(a, b) {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Fetches a JSON file of the index, gunzipping it unless the server already did (Content-Encoding). */
export async function fetchJson(fetchFn, url, stats) {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`search index: ${url}: HTTP ${res.status}`);
  const buf = new Uint8Array(await res.arrayBuffer());
  if (stats) {
    stats.requests++;
    stats.bytes += buf.length;
    stats.urls.push(url);
  }
  let text;
  if (buf.length > 1 && buf[0] === 0x1f && buf[1] === 0x8b) {
    const stream = new Blob([buf]).stream().pipeThrough(new DecompressionStream('gzip'));
    text = await new Response(stream).text();
  } else {
    text = new TextDecoder().decode(buf);
  }
  return JSON.parse(text);
}

/** Up to this many documents, tags for facets come from cards rather than attribute files. */
const CARD_TAGS_LIMIT = 60;

/** A card file answered in full (server without range support) is kept only up to this size. */
const WHOLE_FILE_LIMIT = 2 * 1024 * 1024;

/** Parts of a multipart/byteranges body: [{start, bytes}]. */
export function parseByteRanges(data, boundary) {
  // windows-1252 maps every byte to one char, so string indices are byte indices
  const text = new TextDecoder('windows-1252').decode(data);
  const sep = `--${boundary}`;
  const parts = [];
  let at = text.indexOf(sep);
  while (at >= 0) {
    const headStart = at + sep.length;
    if (text.startsWith('--', headStart)) break;
    const headEnd = text.indexOf('\r\n\r\n', headStart);
    if (headEnd < 0) break;
    const head = text.slice(headStart, headEnd);
    const cr = /content-range:\s*bytes\s+(\d+)-(\d+)/i.exec(head);
    const bodyStart = headEnd + 4;
    const next = text.indexOf(`\r\n${sep}`, bodyStart);
    if (cr) {
      const start = Number(cr[1]);
      const len = Number(cr[2]) - start + 1;
      parts.push({ start, bytes: data.subarray(bodyStart, bodyStart + len) });
    }
    if (next < 0) break;
    at = next + 2;
  }
  return parts;
}

async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/**
 * Opens one language's index. `createAnalyzer(manifest.analysis)` must return {normalize, tokens}; tokens(text)
 * gives [{term, start, end, position?}] with stopwords dropped.
 */
export async function openIndex({ manifestUrl, fetch: fetchFn = globalThis.fetch.bind(globalThis), createAnalyzer,
  stats = newStats() }) {
  const manifest = await fetchJson(fetchFn, manifestUrl, stats);
  if (manifest.format !== 'arshif-search' || manifest.version !== FORMAT_VERSION) {
    throw new Error(`search index: ${manifestUrl} is not an arshif-search v${FORMAT_VERSION} manifest`);
  }
  const base = new URL('.', new URL(manifestUrl, 'http://base.invalid/')).href.replace(/^http:\/\/base\.invalid/, '');
  return new SearchIndex(manifest, base, fetchFn, createAnalyzer(manifest.analysis), stats);
}

export function newStats() {
  return { requests: 0, bytes: 0, urls: [] };
}

/** Parses a query: "quoted phrases", words; the last word is also a prefix while typing. */
export function parseQuery(text, analyzer, { prefix = false } = {}) {
  const slots = [];
  const seen = new Set();
  const re = /"([^"]*)("|$)/g;
  let last = 0;
  let m;
  const words = (chunk, chunkEndsQuery) => {
    const toks = analyzer.tokens(chunk);
    toks.forEach((t, i) => {
      const word = analyzer.normalize(chunk.slice(t.start, t.end));
      const isLast = chunkEndsQuery && i === toks.length - 1 && t.end === chunk.length;
      const key = `w:${t.term}`;
      if (seen.has(key)) {
        if (isLast && prefix) slots.find((s) => s.key === key).prefix = true;
        return;
      }
      seen.add(key);
      slots.push({
        key, kind: 'word', term: t.term, word,
        prefix: prefix && isLast,
        typo: [...word].length >= TYPO_MIN_LETTERS,
      });
    });
  };
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) words(text.slice(last, m.index), false);
    const toks = analyzer.tokens(m[1]);
    if (toks.length === 1) {
      const key = `w:${toks[0].term}`;
      if (!seen.has(key)) {
        seen.add(key);
        slots.push({ key, kind: 'word', term: toks[0].term, word: toks[0].term, prefix: false, typo: false });
      }
    } else if (toks.length > 1) {
      const terms = toks.map((t) => t.term);
      const base = toks[0].position ?? 0;
      const offsets = toks.map((t, i) => (t.position ?? i) - base);
      const key = `p:${terms.join(' ')}:${offsets.join(',')}`;
      if (!seen.has(key)) {
        seen.add(key);
        slots.push({ key, kind: 'phrase', terms, offsets });
      }
    }
    last = re.lastIndex;
    if (m[0].length === 0) re.lastIndex++;
  }
  if (last < text.length) words(text.slice(last), true);
  return slots;
}

function lowerBound(arr, x) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class SearchIndex {
  constructor(manifest, base, fetchFn, analyzer, stats) {
    this.manifest = manifest;
    this.lang = manifest.lang;
    this.base = base;
    this.fetch = fetchFn;
    this.analyzer = analyzer;
    this.stats = stats;
    this.cache = new Map();
    this.docs = new Map(); // id -> {id,url,title,date,dateLabel,tags,lead}
    this.tagIndex = new Map(manifest.tags.map((t, i) => [t[0], i]));
  }

  file(kind, hash) {
    return `${this.base}${kind}.${hash}.json.gz`;
  }

  load(kind, hash) {
    const url = this.file(kind, hash);
    let p = this.cache.get(url);
    if (!p) {
      p = fetchJson(this.fetch, url, this.stats);
      p.catch(() => this.cache.delete(url));
      this.cache.set(url, p);
    }
    return p;
  }

  shardOf(term) {
    return Math.max(0, lowerBound(this.manifest.terms.sep, term + '\u0000') - 1);
  }

  shard(i) {
    return this.load('t', this.manifest.terms.files[i]);
  }

  /** BM25 idf: postings carry only the quantized term-frequency part. */
  idf(df) {
    const n = this.manifest.docs;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Shard indices holding terms that start with p. */
  prefixShards(p) {
    const from = this.shardOf(p);
    const to = this.shardOf(p + '\uffff');
    const out = [];
    for (let i = from; i <= to && out.length < 2; i++) out.push(i);
    return out;
  }

  entry(shard, shardIndex, idx) {
    return {
      term: shard.t[idx], df: shard.n[idx], shard: shardIndex, idx,
      long: typeof shard.p[idx] === 'number',
      idf: this.idf(shard.n[idx]),
      hits: pairs(decodeVlq(shard.h[idx])).map(([id, q]) => ({ id, impact: q * this.idf(shard.n[idx]) })),
      facets: shard.f[idx],
    };
  }

  async postings(e) {
    const s = await this.shard(e.shard);
    let enc = s.p[e.idx];
    if (typeof enc === 'number') {
      const tail = await this.load('l', s.tails[enc]);
      enc = tail.p[tail.t.indexOf(e.term)];
    }
    const v = decodeVlq(enc);
    const bits = this.manifest.levelBits;
    const ids = new Array(v.length);
    const imp = new Array(v.length);
    let d = 0;
    for (let j = 0; j < v.length; j++) {
      d += Math.floor(v[j] / 2 ** bits);
      ids[j] = d;
      imp[j] = ((v[j] % 2 ** bits) + 1) * e.idf;
    }
    return { ids, imp };
  }

  async positions(e) {
    const s = await this.shard(e.shard);
    let enc;
    if (typeof s.p[e.idx] === 'number') {
      const h = s.tails[s.p[e.idx]];
      const [tail, pos] = await Promise.all([this.load('l', h), this.load('y', h)]);
      enc = pos.x[tail.t.indexOf(e.term)];
    } else {
      const { pack, positions } = this.manifest.terms;
      enc = (await this.load('x', positions[Math.floor(e.shard / pack)])).x[e.shard % pack][e.idx];
    }
    const v = decodeVlq(enc);
    const out = [];
    for (let i = 0; i < v.length;) {
      const n = v[i++];
      const p = new Array(n);
      let prev = 0;
      for (let k = 0; k < n; k++) {
        prev += v[i++];
        p[k] = prev;
      }
      out.push(p);
    }
    return out;
  }

  yearOf(id) {
    for (const [year, first, count] of this.manifest.years) {
      if (id >= first && id < first + count) return year;
    }
    return undefined;
  }

  /**
   * Tag ids of the given documents: from their cards when few are unknown (a range request), else from the
   * attribute files of their id ranges.
   */
  async tagsOf(ids, alsoCards = []) {
    const { size, files } = this.manifest.attrs;
    const unknown = ids.filter((id) => !this.docs.has(id));
    // with the cards of the page about to be shown, in the same request
    if (unknown.length && unknown.length <= CARD_TAGS_LIMIT) await this.cards(unknown.concat(alsoCards));
    const need = new Set();
    for (const id of ids) if (!this.docs.has(id)) need.add(Math.floor(id / size));
    const tables = new Map();
    await Promise.all([...need].map(async (i) => {
      const a = await this.load('a', files[i]);
      if (!a.tags) {
        const v = decodeVlq(a.a);
        a.tags = [];
        for (let k = 0; k < v.length;) {
          const n = v[k++];
          const t = new Array(n);
          let prev = 0;
          for (let c = 0; c < n; c++) {
            prev += v[k++];
            t[c] = prev;
          }
          a.tags.push(t);
        }
      }
      tables.set(i, a.tags);
    }));
    return (id) => this.docs.get(id)?.tags ?? tables.get(Math.floor(id / size))?.[id % size] ?? [];
  }

  /**
   * Ranks a query. Returns {ranked, total, facets, complete}; ranked items are {index, id, score, matched, exact,
   * terms}. Options: tags (keys, all required), year, prefix (typing), full (force complete postings).
   */
  async rank(query, { tags = [], year = null, prefix = false, full = false, pageEnd = 10 } = {}) {
    const slots = parseQuery(query, this.analyzer, { prefix });
    const empty = {
      ranked: [], total: 0, facets: { years: new Map(), tags: new Map() }, complete: true, slots, facetsShown: !prefix,
    };
    if (!slots.length) return empty;
    const tagIds = tags.map((k) => this.tagIndex.get(k));
    if (tagIds.some((t) => t === undefined)) return empty;
    const filtered = tagIds.length > 0 || year != null;
    // filters need every document's tags: complete postings
    const simple = !full && !filtered && slots.length === 1 && slots[0].kind === 'word';

    // 1. fetch the term shards every slot needs, all at once
    const need = new Set();
    for (const s of slots) {
      if (s.kind === 'phrase') s.terms.forEach((t) => need.add(this.shardOf(t)));
      else {
        need.add(this.shardOf(s.term));
        if (s.prefix) {
          for (const p of new Set([s.term, s.word])) this.prefixShards(p).forEach((i) => need.add(i));
          need.add(this.shardOf(s.word));
        }
      }
    }
    const shards = new Map();
    await Promise.all([...need].map(async (i) => shards.set(i, await this.shard(i))));
    const find = (term) => {
      const i = this.shardOf(term);
      const s = shards.get(i);
      if (!s) return null;
      const k = lowerBound(s.t, term);
      return s.t[k] === term ? this.entry(s, i, k) : null;
    };

    // 2. variants of each word slot
    for (const s of slots) {
      if (s.kind === 'phrase') {
        s.entries = s.terms.map(find);
        continue;
      }
      s.exact = find(s.term);
      s.variants = [];
      const taken = new Set([s.term]);
      if (s.prefix) {
        const cands = [];
        for (const [i, sh] of shards) {
          for (let k = 0; k < sh.t.length; k++) {
            const t = sh.t[k];
            if (taken.has(t)) continue;
            const ok = (t.startsWith(s.term) || (s.word.length > 1 && t.startsWith(s.word))
              || (t.length >= Math.max(3, s.word.length - 3) && s.word.startsWith(t)));
            if (ok) {
              taken.add(t);
              cands.push(this.entry(sh, i, k));
            }
          }
        }
        cands.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
        cands.slice(0, MAX_PREFIX_TERMS).forEach((e) => s.variants.push({ e, kind: 'prefix' }));
      }
      if (s.typo) {
        const cands = [];
        const consider = (e) => {
          if (e && !taken.has(e.term) && e.term.length >= 3) {
            taken.add(e.term);
            cands.push(e);
          }
        };
        // (a) dictionary terms one edit from the query's term (4+ letters), in the shards at hand
        if ([...s.term].length >= 4) for (const [i, sh] of shards) {
          for (let k = 0; k < sh.t.length; k++) {
            if (!taken.has(sh.t[k]) && withinOneEdit(s.term, sh.t[k])) consider(this.entry(sh, i, k));
          }
        }
        // (b) terms of the words one edit from what was typed (a typo in a suffix changes the stem)
        const stems = typoTerms(s.word, this.analyzer).filter((t) => t !== s.term);
        stems.forEach((t) => consider(find(t)));
        if (!s.exact || (s.exact.df <= RARE_DF && !cands.some((e) => e.df > s.exact.df))) {
          // a missing or rare word is likely a typo, maybe near its start, where a one-edit word sorts into
          // another shard: fetch the one shard holding most candidate terms
          const count = new Map();
          for (const t of stems) if (!shards.has(this.shardOf(t))) bump(count, this.shardOf(t));
          const best = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
          if (best) {
            shards.set(best[0], await this.shard(best[0]));
            stems.forEach((t) => consider(find(t)));
          }
        }
        cands.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
        cands.slice(0, MAX_TYPO_TERMS).forEach((e) => s.variants.push({ e, kind: 'typo' }));
      }
    }

    // 3. postings per slot: doc -> {score, exact, terms}
    const perSlot = await Promise.all(slots.map((s) => this.slotMatches(s, simple)));
    const docs = new Map();
    let complete = true;
    perSlot.forEach((m) => {
      if (!m.complete) complete = false;
      for (const [id, r] of m.docs) {
        let d = docs.get(id);
        if (!d) docs.set(id, d = { index: this, id, score: 0, matched: 0, exact: 0, terms: new Set() });
        d.score += r.score;
        d.matched++;
        if (r.exact) d.exact++;
        r.terms.forEach((t) => d.terms.add(t));
      }
    });

    // 4. filters and facets. A single exact term with many documents has its facets precomputed; a small result
    // set gets them from its cards; anything else from the attribute files of the result's id ranges.
    const all = [...docs.values()];
    const years = new Map(this.manifest.years.map(([y, first, count]) => [y, [first, count]]));
    const yearOk = (d) => {
      if (year == null) return true;
      const r = years.get(Number(year));
      return !!r && d.id >= r[0] && d.id < r[0] + r[1];
    };
    const facets = { years: new Map(), tags: new Map() };
    // one submitted word: its facets count the documents of the word itself (typo matches come on top, below)
    const oneWord = simple && !prefix && slots[0].exact;
    let tagsOf = null;
    if (oneWord && slots[0].exact.df > this.manifest.hits) {
      const v = decodeVlq(slots[0].exact.facets);
      let i = 0;
      const ny = v[i++];
      for (let k = 0; k < ny; k++) facets.years.set(this.manifest.years[v[i++]][0], v[i++]);
      const nt = v[i++];
      let prev = 0;
      for (let k = 0; k < nt; k++) {
        prev += v[i++];
        facets.tags.set(this.manifest.tags[prev][0], v[i++]);
      }
    } else if (filtered || !prefix) {
      // facets describe the word's own documents (one word), else those matching every word, if any
      const full = all.filter((d) => d.matched === slots.length);
      const basis = oneWord ? all.filter((d) => d.terms.has(slots[0].term)) : full.length ? full : all;
      // tags are needed: to filter by tag (every document), and for the tag counts (inside the year)
      const needTags = tagIds.length ? all : basis.filter(yearOk);
      const firstPage = tagIds.length ? [] : all.filter(yearOk).sort(compareRanked).slice(0, pageEnd).map((d) => d.id);
      tagsOf = await this.tagsOf(needTags.map((d) => d.id), firstPage);
      const tagsOk = (d) => tagIds.every((t) => tagsOf(d.id).includes(t));
      for (const d of basis) {
        if (tagsOk(d)) bump(facets.years, this.yearOf(d.id));
        if (yearOk(d) && tagsOk(d)) for (const t of tagsOf(d.id)) bump(facets.tags, this.manifest.tags[t][0]);
      }
    }
    const ranked = all.filter((d) => yearOk(d) && tagIds.every((t) => tagsOf(d.id).includes(t)));
    ranked.sort(compareRanked);
    // a long list not loaded: its df, plus the documents only other variants matched (an estimate)
    const total = complete ? ranked.length : slots[0].exact.df + all.filter((d) => !d.terms.has(slots[0].term)).length;
    return { ranked, total, facets, complete, slots, facetsShown: !prefix || filtered };
  }

  async slotMatches(s, simple) {
    const docs = new Map();
    let complete = true;
    const add = (id, score, exact, term) => {
      let r = docs.get(id);
      if (!r) docs.set(id, r = { score: 0, exact: false, terms: new Set() });
      if (score > r.score) r.score = score;
      if (exact) r.exact = true;
      r.terms.add(term);
    };
    if (s.kind === 'phrase') {
      if (s.entries.some((e) => !e)) return { docs, complete };
      const lists = await Promise.all(s.entries.map((e) => this.postings(e)));
      const pos = await Promise.all(s.entries.map((e) => this.positions(e)));
      const maps = lists.map((l, i) => new Map(l.ids.map((id, j) => [id, j])));
      lists[0].ids.forEach((id, j0) => {
        const js = maps.map((m) => m.get(id));
        if (js.some((j) => j === undefined)) return;
        const starts = pos[0][j0];
        const ok = starts.some((p) => js.every((j, i) => pos[i][j].includes(p + s.offsets[i])));
        if (!ok) return;
        let score = 0;
        js.forEach((j, i) => { score += lists[i].imp[j]; });
        add(id, score, true, s.entries[0].term);
        s.entries.forEach((e) => docs.get(id).terms.add(e.term));
      });
      return { docs, complete };
    }
    const variants = [];
    if (s.exact) variants.push({ e: s.exact, kind: 'exact' });
    variants.push(...s.variants);
    for (const { e, kind } of variants) {
      const w = WEIGHT[kind];
      const strong = kind !== 'typo';
      if (!e.long || (kind === 'exact' && !simple)) {
        const p = await this.postings(e);
        p.ids.forEach((id, j) => add(id, w * p.imp[j], strong, e.term));
      } else {
        // a long list: its best postings are in the term shard; the rest is in a tail file, loaded only when
        // needed (several words, filters, a page past these)
        if (kind === 'exact') complete = false;
        e.hits.forEach((h) => add(h.id, w * h.impact, strong, e.term));
      }
    }
    return { docs, complete };
  }

  /**
   * Loads the cards of the given documents. Card files are fixed-size slots: one request per card file asks for
   * all the slots it needs (a multi-range request); see fetchRanges for servers that answer otherwise.
   */
  async cards(ids) {
    const size = this.manifest.cards.size;
    const want = [...new Set(ids)].filter((id) => !this.docs.has(id)).sort((a, b) => a - b);
    const byFile = new Map();
    for (const id of want) {
      const f = Math.floor(id / size);
      if (!byFile.has(f)) byFile.set(f, []);
      const runs = byFile.get(f);
      const last = runs[runs.length - 1];
      if (last && last.to === id) last.to = id + 1;
      else runs.push({ from: id, to: id + 1 });
    }
    await Promise.all([...byFile].map(([f, runs]) => this.cardFile(f, runs)));
  }

  async cardFile(f, runs) {
    const size = this.manifest.cards.size;
    const [hash, slot] = this.manifest.cards.files[f];
    const url = `${this.base}k.${hash}.bin`;
    const ranges = runs.map((r) => [(r.from - f * size) * slot, (r.to - f * size) * slot - 1]);
    let parts = this.cache.has(url) ? [{ start: 0, bytes: await this.cache.get(url) }] : await this.fetchRanges(url, ranges);
    const find = ([a, b]) => parts.find((p) => p.start <= a && p.start + p.bytes.length > b);
    const missing = ranges.filter((r) => !find(r));
    if (missing.length) {
      // the server merged or dropped ranges: ask for the others one by one
      for (const more of await Promise.all(missing.map((r) => this.fetchRanges(url, [r])))) parts = parts.concat(more);
    }
    await Promise.all(runs.map(async (run, i) => {
      const p = find(ranges[i]);
      if (!p) throw new Error(`search index: ${url}: the server sent no bytes ${ranges[i][0]}-${ranges[i][1]}`);
      const buf = p.bytes.subarray(ranges[i][0] - p.start);
      for (let id = run.from; id < run.to; id++) {
        const o = (id - run.from) * slot;
        const len = (buf[o] << 8) | buf[o + 1];
        const card = JSON.parse(await inflateRaw(buf.subarray(o + 2, o + 2 + len)));
        const [cardUrl, title, date, dateLabel, tags, lead] = card;
        if (!this.docs.has(id)) this.docs.set(id, { id, url: cardUrl, title, date, dateLabel, tags, lead });
      }
    }));
  }

  /**
   * Fetches byte ranges of a file: returns [{start, bytes}]. Handles a multipart/byteranges answer, a single
   * range (the server merged them or served the first one only), and a whole-file 200 answer, which is kept when
   * the file is small and refused (aborted before its body) when it is not.
   */
  async fetchRanges(url, ranges) {
    const ctl = typeof AbortController === 'function' ? new AbortController() : null;
    const res = await this.fetch(url, {
      headers: { Range: `bytes=${ranges.map(([a, b]) => `${a}-${b}`).join(',')}` },
      ...(ctl ? { signal: ctl.signal } : {}),
    });
    if (!res.ok) throw new Error(`search index: ${url}: HTTP ${res.status}`);
    if (res.status !== 206) {
      const length = Number(res.headers?.get('content-length') ?? NaN);
      if (!(length <= WHOLE_FILE_LIMIT)) {
        ctl?.abort();
        throw new Error(`search index: ${url}: the server ignores HTTP range requests`);
      }
    }
    const data = new Uint8Array(await res.arrayBuffer());
    if (this.stats) {
      this.stats.requests++;
      this.stats.bytes += data.length;
      this.stats.urls.push(`${url}#${ranges.map(([a, b]) => `${a}-${b}`).join(',')}`);
    }
    if (res.status !== 206) {
      this.cache.set(url, Promise.resolve(data));
      return [{ start: 0, bytes: data }];
    }
    const type = res.headers?.get('content-type') ?? '';
    const m = /multipart\/byteranges;\s*boundary=("?)([^";]+)\1/i.exec(type);
    if (m) return parseByteRanges(data, m[2]);
    const cr = /bytes (\d+)-(\d+)\//.exec(res.headers?.get('content-range') ?? '');
    return [{ start: cr ? Number(cr[1]) : ranges[0][0], bytes: data }];
  }

  /** Result cards (url, title, date, label, tags, snippet, matched terms) for ranked items. */
  async resolve(items) {
    await this.cards(items.map((it) => it.id));
    return items.map((it) => {
      const d = this.docs.get(it.id);
      return {
        lang: this.lang, id: it.id, url: d.url, title: d.title, date: d.date, dateLabel: d.dateLabel,
        tags: d.tags.map((t) => ({ key: this.manifest.tags[t][0], name: this.manifest.tags[t][1] })),
        snippet: d.lead,
        terms: [...it.terms],
      };
    });
  }
}

const ARABIC_LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The index terms of every word one edit (delete, swap, replace, insert) away from `word` (normalized), most
 * likely edits first. Replacements and insertions use the word's script alphabet.
 */
export function typoTerms(word, analyzer) {
  const w = [...word];
  const alphabet = [...(/[\u0600-\u06ff]/.test(word) ? ARABIC_LETTERS : LATIN_LETTERS)];
  const out = new Set();
  const add = (chars) => {
    const terms = analyzer.terms(chars.join(''));
    if (terms.length === 1) out.add(terms[0]);
  };
  for (let i = 0; i < w.length; i++) add([...w.slice(0, i), ...w.slice(i + 1)]);
  for (let i = 0; i + 1 < w.length; i++) {
    if (w[i] !== w[i + 1]) add([...w.slice(0, i), w[i + 1], w[i], ...w.slice(i + 2)]);
  }
  for (let i = 0; i < w.length; i++) {
    for (const c of alphabet) if (c !== w[i]) add([...w.slice(0, i), c, ...w.slice(i + 1)]);
  }
  for (let i = 0; i <= w.length; i++) for (const c of alphabet) add([...w.slice(0, i), c, ...w.slice(i)]);
  return [...out];
}

function pairs(arr) {
  const out = [];
  for (let i = 0; i < arr.length; i += 2) out.push([arr[i], arr[i + 1]]);
  return out;
}

function bump(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function compareRanked(a, b) {
  return b.matched - a.matched || b.exact - a.exact || b.score - a.score || b.id - a.id;
}

/**
 * Searches one or more indexes (both languages) and returns one page of cards plus merged facets.
 * opts: {tags, year, prefix, offset, limit}.
 */
export async function search(indexes, query, { offset = 0, limit = 10, ...opts } = {}) {
  opts = { ...opts, pageEnd: offset + limit };
  let runs = await Promise.all(indexes.map((ix) => ix.rank(query, opts)));
  const known = () => runs.reduce((n, r) => n + r.ranked.length, 0);
  if (runs.some((r) => !r.complete) && known() < offset + limit) {
    runs = await Promise.all(indexes.map((ix) => ix.rank(query, { ...opts, full: true })));
  }
  const merged = runs.flatMap((r) => r.ranked);
  merged.sort((a, b) => compareRanked(a, b) || (a.index.lang < b.index.lang ? -1 : a.index.lang > b.index.lang ? 1 : 0));
  const page = merged.slice(offset, offset + limit);
  const byIndex = new Map();
  page.forEach((it) => {
    if (!byIndex.has(it.index)) byIndex.set(it.index, []);
    byIndex.get(it.index).push(it);
  });
  const cards = new Map();
  await Promise.all([...byIndex].map(async ([ix, items]) => {
    const res = await ix.resolve(items);
    items.forEach((it, i) => cards.set(it, res[i]));
  }));
  const years = new Map();
  const tags = new Map();
  const shown = runs.some((r) => r.facetsShown);
  for (const r of runs) {
    for (const [y, n] of r.facets.years) years.set(y, (years.get(y) ?? 0) + n);
    for (const [k, n] of r.facets.tags) tags.set(k, (tags.get(k) ?? 0) + n);
  }
  const names = new Map();
  for (const ix of [...indexes].reverse()) for (const [k, name] of ix.manifest.tags) names.set(k, name);
  return {
    total: runs.reduce((n, r) => n + r.total, 0),
    results: page.map((it) => cards.get(it)),
    facets: !shown ? null : {
      years: [...years].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count })),
      tags: [...tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([key, count]) => ({ key, name: names.get(key) ?? key, count })),
      names: Object.fromEntries(names),
    },
    slots: runs[0]?.slots ?? [],
  };
}
