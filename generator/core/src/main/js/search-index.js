// @ts-check
// Arshif search client: loads the sharded index written by org.arshif.search.index.SearchIndexWriter,
// parses queries, ranks (BM25F impacts), computes facets. No DOM here. Format: generator/SEARCH-FORMAT.md,
// typed in search-format.js.
/**
 * @import { Analyzer, AnalysisData, AttrsFile, Card, Doc, Entry, FetchLike, FetchResponse, Hit, LexiconPiece, Manifest,
 *   PhraseSlot,
 *   Postings, PositionsFile, RankFacets, RankOptions, RankResult, RankedDoc, ResultCard, SearchResults, Slot, Stats,
 *   TailPositions, TailRef, TermShard, VariantKind, WordSlot } from './search-format.js'
 */

import { gunzip, inflateRaw } from './inflate.js';

export const FORMAT_VERSION = 14;
/** Between a term and a surface form in a surface key (SEARCH-FORMAT.md §3): sorts below every letter. */
export const SURFACE = ' ';
/** Starts a surface key's tail member written as flags over its term's postings (SEARCH-FORMAT.md §3). */
const SURFACE_FLAGS = '~';
const WEIGHT = { exact: 1, reading: 1, prefix: 0.8, typo: 0.4 };
const MAX_PREFIX_TERMS = 20;
const TYPO_MIN_LETTERS = 5;
// past this a "word" is a pasted blob, not a misspelling: its one-edit candidates alone would take minutes
const TYPO_MAX_LETTERS = 30;
/** Distinct words and phrases searched; a longer query is a pasted text, whose every shard would be fetched. */
export const MAX_QUERY_SLOTS = 12;
/**
 * Phrases of a query whose positions are checked (the first ones): each word of a phrase costs its positions file,
 * ~60 KB at 10,000 documents; a phrase after them matches the documents that hold all its words.
 */
export const MAX_PHRASES = 3;
/** Words of a query corrected at most (the first ones the index lacks): each costs its candidates' term shards. */
export const MAX_CORRECTED = 3;
/** Positions from one query word to the next in a title that still count as following (titleFit). */
const TITLE_GAP = 2;
/** 1: of titles that fit a query alike, the shorter first (the query is more of it); 0: the index's order. */
const TITLE_SHORT = 1;
/**
 * 1: of the documents matched alike (words, words by more than a typo, words in the form typed), those whose titles
 * hold more of the words come first (issue 13); 0: by score alone.
 */
const TITLE_TIER = 1;
/** 1: a title that holds a word in the form typed counts it twice in that tier, as titleFit does; 0: once. */
const TITLE_FORM = 1;
// closeness of a one-edit correction (issue 13): the slips readers make most first. Two letters swapped or a
// letter typed twice; a letter taken for one that differs only by its dots (ب ت ث ن ي, ج ح خ …) or for the key
// beside it; a letter dropped or added; any other changed letter, the likeliest to make another word
const CLOSENESS = { swap: 1, double: 1, near: 0.8, delete: 0.8, insert: 0.8, replace: 0.5 };
/**
 * A Latin candidate that does not keep the typed word's first letter is this much less close: a reader rarely mistypes
 * the first letter (goverment is government, not overment, whose Porter2 stem is the commoner over). Not for Arabic,
 * whose first letter is often a proclitic (و ب ل ف) a reader adds or drops.
 */
const FIRST_LETTER = 0.8;
/** A correction counts 1 + CONTEXT times when one document at hand holds it and the query's other words (backedBy). */
const CONTEXT = 2;
/** Shortest stem of an Arabic correction so backed (else 4, and 5 for a changed letter) … */
const STEM_MIN_BACKED = 3;
/** … by an edit at least this close (CLOSENESS): a swap or a doubled letter rarely makes another word by chance. */
const SHORT_STEM_CLOSENESS = 1;
/** How much a candidate of each kind makes its term shard worth fetching (fetchCandidateShards) … */
const FETCH_WEIGHT = { swap: 16, double: 16, near: 4, delete: 4, insert: 1, replace: 1 };
/** … and this much more when its inserted or changed letter is a common one (COMMON_LETTERS). */
const COMMON_WEIGHT = 4;
/** Bytes between two long lists asked for together that are fetched rather than paid as a part's headers. */
const TAIL_GAP = 64;
/** A lexicon member's length is a multiple of this many bytes, and `terms.lexiconSizes` counts these units (format 12) */
const LEXICON_UNIT = 16;
/**
 * Term shards fetched at most for a correction, in one request, where a shard file holds 4 (format 6); a file of more,
 * smaller term shards (`terms.members`) gives more (`shardReach`), so that a correction reaches about as far into
 * the dictionary. 14, not 12: on the tune half of the news typo queries as good or better on every measure, on the
 * test half success@10 0.304 → 0.324, right corrections of 131 words 108 → 111, wrong 6 → 5; 16 cost more and lost
 * a first place on the tune half (bench/RESULTS.md, session 33) …
 */
const TYPO_SHARDS = 14;
/** … or, from a server that ignores Range, shard files (whole; where format 6 first looked, about as many). */
const RANGELESS_TYPO_FILES = 6;

const VLQ_DIGITS = (() => {
  const a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const m = new Int8Array(128).fill(-1);
  for (let i = 0; i < a.length; i++) m[a.charCodeAt(i)] = i;
  return m;
})();

/**
 * Why a search failed, for the page to say: `http` (the server answered with an error status), `network` (no
 * answer), `format` (the manifest is not an arshif-search one), `version` (a format version this client cannot
 * read: `found`, `expected`), `data` (a file is not what the format says).
 */
export class SearchIndexError extends Error {
  /**
   * @param {'http' | 'network' | 'format' | 'version' | 'data' | 'range'} kind
   * @param {string} message
   * @param {{url: string, status?: number, found?: unknown, cause?: unknown}} details
   */
  constructor(kind, message, { url, status = 0, found, cause }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SearchIndexError';
    this.kind = kind;
    this.url = url;
    this.status = status;
    this.found = found;
    this.expected = FORMAT_VERSION;
  }
}

/** @param {unknown} e */
const messageOf = (e) => (e instanceof Error ? e.message : String(e));

/**
 * Decodes an unsigned VLQ string (5 data bits per base64 char, 0x20 = continuation).
 * @param {string} s
 */
export function decodeVlq(s) {
  /** @type {number[]} */
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

/**
 * Lists written as (count, then the values as gaps)…, as positions and attribute files are.
 * @param {string} s VLQ
 */
function decodeCountedGaps(s) {
  const v = decodeVlq(s);
  /** @type {number[][]} */
  const out = [];
  for (let i = 0; i < v.length;) {
    const n = v[i++];
    const list = new Array(n);
    let prev = 0;
    for (let k = 0; k < n; k++) {
      prev += v[i++];
      list[k] = prev;
    }
    out.push(list);
  }
  return out;
}

/**
 * True if a and b are at most one edit apart (insert, delete, substitute, swap adjacent).
 * @param {string} a
 * @param {string} b
 */
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

/**
 * fetch(), with the cause of a failure named: no answer, or an error status. An answer that `unwanted` refuses
 * is not read: its body is cancelled (a whole large file, from a server that ignored Range) and comes back empty.
 * @param {FetchLike} fetchFn
 * @param {string} url
 * @param {{headers: Record<string, string>}} [init]
 * @param {(res: FetchResponse) => boolean} [unwanted]
 * @returns {Promise<{res: FetchResponse, body: Uint8Array<ArrayBuffer>}>}
 */
async function request(fetchFn, url, init, unwanted = () => false) {
  let res;
  let body;
  try {
    res = await fetchFn(url, init);
    if (res.ok && unwanted(res)) {
      await res.body?.cancel();
      body = new Uint8Array(0);
    } else if (res.ok) {
      body = new Uint8Array(await res.arrayBuffer());
    }
  } catch (e) {
    throw new SearchIndexError('network', `search index: ${url}: no answer from the server (${messageOf(e)})`,
      { url, cause: e });
  }
  if (!body) throw new SearchIndexError('http', `search index: ${url}: HTTP ${res.status}`, { url, status: res.status });
  return { res, body };
}

/**
 * @param {Stats | undefined} stats
 * @param {string} url
 * @param {number} bytes
 */
function count(stats, url, bytes) {
  if (!stats) return;
  stats.requests++;
  stats.bytes += bytes;
  stats.urls.push(url);
}

/**
 * Fetches a JSON file of the index, gunzipping it unless the server already did (Content-Encoding).
 * @param {FetchLike} fetchFn
 * @param {string} url
 * @param {Stats} [stats]
 * @returns {Promise<unknown>}
 */
export async function fetchJson(fetchFn, url, stats) {
  const { body: buf } = await request(fetchFn, url);
  count(stats, url, buf.length);
  return decodeJson(buf, url);
}

/**
 * The JSON of a file's bytes, gzip'd or not.
 * @param {Uint8Array<ArrayBuffer>} buf
 * @param {string} url where the bytes come from, for the error
 * @returns {Promise<unknown>}
 */
async function decodeJson(buf, url) {
  try {
    let text;
    if (buf.length > 1 && buf[0] === 0x1f && buf[1] === 0x8b) {
      text = await gunzipText(buf);
    } else {
      text = new TextDecoder().decode(buf);
    }
    return JSON.parse(text);
  } catch (e) {
    throw new SearchIndexError('data', `search index: ${url}: not gzip'd JSON (${messageOf(e)})`, { url, cause: e });
  }
}

/** Term shards fetched for the completions of a prefix, where a shard file holds 4 (`shardReach`). */
const PREFIX_SHARDS = 4;
/** Term shards per shard file that TYPO_SHARDS and PREFIX_SHARDS were chosen for. */
const REACH_MEMBERS = 4;

/**
 * `count` term shards of a 4-member shard file, in term shards of this index's: half-way between the same number
 * and the same reach into the dictionary (1.5× the count with 8 members). The full reach (2×) corrected two more of
 * 200 news typo queries, but made a cold query of 2–3 words with a misspelt word cost 105–111 KB at 30,000
 * documents, over the cold budget; 1.5× costs what 4 members did (bench/RESULTS.md, w13-warm2).
 * @param {Manifest} manifest
 * @param {number} count
 */
function shardReach(manifest, count) {
  return Math.max(count, Math.round((count * (manifest.terms.members + REACH_MEMBERS)) / (2 * REACH_MEMBERS)));
}

/** Up to this many documents, tags for facets come from cards rather than attribute files. */
const CARD_TAGS_LIMIT = 60;

/**
 * Parts of a multipart/byteranges body.
 * @param {Uint8Array<ArrayBuffer>} data
 * @param {string} boundary
 */
export function parseByteRanges(data, boundary) {
  // windows-1252 maps every byte to one char, so string indices are byte indices
  const text = new TextDecoder('windows-1252').decode(data);
  const sep = `--${boundary}`;
  /** @type {{start: number, bytes: Uint8Array<ArrayBuffer>}[]} */
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

/**
 * Up to this many gzip'd bytes are inflated in the page's own code (inflate.js): a DecompressionStream's setup and
 * task hops cost more than a small member's inflation; past it, the browser's native inflater is the faster.
 */
const SMALL_GZIP = 32 * 1024;

/** @param {Uint8Array<ArrayBuffer>} bytes gzip'd text */
async function gunzipText(bytes) {
  if (bytes.length <= SMALL_GZIP) return new TextDecoder().decode(gunzip(bytes));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/**
 * A card, raw deflated after the manifest's dictionary (format 9), inflated with that dictionary as its window.
 * @param {Uint8Array<ArrayBuffer>} dict the dictionary, UTF-8 (under 64 KiB)
 * @param {Uint8Array<ArrayBuffer>} bytes
 */
async function inflateCard(dict, bytes) {
  return new TextDecoder().decode(inflateRaw(bytes, dict));
}

/**
 * The card in a slot: its length (2 bytes, big-endian), then the card deflated after the dictionary. A slot whose
 * bytes do not make a card (a damaged file, or another server's answer) is the file's fault, said as such.
 * @param {Uint8Array<ArrayBuffer>} dict
 * @param {Uint8Array<ArrayBuffer>} slot
 * @param {string} url the card file, for the error
 * @returns {Promise<Card>}
 */
async function readCard(dict, slot, url) {
  try {
    const len = (slot[0] << 8) | slot[1];
    if (len > slot.length - 2) throw new Error(`a card of ${len} bytes in a slot of ${slot.length}`);
    const card = JSON.parse(await inflateCard(dict, slot.subarray(2, 2 + len)));
    if (!Array.isArray(card) || card.length < 6) throw new Error('not a card');
    return /** @type {Card} */ (card);
  } catch (e) {
    throw new SearchIndexError('data', `search index: ${url}: a damaged card (${messageOf(e)})`, { url, cause: e });
  }
}

/**
 * The manifest, if this client reads its format; else a SearchIndexError that says what was found. A version
 * written as a string ("1") is read as its number.
 * @param {unknown} json
 * @param {string} url
 * @returns {Manifest}
 */
export function checkManifest(json, url) {
  const m = /** @type {{format?: unknown, version?: unknown}} */ (json !== null && typeof json === 'object' ? json : {});
  if (m.format !== 'arshif-search') {
    throw new SearchIndexError('format', `search index: ${url} is not an arshif-search manifest`,
      { url, found: m.format });
  }
  const version = Number(m.version);
  if (version !== FORMAT_VERSION) {
    throw new SearchIndexError('version', `search index: ${url} has format version ${String(m.version)}; `
      + `this page's client reads version ${FORMAT_VERSION}`, { url, found: Number.isFinite(version) ? version : m.version });
  }
  return /** @type {Manifest} */ (json);
}

/**
 * Opens one language's index. `createAnalyzer(manifest.analysis)` must return {normalize, terms, tokens}; tokens(text)
 * gives [{term, start, end, position}] with stopwords dropped. `manifestData`, the manifest's JSON already at hand
 * (a search page carries it inline), saves its request; the index's other files are still found from `manifestUrl`.
 * @param {{manifestUrl: string, manifestData?: unknown, fetch?: FetchLike, createAnalyzer: (data: AnalysisData) => Analyzer, stats?: Stats}} options
 */
export async function openIndex({ manifestUrl, manifestData, fetch: fetchFn = globalThis.fetch.bind(globalThis),
  createAnalyzer, stats = newStats() }) {
  const json = manifestData ?? await fetchJson(fetchFn, manifestUrl, stats);
  const manifest = checkManifest(json, manifestUrl);
  const base = new URL('.', new URL(manifestUrl, 'http://base.invalid/')).href.replace(/^http:\/\/base\.invalid/, '');
  return new SearchIndex(manifest, base, fetchFn, createAnalyzer(manifest.analysis), stats);
}

/** @returns {Stats} */
export function newStats() {
  return { requests: 0, bytes: 0, urls: [] };
}

/**
 * Parses a query: "quoted phrases", words; the last word is also a prefix while typing.
 * @param {string} text
 * @param {Analyzer} analyzer
 * @param {{prefix?: boolean}} [options]
 */
export function parseQuery(text, analyzer, { prefix = false } = {}) {
  /** @type {Slot[]} */
  const slots = [];
  const seen = new Set();
  const re = /"([^"]*)("|$)/g;
  let last = 0;
  let m;
  /** @param {string} chunk @param {boolean} chunkEndsQuery */
  const words = (chunk, chunkEndsQuery) => {
    const toks = analyzer.tokens(chunk);
    toks.forEach((t, i) => {
      const written = chunk.slice(t.start, t.end).normalize('NFC');
      const word = analyzer.normalize(written);
      const isLast = chunkEndsQuery && i === toks.length - 1 && t.end === chunk.length;
      const key = `w:${t.term}`;
      if (seen.has(key)) {
        const again = /** @type {WordSlot} */ (slots.find((s) => s.key === key));
        if (isLast && prefix) again.prefix = true;
        return;
      }
      seen.add(key);
      slots.push({
        key, kind: 'word', term: t.term, word, written, readings: analyzer.readings(written),
        prefix: prefix && isLast,
        typo: [...word].length >= TYPO_MIN_LETTERS && [...word].length <= TYPO_MAX_LETTERS,
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
        const word = analyzer.normalize(m[1].slice(toks[0].start, toks[0].end).normalize('NFC'));
        slots.push({ key, kind: 'word', term: toks[0].term, word, written: m[1], readings: analyzer.readings(m[1]),
          prefix: false, typo: false });
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
  return slots.slice(0, MAX_QUERY_SLOTS);
}

/**
 * @param {string[]} arr sorted
 * @param {string} x
 */
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

/** One language's index: loads its files on demand and keeps them. */
export class SearchIndex {
  /**
   * @param {Manifest} manifest
   * @param {string} base the URL of the index's folder
   * @param {FetchLike} fetchFn
   * @param {Analyzer} analyzer
   * @param {Stats} stats
   */
  constructor(manifest, base, fetchFn, analyzer, stats) {
    this.manifest = manifest;
    this.lang = manifest.lang;
    this.base = base;
    this.fetch = fetchFn;
    this.analyzer = analyzer;
    this.stats = stats;
    /** @type {Map<string, Promise<unknown>>} JSON files by URL */
    this.cache = new Map();
    /** @type {Map<string, Promise<Uint8Array<ArrayBuffer>>>} card chunks fetched whole, by URL */
    this.chunkFiles = new Map();
    /** the server ignored a Range request: cards come in chunks, term shards as their files, from now on */
    this.rangeless = false;
    /**
     * the server refused several ranges in one request (a whole file, or 416) yet may serve them one by one: from
     * now on each range is its own request (GitHub Pages' and Cloudflare's caches, S3 and many CDNs serve one range)
     */
    this.singleRanges = false;
    /** @type {Uint8Array<ArrayBuffer> | undefined} the cards' dictionary (manifest `cards.dict`), UTF-8 */
    this.cardDict = undefined;
    /** @type {number[] | undefined} where each term shard starts in the shard bundle (and where the last ends) */
    this.starts = undefined;
    /** @type {number[] | undefined} where each term shard's piece starts in the lexicon (and where the last ends) */
    this.lexiconStarts = undefined;
    /** @type {ShardUnits | undefined} the term shards' units of reach, read from the manifest once (shardUnits) */
    this.shardUnits = undefined;
    /** @type {Map<number, LexiconPiece>} the lexicon's pieces read, by term shard */
    this.lexicon = new Map();
    /** @type {Map<string, TailBatch>} long lists asked for in this turn, by tail bundle: one request each */
    this.tailBatches = new Map();
    /** @type {Map<number, Doc>} */
    this.docs = new Map();
    this.tagIndex = new Map(manifest.tags.map((t, i) => [t[0], i]));
  }

  /** @param {string} kind @param {string} hash */
  file(kind, hash) {
    return `${this.base}${kind}.${hash}.json.gz`;
  }

  /** @param {string} kind @param {string} hash */
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

  /** @param {string} term */
  shardOf(term) {
    return Math.max(0, lowerBound(this.manifest.terms.sep, term + '\u0000') - 1);
  }

  /** @param {number} i @returns {Promise<TermShard>} */
  shard(i) {
    if (!this.cache.has(shardKey(this, i))) {
      if (this.rangeless) keep(this, shardKey(this, i), shardFromFile(this, i));
      else fromBundle(this, [i]);
    }
    return /** @type {Promise<TermShard>} */ (this.cache.get(shardKey(this, i)));
  }

  /**
   * Several term shards. Those not at hand come in one multi-range request to the shard bundle (SEARCH-FORMAT.md
   * §3), each then kept on its own: a query of three words costs one request, not three, and an eighth of a shard
   * file per word. From a server that ignores Range, each comes from its shard file, fetched whole.
   * @param {number[]} indices
   * @returns {Promise<Map<number, TermShard>>}
   */
  async shards(indices) {
    const missing = [...new Set(indices)].filter((i) => !this.cache.has(shardKey(this, i)));
    if (!this.rangeless && missing.length) fromBundle(this, missing.sort((a, b) => a - b));
    /** @type {Map<number, TermShard>} */
    const out = new Map();
    await Promise.all(indices.map(async (i) => out.set(i, await this.shard(i))));
    return out;
  }

  /**
   * A long list: its gzip member, `[tail, k, start, bytes]` of term shard s, bytes `start` to `start + bytes - 1`
   * of tail file `l.<hash>.bin`, by a range request to the tail bundle that holds that file (format 8); from a
   * server that ignores Range, the whole tail file (once per page load).
   * @param {TermShard} s
   * @param {TailRef} ref
   * @returns {Promise<string>} the postings (VLQ)
   */
  tailList(s, ref) {
    const [tail, , start, size] = ref;
    const url = `${this.base}l.${s.tails[tail]}.bin`;
    const key = `${url}#${start}`;
    let p = /** @type {Promise<string> | undefined} */ (this.cache.get(key));
    if (!p) {
      const [bundle, at] = s.at[tail];
      const member = { url, start, size, bundle: `${this.base}u.${this.manifest.terms.tails[bundle]}.bin`, at: at + start };
      p = tailMember(this, member).then((bytes) => gunzipText(bytes).catch((e) => {
        throw new SearchIndexError('data', `search index: ${url}: a damaged list at byte ${start} (${messageOf(e)})`,
          { url, cause: e });
      }));
      p.catch(() => this.cache.delete(key));
      this.cache.set(key, p);
    }
    return p;
  }

  /**
   * BM25 idf: postings carry only the quantized term-frequency part.
   * @param {number} df
   */
  idf(df) {
    const n = this.manifest.docs;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Whether a posting's impact (its level × idf) is one of the title half of the levels: the document's title holds
   * the term (SEARCH-FORMAT §3, Encodings).
   * @param {number} impact
   * @param {number} idf the idf the impact was scaled by
   */
  inTitle(impact, idf) {
    return impact > (2 ** (this.manifest.levelBits - 1) + 0.5) * idf;
  }

  /**
   * Shard indices holding terms that start with p: at most PREFIX_SHARDS of a 4-member shard file's size (shardReach).
   * @param {string} p
   */
  prefixShards(p) {
    const from = this.shardOf(p);
    const to = this.shardOf(p + '\uffff');
    const out = [];
    const most = shardReach(this.manifest, PREFIX_SHARDS);
    const { units } = shardUnits(this);
    for (let i = from; i <= to && units[i] - units[from] < most; i++) out.push(i);
    return out;
  }

  /**
   * @param {TermShard} shard
   * @param {number} shardIndex
   * @param {number} idx
   * @returns {Entry}
   */
  entry(shard, shardIndex, idx) {
    return {
      term: shard.t[idx], df: shard.n[idx], shard: shardIndex, idx,
      long: typeof shard.p[idx] !== 'string',
      keyList: Array.isArray(shard.p[idx]) && shard.p[idx].length > 4,
      idf: this.idf(shard.n[idx]),
      hits: bestPostings(shard.h[idx], this.idf(shard.n[idx]), 2 ** this.manifest.levelBits),
      facets: shard.f[idx],
    };
  }

  /** @param {Entry} e @returns {Promise<Postings>} */
  async postings(e) {
    const s = await this.shard(e.shard);
    const ref = s.p[e.idx];
    const text = typeof ref === 'string' ? ref : await this.tailList(s, ref);
    if (text.startsWith(SURFACE_FLAGS)) return flaggedPostings(this, s, e, text);
    const v = decodeVlq(text);
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

  /** @param {Entry} e */
  async positions(e) {
    const s = await this.shard(e.shard);
    const ref = s.p[e.idx];
    let enc;
    if (typeof ref !== 'string') {
      // format 11: a tail's positions file has its own hash, named by the manifest at the tail's number
      const pos = /** @type {TailPositions} */ (await this.load('y', this.manifest.terms.y[s.at[ref[0]][2]]));
      enc = pos.x[ref[1]];
    } else {
      const { pack, positions } = this.manifest.terms;
      const file = /** @type {PositionsFile} */ (await this.load('x', positions[Math.floor(e.shard / pack)]));
      enc = file.x[e.shard % pack][e.idx];
    }
    return decodeCountedGaps(enc);
  }

  /** @param {number} id */
  yearOf(id) {
    for (const [year, first, count] of this.manifest.years) {
      if (id >= first && id < first + count) return year;
    }
    return undefined;
  }

  /**
   * Tag ids of the given documents: from their cards when few are unknown (a range request), else from the
   * attribute files of their id ranges (always from a server that ignores Range). A document whose attribute file
   * is at hand is known.
   * @param {number[]} ids
   * @param {number[]} [alsoCards] cards to fetch in the same request (the page about to be shown)
   * @returns {Promise<(id: number) => number[]>}
   */
  async tagsOf(ids, alsoCards = []) {
    const { size, files } = this.manifest.attrs;
    const unknown = ids.filter((id) => !this.docs.has(id) && !this.cache.has(this.file('a', files[Math.floor(id / size)])));
    // from a server that ignores Range, cards come in 32 KiB chunks: up to one per document, so the file it is
    if (unknown.length && unknown.length <= CARD_TAGS_LIMIT && !this.rangeless) await this.cards(unknown.concat(alsoCards));
    /** @type {Set<number>} */
    const need = new Set();
    for (const id of ids) if (!this.docs.has(id)) need.add(Math.floor(id / size));
    /** @type {Map<number, number[][]>} */
    const tables = new Map();
    await Promise.all([...need].map(async (i) => {
      const a = /** @type {AttrsFile} */ (await this.load('a', files[i]));
      a.tags ??= decodeCountedGaps(a.a);
      tables.set(i, a.tags);
    }));
    return (id) => this.docs.get(id)?.tags ?? tables.get(Math.floor(id / size))?.[id % size] ?? [];
  }

  /**
   * Ranks a query, in four steps: the candidate terms, a score per document, facets (and the tags that filters
   * need), the order. Returns {ranked, total, facets, complete}; ranked items are {index, id, score, matched,
   * exact, terms}. Options: tags (keys, all required), year, prefix (typing), full (force complete postings).
   * @param {string} query
   * @param {RankOptions} [options]
   * @returns {Promise<RankResult>}
   */
  async rank(query, { tags = [], year = null, prefix = false, full = false, pageEnd = 10, fuzzy = true,
    tagCounts = false } = {}) {
    const slots = parseQuery(query, this.analyzer, { prefix });
    const tagIds = tags.map((k) => this.tagIndex.get(k));
    if (!slots.length || !allDefined(tagIds)) {
      return { ranked: [], total: 0, some: 0, facets: noFacets(), complete: true, slots, facetsShown: !prefix };
    }
    const filtered = tagIds.length > 0 || year != null;
    // filters need every document's tags: complete postings; so does a word with a second reading (عاماً: عام too),
    // whose count and facets are not its term's precomputed ones
    const simple = !full && !filtered && slots.length === 1 && slots[0].kind === 'word' && !slots[0].readings.length;
    await collectCandidates(this, slots, fuzzy, simple);
    // a one-word query's first page, submitted: a surface key's best postings in the shard are enough (SEARCH-FORMAT §3)
    const firstPage = !prefix && pageEnd <= this.manifest.hits;
    const { all, complete } = await scoreDocuments(this, slots, simple, firstPage);
    const yearOk = yearFilter(this.manifest, year);
    const { facets, tagsOf } = await countFacets(this, slots, all,
      { tagIds, yearOk, oneWord: simple && !prefix, counted: filtered || !prefix, pageEnd, tagCounts });
    const { ranked, total, some } = orderResults(slots, all, complete, (d) => yearOk(d)
      && tagIds.every((t) => tagsOf(d.id).includes(t)));
    return { ranked, total, some, facets, complete, slots, facetsShown: !prefix || filtered };
  }

  /**
   * Loads the cards of the given documents. Card files are fixed-size slots: one request per card file asks for
   * all the slots it needs (a multi-range request); see fetchRanges() for servers that answer otherwise. A card file
   * that cannot be had (missing from a half-uploaded site, damaged) leaves its documents without cards and does not
   * stop the others: its error is returned, one per such file.
   * @param {number[]} ids
   * @returns {Promise<unknown[]>}
   */
  async cards(ids) {
    const size = this.manifest.cards.size;
    const want = [...new Set(ids)].filter((id) => !this.docs.has(id)).sort((a, b) => a - b);
    /** @type {Map<number, {from: number, to: number}[]>} */
    const byFile = new Map();
    for (const id of want) {
      const f = Math.floor(id / size);
      let runs = byFile.get(f);
      if (!runs) byFile.set(f, runs = []);
      const last = runs[runs.length - 1];
      if (last && last.to === id) last.to = id + 1;
      else runs.push({ from: id, to: id + 1 });
    }
    const loads = await Promise.allSettled([...byFile].map(([f, runs]) => cardFile(this, f, runs)));
    return loads.flatMap((l) => (l.status === 'rejected' ? [l.reason] : []));
  }

  /**
   * The URL of card file f, or of its chunk c. A file of one chunk is its own chunk.
   * @param {number} f
   * @param {number} [c]
   */
  cardUrl(f, c) {
    const hash = this.manifest.cards.files[f][0];
    return c === undefined || this.chunkCount(f) === 1 ? `${this.base}k.${hash}.bin` : `${this.base}k.${hash}.${c}.bin`;
  }

  /** @param {number} f the chunks of card file f; 0 when the index has none (`chunk` 0: a compact site) */
  chunkCount(f) {
    const { size, chunk } = this.manifest.cards;
    return chunk ? Math.ceil(Math.min(size, this.manifest.docs - f * size) / chunk) : 0;
  }

  /**
   * The slots of the given byte ranges of card file f, by range requests; null when the server ignored Range.
   * @param {number} f
   * @param {[number, number][]} ranges
   */
  async slotsByRange(f, ranges) {
    const url = this.cardUrl(f);
    let parts = await fetchRanges(this, url, ranges, this.chunkCount(f) === 1);
    if (!parts) return null;
    /** @param {[number, number]} range */
    const covered = ([a, b]) => parts?.some((p) => p.start <= a && p.start + p.bytes.length > b);
    const missing = ranges.filter((r) => !covered(r));
    // the server merged or dropped ranges: ask for the others one by one
    for (const more of await Promise.all(missing.map((r) => fetchRanges(this, url, [r], false)))) {
      if (!more) return null;
      parts = parts.concat(more);
    }
    return parts;
  }

  /**
   * The chunks of card file f that hold the given byte ranges, each fetched whole, once.
   * @param {number} f
   * @param {[number, number][]} ranges
   * @returns {Promise<{start: number, bytes: Uint8Array<ArrayBuffer>}[]>}
   */
  slotsByChunk(f, ranges) {
    if (!this.manifest.cards.chunk) {
      // a compact site leaves the chunks out for hosts that honour Range: say so rather than fetch a whole card file
      const url = this.cardUrl(f);
      return Promise.reject(new SearchIndexError('range', `search index: ${url}: the server ignores Range, `
        + 'and this index has no card chunks (a compact site)', { url }));
    }
    const chunkBytes = this.manifest.cards.chunk * this.manifest.cards.files[f][1];
    /** @type {Set<number>} */
    const wanted = new Set();
    for (const [a, b] of ranges) {
      for (let c = Math.floor(a / chunkBytes); c <= Math.floor(b / chunkBytes); c++) wanted.add(c);
    }
    return Promise.all([...wanted].map(async (c) => ({ start: c * chunkBytes, bytes: await this.chunk(this.cardUrl(f, c)) })));
  }

  /**
   * A file fetched whole, once per page load, from a server that ignores Range: a card chunk, a shard or a tail file.
   * An index without card chunks (a compact site) publishes its shard and tail files only in their bundles: say so.
   * @param {string} url
   */
  chunk(url) {
    let p = this.chunkFiles.get(url);
    if (!p && !this.manifest.cards.chunk) {
      return Promise.reject(new SearchIndexError('range', `search index: ${url}: the server ignores Range, `
        + 'and this index has its shard and tail files only in their bundles (a compact site)', { url }));
    }
    if (!p) {
      p = request(this.fetch, url).then(({ body }) => {
        count(this.stats, url, body.length);
        return body;
      });
      p.catch(() => this.chunkFiles.delete(url));
      this.chunkFiles.set(url, p);
    }
    return p;
  }

  /**
   * Result cards (url, title, date, label, tags, snippet, matched terms) for ranked items; null for an item whose
   * card could not be had, and then `failure`, the first such card file's error.
   * @param {RankedDoc[]} items
   * @returns {Promise<{cards: (ResultCard | null)[], failure: unknown}>}
   */
  async resolve(items) {
    const failures = await this.cards(items.map((it) => it.id));
    const cards = items.map((it) => {
      const d = this.docs.get(it.id);
      if (!d) return null;
      return {
        lang: this.lang, id: it.id, url: d.url, title: d.title, date: d.date, dateLabel: d.dateLabel,
        tags: d.tags.map((t) => ({ key: this.manifest.tags[t][0], name: this.manifest.tags[t][1] })),
        snippet: d.lead,
        terms: [...it.terms],
      };
    });
    return { cards, failure: failures[0] ?? null };
  }
}

// --- cards ---------------------------------------------------------------------------------------------------------

/**
 * Decodes the cards of the given runs of file f from its slots, fetched by range or, from a server that ignores
 * Range, in whole chunks (SEARCH-FORMAT.md §3).
 * @param {SearchIndex} ix
 * @param {number} f the card file's index
 * @param {{from: number, to: number}[]} runs consecutive document ids, `to` excluded
 */
async function cardFile(ix, f, runs) {
  const size = ix.manifest.cards.size;
  const slot = ix.manifest.cards.files[f][1];
  /** @type {[number, number][]} */
  const ranges = runs.map((r) => [(r.from - f * size) * slot, (r.to - f * size) * slot - 1]);
  const parts = (ix.rangeless ? null : await slotsOrChunks(ix, f, ranges)) ?? await ix.slotsByChunk(f, ranges);
  const ids = runs.flatMap((r) => Array.from({ length: r.to - r.from }, (_, i) => r.from + i));
  await Promise.all(ids.map(async (id) => {
    const o = (id - f * size) * slot;
    const p = parts.find((q) => q.start <= o && q.start + q.bytes.length >= o + slot);
    if (!p) {
      const url = ix.cardUrl(f);
      throw new SearchIndexError('data', `search index: ${url}: the server sent no bytes ${o}-${o + slot - 1}`,
        { url });
    }
    const at = o - p.start;
    ix.cardDict ??= new TextEncoder().encode(ix.manifest.cards.dict);
    const [cardUrl, title, date, dateLabel, tags, lead] = await readCard(ix.cardDict, p.bytes.subarray(at, at + slot),
      ix.cardUrl(f));
    if (!ix.docs.has(id)) ix.docs.set(id, { id, url: cardUrl, title, date, dateLabel, tags, lead });
  }));
}

/**
 * The slots of card file f by range; when the server fails the card file (an error status: a half-uploaded site),
 * its chunks, which hold the same bytes, if it has any; null when the server ignored Range.
 * @param {SearchIndex} ix
 * @param {number} f
 * @param {[number, number][]} ranges
 */
async function slotsOrChunks(ix, f, ranges) {
  try {
    return await ix.slotsByRange(f, ranges);
  } catch (e) {
    if (!(e instanceof SearchIndexError && e.kind === 'http' && ix.chunkCount(f) > 1)) throw e;
    return ix.slotsByChunk(f, ranges).catch(() => Promise.reject(e));
  }
}

// --- byte ranges ---------------------------------------------------------------------------------------------------

/**
 * Fetches byte ranges of a file. Handles a multipart/byteranges answer and a single range (the server merged them
 * or served the first one only). A server that refuses several ranges at once but serves one (it answers 416, or
 * the whole file with `Accept-Ranges: bytes`, as GitHub Pages', Cloudflare's and S3's do) is asked for each range
 * alone, now and from then on. A whole-file answer otherwise (the server ignores Range) marks the index rangeless
 * and returns null, its body unread, unless the file is a single chunk: that one is kept.
 * @param {SearchIndex} ix
 * @param {string} url
 * @param {[number, number][]} ranges
 * @param {boolean} singleChunk
 * @returns {Promise<{start: number, bytes: Uint8Array<ArrayBuffer>}[] | null>}
 */
async function fetchRanges(ix, url, ranges, singleChunk) {
  const several = ranges.length > 1;
  if (several && ix.singleRanges) return eachRange(ix, url, ranges, singleChunk);
  const spec = ranges.map(([a, b]) => `${a}-${b}`).join(',');
  let answer;
  try {
    answer = await request(ix.fetch, url, { headers: { Range: `bytes=${spec}` } },
      (r) => r.status !== 206 && (several || !singleChunk));
  } catch (e) {
    if (!(several && e instanceof SearchIndexError && e.status === 416)) throw e;
    count(ix.stats, `${url}#${spec}`, 0);
    ix.singleRanges = true;
    return eachRange(ix, url, ranges, singleChunk);
  }
  const { res, body: data } = answer;
  count(ix.stats, `${url}#${spec}`, data.length);
  if (res.status !== 206) {
    if (several && /bytes/i.test(res.headers.get('accept-ranges') ?? '')) {
      ix.singleRanges = true;
      return eachRange(ix, url, ranges, singleChunk);
    }
    ix.rangeless = true;
    // a body cancelled unread (several ranges asked for) is no chunk: slotsByChunk fetches the file
    if (!singleChunk || several) return null;
    ix.chunkFiles.set(url, Promise.resolve(data));
    return [{ start: 0, bytes: data }];
  }
  const type = res.headers.get('content-type') ?? '';
  const m = /multipart\/byteranges;\s*boundary=("?)([^";]+)\1/i.exec(type);
  if (m) return parseByteRanges(data, m[2]);
  const cr = /bytes (\d+)-(\d+)\//.exec(res.headers.get('content-range') ?? '');
  return [{ start: cr ? Number(cr[1]) : ranges[0][0], bytes: data }];
}

/**
 * Each range by a request of its own: the first alone (a server that ignores Range answers it with the whole file,
 * and then the others are not asked for), the rest together.
 * @param {SearchIndex} ix
 * @param {string} url
 * @param {[number, number][]} ranges
 * @param {boolean} singleChunk
 * @returns {Promise<{start: number, bytes: Uint8Array<ArrayBuffer>}[] | null>}
 */
async function eachRange(ix, url, ranges, singleChunk) {
  const first = await fetchRanges(ix, url, ranges.slice(0, 1), singleChunk);
  if (!first || ix.rangeless) return first;
  const rest = await Promise.all(ranges.slice(1).map((r) => fetchRanges(ix, url, [r], singleChunk)));
  return rest.some((p) => !p) ? null : first.concat(...rest.map((p) => p ?? []));
}

// --- rank(), step by step ----------------------------------------------------------------------------------------

/** @typedef {{start: number, bytes: Uint8Array<ArrayBuffer>}[] | null} RangeParts */
/**
 * The long lists asked for from one tail bundle in one turn: their ranges, as joined and asked for, the answer, the
 * joined ranges the answer lacked, asked for alone, and what asks for the batch (`start`, called by askBatches).
 * @typedef {{ranges: [number, number][], joined: [number, number][], alone: Map<string, Promise<RangeParts>>,
 *   parts: Promise<RangeParts>, start: (value?: unknown) => void}} TailBatch
 */

/**
 * The bytes of a long list's gzip member: bytes `start` to `start + size - 1` of tail file `url`, which are bytes
 * `at` on of its tail bundle. The members asked for in the same turn (a word's term and its surface key, the words of
 * a query) come in one multi-range request per tail bundle (format 8: one for the whole query, where each tail file
 * took its own). A member the answer lacks (a server that merged or dropped ranges) is asked for alone; from a
 * server that ignores Range, the whole tail file is fetched once and cut.
 * @param {SearchIndex} ix
 * @param {{url: string, start: number, size: number, bundle: string, at: number}} m
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function tailMember(ix, { url, start, size, bundle, at }) {
  const whole = async () => (await ix.chunk(url)).subarray(start, start + size);
  if (ix.rangeless) return whole();
  const batch = inBatch(ix, bundle, at, size);
  return (await fromBatch(ix, bundle, batch, await batch.parts.catch((e) => orFiles(ix, e)), at, size)) ?? whole();
}

/**
 * Bytes `at` to `at + size - 1` of a tail bundle from its batch's answer (`parts`), or, when that lacks them (a server
 * that answered some ranges only), from a request for their joined range alone; undefined when neither has them.
 * @param {SearchIndex} ix
 * @param {string} bundle
 * @param {TailBatch} batch
 * @param {RangeParts} parts
 * @param {number} at
 * @param {number} size
 */
async function fromBatch(ix, bundle, batch, parts, at, size) {
  return cut(parts, at, size) ?? (parts && !ix.rangeless ? cut(await alone(ix, bundle, batch, at), at, size) : undefined);
}

/**
 * Adds bytes `at` to `at + size - 1` of a tail bundle to the ranges asked for from it in this turn (one request for
 * all of them, once the turn ends): a query's long lists, and the lexicon's members (format 12).
 * @param {SearchIndex} ix
 * @param {string} bundle the bundle's URL
 * @param {number} at
 * @param {number} size
 * @returns {TailBatch}
 */
function inBatch(ix, bundle, at, size) {
  let batch = ix.tailBatches.get(bundle);
  if (!batch) {
    // one timer for every bundle's batch of the turn: a timer per bundle let one batch's answer be read, and the
    // requests it leads to be made, before the next bundle's batch was asked for (a loaded machine's timers)
    if (!ix.tailBatches.size) setTimeout(() => askBatches(ix), 0);
    /** @type {TailBatch} */
    const b = { ranges: [], joined: [], alone: new Map(), parts: Promise.resolve(null), start: () => {} };
    b.parts = new Promise((go) => { b.start = go; }).then(() => fetchRanges(ix, bundle, b.joined, false));
    ix.tailBatches.set(bundle, batch = b);
  }
  batch.ranges.push([at, at + size - 1]);
  return batch;
}

/**
 * Asks for every tail bundle's batch of the turn, in the order they were started: each request is made before any
 * answer is read.
 * @param {SearchIndex} ix
 */
function askBatches(ix) {
  const batches = [...ix.tailBatches.values()];
  ix.tailBatches.clear();
  for (const b of batches) {
    b.joined = joinNear(b.ranges);
    b.start();
  }
}

/**
 * Bytes `at` to `at + size - 1` of a file, from the parts of an answer that hold them; undefined when none does.
 * @param {RangeParts} parts
 * @param {number} at
 * @param {number} size
 */
function cut(parts, at, size) {
  const part = parts?.find((q) => q.start <= at && q.start + q.bytes.length >= at + size);
  return part?.bytes.subarray(at - part.start, at - part.start + size);
}

/**
 * The joined range of a batch that holds byte `at`, asked for alone (once, however many members it holds): the
 * server answered the batch's request without it (it serves the first range only, or dropped some).
 * @param {SearchIndex} ix
 * @param {string} bundle
 * @param {TailBatch} batch
 * @param {number} at
 */
function alone(ix, bundle, batch, at) {
  const range = batch.joined.find(([a, b]) => a <= at && at <= b) ?? [at, at];
  const key = `${range[0]}-${range[1]}`;
  let p = batch.alone.get(key);
  if (!p) batch.alone.set(key, p = fetchRanges(ix, bundle, [range], false));
  return p;
}

/**
 * Byte ranges sorted, those that touch or lie within TAIL_GAP bytes of one another joined: a part of a multipart
 * answer costs ~90 bytes of headers (a term's list and its surface key's flags are neighbours in their tail file).
 * @param {[number, number][]} ranges
 * @returns {[number, number][]}
 */
function joinNear(ranges) {
  /** @type {[number, number][]} */
  const out = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1 + TAIL_GAP) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Asks the shard bundle for the given term shards (sorted) in one request, and keeps each one's promise on its own.
 * A shard the answer lacks (a server that merged or dropped ranges, or ignored Range) comes from its shard file.
 * @param {SearchIndex} ix
 * @param {number[]} wanted
 */
function fromBundle(ix, wanted) {
  const starts = bundleStarts(ix);
  /** @type {[number, number][]} */
  const ranges = [];
  for (const i of wanted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] + 1 === starts[i]) last[1] = starts[i + 1] - 1; // neighbours: one range
    else ranges.push([starts[i], starts[i + 1] - 1]);
  }
  const parts = fetchRanges(ix, `${ix.base}s.${ix.manifest.terms.bundle}.bin`, ranges, false)
    .catch((e) => orFiles(ix, e));
  for (const i of wanted) {
    keep(ix, shardKey(ix, i), parts.then((ps) => {
      const [a, b] = [starts[i], starts[i + 1] - 1];
      const part = ps?.find((q) => q.start <= a && q.start + q.bytes.length > b);
      return part ? decodeJson(part.bytes.subarray(a - part.start, b - part.start + 1), shardKey(ix, i))
        : shardFromFile(ix, i);
    }));
  }
}

/**
 * The lexicon's pieces of the given term shards (format 11: each one's terms, surface keys left out, and their
 * document frequencies), those not read yet asked for from the tail bundle that holds the lexicon (format 12), in
 * the request of this turn's long lists (the query's other words', asked for at the same time: prefetchLists), one
 * (multi-)range request, neighbours joined. Null when they cannot be had by range: a server that ignores Range (the
 * index is then rangeless), an error status (a half-uploaded site), or an answer that lacks one even alone; the
 * term shards serve then, as before format 11. The ranges are added before this function first waits.
 * @param {SearchIndex} ix
 * @param {number[]} wanted term shard indices, sorted
 * @returns {Promise<Map<number, LexiconPiece> | null>}
 */
async function lexiconPieces(ix, wanted) {
  const { lexicon: [bundleIndex, start], lexiconSizes, tails } = ix.manifest.terms;
  const at = ix.lexiconStarts ??= offsets(decodeVlq(lexiconSizes).map((n) => n * LEXICON_UNIT));
  const bundle = `${ix.base}u.${tails[bundleIndex]}.bin`;
  const missing = wanted.filter((i) => !ix.lexicon.has(i));
  const batch = missing.map((i) => inBatch(ix, bundle, start + at[i], at[i + 1] - at[i]));
  try {
    for (const [k, i] of missing.entries()) {
      const [a, size] = [start + at[i], at[i + 1] - at[i]];
      const bytes = await fromBatch(ix, bundle, batch[k], await batch[k].parts, a, size);
      if (!bytes) return null;
      const json = await decodeJson(bytes, `${bundle}#lexicon${i}`);
      ix.lexicon.set(i, shardUnits(ix).alone.has(i) ? wholeShardPiece(ix, i, /** @type {TermShard} */ (json))
        : /** @type {LexiconPiece} */ (json));
    }
  } catch (e) {
    if (e instanceof SearchIndexError && e.kind === 'http') return null;
    throw e;
  }
  return new Map(wanted.map((i) => [i, /** @type {LexiconPiece} */ (ix.lexicon.get(i))]));
}

/**
 * The lexicon's member of a term shard that holds a frequent term alone: the term shard itself (format 13), kept as
 * the term shard (a correction that finds the term there then needs no request for it), and its piece: its terms
 * without the surface keys, with their document frequencies.
 * @param {SearchIndex} ix
 * @param {number} i
 * @param {TermShard} shard
 * @returns {LexiconPiece}
 */
function wholeShardPiece(ix, i, shard) {
  if (!ix.cache.has(shardKey(ix, i))) keep(ix, shardKey(ix, i), Promise.resolve(shard));
  const words = shard.t.flatMap((t, k) => (t.includes(SURFACE) ? [] : [k]));
  return { t: words.map((k) => shard.t[k]), n: words.map((k) => shard.n[k]) };
}

/**
 * A bundle the server answered with an error status (404, 500, or 416: shorter than the manifest says): null, so
 * that the shard or tail files it copies serve instead, whole, as for a server that ignores Range; the error itself
 * when the index has no such files (a compact site).
 * @param {SearchIndex} ix
 * @param {unknown} e
 * @returns {null}
 */
function orFiles(ix, e) {
  if (e instanceof SearchIndexError && e.kind === 'http' && ix.manifest.cards.chunk) return null;
  throw e;
}

/**
 * Term shard i's key in the cache: its shard file's URL and its place in the file (a gzip member).
 * @param {SearchIndex} ix
 * @param {number} i
 */
function shardKey(ix, i) {
  const { files, members } = ix.manifest.terms;
  return `${ix.base}t.${files[Math.floor(i / members)]}.bin#${i % members}`;
}

/**
 * Where each term shard starts in the shard bundle, and where the last one ends.
 * @param {SearchIndex} ix
 */
function bundleStarts(ix) {
  ix.starts ??= offsets(decodeVlq(ix.manifest.terms.sizes));
  return ix.starts;
}

/**
 * @typedef {{units: number[], alone: Set<number>}} ShardUnits each term shard's unit of reach, and the term shards
 * that hold a frequent term alone
 */

/**
 * Per term shard, its unit of the reach of a correction's or a prefix's term shards (TYPO_SHARDS, PREFIX_SHARDS): a
 * frequent term's shard of its own (`terms.alone`, w31-warm) makes one unit with the shards beside it, whose terms
 * shared one with it before, so that the reach spans about as much of the dictionary as it did.
 * @param {SearchIndex} ix
 */
function shardUnits(ix) {
  if (!ix.shardUnits) {
    const alone = new Set(offsets(decodeVlq(ix.manifest.terms.alone ?? '')).slice(1));
    const units = new Array(ix.manifest.terms.sep.length);
    for (let i = 0, u = 0; i < units.length; i++) {
      if (i > 0 && !alone.has(i) && !alone.has(i - 1)) u++;
      units[i] = u;
    }
    ix.shardUnits = { units, alone };
  }
  return ix.shardUnits;
}

/**
 * The term shards beside term shard i that hold a frequent term alone (`terms.alone`): a word that may be misspelt
 * reads them with its own, in the same range (they are its neighbours in the bundle, ~0.3 KB each), as it read the
 * frequent term when the term shared its shard: a correction to it (forign: foreign) is then at hand, and its long
 * list comes with the lexicon, not in a request of its own after the contenders' term shards.
 * @param {SearchIndex} ix
 * @param {number} i
 */
function nearFrequent(ix, i) {
  const { alone } = shardUnits(ix);
  return [i - 1, i + 1].filter((j) => alone.has(j));
}

/**
 * Where each of consecutive pieces of the given sizes starts, and where the last one ends.
 * @param {number[]} sizes
 */
function offsets(sizes) {
  return sizes.reduce((acc, n) => {
    acc.push(acc[acc.length - 1] + n);
    return acc;
  }, [0]);
}

/**
 * Term shard i cut from its shard file, which is fetched whole once per page load (a server that ignores Range).
 * @param {SearchIndex} ix
 * @param {number} i
 * @returns {Promise<unknown>}
 */
async function shardFromFile(ix, i) {
  const { files, members } = ix.manifest.terms;
  const first = i - (i % members);
  const starts = bundleStarts(ix);
  const url = `${ix.base}t.${files[first / members]}.bin`;
  const from = starts[i] - starts[first];
  const file = await ix.chunk(url);
  return decodeJson(file.subarray(from, from + starts[i + 1] - starts[i]), `${url}#${i % members}`);
}

/**
 * Keeps a promise in the index's cache under key, and forgets it if it fails (the next query tries again).
 * @param {SearchIndex} ix
 * @param {string} key
 * @param {Promise<unknown>} p
 */
function keep(ix, key, p) {
  p.catch(() => ix.cache.delete(key));
  ix.cache.set(key, p);
}

/**
 * @template T
 * @param {(T | undefined)[]} list
 * @returns {list is T[]}
 */
function allDefined(list) {
  return list.every((x) => x !== undefined);
}

/** @returns {RankFacets} */
function noFacets() {
  return { years: new Map(), tags: new Map() };
}

/**
 * @param {Entry} a
 * @param {Entry} b
 */
function byDfThenTerm(a, b) {
  return b.df - a.df || (a.term < b.term ? -1 : 1);
}

/**
 * The entry of a term, if its shard is at hand and holds it.
 * @param {SearchIndex} ix
 * @param {Map<number, TermShard>} shards
 * @param {string} term
 */
function findTerm(ix, shards, term) {
  const i = ix.shardOf(term);
  const s = shards.get(i);
  if (!s) return null;
  const k = lowerBound(s.t, term);
  return s.t[k] === term ? ix.entry(s, i, k) : null;
}

/**
 * The regular inflections of a typed English word that have its term (actions and actioned for action; action for
 * actions; rise for rising): their documents hold the word as a reader who remembers "action" for a title's
 * "actions" means it, so they rank with the typed form's (issue 13: exact forms first). Porter2 also joins other
 * words (universe, university), which stay in the stem's tier. Not for Arabic, whose light stem joins other words
 * through the same endings.
 * @param {Analyzer} analyzer
 * @param {string} word the typed word's surface form
 * @param {string} term its term
 * @returns {string[]}
 */
export function inflections(analyzer, word, term) {
  if (!/^[a-z]{3,}$/.test(word)) return [];
  const forms = new Set([`${word}s`, `${word}es`, `${word}ed`, `${word}ing`]);
  const stem = (/** @type {number} */ n) => word.slice(0, word.length - n);
  if (word.endsWith('e')) forms.add(`${word}d`).add(`${stem(1)}ing`);
  if (/[^aeiou]y$/.test(word)) forms.add(`${stem(1)}ies`).add(`${stem(1)}ied`);
  if (/(ies|ied)$/.test(word)) forms.add(`${stem(3)}y`);
  if (/[^s]s$/.test(word)) forms.add(stem(1));
  if (word.endsWith('es')) forms.add(stem(2));
  if (word.endsWith('ed')) forms.add(stem(2)).add(stem(1));
  if (word.endsWith('ing')) forms.add(stem(3)).add(`${stem(3)}e`);
  forms.delete(word);
  return [...forms].filter((f) => f.length >= 3 && analyzer.terms(f)[0] === term).sort();
}

/**
 * Step 1: fetches the term shards every slot needs, all at once, then finds each phrase's terms and each word's
 * variants (exact, prefix completions, the correction of a word the index lacks).
 * @param {SearchIndex} ix
 * @param {Slot[]} slots
 * @param {boolean} fuzzy whether to correct a word the index lacks
 * @param {boolean} simple one word, no filter (scoreDocuments)
 */
async function collectCandidates(ix, slots, fuzzy, simple) {
  /** @type {Set<number>} */
  const need = new Set();
  for (const s of slots) {
    if (s.kind === 'phrase') s.terms.forEach((t) => need.add(ix.shardOf(t)));
    else {
      need.add(ix.shardOf(s.term));
      if (s.typo) nearFrequent(ix, ix.shardOf(s.term)).forEach((i) => need.add(i));
      s.readings.forEach((r) => need.add(ix.shardOf(r.term)));
      if (s.prefix) {
        for (const p of new Set([s.term, s.word])) ix.prefixShards(p).forEach((i) => need.add(i));
        need.add(ix.shardOf(s.word));
      }
    }
  }
  const shards = await ix.shards([...need]);
  /** @type {{s: WordSlot, taken: Set<string>}[]} */
  const typos = [];
  for (const s of slots) {
    if (s.kind === 'phrase') s.entries = s.terms.map((t) => findTerm(ix, shards, t));
    else s.exact = findTerm(ix, shards, s.term);
  }
  for (const s of slots) {
    if (s.kind === 'phrase') continue;
    const exact = s.exact;
    // the exact form's documents, in the same shard as the term (none when every document of the term has it)
    s.surface = exact ? findTerm(ix, shards, s.term + SURFACE + ix.analyzer.surface(s.word)) : null;
    /** @type {{e: Entry, kind: VariantKind}[]} */
    const variants = [];
    const taken = new Set([s.term]);
    // a word written with a mark has a second reading (ألعاب: العاب, عاماً: عام), matched like the word itself
    s.readingSurfaces = [];
    for (const r of s.readings) {
      const e = r.term === s.term ? exact : findTerm(ix, shards, r.term);
      if (!e) continue;
      if (!taken.has(r.term)) variants.push({ e, kind: 'reading' });
      taken.add(r.term);
      const form = findTerm(ix, shards, r.term + SURFACE + r.form);
      if (form) s.readingSurfaces.push({ e: form, term: e });
    }
    // a regular inflection of an English word is the word as the reader remembers it (action for actions)
    if (exact) {
      for (const form of inflections(ix.analyzer, ix.analyzer.surface(s.word), s.term)) {
        const e = findTerm(ix, shards, s.term + SURFACE + form);
        if (e) s.readingSurfaces.push({ e, term: exact });
      }
    }
    const known = exact ?? variants[0]?.e;
    if (s.prefix) prefixVariants(ix, s, shards, taken).forEach((e) => variants.push({ e, kind: 'prefix' }));
    s.variants = variants;
    // fuzzy is a fallback: never for a word the index holds
    if (s.typo && !known && fuzzy && typos.length < MAX_CORRECTED) typos.push({ s, taken });
  }
  await correct(ix, slots, typos, shards, simple);
}

/**
 * Step 1's last part: the corrections of the words the index lacks (the first MAX_CORRECTED of them). Which of
 * their candidates the index holds, and how common each is, comes for all of them in one request from the lexicon,
 * with the query's other words' long lists (format 12: the lexicon is in the tail bundle); then the term shards of
 * the candidates that may win, in one more (format 11; a pasted text of misspelt words once cost a request per word:
 * 50 of them, 31 requests and 695 KB at 10,000 documents). From a server that ignores Range, or when the lexicon
 * cannot be had, the candidates' term shards themselves, as before format 11.
 * @param {SearchIndex} ix
 * @param {Slot[]} slots
 * @param {{s: WordSlot, taken: Set<string>}[]} typos
 * @param {Map<number, TermShard>} shards the shards at hand (those fetched are added)
 * @param {boolean} simple one word, no filter (scoreDocuments)
 */
async function correct(ix, slots, typos, shards, simple) {
  if (!typos.length) return;
  const contexts = await Promise.all(typos.map(({ s }) => contextOf(ix, slots, s)));
  const words = typos.map(({ s, taken }, k) => typoCandidates(ix, s, shards, taken, contexts[k]));
  const pending = fetchCandidateShards(ix, words, shards);
  prefetchLists(ix, slots, simple);
  const lexicon = await pending;
  if (lexicon) {
    // the term shards of the candidates that may win, for all the words in one request (format 11)
    const need = (await Promise.all(typos.map(({ s }, k) => contenders(ix, s, words[k], shards, contexts[k], lexicon))))
      .flat();
    if (need.length) for (const [i, sh] of await ix.shards(need)) shards.set(i, sh);
  }
  for (const [k, { s }] of typos.entries()) {
    const typo = await typoVariant(ix, s, words[k], shards, contexts[k]);
    if (typo) s.variants?.push({ e: typo, kind: 'typo' });
  }
}

/**
 * Starts reading the complete long lists that scoring reads (wholeLists; never for one word alone), so that they are
 * asked for in the turn that asks for the lexicon's members, which are in the same tail bundle (format 12): one
 * request for both, where the lists took a request of their own after the contenders' term shards (a misspelt word
 * beside a frequent one: 5 index requests, now 4). A failure is the later reader's to report (the cache forgets a
 * failed list).
 * @param {SearchIndex} ix
 * @param {Slot[]} slots
 * @param {boolean} simple one word, no filter: the lists are not read
 */
function prefetchLists(ix, slots, simple) {
  if (simple) return;
  for (const s of slots) for (const e of wholeLists(s)) if (e.long) ix.postings(e).catch(() => {});
}

/**
 * The entries whose complete lists scoring reads when the query is more than one word alone (phraseMatches,
 * wordMatches): a phrase's terms, when the index holds them all; a word's variants that stand for the word
 * (readsWhole), its surface key and its readings' surface keys. The one choice for prefetchLists and wordMatches.
 * @param {Slot} s
 * @returns {Entry[]}
 */
function wholeLists(s) {
  if (s.kind === 'phrase') {
    const entries = s.entries ?? [];
    return allDefinedEntries(entries) ? entries : [];
  }
  return [...(s.exact ? [s.exact] : []), ...(s.surface ? [s.surface] : []),
    ...(s.variants ?? []).flatMap((v) => (readsWhole(s, v.kind) ? [v.e] : [])),
    ...(s.readingSurfaces ?? []).map((r) => r.e)];
}

/**
 * Whether a word's variant stands for the word, its long list then read whole unless the query is one word alone:
 * the word's term (exact), a second reading, and a correction of a word the index lacks (issue 13: council meting showed
 * «meeting» and 0 results, counted from meeting's 10 best postings alone; meting, 10).
 * @param {WordSlot} s
 * @param {VariantKind} kind
 */
function readsWhole(s, kind) {
  return kind === 'exact' || kind === 'reading' || (kind === 'typo' && !s.exact);
}

/**
 * Up to 20 completions of a word being typed, in the shards at hand: terms that start with its term or with the
 * normalized word, or stems that the word starts with; most documents first.
 * @param {SearchIndex} ix
 * @param {WordSlot} s
 * @param {Map<number, TermShard>} shards
 * @param {Set<string>} taken terms already used by this slot (updated)
 */
function prefixVariants(ix, s, shards, taken) {
  const cands = [];
  for (const [i, sh] of shards) {
    for (let k = 0; k < sh.t.length; k++) {
      const t = sh.t[k];
      if (taken.has(t) || t.includes(SURFACE)) continue;
      const ok = (t.startsWith(s.term) || (s.word.length > 1 && t.startsWith(s.word))
        || (t.length >= Math.max(3, s.word.length - 3) && s.word.startsWith(t)));
      if (ok) {
        taken.add(t);
        cands.push(ix.entry(sh, i, k));
      }
    }
  }
  return cands.sort(byDfThenTerm).slice(0, MAX_PREFIX_TERMS);
}

/**
 * The documents of the query's other words that are at hand once their term shards are (issue 13): a short list
 * whole, a long list's best postings. A correction that they hold too is likelier the word meant.
 * @param {SearchIndex} ix
 * @param {Slot[]} slots
 * @param {WordSlot} s the word to correct
 * @returns {Promise<Set<number>[]>}
 */
async function contextOf(ix, slots, s) {
  const others = slots.flatMap((o) => (o !== s && o.kind === 'word' && o.exact ? [o.exact] : []));
  return Promise.all(others.map(async (e) => docsAtHand(ix, e)));
}

/**
 * @param {SearchIndex} ix
 * @param {Entry} e
 * @returns {Promise<Set<number>>}
 */
async function docsAtHand(ix, e) {
  return new Set(e.long ? e.hits.map((h) => h.id) : (await ix.postings(e)).ids);
}

/**
 * The candidates for the correction of a word the index lacks (issue 13; SEARCH-FORMAT.md, "Corrections"): the words
 * one edit from what was typed. An Arabic correction needs a stem of 4 letters, and of 5 for a changed letter (one
 * edit in a shorter stem makes another word); backed by the query's other words (`context`), a swap or a doubled
 * letter needs 3. English also tries the terms at hand one edit from the term.
 * @param {SearchIndex} ix
 * @param {WordSlot} s
 * @param {Map<number, TermShard>} shards the shards at hand
 * @param {Set<string>} taken terms already used by this slot
 * @param {Set<number>[]} context the documents of the query's other words (contextOf)
 * @returns {TypoCandidate[]}
 */
function typoCandidates(ix, s, shards, taken, context) {
  const arabic = /[\u0600-\u06ff]/.test(s.word);
  const close = (/** @type {TypoCandidate} */ c) => context.length > 0 && CLOSENESS[c.kind] >= SHORT_STEM_CLOSENESS;
  // a word the lists tell apart from its light stem's other words (الرياض, Riyadh, from رياض, sport; الوطن from the
  // protected الوطني) is never corrected into one of them: protection exists to keep them apart (issue 13)
  const stem = arabic ? ix.analyzer.lightStem(s.word) : null;
  const words = typoWords(s.word, ix.analyzer, s.written)
    .filter((c) => !taken.has(c.term) && !(arabic && [...c.term].length < (close(c) ? STEM_MIN_BACKED : minStem(c)))
      && !(arabic && ix.analyzer.lightStem(ix.analyzer.normalize(c.word)) === stem));
  if (!arabic && [...s.term].length >= 4) for (const sh of shards.values()) {
    for (const t of sh.t) {
      if (!t.includes(SURFACE) && withinOneEdit(s.term, t)) {
        words.push({ term: t, word: t, kind: 'replace', letter: '', stem: true, close: CLOSENESS.replace * (t[0] === s.term[0] ? 1 : FIRST_LETTER) });
      }
    }
  }
  return words;
}

/**
 * The correction of a word the index lacks: of its candidates (typoCandidates) whose terms the index holds (in the
 * shards at hand, to which fetchCandidateShards added those likeliest to hold the word meant), the best by
 * `ln(1 + df) × closeness`, 1 + CONTEXT times that when one document at hand holds it and every other word of the
 * query; it stands in for the word (`s.corrected`), and the page says so. A short Arabic stem needs the backing.
 * @param {SearchIndex} ix
 * @param {WordSlot} s
 * @param {TypoCandidate[]} words its candidates
 * @param {Map<number, TermShard>} shards
 * @param {Set<number>[]} context
 * @returns {Promise<Entry | null>}
 */
async function typoVariant(ix, s, words, shards, context) {
  const arabic = /[\u0600-\u06ff]/.test(s.word);
  const found = await candidatesAtHand(ix, words, shards, context, arabic);
  const scored = candidateScores(found, context.length > 0).map((score, k) => {
    const { c, e } = found[k];
    return { e, score, word: c.word, stem: !!c.stem, forms: c.forms ?? [] };
  });
  // the best; of equals, the first in the order typoWords gives
  const best = scored.reduce((a, x) => (!a || x.score > a.score ? x : a), /** @type {typeof scored[0] | null} */ (null));
  // whether the index holds the candidate as written (its surface key): else it may be a stem or no word at all
  // of an English word's forms as close (government and governent for goverment), the first the index holds as
  // written; an Arabic correction shows the candidate (shownCorrection)
  if (best) {
    const { e, stem } = best;
    const forms = arabic ? [best.word] : [best.word, ...best.forms];
    const held = stem ? undefined : forms.find((f) => findTerm(ix, shards, e.term + SURFACE + ix.analyzer.surface(f)));
    s.corrected = { word: held ?? best.word, term: e.term, stem, written: !!held };
  }
  return best?.e ?? null;
}

/**
 * Each candidate's score: `ln(1 + df) × closeness`, 1 + CONTEXT times that when the query's other words back it. A
 * candidate with a long list has only its best postings at hand, so whether they back it is not known: beside other
 * words it counts as backed, so that a rarer candidate does not win because its every document is at hand (security
 * council meting: met, 128 documents, had won over meet, 1,204, at 10,000 documents). A candidate's score depends on
 * itself alone, so contenders() still leaves out only candidates that cannot win.
 * @param {{c: {close: number}, e: {df: number, long: boolean}, backed: boolean}[]} found
 * @param {boolean} others whether the query has other words that may back a candidate
 * @returns {number[]}
 */
export function candidateScores(found, others) {
  return found.map(({ c, e, backed }) => Math.log1p(e.df) * c.close * (backed || (others && e.long) ? 1 + CONTEXT : 1));
}

/**
 * The shortest stem an Arabic correction needs on its own: one edit in a shorter stem makes another word
 * (الكوبية is not «الكورية»), and a changed letter does so most.
 * @param {TypoCandidate} c
 */
function minStem(c) {
  return c.kind === 'replace' ? 5 : 4;
}

/**
 * Whether the query's other words back a candidate: one of its documents at hand holds them all (as the article
 * sought holds every word of a known-item query). A frequent word that merely shares some documents does not.
 * @param {SearchIndex} ix
 * @param {Entry} e
 * @param {Set<number>[]} context the other words' documents at hand (contextOf); none: no backing
 */
async function backedBy(ix, e, context) {
  if (!context.length) return false;
  return [...await docsAtHand(ix, e)].some((id) => context.every((d) => d.has(id)));
}

/**
 * Finds, in one request, which candidates the term shards likeliest to hold the words meant hold: for each word to
 * correct, each term shard not at hand is worth the likelihood of the candidates it holds (FETCH_WEIGHT: a swapped or
 * doubled letter far above any changed letter, of which there are 28 per letter), and the TYPO_SHARDS worth most are
 * read. A split dictionary keeps one-edit neighbours apart, so they are looked for wherever they are, not only near
 * the word. What is read is those term shards' part of the lexicon (their terms and document frequencies: tens of
 * bytes each, where a term shard is ~1.3 KB at 10,000 documents), returned; when the lexicon cannot be had by range,
 * the term shards themselves are fetched and added to `shards` (null is returned).
 * @param {SearchIndex} ix
 * @param {TypoCandidate[][]} lists each word's candidates
 * @param {Map<number, TermShard>} shards the shards at hand
 * @returns {Promise<Map<number, LexiconPiece> | null>}
 */
async function fetchCandidateShards(ix, lists, shards) {
  if (!ix.rangeless) {
    const extra = candidateShards(ix, lists, shards);
    if (!extra.size) return null;
    const lexicon = await lexiconPieces(ix, [...extra].sort((a, b) => a - b));
    if (lexicon) {
      // a frequent term's piece is its term shard (format 13): at hand now, as the shards read
      const { alone } = shardUnits(ix);
      for (const i of lexicon.keys()) if (alone.has(i) && !shards.has(i)) shards.set(i, await ix.shard(i));
      return lexicon;
    }
  }
  // from a server that ignores Range (found now, perhaps), the shard files worth most, whole
  const extra = candidateShards(ix, lists, shards);
  if (extra.size) for (const [i, sh] of await ix.shards([...extra])) shards.set(i, sh);
  return null;
}

/**
 * The term shards not at hand worth reading for the words' candidates (fetchCandidateShards): the TYPO_SHARDS worth
 * most per word, or from a server that ignores Range, where a term shard comes in its whole shard file, the term
 * shards of the RANGELESS_TYPO_FILES shard files worth most.
 * @param {SearchIndex} ix
 * @param {TypoCandidate[][]} lists
 * @param {Map<number, TermShard>} shards
 */
function candidateShards(ix, lists, shards) {
  const { members } = ix.manifest.terms;
  const { units } = shardUnits(ix);
  const unit = (/** @type {number} */ i) => (ix.rangeless ? Math.floor(i / members) : units[i]);
  const count = ix.rangeless ? RANGELESS_TYPO_FILES : shardReach(ix.manifest, TYPO_SHARDS);
  /** @type {Set<number>} */
  const extra = new Set();
  for (const words of lists) {
    const worth = /** @type {Map<number, number>} */ (new Map());
    for (const c of words) {
      const i = ix.shardOf(c.term);
      const common = COMMON_LETTERS.includes(c.letter) ? COMMON_WEIGHT : 1;
      if (!shards.has(i)) worth.set(unit(i), (worth.get(unit(i)) ?? 0) + FETCH_WEIGHT[c.kind] * common);
    }
    const chosen = new Set([...worth].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, count).map(([u]) => u));
    for (const c of words) {
      const i = ix.shardOf(c.term);
      if (!shards.has(i) && chosen.has(unit(i))) extra.add(i);
    }
  }
  return extra;
}

/**
 * The term shards, not at hand, of the candidates of a word that may be its correction once the lexicon has said
 * which the index holds and how common they are: with no other word to back one, the best by `ln(1 + df) ×
 * closeness` alone (typoVariant's choice, made here from the document frequencies); else every one whose score,
 * tripled by a backing, would reach the best score a candidate has unbacked, since whether the other words back it
 * takes its documents. A candidate left out cannot win, so typoVariant chooses from the shards at hand what it would
 * have chosen from every term shard read.
 * @param {SearchIndex} ix
 * @param {WordSlot} s
 * @param {TypoCandidate[]} words
 * @param {Map<number, TermShard>} shards the shards at hand
 * @param {Set<number>[]} context
 * @param {Map<number, LexiconPiece>} lexicon the pieces read
 * @returns {Promise<number[]>}
 */
async function contenders(ix, s, words, shards, context, lexicon) {
  const arabic = /[\u0600-\u06ff]/.test(s.word);
  const found = [];
  for (const c of words) {
    const i = ix.shardOf(c.term);
    const piece = shards.has(i) ? null : lexicon.get(i);
    if (!piece || [...c.term].length < 3) continue; // at hand, or not read: typoVariant sees it as before
    const k = lowerBound(piece.t, c.term);
    if (piece.t[k] !== c.term) continue;
    found.push({ i, score: Math.log1p(piece.n[k]) * c.close, alone: !(arabic && [...c.term].length < minStem(c)) });
  }
  const best = await bestAtHand(ix, words, shards, context, arabic);
  let bestRead = best;
  for (const f of found) if (f.alone) bestRead = Math.max(bestRead, f.score);
  if (!context.length) {
    const first = found.find((f) => f.alone && f.score === bestRead);
    return first && first.score >= best ? [first.i] : [];
  }
  return [...new Set(found.filter((f) => f.score * (1 + CONTEXT) >= bestRead).map((f) => f.i))];
}

/**
 * The score the best candidate at hand has for certain, as candidateScores gives it: beside other words, a frequent
 * candidate (a long list; its term shard comes with the lexicon, format 13) counts as backed, so that a rarer
 * candidate whose shard is not at hand must beat that, backed or not, to be worth a request. A short Arabic stem
 * counts only when the query's other words back it, which its best postings, at hand, tell.
 * @param {SearchIndex} ix
 * @param {TypoCandidate[]} words
 * @param {Map<number, TermShard>} shards
 * @param {Set<number>[]} context
 * @param {boolean} arabic
 */
async function bestAtHand(ix, words, shards, context, arabic) {
  const found = await candidatesAtHand(ix, words, shards, context, arabic);
  return Math.max(-Infinity, ...candidateScores(found, context.length > 0));
}

/**
 * The candidates whose terms the shards at hand hold, each with whether the query's other words back it (backedBy);
 * a short Arabic stem only with that backing. What typoVariant chooses from, and contenders bounds by.
 * @param {SearchIndex} ix
 * @param {TypoCandidate[]} words
 * @param {Map<number, TermShard>} shards
 * @param {Set<number>[]} context
 * @param {boolean} arabic
 * @returns {Promise<{c: TypoCandidate, e: Entry, backed: boolean}[]>}
 */
async function candidatesAtHand(ix, words, shards, context, arabic) {
  const found = [];
  for (const c of words) {
    const e = findTerm(ix, shards, c.term);
    if (!e || [...e.term].length < 3) continue;
    const backed = await backedBy(ix, e, context);
    if (arabic && [...e.term].length < minStem(c) && !backed) continue; // a short stem only with the backing
    found.push({ c, e, backed });
  }
  return found;
}

/** @typedef {{score: number, exact: boolean, surface: boolean, title: number, terms: Set<string>}} SlotMatch */
/** @typedef {{docs: Map<number, SlotMatch>, complete: boolean}} SlotMatches */

/**
 * Step 2: each slot's matching documents with their scores, then per document: the sum of its slots' scores, the
 * slots it matches, and how many of them by more than a typo.
 * @param {SearchIndex} ix
 * @param {Slot[]} slots
 * @param {boolean} simple one word, no filter: a long list's best postings are enough
 * @param {boolean} firstPage and the first page, submitted: so are those of a key in the tail for its term's sake
 */
async function scoreDocuments(ix, slots, simple, firstPage) {
  const phrases = slots.filter((s) => s.kind === 'phrase');
  const perSlot = await Promise.all(slots.map((s) => (s.kind === 'phrase'
    ? phraseMatches(ix, s, phrases.indexOf(s) < MAX_PHRASES)
    : wordMatches(ix, s, simple, firstPage))));
  /** @type {Map<number, RankedDoc>} */
  const docs = new Map();
  let complete = true;
  perSlot.forEach((m) => {
    if (!m.complete) complete = false;
    for (const [id, r] of m.docs) {
      let d = docs.get(id);
      if (!d) docs.set(id, d = { index: ix, id, score: 0, matched: 0, exact: 0, surface: 0, title: 0, terms: new Set() });
      d.score += r.score;
      d.matched++;
      if (r.exact) d.exact++;
      if (r.surface) d.surface++;
      d.title += TITLE_FORM ? r.title : Math.min(1, r.title);
      r.terms.forEach((t) => /** @type {RankedDoc} */ (d).terms.add(t));
    }
  });
  return { all: [...docs.values()], complete };
}

/**
 * A match of a slot: the best score of its variants, exact unless only typos matched.
 * @param {Map<number, SlotMatch>} docs
 * @param {number} id
 * @param {number} score
 * @param {boolean} exact
 * @param {string} term
 * @param {boolean} [surface] matched by the word's exact form
 * @param {number} [title] 2: the document's title holds the word in the form typed, 1: by its term, 0: not
 */
function addMatch(docs, id, score, exact, term, surface = false, title = 0) {
  let r = docs.get(id);
  if (!r) docs.set(id, r = { score: 0, exact: false, surface: false, title: 0, terms: new Set() });
  if (score > r.score) r.score = score;
  if (exact) r.exact = true;
  if (surface) r.surface = true;
  if (title > r.title) r.title = title;
  r.terms.add(term);
}

/**
 * The documents where the phrase's terms occur at their offsets, scored by the sum of their impacts; for a phrase
 * past the query's first MAX_PHRASES, those that hold every term (its positions are not fetched).
 * @param {SearchIndex} ix
 * @param {PhraseSlot} s
 * @param {boolean} checked whether positions are checked
 * @returns {Promise<SlotMatches>}
 */
async function phraseMatches(ix, s, checked) {
  /** @type {Map<number, SlotMatch>} */
  const docs = new Map();
  const entries = s.entries ?? [];
  if (!allDefinedEntries(entries)) return { docs, complete: true };
  const lists = await Promise.all(entries.map((e) => ix.postings(e)));
  const maps = lists.map((l) => new Map(l.ids.map((id, j) => [id, j])));
  const both = lists[0].ids.filter((id) => maps.every((m) => m.has(id)));
  // no document holds every term: no positions to fetch (a file of ~60 KB per term at 10,000 documents)
  if (!both.length) return { docs, complete: true };
  const pos = checked ? await Promise.all(entries.map((e) => ix.positions(e))) : [];
  lists[0].ids.forEach((id, j0) => {
    const js = maps.map((m) => m.get(id));
    if (!allDefined(js)) return;
    const ok = !checked || pos[0][j0].some((p) => js.every((j, i) => pos[i][j].includes(p + s.offsets[i])));
    if (!ok) return;
    let score = 0;
    js.forEach((j, i) => { score += lists[i].imp[j]; });
    addMatch(docs, id, score, true, entries[0].term, false, js.every((j, i) => ix.inTitle(lists[i].imp[j], entries[i].idf)) ? 1 : 0);
    entries.forEach((e) => docs.get(id)?.terms.add(e.term));
  });
  return { docs, complete: true };
}

/**
 * @param {(Entry | null)[]} entries
 * @returns {entries is Entry[]}
 */
function allDefinedEntries(entries) {
  return entries.every((e) => e);
}

/**
 * A surface key's complete list written as flags over its term's postings (format 7): the term's documents whose
 * flag is set, at the term's impact levels (a form never ranks above its term; the caller scales by idf).
 * @param {SearchIndex} ix @param {TermShard} s @param {Entry} e @param {string} text
 * @returns {Promise<Postings>}
 */
async function flaggedPostings(ix, s, e, text) {
  const t = s.t.indexOf(e.term.slice(0, e.term.indexOf(SURFACE)));
  const termEntry = ix.entry(s, e.shard, t);
  const p = await ix.postings(termEntry);
  const scale = e.idf / termEntry.idf;
  // format 14: after the second `~`, per document whose term is in its title, whether the title holds the form;
  // one that does not ranks in the form's tier at a body level (its term's match keeps the title's)
  const titled = text.indexOf(SURFACE_FLAGS, 1) + 1;
  const body = 2 ** (ix.manifest.levelBits - 1) * termEntry.idf;
  let seen = 0;
  /** @type {Postings} */
  const out = { ids: [], imp: [] };
  p.ids.forEach((id, j) => {
    if (!((VLQ_DIGITS[text.charCodeAt(1 + Math.floor(j / 6))] >> (j % 6)) & 1)) return;
    let imp = p.imp[j];
    if (ix.inTitle(imp, termEntry.idf)) {
      const inTitle = (VLQ_DIGITS[text.charCodeAt(titled + Math.floor(seen / 6))] >> (seen % 6)) & 1;
      seen++;
      if (!inTitle) imp = body;
    }
    out.ids.push(id);
    out.imp.push(imp * scale);
  });
  return out;
}

/**
 * A long list's best postings (`h`): (id, level) pairs, as impacts. A surface key's level past LEVELS (format 14) is
 * that much less, for a document whose title holds the term but not the form (SEARCH-FORMAT §3).
 * @param {string} vlq
 * @param {number} idf
 * @param {number} levels
 * @returns {Hit[]}
 */
function bestPostings(vlq, idf, levels) {
  return pairs(decodeVlq(vlq)).map(([id, q]) => (q > levels ? { id, impact: (q - levels) * idf, termTitle: true } : { id, impact: q * idf }));
}

/**
 * The documents of a word's variants, each weighted by its kind (exact 1, prefix 0.8, typo 0.4).
 * @param {SearchIndex} ix
 * @param {WordSlot} s
 * @param {boolean} simple
 * @param {boolean} firstPage
 * @returns {Promise<SlotMatches>}
 */
async function wordMatches(ix, s, simple, firstPage) {
  /** @type {Map<number, SlotMatch>} */
  const docs = new Map();
  let complete = true;
  /** @type {{e: Entry, kind: VariantKind}[]} */
  const variants = [];
  if (s.exact) variants.push({ e: s.exact, kind: 'exact' });
  variants.push(...(s.variants ?? []));
  // the long lists read whole are asked for together: the term's and its surface key's in one request to their tail file
  prefetchLists(ix, [s], simple);
  for (const { e, kind } of variants) {
    const w = WEIGHT[kind];
    const strong = kind !== 'typo';
    const asWord = readsWhole(s, kind);
    if (!e.long || (asWord && !simple)) {
      const p = await ix.postings(e);
      p.ids.forEach((id, j) => addMatch(docs, id, w * p.imp[j], strong, e.term, false, ix.inTitle(p.imp[j], e.idf) ? 1 : 0));
    } else {
      // a long list: its best postings are in the term shard; the rest is in a tail file, loaded only when
      // needed (several words, filters, a page past these)
      if (asWord) complete = false;
      e.hits.forEach((h) => addMatch(docs, h.id, w * h.impact, strong, e.term, false, ix.inTitle(h.impact, e.idf) ? 1 : 0));
    }
  }
  if (s.surface && s.exact) await surfaceMatches(ix, s.surface, s.exact, simple && firstPage, docs, simple);
  for (const r of s.readingSurfaces ?? []) await surfaceMatches(ix, r.e, r.term, simple && firstPage, docs, simple);
  return { docs, complete };
}

/**
 * Marks the documents that hold the word's exact form (they rank first among those its term matches; issue 13).
 * A long list gives its best postings for one word (the first pages), all of them otherwise; both are in the
 * term's shard or its tail file. Scores use the term's idf, so the form only decides the tier.
 * @param {SearchIndex} ix
 * @param {Entry} e the surface key's entry
 * @param {Entry} term the word's term
 * @param {boolean} firstPage one word's first page, submitted
 * @param {Map<number, SlotMatch>} docs
 * @param {boolean} simple one word, no filter
 */
async function surfaceMatches(ix, e, term, firstPage, docs, simple) {
  // the form's level at its term's idf, exactly as the term's postings score it: impact × (term idf / key idf)
  // differed from it in the last bit, and equal documents were ordered by that, not by date
  const scaled = (/** @type {number} */ impact) => Math.round(impact / e.idf) * term.idf;
  // a key in the tail only for its term's sake (`keyList`) was read whole before: so it is past the first page
  if (e.long && (e.keyList ? firstPage : simple)) {
    e.hits.forEach((h) => addMatch(docs, h.id, scaled(h.impact), true, term.term, true,
      h.termTitle ? 1 : ix.inTitle(h.impact, e.idf) ? 2 : 0));
    return;
  }
  const p = await ix.postings(e);
  p.ids.forEach((id, j) => addMatch(docs, id, scaled(p.imp[j]), true, term.term, true, ix.inTitle(p.imp[j], e.idf) ? 2 : 0));
}

/**
 * @param {Manifest} manifest
 * @param {number | string | null} year
 * @returns {(d: RankedDoc) => boolean}
 */
function yearFilter(manifest, year) {
  const years = new Map(manifest.years.map(([y, first, count]) => [y, [first, count]]));
  return (d) => {
    if (year == null) return true;
    const r = years.get(Number(year));
    return !!r && d.id >= r[0] && d.id < r[0] + r[1];
  };
}

/**
 * Step 3: the facet counts, and the tags of the documents when a filter or the counts need them. A single exact
 * term with many documents has its facets precomputed; years are id ranges; tags come from the cards of a result
 * that fits its shown page, from attribute files at hand, else (asked for: tagCounts) from the cards of up to 60
 * documents or the attribute files of the result's id ranges. Issue 13: counting the tags of a large result of
 * several words cost every query those files (288 KB of 367 at 100,000 documents); now only a reader who asks.
 * @param {SearchIndex} ix
 * @param {Slot[]} slots
 * @param {RankedDoc[]} all
 * @param {{tagIds: number[], yearOk: (d: RankedDoc) => boolean, oneWord: boolean, counted: boolean,
 *   pageEnd: number, tagCounts: boolean}} options oneWord: one submitted word; counted: the facets are shown
 * @returns {Promise<{facets: RankFacets, tagsOf: (id: number) => number[]}>}
 */
async function countFacets(ix, slots, all, { tagIds, yearOk, oneWord, counted, pageEnd, tagCounts }) {
  const facets = noFacets();
  const first = slots[0];
  // one submitted word: its facets count the documents of the word (or of its correction) itself
  const word = oneWord && first.kind === 'word' ? first.exact ?? first.variants?.[0]?.e : null;
  if (word && word.df > ix.manifest.hits) {
    decodeFacets(ix.manifest, word.facets, facets);
    return { facets, tagsOf: () => [] };
  }
  if (!counted) return { facets, tagsOf: () => [] };
  // facets count what the total counts: the documents matching every word, if any, else those matching some
  const full = all.filter((d) => d.matched === slots.length);
  const basis = full.length ? full : all;
  // tags are needed: to filter by tag (every document), and for the tag counts (inside the year)
  const needTags = tagIds.length ? all : basis.filter(yearOk);
  const firstPage = tagIds.length ? [] : all.filter(yearOk).sort(compareRanked).slice(0, pageEnd).map((d) => d.id);
  if (!tagIds.length && !tagCounts && !tagsAtHand(ix, needTags.map((d) => d.id), firstPage)) {
    for (const d of basis) {
      const year = ix.yearOf(d.id);
      if (year !== undefined) bump(facets.years, year);
    }
    facets.tagsPending = true;
    return { facets, tagsOf: () => [] };
  }
  const tagsOf = await ix.tagsOf(needTags.map((d) => d.id), firstPage);
  /** @param {RankedDoc} d */
  const tagsOk = (d) => tagIds.every((t) => tagsOf(d.id).includes(t));
  for (const d of basis) {
    const year = ix.yearOf(d.id);
    if (tagsOk(d) && year !== undefined) bump(facets.years, year);
    if (yearOk(d) && tagsOk(d)) for (const t of tagsOf(d.id)) bump(facets.tags, ix.manifest.tags[t][0]);
  }
  return { facets, tagsOf };
}

/**
 * Whether the tags of the given documents cost nothing more: their cards or attribute files are at hand, or they
 * are on the page about to be shown (whose cards come anyway).
 * @param {SearchIndex} ix
 * @param {number[]} ids
 * @param {number[]} page
 */
function tagsAtHand(ix, ids, page) {
  const { size, files } = ix.manifest.attrs;
  const shown = new Set(page);
  return ids.every((id) => shown.has(id) || ix.docs.has(id) || ix.cache.has(ix.file('a', files[Math.floor(id / size)])));
}

/**
 * A term's precomputed facets (VLQ): number of years, (year index, count)…, number of tags, (tag id gap, count)….
 * @param {Manifest} manifest
 * @param {string} vlq
 * @param {RankFacets} facets filled
 */
function decodeFacets(manifest, vlq, facets) {
  const v = decodeVlq(vlq);
  let i = 0;
  const ny = v[i++];
  for (let k = 0; k < ny; k++) facets.years.set(manifest.years[v[i++]][0], v[i++]);
  const nt = v[i++];
  let prev = 0;
  for (let k = 0; k < nt; k++) {
    prev += v[i++];
    facets.tags.set(manifest.tags[prev][0], v[i++]);
  }
}

/**
 * Step 4: the documents that pass the filters, best first; `total` counts those matching every word (or phrase),
 * `some` those matching only some of them, which come after (issue 13: one number means one thing).
 * @param {Slot[]} slots
 * @param {RankedDoc[]} all
 * @param {boolean} complete
 * @param {(d: RankedDoc) => boolean} passes
 */
function orderResults(slots, all, complete, passes) {
  const ranked = all.filter(passes);
  ranked.sort(compareRanked);
  const total = ranked.filter((d) => d.matched === slots.length).length;
  const first = slots[0];
  // one word whose long list is not loaded: its df, plus the documents only its completions matched
  const e = first.kind === 'word' ? first.exact ?? first.variants?.[0]?.e : null;
  if (complete || slots.length > 1 || !e) return { ranked, total, some: ranked.length - total };
  return { ranked, total: e.df + all.filter((d) => !d.terms.has(e.term)).length, some: 0 };
}

/**
 * @typedef {{term: string, word: string, kind: keyof typeof CLOSENESS, letter: string, stem?: boolean, close: number,
 *   forms?: string[]}} TypoCandidate `forms`: every edit of the typed word as close that gives the term
 * `stem`: an English term at hand one edit from the typed word's term, whose word is the term itself (a stem)
 */

const ARABIC_LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';
/** The commonest letters of written Arabic and English: a word with one dropped or changed is likelier a word. */
const COMMON_LETTERS = 'اليمونهرتبetaoinshr';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Letters (normalized) a reader takes for one another: the same shape but for its dots (Arabic). */
const SAME_SHAPE = ['بتثني', 'جحخ', 'دذ', 'رز', 'سش', 'صض', 'طظ', 'عغ', 'فق'];
/** Keyboard rows (Arabic 101, normalized: ئ ؤ → ء, ى → ي, ة → ه; and QWERTY): a slip hits the key beside. */
const KEY_ROWS = ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ءريهوزظ', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * Whether a reader easily types b for a: letters of the same shape, or neighbouring keys.
 * @param {string} a
 * @param {string} b
 */
export function confusable(a, b) {
  const besides = (/** @type {string} */ r) => {
    const i = r.indexOf(a);
    return i >= 0 && (r[i - 1] === b || r[i + 1] === b);
  };
  return SAME_SHAPE.some((g) => g.includes(a) && g.includes(b)) || KEY_ROWS.some(besides);
}

/**
 * The words one edit (delete, swap, replace, insert over the script's alphabet) from `word` (normalized) that
 * analyze to one term: {term, word, kind}, one per term, by its closest edit (`double`: a letter typed twice or
 * once for twice; `near`: a letter changed for a confusable one). `word` is spelled like `written` (the word as
 * typed) when the two have as many letters, so a correction reads الاقتصادية, not الاقتصاديه.
 * @param {string} word
 * @param {Analyzer} analyzer
 * @param {string} [written]
 * @returns {TypoCandidate[]}
 */
export function typoWords(word, analyzer, written = word) {
  const w = [...word];
  const o = [...written].length === w.length ? [...written] : w;
  const arabic = /[\u0600-\u06ff]/.test(word);
  const alphabet = [...(arabic ? ARABIC_LETTERS : LATIN_LETTERS)];
  /** @type {Map<string, TypoCandidate>} */
  const out = new Map();
  /** The terms whose shown word keeps the typed word's first letter. */
  const keepsFirst = new Set();
  /** @param {keyof typeof CLOSENESS} kind @param {(x: string[]) => string[]} edit @param {string} [letter] */
  const add = (kind, edit, letter = '') => {
    const edited = edit(w), [t, more] = analyzer.terms(edited.join('')), had = out.get(t);
    if (!t || more) return;
    const first = edited[0] === w[0];
    const close = CLOSENESS[kind] * (first || arabic ? 1 : FIRST_LETTER);
    const form = edit(o).join('');
    if (!had || close > had.close) {
      out.set(t, { term: t, word: form, kind, letter, close, forms: [form] });
    } else {
      // every form of the term as close: the page shows one the index holds as written (typoVariant)
      if (close === had.close && !had.forms?.includes(form)) had.forms?.push(form);
      // of two forms of one term as close, the page shows the one that keeps the first letter (a reader rarely
      // mistypes it: الرأضي reads as الأرضي, not لارأضي); the candidate is the same, so what is fetched is too
      if (close === had.close && first && !keepsFirst.has(t)) had.word = form;
      else return;
    }
    if (first) keepsFirst.add(t); else keepsFirst.delete(t);
  };
  for (let i = 0; i < w.length; i++) {
    add(w[i] === w[i - 1] || w[i] === w[i + 1] ? 'double' : 'delete', (x) => [...x.slice(0, i), ...x.slice(i + 1)]);
  }
  for (let i = 0; i + 1 < w.length; i++) {
    if (w[i] !== w[i + 1]) add('swap', (x) => [...x.slice(0, i), x[i + 1], x[i], ...x.slice(i + 2)]);
  }
  for (let i = 0; i < w.length; i++) {
    for (const c of alphabet) {
      if (c !== w[i]) add(confusable(w[i], c) ? 'near' : 'replace', (x) => [...x.slice(0, i), c, ...x.slice(i + 1)], c);
    }
  }
  for (let i = 0; i <= w.length; i++) {
    for (const c of alphabet) {
      add(c === w[i - 1] || c === w[i] ? 'double' : 'insert', (x) => [...x.slice(0, i), c, ...x.slice(i)], c);
    }
  }
  return [...out.values()];
}

/** @param {number[]} arr @returns {[number, number][]} */
function pairs(arr) {
  /** @type {[number, number][]} */
  const out = [];
  for (let i = 0; i < arr.length; i += 2) out.push([arr[i], arr[i + 1]]);
  return out;
}

/**
 * @template K
 * @param {Map<K, number>} map
 * @param {K} key
 */
function bump(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Most words matched, then most matched by more than a typo, then most matched by their exact form, then most held
 * by the title (2 a word in the form typed, 1 by its term: issue 13, a reader types words of a title; a title holding
 * them all outranks one that holds some and whose body repeats the others), then score, then the newest document.
 * @param {RankedDoc} a
 * @param {RankedDoc} b
 */
export function compareRanked(a, b) {
  return b.matched - a.matched || b.exact - a.exact || b.surface - a.surface || TITLE_TIER * (b.title - a.title)
    || b.score - a.score || b.id - a.id;
}

/**
 * Searches one or more indexes (both languages) and returns one page of cards plus merged facets.
 * @param {SearchIndex[]} indexes
 * @param {string} query
 * @param {RankOptions & {offset?: number, limit?: number}} [options]
 * @returns {Promise<SearchResults>}
 */
export async function search(indexes, query, { offset = 0, limit = 10, ...options } = {}) {
  const opts = { ...options, pageEnd: offset + limit };
  let runs = await Promise.all(indexes.map((ix) => ix.rank(query, opts)));
  const short = runs.reduce((n, r) => n + r.ranked.length, 0) < offset + limit;
  // best postings rank a word's first `hits` documents as its complete lists would, and no further: a later page
  // ranked from them showed documents of page 1 again and missed others
  if (runs.some((r, i) => !r.complete && (short || offset + limit > indexes[i].manifest.hits))) {
    runs = await Promise.all(indexes.map((ix) => ix.rank(query, { ...opts, full: true })));
  }
  const merged = runs.flatMap((r) => r.ranked);
  merged.sort((a, b) => compareRanked(a, b) || byLang(a, b));
  const page = merged.slice(offset, offset + limit);
  /** @type {Map<SearchIndex, RankedDoc[]>} */
  const byIndex = new Map();
  page.forEach((it) => {
    let items = byIndex.get(it.index);
    if (!items) byIndex.set(it.index, items = []);
    items.push(it);
  });
  /** @type {Map<RankedDoc, ResultCard>} */
  const cards = new Map();
  /** @type {unknown[]} */
  const failures = [];
  await Promise.all([...byIndex].map(async ([ix, items]) => {
    const res = await ix.resolve(items);
    items.forEach((it, i) => { if (res.cards[i]) cards.set(it, /** @type {ResultCard} */ (res.cards[i])); });
    if (res.failure) failures.push(res.failure);
  }));
  // a page none of whose cards came fails as a whole; one with some shows them and says what is missing
  if (failures.length && !cards.size) throw failures[0];
  const shown = page.filter((it) => cards.has(it));
  const slotsOf = new Map(indexes.map((ix, i) => [ix, runs[i].slots]));
  rerankByTitle(shown, slotsOf, cards);
  const slotCount = new Map(indexes.map((ix, i) => [ix, runs[i].slots.length]));
  return {
    total: runs.reduce((n, r) => n + r.total, 0),
    some: runs.reduce((n, r) => n + r.some, 0),
    // a result that holds only some of the words comes after the others, under its own label
    results: shown.map((it) => ({ .../** @type {ResultCard} */ (cards.get(it)), allWords: it.matched === slotCount.get(it.index) })),
    unshown: page.length - shown.length,
    unshownBecause: failures[0] ?? null,
    corrections: indexes.flatMap((ix, i) => runs[i].slots.flatMap((s) => (s.kind === 'word' && s.corrected
      ? [{ written: s.written, word: shownCorrection(s, ix, shown.filter((it) => it.index === ix).map((it) => /** @type {ResultCard} */ (cards.get(it)))) }]
      : []))).filter((c, i, a) => a.findIndex((x) => x.written === c.written) === i),
    facets: runs.some((r) => r.facetsShown) ? mergeFacets(indexes, runs) : null,
    slots: runs[0]?.slots ?? [],
  };
}

/**
 * The word a correction of an English word shows. The candidate, when the index holds it as written (attack for
 * attak); else it may be a Porter2 stem or no word at all (caus for causd, coulde for coule), and the page says
 * "showing results for" it: then the form the page's results write (titles, then leads) closest to what was typed;
 * the candidate when none writes it, and always for Arabic, whose text forms carry clitics the reader did not type.
 * @param {WordSlot} s a corrected word
 * @param {SearchIndex} ix its index
 * @param {ResultCard[]} shown the page's results of that index, in order
 */
function shownCorrection(s, ix, shown) {
  const { word, term, written, stem } = /** @type {NonNullable<WordSlot['corrected']>} */ (s.corrected);
  if (!/^[a-z]+$/.test(s.word) || written) return word;
  // the candidate itself counts one edit more than it is from the typed word: it may be no word at all
  const extra = (/** @type {string} */ f) => (f === word ? 1 : 0);
  /** @type {string[]} */
  const forms = stem ? [] : [word];
  for (const text of [...shown.map((c) => c.title), ...shown.map((c) => c.snippet)]) {
    for (const t of ix.analyzer.tokens(text ?? '')) if (t.term === term) forms.push(text.slice(t.start, t.end));
  }
  // of the forms written, the closest to what was typed (accordig: according, not the first result's accorded)
  const cost = (/** @type {string} */ f) => editDistance(f.toLowerCase(), s.word) + extra(f);
  const form = forms.reduce((best, f) => (best === null || cost(f) < cost(best) ? f : best), /** @type {string | null} */ (null));
  // in the reader's case: a title's "Despite" is "despite" to one who typed "depite"
  return form === null ? word : s.written === s.written.toLowerCase() ? form.toLowerCase() : form;
}

/**
 * Levenshtein distance (short words: a correction's forms).
 * @param {string} a
 * @param {string} b
 */
function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** @param {RankedDoc} a @param {RankedDoc} b */
function byLang(a, b) {
  return a.index.lang < b.index.lang ? -1 : a.index.lang > b.index.lang ? 1 : 0;
}

/**
 * Re-ranks, in place, the shown page of a query of several words (no phrase) by how the results' titles hold the
 * words (titleFit), inside each tier of compareRanked's first two keys. Issue 13: a reader types words of a title
 * they remember, and news titles repeat one another's words, which the index's per-word title levels cannot tell
 * apart. Only the page, whose cards are loaded anyway: a wider window would cost whole chunks on a server that
 * ignores Range, and the order must not depend on the server.
 * @param {RankedDoc[]} page best first
 * @param {Map<SearchIndex, Slot[]>} slotsOf each index's parsed query
 * @param {Map<RankedDoc, ResultCard>} cards
 */
function rerankByTitle(page, slotsOf, cards) {
  const words = (/** @type {SearchIndex} */ ix) => /** @type {Slot[]} */ (slotsOf.get(ix));
  if (page.some((d) => !titleWindow(words(d.index)))) return;
  const fit = new Map(page.map((d) => [d, titleFit(/** @type {ResultCard} */ (cards.get(d)).title,
    /** @type {WordSlot[]} */ (words(d.index)), d.index.analyzer)]));
  const f = (/** @type {RankedDoc} */ d) => /** @type {TitleFit} */ (fit.get(d));
  page.sort((a, b) => b.matched - a.matched || b.exact - a.exact || f(b).held - f(a).held
    || f(b).follow - f(a).follow || TITLE_SHORT * (f(a).length - f(b).length) || compareRanked(a, b) || byLang(a, b));
}

/**
 * Whether a query's results are re-ranked by their titles: several words, no phrase.
 * @param {Slot[]} slots
 */
function titleWindow(slots) {
  return slots.length > 1 && slots.every((sl) => sl.kind === 'word');
}

/** @typedef {{held: number, follow: number, length: number}} TitleFit */

/**
 * How a title holds the words of a query: `held` adds, per word, 2 when the title has it in the form typed (its
 * surface form), 1 when by its term or a variant's (the same stem, a correction); `follow` counts the words that
 * follow the previous word of the query in the title, at most TITLE_GAP positions on (one stopword between);
 * `length` counts the title's words, stopwords not counted.
 * @param {string} title
 * @param {WordSlot[]} slots
 * @param {Analyzer} analyzer
 * @returns {TitleFit}
 */
export function titleFit(title, slots, analyzer) {
  const toks = analyzer.tokens(title).map((t) => {
    const written = title.slice(t.start, t.end).normalize('NFC');
    const readings = analyzer.readings(written); // ألعاب is العاب too, as the index holds it
    return {
      terms: [t.term, ...readings.map((r) => r.term)], position: t.position ?? 0,
      forms: [analyzer.surface(analyzer.normalize(written)), ...readings.map((r) => r.form)],
    };
  });
  const at = slots.map((s) => {
    const terms = new Set([s.term, ...(s.variants ?? []).map((v) => v.e.term)]);
    const forms = new Set([analyzer.surface(s.word), ...s.readings.map((r) => r.form)]);
    return toks.flatMap((t) => (t.forms.some((f) => forms.has(f)) ? [{ p: t.position, w: 2 }]
      : t.terms.some((x) => terms.has(x)) ? [{ p: t.position, w: 1 }] : []));
  });
  const held = at.reduce((n, xs) => n + Math.max(0, ...xs.map((x) => x.w)), 0);
  let follow = 0;
  for (let i = 1; i < at.length; i++) {
    if (at[i].some((b) => at[i - 1].some((a) => b.p > a.p && b.p - a.p <= TITLE_GAP))) follow++;
  }
  return { held, follow, length: toks.length };
}

/**
 * Facets of several indexes added up by tag key; a tag's name is the first index's.
 * @param {SearchIndex[]} indexes
 * @param {RankResult[]} runs
 */
function mergeFacets(indexes, runs) {
  /** @type {Map<number, number>} */
  const years = new Map();
  /** @type {Map<string, number>} */
  const tags = new Map();
  // one index's tags pending: no tag counts at all, rather than the other's alone
  const tagsPending = runs.some((r) => r.facets.tagsPending);
  for (const r of runs) {
    for (const [y, n] of r.facets.years) years.set(y, (years.get(y) ?? 0) + n);
    if (!tagsPending) for (const [k, n] of r.facets.tags) tags.set(k, (tags.get(k) ?? 0) + n);
  }
  /** @type {Map<string, string>} */
  const names = new Map();
  for (const ix of [...indexes].reverse()) for (const [k, name] of ix.manifest.tags) names.set(k, name);
  return {
    years: [...years].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count })),
    tags: [...tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([key, count]) => ({ key, name: names.get(key) ?? key, count })),
    names: Object.fromEntries(names),
    ...(tagsPending ? { tagsPending } : {}),
  };
}
