// @ts-check
// Arshif text analysis for the browser: the twin of org.arshif.search.analysis.TextAnalyzer.
// It must give exactly the Java output; the shared parity vectors prove it (see ANALYSIS.md).
//
//   import { createAnalyzer } from './analyzer.js';
//   const analyzer = createAnalyzer(manifest.analysis);   // TextAnalyzer.clientData(), parsed
//   analyzer.terms('فى سوريا');   // ['سور']
//   analyzer.tokens('وإيران');     // [{ term: 'ايران', start: 0, end: 6, position: 0 }]
//
// Offsets are UTF-16 indices into the original string, as in Java.
/** @import { AnalysisData, Analyzer, Token } from './search-format.js' */

const MAX_REFINE = 32;
/** As TextAnalyzer.MAX_WORD_CHARS: a longer word (normalized, UTF-16 units) is a pasted blob and gets no term. */
export const MAX_WORD_CHARS = 64;

const BOUNDARY = 1;
const INERT = 2;
const TOKEN = 4;
const KNOWN = 8;
// Marks of a normalized char that tell a word's second reading (as TextNormalizer.HAMZA, TANWEEN)
const HAMZA = 1;
const TANWEEN = 2;

const RE_MARK = /^\p{M}$/u;
const RE_TOKEN = /^[\p{L}\p{Nd}]$/u;

/**
 * The code point at i, which every caller keeps inside the string.
 * @param {string} s
 * @param {number} i
 */
const cpAt = (s, i) => /** @type {number} */ (s.codePointAt(i));

// Memo of code point flags, filled on first use: a cache of a pure function, not state.
const bmpFlags = new Uint8Array(0x10000);

/** @param {number} cp */
function isMarkOrJamo(cp) {
  if (RE_MARK.test(String.fromCodePoint(cp))) return true;
  return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) ||
    (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff) ||
    (cp >= 0xffa0 && cp <= 0xffdc);
}

/** @param {number} cp */
function computeFlags(cp) {
  const s = String.fromCodePoint(cp);
  let f = RE_TOKEN.test(s) ? TOKEN : 0;
  if (cp >= 0xd800 && cp <= 0xdfff) return f | BOUNDARY | INERT; // lone surrogate: as is
  const n = s.normalize('NFKC');
  if (n === s) f |= INERT;
  if (n.length > 0 && !isMarkOrJamo(cp) && !isMarkOrJamo(cpAt(n, 0))) f |= BOUNDARY;
  return f;
}

/** @param {number} cp */
function flags(cp) {
  if (cp >= 0x10000) return computeFlags(cp);
  let f = bmpFlags[cp];
  if (f === 0) {
    f = computeFlags(cp) | KNOWN;
    bmpFlags[cp] = f;
  }
  return f;
}

/** Whether the tokenizer keeps this code point: [\p{L}\p{Nd}]. @param {number} cp */
export function isTokenChar(cp) {
  return (flags(cp) & TOKEN) !== 0;
}

/** Whether an NFKC segment starts at this code point (as TextNormalizer.isBoundary). @param {number} cp */
export function isSegmentBoundary(cp) {
  return (flags(cp) & BOUNDARY) !== 0;
}

// Step 1 after NFKC, per code point: -1 deletes, else the replacement.
const ARABIC = new Int32Array(0x100);
for (let i = 0; i < 0x100; i++) ARABIC[i] = 0x600 + i;
/** @param {number} from @param {number} to */
const del = (from, to) => { for (let c = from; c <= to; c++) ARABIC[c - 0x600] = -1; };
/** @param {number} to @param {...number} from */
const fold = (to, ...from) => { for (const c of from) ARABIC[c - 0x600] = to; };
del(0x0610, 0x061a);
del(0x061c, 0x061c);
del(0x0640, 0x0640);
del(0x064b, 0x065f);
del(0x0670, 0x0670);
del(0x06d6, 0x06dc);
del(0x06df, 0x06e4);
del(0x06e7, 0x06e8);
del(0x06ea, 0x06ed);
fold(0x0627, 0x0622, 0x0623, 0x0625, 0x0671);
fold(0x064a, 0x0649, 0x06cc, 0x06d2);
fold(0x0647, 0x0629, 0x06c0, 0x06c1);
fold(0x0643, 0x06a9);
fold(0x0621, 0x0624, 0x0626);
for (let d = 0; d < 10; d++) {
  ARABIC[0x60 + d] = 0x30 + d;
  ARABIC[0xf0 + d] = 0x30 + d;
}
ARABIC[0x6b] = 0x2e;
ARABIC[0x6c] = -1;

/** @type {Map<number, number>} */
const lowerMemo = new Map();

/** @param {number} cp */
function mapCp(cp) {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (cp >= 0x600 && cp < 0x700) return ARABIC[cp - 0x600];
  if (cp === 0x00ad || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff) {
    return -1;
  }
  // Simple case mapping, as Java's Character.toLowerCase(int): İ → i (not i + U+0307), and a lone
  // Σ is σ. A mapping to several code points (none but İ's) keeps the code point.
  if (cp === 0x130) return 0x69;
  let lower = lowerMemo.get(cp);
  if (lower === undefined) {
    const l = String.fromCodePoint(cp).toLowerCase();
    const first = cpAt(l, 0);
    lower = l.length === (first >= 0x10000 ? 2 : 1) ? first : cp;
    lowerMemo.set(cp, lower);
  }
  return lower;
}

class Normalized {
  /** @param {boolean} offsets whether to keep each UTF-16 unit's start and end in the original text */
  constructor(offsets) {
    /** @type {string[]} */
    this.parts = [];
    this.length = 0;
    /** @type {number[] | null} */
    this.starts = offsets ? [] : null;
    /** @type {number[] | null} */
    this.ends = offsets ? [] : null;
    this.text = '';
    // Where the output's last NFKC segment begins (in parts and in units), and whether step 1 deleted or
    // changed a character in it.
    this.segmentPart = 0;
    this.segmentStart = 0;
    this.changedInSegment = false;
    /** @type {number[] | null} per UTF-16 unit its HAMZA and TANWEEN marks (as TextNormalizer), null until one */
    this.marks = null;
  }

  /** @param {number} i @param {number} mark */
  mark(i, mark) {
    if (!this.marks) this.marks = [];
    this.marks[i] = (this.marks[i] ?? 0) | mark;
  }

  /** @param {number} nfkcCp @param {number} start @param {number} end */
  emit(nfkcCp, start, end) {
    const cp = mapCp(nfkcCp);
    if (cp < 0) {
      if (this.length > 0 && this.ends && this.ends[this.length - 1] < end) {
        this.ends[this.length - 1] = end;
      }
      if (nfkcCp === 0x064b && this.length > 0) this.mark(this.length - 1, TANWEEN); // fathatan
      this.changedInSegment = true;
      return;
    }
    const boundary = (flags(cp) & BOUNDARY) !== 0;
    if (boundary) {
      this.segmentPart = this.parts.length;
      this.segmentStart = this.length;
      this.changedInSegment = false;
    }
    if (nfkcCp === 0x0623 || nfkcCp === 0x0625 || nfkcCp === 0x0622) this.mark(this.length, HAMZA); // أ إ آ
    this.append(cp, start, end);
    if (!boundary && this.changedInSegment) this.recompose();
    if (cp !== nfkcCp) this.changedInSegment = true;
  }

  /** @param {number} cp @param {number} start @param {number} end */
  append(cp, start, end) {
    const units = cp >= 0x10000 ? 2 : 1;
    this.parts.push(String.fromCodePoint(cp));
    if (this.starts && this.ends) {
      for (let k = 0; k < units; k++) {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
    this.length += units;
  }

  // A mark that follows a deleted character (г + tatweel + ◌́) or a changed one (İ + ◌́ → i + ◌́) meets
  // its letter only now: normalize the segment again, so that normalizing the output once more changes
  // nothing (as TextNormalizer).
  recompose() {
    const segment = this.parts.slice(this.segmentPart).join('');
    const composed = segment.normalize('NFKC');
    if (composed === segment) return;
    const start = this.starts ? this.starts[this.segmentStart] : 0;
    const end = this.ends ? this.ends[this.length - 1] : 0;
    this.parts.length = this.segmentPart;
    // the segment is written again from mapped chars: its marks are gone
    if (this.marks) for (let k = this.segmentStart; k < this.length; k++) delete this.marks[k];
    this.length = this.segmentStart;
    if (this.starts && this.ends) {
      this.starts.length = this.segmentStart;
      this.ends.length = this.segmentStart;
    }
    for (const ch of composed) {
      const mapped = mapCp(cpAt(ch, 0));
      if (mapped >= 0) this.append(mapped, start, end);
    }
  }

  /** @param {string} s @param {number} start @param {number} end */
  emitAll(s, start, end) {
    for (const ch of s) this.emit(cpAt(ch, 0), start, end);
  }
}

/** @param {number} cp */
function cpLen(cp) {
  return cp >= 0x10000 ? 2 : 1;
}

/** @param {string} text @param {number} from @param {number} to */
function countCodePoints(text, from, to) {
  let n = 0;
  for (let i = from; i < to; i += cpLen(cpAt(text, i))) n++;
  return n;
}

/** @param {string} text @param {number} from @param {number} to */
function nfkc(text, from, to) {
  return text.slice(from, to).normalize('NFKC');
}

/** @param {string} text @param {number} i @param {number} j @param {Normalized} out */
function refine(text, i, j, out) {
  if (countCodePoints(text, i, j) > MAX_REFINE) {
    out.emitAll(nfkc(text, i, j), i, j);
    return;
  }
  const all = nfkc(text, i, j);
  if (all === text.slice(i, j)) {
    // NFKC leaves the segment alone: then each code point maps to itself.
    for (let k = i; k < j;) {
      const cp = cpAt(text, k);
      out.emit(cp, k, k + cpLen(cp));
      k += cpLen(cp);
    }
    return;
  }
  let pos = i;
  while (pos < j) {
    const whole = pos === i ? all : nfkc(text, pos, j);
    let k = pos + cpLen(cpAt(text, pos));
    let head = null;
    for (; k < j; k += cpLen(cpAt(text, k))) {
      const a = nfkc(text, pos, k);
      const b = nfkc(text, k, j);
      if (whole.length === a.length + b.length && whole.startsWith(a) && whole.endsWith(b)) {
        head = a;
        break;
      }
    }
    if (head === null) {
      out.emitAll(whole, pos, j);
      return;
    }
    out.emitAll(head, pos, k);
    pos = k;
  }
}

/** @param {string} text @param {boolean} offsets */
function normalizeText(text, offsets) {
  const out = new Normalized(offsets);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = cpAt(text, i);
    const next = i + cpLen(cp);
    let j = next;
    while (j < n) {
      const c = cpAt(text, j);
      if ((flags(c) & BOUNDARY) !== 0) break;
      j += cpLen(c);
    }
    if (j === next) {
      if ((flags(cp) & INERT) !== 0) out.emit(cp, i, j);
      else out.emitAll(nfkc(text, i, j), i, j);
    } else {
      refine(text, i, j, out);
    }
    i = j;
  }
  out.text = out.parts.join('');
  return out;
}

/**
 * @param {string} s normalized text
 * @param {(word: string, start: number, end: number, position: number) => void} sink
 */
function forEachToken(s, sink) {
  const n = s.length;
  let position = 0;
  let i = 0;
  while (i < n) {
    let cp = cpAt(s, i);
    if (!isTokenChar(cp)) {
      i += cpLen(cp);
      continue;
    }
    const start = i;
    do {
      i += cpLen(cp);
    } while (i < n && isTokenChar(cp = cpAt(s, i)));
    sink(s.slice(start, i), start, i, position++);
  }
}

// ---------------------------------------------------------------------------------------------
// Arabic light stemmer: Lucene's ArabicStemmer, rule for rule (see ArabicLightStemmer.java).

const AR_PREFIXES = ['\u0627\u0644', '\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0643\u0627\u0644',
  '\u0641\u0627\u0644', '\u0644\u0644', '\u0648'];
const AR_SUFFIXES = ['\u0647\u0627', '\u0627\u0646', '\u0627\u062a', '\u0648\u0646', '\u064a\u0646',
  '\u064a\u0647', '\u064a\u0629', '\u0647', '\u0629', '\u064a'];

/** Lucene's light10 stem of one normalized Arabic word. @param {string} word */
export function arabicLightStem(word) {
  let w = word;
  for (const p of AR_PREFIXES) {
    const longEnough = p.length === 1 ? w.length >= 4 : w.length >= p.length + 2;
    if (longEnough && w.startsWith(p)) {
      w = w.slice(p.length);
      break;
    }
  }
  return stripArabicSuffixes(w);
}

/** Lucene's suffix rules alone (as ArabicLightStemmer.stripSuffixes). @param {string} word */
function stripArabicSuffixes(word) {
  let w = word;
  for (const s of AR_SUFFIXES) {
    if (w.length >= s.length + 2 && w.endsWith(s)) w = w.slice(0, w.length - s.length);
  }
  return w;
}

// ---------------------------------------------------------------------------------------------
// Porter2 (Snowball English), from the published algorithm (see Porter2Stemmer.java).

/** @param {string} c */
const isV = (c) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
/** @param {string} c */
const isVwxY = (c) => isV(c) || c === 'w' || c === 'x' || c === 'Y';

/** @param {string | string[]} w @param {number} k */
function shortv(w, k) {
  if (k >= 3 && !isVwxY(w[k - 1]) && isV(w[k - 2]) && !isV(w[k - 3])) return true;
  return k === 2 && !isV(w[1]) && isV(w[0]);
}

/** @param {string} w @param {number} i */
function pastVowelThenNonVowel(w, i) {
  const n = w.length;
  while (i < n && !isV(w[i])) i++;
  if (i >= n) return -1;
  i++;
  while (i < n && isV(w[i])) i++;
  if (i >= n) return -1;
  return i + 1;
}

const EXCEPTION1 = new Map([
  ['skis', 'ski'], ['skies', 'sky'], ['dying', 'die'], ['lying', 'lie'], ['tying', 'tie'],
  ['idly', 'idl'], ['gently', 'gentl'], ['ugly', 'ugli'], ['early', 'earli'], ['only', 'onli'],
  ['singly', 'singl'], ['sky', 'sky'], ['news', 'news'], ['howe', 'howe'], ['atlas', 'atlas'],
  ['cosmos', 'cosmos'], ['bias', 'bias'], ['andes', 'andes'],
]);
const EXCEPTION2 = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed',
  'exceed', 'succeed']);

// Longest suffix first: the first match is Snowball's "among" choice.
/** @type {[suffix: string, replacement: string | null][]} */
const STEP2 = [['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'],
  ['iveness', 'ive'], ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'],
  ['ation', 'ate'], ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'],
  ['fulli', 'ful'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'],
  ['ator', 'ate'], ['alli', 'al'], ['bli', 'ble'], ['ogi', null], ['li', null]];
const STEP3 = [['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'],
  ['iciti', 'ic'], ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', '']];
const STEP4 = ['ement', 'ment', 'ance', 'ence', 'able', 'ible', 'ant', 'ent', 'ism', 'ate', 'iti',
  'ous', 'ive', 'ize', 'ion', 'al', 'er', 'ic'];
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const VALID_LI = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

/** Porter2 stem of one lowercased English word. @param {string} word */
export function porter2(word) {
  const ex = EXCEPTION1.get(word);
  if (ex !== undefined) return ex;
  if (word.length < 3) return word;
  let w = word.startsWith("'") ? word.slice(1) : word;
  let yFound = false;
  const chars = w.split('');
  if (chars.length > 0 && chars[0] === 'y') {
    chars[0] = 'Y';
    yFound = true;
  }
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] === 'y' && isV(chars[i - 1])) {
      chars[i] = 'Y';
      yFound = true;
    }
  }
  w = chars.join('');

  let p1 = w.length;
  let p2 = w.length;
  let i;
  if (w.startsWith('gener') || w.startsWith('arsen')) i = 5;
  else if (w.startsWith('commun')) i = 6;
  else i = pastVowelThenNonVowel(w, 0);
  if (i >= 0) {
    p1 = i;
    i = pastVowelThenNonVowel(w, i);
    if (i >= 0) p2 = i;
  }

  w = step1a(w);
  if (!EXCEPTION2.has(w)) {
    w = step1b(w, p1);
    // Step 1c
    const n = w.length;
    if (n >= 3 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !isV(w[n - 2])) {
      w = w.slice(0, -1) + 'i';
    }
    w = step2(w, p1);
    w = step3(w, p1, p2);
    w = step4(w, p2);
    w = step5(w, p1, p2);
  }
  return yFound ? w.replaceAll('Y', 'y') : w;
}

/** Possessives and plurals. @param {string} w */
function step1a(w) {
  if (w.endsWith("'s'")) w = w.slice(0, -3);
  else if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.endsWith('sses')) {
    w = w.slice(0, -2);
  } else if (w.endsWith('ied') || w.endsWith('ies')) {
    w = w.length - 3 >= 2 ? w.slice(0, -2) : w.slice(0, -1);
  } else if (w.endsWith('ss') || w.endsWith('us')) {
    // unchanged
  } else if (w.endsWith('s')) {
    for (let k = w.length - 3; k >= 0; k--) {
      if (isV(w[k])) {
        w = w.slice(0, -1);
        break;
      }
    }
  }
  return w;
}

/** @param {string} w @param {number} p1 */
function step1b(w, p1) {
  let sl;
  let eed = false;
  if (w.endsWith('eedly')) { sl = 5; eed = true; }
  else if (w.endsWith('ingly')) sl = 5;
  else if (w.endsWith('edly')) sl = 4;
  else if (w.endsWith('eed')) { sl = 3; eed = true; }
  else if (w.endsWith('ing')) sl = 3;
  else if (w.endsWith('ed')) sl = 2;
  else return w;
  const s = w.length - sl;
  if (eed) return s >= p1 ? w.slice(0, s) + 'ee' : w;
  let vowel = false;
  for (let k = 0; k < s; k++) {
    if (isV(w[k])) {
      vowel = true;
      break;
    }
  }
  if (!vowel) return w;
  w = w.slice(0, s);
  if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) return w + 'e';
  if (DOUBLES.has(w.slice(-2))) return w.slice(0, -1);
  if (w.length === p1 && shortv(w, w.length)) return w + 'e';
  return w;
}

/** @param {string} w @param {number} p1 */
function step2(w, p1) {
  for (const [suffix, repl] of STEP2) {
    if (!w.endsWith(suffix)) continue;
    const s = w.length - suffix.length;
    if (s < p1) return w;
    if (suffix === 'ogi') return s > 0 && w[s - 1] === 'l' ? w.slice(0, s) + 'og' : w;
    if (suffix === 'li') return s > 0 && VALID_LI.has(w[s - 1]) ? w.slice(0, s) : w;
    return w.slice(0, s) + repl;
  }
  return w;
}

/** @param {string} w @param {number} p1 @param {number} p2 */
function step3(w, p1, p2) {
  for (const [suffix, repl] of STEP3) {
    if (!w.endsWith(suffix)) continue;
    const s = w.length - suffix.length;
    if (s < p1) return w;
    if (suffix === 'ative' && s < p2) return w;
    return w.slice(0, s) + repl;
  }
  return w;
}

/** @param {string} w @param {number} p2 */
function step4(w, p2) {
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const s = w.length - suffix.length;
    if (s < p2) return w;
    if (suffix === 'ion') return s > 0 && (w[s - 1] === 's' || w[s - 1] === 't') ? w.slice(0, s) : w;
    return w.slice(0, s);
  }
  return w;
}

/** @param {string} w @param {number} p1 @param {number} p2 */
function step5(w, p1, p2) {
  const n = w.length;
  if (n === 0) return w;
  const s = n - 1;
  if (w[s] === 'e') {
    if (s >= p2 || (s >= p1 && !shortv(w, s))) return w.slice(0, s);
  } else if (w[s] === 'l') {
    if (s >= p2 && s > 0 && w[s - 1] === 'l') return w.slice(0, s);
  }
  return w;
}

// ---------------------------------------------------------------------------------------------
// The analyzer.

const OTHER = 0;
const ARABIC_SCRIPT = 1;
const LATIN = 2;

// Latin letters that NFD does not take apart (ø is no o + mark), each with its base letters, as Elasticsearch's
// asciifolding folds them; the same string as LatinFold.LETTERS in Java.
const LATIN_LETTERS = 'ßss æae ðd øo þth đd ħh ıi ĸq łl ŋn œoe ŧt ƀb ƈc ƌd ƒf ǥg ƙk ƚl ƞn ƥp ƫt ƭt ƴy ƶz ȡd ȥz ' +
  'ȴl ȵn ȶt ȷj ȼc ȿs ɀz ɇe ɉj ɋq ɍr ɏy ẝs ⱡl ⱥa ⱦt ⱨh ⱪk ⱬz';

/** Whether a UTF-16 unit is in the Latin blocks of `script` (a–z aside). @param {number} c */
const isLatinBlock = (c) => (c >= 0x00c0 && c <= 0x024f) || (c >= 0x1e00 && c <= 0x1eff) ||
  (c >= 0x2c60 && c <= 0x2c7f) || (c >= 0xa720 && c <= 0xa7ff) || (c >= 0xab30 && c <= 0xab6f);

/** The Latin folds (as LatinFold): each letter of the Latin blocks that folds, to its base letters. */
const LATIN_FOLDS = (() => {
  /** @type {Map<string, string>} */
  const letters = new Map(LATIN_LETTERS.split(' ').map((e) => [e[0], e.slice(1)]));
  /** @type {Map<number, string>} */
  const folds = new Map();
  for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff], [0x2c60, 0x2c7f], [0xa720, 0xa7ff], [0xab30, 0xab6f]]) {
    for (let c = from; c <= to; c++) {
      const s = String.fromCharCode(c);
      // NFD, then the combining diacritics dropped: é is e + ◌́, ǿ is ø + ◌́ and then o
      const base = [...s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')].map((ch) => letters.get(ch) ?? ch).join('');
      if (base !== s && base !== '') folds.set(c, base);
    }
  }
  return folds;
})();

/**
 * A Latin token's letters folded to their base letters (Erdoğan: erdogan, straße: strasse, ø: o), so a name typed
 * without its marks meets it; other characters unchanged (LatinFold.fold). Only for a token `script` calls Latin.
 * @param {string} w
 */
export function foldLatin(w) {
  let out = '';
  let from = 0;
  for (let i = 0; i < w.length; i++) {
    const f = isLatinBlock(w.charCodeAt(i)) ? LATIN_FOLDS.get(w.charCodeAt(i)) : undefined;
    if (f !== undefined) {
      out += w.slice(from, i) + f;
      from = i + 1;
    }
  }
  return from === 0 ? w : out + w.slice(from);
}

/** @param {string} w */
function script(w) {
  let latin = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x0870 && c <= 0x08ff) ||
        (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) {
      return ARABIC_SCRIPT;
    }
    if ((c >= 0x61 && c <= 0x7a) || isLatinBlock(c)) {
      latin = true;
    }
  }
  return latin ? LATIN : OTHER;
}

// Proclitics tried before dictionary lookups, longest first (as TextAnalyzer.CLITICS).
const CLITICS = ['وبال', 'فبال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'فلل', 'ال', 'لل', 'وب', 'ول', 'فب', 'فل',
  'و', 'ف', 'ب', 'ل', 'ك'];

// Proclitics stripped before the suffixes (as Proclitics.PREFIXES): Lucene's, stacked ones added, and no bare و,
// so وزير keeps its و like الوزير, and وللاتفاق reaches اتفاق.
const PROCLITICS = ['وبال', 'فبال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'ال', 'لل'];

/** Arabic light stem with Arshif's proclitics (as TextAnalyzer.Run.term). @param {string} w */
function arabicStem(w) {
  const p = PROCLITICS.find((c) => w.length >= c.length + 2 && w.startsWith(c));
  return stripArabicSuffixes(p === undefined ? w : w.slice(p.length));
}

/**
 * The light stem of a normalized Arabic word as if no word list knew it (الرياض: رياض, الوطني: وطن): two words of one
 * light stem whose terms differ were told apart by the lists (a protected name and its derivative), so neither is
 * the other's correction. Other scripts: the word itself.
 * @param {string} word
 */
function lightStemOf(word) {
  return script(word) === ARABIC_SCRIPT ? arabicStem(word) : word;
}

/** @param {string} a @param {string} b */
function byCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Parses a data file: lines split on \n (a trailing \r dropped), everything from # on removed,
 * ASCII spaces and tabs trimmed, blank lines skipped, a leading BOM ignored.
 * Same as AnalysisData.parseDataFile in Java.
 * @param {string} text
 */
export function parseDataFile(text) {
  const out = [];
  if (text.startsWith('\ufeff')) text = text.slice(1);
  for (let line of text.split('\n')) {
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    line = line.replace(/^[ \t\r]+|[ \t\r]+$/g, '');
    if (line.length > 0) out.push(line);
  }
  return out;
}

/** Step 1 alone: the whole text normalized, separators included. @param {string} text */
const normalize = (text) => normalizeText(text, false).text;

/**
 * An entry of a word list, normalized; it must be one word.
 * @param {string} w
 * @param {string} what
 */
function oneWord(w, what) {
  const normalized = normalize(w);
  const n = script(normalized) === LATIN ? foldLatin(normalized) : normalized; // as the analyzer reads a Latin word
  let ok = n.length > 0;
  for (const ch of n) {
    if (!ok) break;
    ok = isTokenChar(cpAt(ch, 0));
  }
  if (!ok) throw new Error(`${what} is not one word after normalization: "${w}"`);
  return n;
}

/**
 * The stopwords, protected words and root-و words, normalized.
 * @param {AnalysisData} data
 */
function wordSets(data) {
  const stopAr = new Set(data.stopwordsAr.map((w) => oneWord(w, 'stopword')));
  const stopEn = new Set(data.stopwordsEn.map((w) => oneWord(w, 'stopword')));
  const stop = new Set([...stopAr, ...stopEn]);
  /** @type {Set<string>} */
  const prot = new Set();
  for (const w of data.protected) {
    const n = oneWord(w, 'protected word');
    if (stop.has(n)) throw new Error(`protected word is also a stopword: ${w}`);
    prot.add(n);
  }
  /** @type {Set<string>} light stems of the root-و words (as Lexicon.rootWawStems) */
  const rootWaw = new Set();
  const rootWawWords = new Set();
  for (const w of data.rootWaw ?? []) { // an analysis written before the list had none
    const n = oneWord(w, 'root-\u0648 word');
    if (n.length < 4 || n[0] !== 'و' || PROCLITICS.some((c) => n.length >= c.length + 2 && n.startsWith(c))) {
      throw new Error(`root-\u0648 word must start with \u0648, have 4 letters or more and no other proclitic `
        + `(write it without ال): ${n}`);
    }
    rootWawWords.add(n);
    rootWaw.add(stripArabicSuffixes(n));
  }
  return { stopAr, stopEn, stop, prot, rootWaw, rootWawWords };
}

/**
 * The variant groups: `dict` maps each spelling (and each protected word) to its canonical term, `variantStems` a
 * variant's stem to the canonical one, `groups` are the normalized groups.
 * @param {readonly string[]} variants
 * @param {Set<string>} stop
 * @param {Set<string>} prot
 */
function variantTables(variants, stop, prot) {
  /** @param {string} n */
  const baseTerm = (n) => {
    if (prot.has(n)) return n;
    switch (script(n)) {
      // the proclitics of the index's own words (no bare و): a listed وسيلة is not و + سيلة "flood"
      case ARABIC_SCRIPT: return arabicStem(n);
      case LATIN: return porter2(n);
      default: return n;
    }
  };
  /** @type {Map<string, string>} */
  const variantStems = new Map();
  /** @type {Map<string, string>} */
  const dict = new Map();
  const groups = [];
  for (const line of variants) {
    const words = line.split(/[ \t]+/);
    if (words.length < 2) throw new Error(`variant group needs two spellings or more: ${line}`);
    const canon = baseTerm(oneWord(words[0], 'variant'));
    const group = [];
    for (const w of words) {
      const n = oneWord(w, 'variant');
      if (stop.has(n)) throw new Error(`variant is also a stopword: ${w}`);
      group.push(n);
      const base = baseTerm(n);
      if (base !== canon) {
        const prev = variantStems.get(base);
        if (prev !== undefined && prev !== canon) {
          throw new Error(`variant ${w} joins both ${prev} and ${canon}`);
        }
        variantStems.set(base, canon);
      }
      const prev = dict.get(n);
      if (prev !== undefined && prev !== canon) throw new Error(`word ${w} is in two variant groups`);
      dict.set(n, canon);
    }
    groups.push(group.join(' '));
  }
  for (const target of variantStems.values()) {
    if (variantStems.has(target)) {
      throw new Error(`variant chain through ${target}: a canonical form is also a variant`);
    }
  }
  for (const p of prot) {
    if (!dict.has(p)) dict.set(p, variantStems.get(p) ?? p);
  }
  return { variantStems, dict, groups };
}

/**
 * Term of one normalized token, or null for a stopword (as TextAnalyzer.Run.term).
 * @param {string} w
 * @param {Set<string>} stop
 * @param {Map<string, string>} dict
 * @param {Map<string, string>} variantStems
 */
function termOf(w, stop, dict, variantStems) {
  if (w.length > MAX_WORD_CHARS) return null;
  const kind = script(w);
  if (kind === LATIN) w = foldLatin(w); // Erdoğan is erdogan before anything else, stopwords included
  if (stop.has(w)) return null;
  const hit = dict.get(w);
  if (hit !== undefined) return hit;
  let stem;
  switch (kind) {
    case ARABIC_SCRIPT: {
      const t = withoutClitic(w, dict) ?? withoutPronoun(w, dict);
      if (t !== undefined) return t;
      stem = arabicStem(w);
      break;
    }
    case LATIN:
      stem = porter2(w);
      break;
    default:
      return w;
  }
  return variantStems.get(stem) ?? stem;
}

/**
 * The dictionary term of a word with one proclitic cut off, or undefined (WordTerms.withoutClitic).
 * @param {string} w @param {Map<string, string>} dict
 */
function withoutClitic(w, dict) {
  for (const c of CLITICS) {
    if (w.length - c.length >= 2 && w.startsWith(c)) {
      // لل is ل + ال: للرياض is ل + الرياض, a name protected with its article
      const t = dict.get(w.slice(c.length)) ?? (c.endsWith('لل') ? dict.get('ال' + w.slice(c.length)) : undefined);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

// The attached pronouns a dictionary word keeps its term before, longest first (as WordTerms.PRONOUNS)
const PRONOUNS = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ك'];

/**
 * The dictionary term of a word without its final attached pronoun (سكانها, سكانهم: سكان), with or without a
 * proclitic, when at least 3 letters remain, or undefined (WordTerms.withoutPronoun).
 * @param {string} w @param {Map<string, string>} dict
 */
function withoutPronoun(w, dict) {
  for (const p of PRONOUNS) {
    if (w.length - p.length >= 3 && w.endsWith(p)) {
      const rest = w.slice(0, -p.length);
      const t = dict.get(rest) ?? withoutClitic(rest, dict);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

/**
 * A normalized word without the article and the prepositions stacked on it (للرياضه: رياضه), as the index's surface
 * keys hold its form (TextAnalyzer.forEachIndexTerm, Proclitics.length), so that مدرسة meets المدرسة exactly.
 * @param {string} word
 */
function surfaceOf(word) {
  if (script(word) === LATIN) return foldLatin(word); // café is cafe's form: a reader types no marks
  const p = PROCLITICS.find((c) => word.length >= c.length + 2 && word.startsWith(c));
  return p === undefined ? word : word.slice(p.length);
}

/**
 * The term of a normalized word's reading with its first letter as the conjunction و (the highlighter marks وقال
 * for قال with it, as the index matches it), or null if the index holds no
 * such reading for it (as TextAnalyzer.Run.conjunctionReading): a word of 4+ letters that starts with و, has no
 * other proclitic, is not a stopword or dictionary word nor a root-و word (its light stem is a listed word's), does
 * not meet a protected word through a clitic, and whose reading keeps three letters or more.
 * @param {string} w
 * @param {{stop: Set<string>, dict: Map<string, string>, variantStems: Map<string, string>, prot: Set<string>,
 *   rootWaw: Set<string>}} lists
 */
function conjunctionTermOf(w, { stop, dict, variantStems, prot, rootWaw }) {
  if (w.length < 4 || w[0] !== 'و' || stop.has(w) || dict.has(w) || script(w) !== ARABIC_SCRIPT) return null;
  if (PROCLITICS.some((c) => w.length >= c.length + 2 && w.startsWith(c))) return null;
  if (rootWaw.has(stripArabicSuffixes(w))) return null; // a root-و word (وزارة): زار would find the ministry
  const t = termOf(w, stop, dict, variantStems);
  // a protected word found behind a clitic or before a pronoun (وسكانهم) has no other reading
  const viaDictionary = withoutClitic(w, dict) ?? withoutPronoun(w, dict);
  if (t === null || (viaDictionary !== undefined && prot.has(viaDictionary))) return null;
  const rest = stripArabicSuffixes(w.slice(1));
  const c = variantStems.get(rest) ?? rest;
  // fewer than three letters is not a word (as WordTerms.MIN_CONJUNCTION_READING): وحدات is not و + حدات
  return c === t || c.length < 3 ? null : c;
}

// Adverbs with no tanween reading, as ReadingMarks.TANWEEN_KEPT: جداً, حسناً
const TANWEEN_KEPT = new Set(['\u062c\u062f\u0627', '\u062d\u0633\u0646\u0627']);

/**
 * Where the normalized token text[s..e) has the hamza alif of its second reading (ألعاب: 0; وألعاب: 1), or -1; and
 * whether it ends with the tanween's alif (as ReadingMarks.marked).
 * @param {string} text @param {number} s @param {number} e @param {number[]} marks
 */
function readingMarks(text, s, e, marks) {
  const m = (/** @type {number} */ i) => marks[i] ?? 0;
  let hamza = -1;
  for (let k = 0; k <= 2 && hamza < 0 && s + k + 4 <= e; k++) {
    const before = text.slice(s, s + k);
    const clitics = k === 0 || (k === 1 && 'وفبكل'.includes(before))
      || (k === 2 && 'وف'.includes(before[0]) && 'بكل'.includes(before[1]));
    if (text[s + k] === 'ا' && text[s + k + 1] === 'ل' && (m(s + k) & HAMZA) && clitics) hamza = k;
  }
  const last = text.charCodeAt(e - 2);
  const tanween = e - s >= 3 && text[e - 1] === 'ا' && last >= 0x621 && last <= 0x64a
    && ((m(e - 1) | m(e - 2)) & TANWEEN) !== 0 && (m(e - 1) & HAMZA) === 0; // خطأً: the hamza's seat
  return { hamza, tanween };
}

/**
 * The second readings the index holds for a word written with a mark that normalization drops (as
 * IndexKeys.forEach, ReadingMarks): [{term, form}], its surface key's form beside each; [] for most words.
 * ألعاب: the term it has behind the article (العاب, as الألعاب); عاماً: the word without its final alif (عام).
 * @param {string} written one word as written
 * @param {(w: string) => string | null} term
 * @returns {{term: string, form: string}[]}
 */
function readingsOf(written, term) {
  const nt = normalizeText(written, false);
  const marks = nt.marks;
  /** @type {{term: string, form: string}[]} */
  const out = [];
  if (!marks) return out;
  let s = -1;
  let e = -1;
  forEachToken(nt.text, (w, from, to) => { if (s < 0) { s = from; e = to; } });
  if (s < 0) return out;
  const { hamza, tanween } = readingMarks(nt.text, s, e, marks);
  const plain = nt.text.slice(s, e);
  if ((hamza < 0 && !tanween) || term(plain) === null) return out;
  if (hamza >= 0) {
    const form = plain.slice(hamza);
    const t = term('ال' + form);
    if (t !== null && t.length >= 3) out.push({ term: t, form });
  }
  if (tanween && !TANWEEN_KEPT.has(plain)) {
    const t = term(plain.slice(0, -1));
    if (t !== null) out.push({ term: t, form: surfaceOf(plain.slice(0, -1)) });
  }
  return out;
}

/**
 * Builds an analyzer from the word lists: { protected, variants, stopwordsAr, stopwordsEn, rootWaw }, each
 * an array of entries as parseDataFile returns them (variants: one group per string, canonical
 * spelling first), or the parsed TextAnalyzer.clientData() JSON. Throws on the same bad data
 * as the Java constructor.
 * @param {AnalysisData} data
 * @returns {Analyzer}
 */
export function createAnalyzer(data) {
  const { stopAr, stopEn, stop, prot, rootWaw, rootWawWords } = wordSets(data);
  const { variantStems, dict, groups } = variantTables(data.variants, stop, prot);
  /** @param {string} w */
  const term = (w) => termOf(w, stop, dict, variantStems);
  /** @param {Set<string>} set */
  const sorted = (set) => [...set].sort(byCodeUnits);
  const clientData = Object.freeze({
    protected: Object.freeze(sorted(prot)),
    variants: Object.freeze(groups),
    stopwordsAr: Object.freeze(sorted(stopAr)),
    stopwordsEn: Object.freeze(sorted(stopEn)),
    rootWaw: Object.freeze(sorted(rootWawWords)),
  });

  return Object.freeze({
    normalize,

    /** The index terms of text, in order, stopwords dropped. */
    terms(text) {
      /** @type {string[]} */
      const out = [];
      forEachToken(normalizeText(text, false).text, (w) => {
        const t = term(w);
        if (t !== null) out.push(t);
      });
      return out;
    },

    /**
     * The tokens of text: { term, start, end, position }, start/end in the original text,
     * position counting stopwords too.
     */
    tokens(text) {
      const nt = normalizeText(text, true);
      const starts = /** @type {number[]} */ (nt.starts);
      const ends = /** @type {number[]} */ (nt.ends);
      /** @type {Token[]} */
      const out = [];
      forEachToken(nt.text, (w, s, e, position) => {
        const t = term(w);
        if (t !== null) out.push({ term: t, start: starts[s], end: ends[e - 1], position });
      });
      return out;
    },

    /** The form of a surface key: a normalized word without its article (surfaceOf). */
    surface: surfaceOf,
    lightStem: lightStemOf, // a normalized Arabic word's light stem as if no word list knew it

    /** The term of a word's second reading in the index (وقال: قال), or null; `word` as written. */
    conjunctionTerm: (word) => conjunctionTermOf(normalize(word), { stop, dict, variantStems, prot, rootWaw }),

    /** A written word's second readings in the index, [{term, form}] (readingsOf); [] for most words. */
    readings: (word) => readingsOf(word, term),

    /** The normalized lists, in the shape of TextAnalyzer.clientData(). */
    data: clientData,
  });
}
