// The shared parity vectors, JS side: analyzer.js must reproduce every vector that Java wrote, and
// every departure from Lucene in the file must be one of the documented ones (as ParityVectors.java).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  createAnalyzer, parseDataFile, porter2, isTokenChar, isSegmentBoundary, MAX_WORD_CHARS, foldLatin,
} from '../../main/js/analyzer.js';

const resources = new URL('../resources/org/arshif/search/analysis/', import.meta.url);
const dataDir = new URL('../../main/resources/org/arshif/search/analysis/', import.meta.url);
const read = (dir, name) => fs.readFileSync(new URL(name, dir), 'utf8');

const rawData = {
  protected: parseDataFile(read(dataDir, 'protected.txt')),
  variants: parseDataFile(read(dataDir, 'variants.txt')),
  stopwordsAr: parseDataFile(read(dataDir, 'stopwords-ar.txt')),
  stopwordsEn: parseDataFile(read(dataDir, 'stopwords-en.txt')),
  rootWaw: parseDataFile(read(dataDir, 'waw-root.txt')),
};
const analyzer = createAnalyzer(rawData);
const clientData = JSON.parse(read(resources, 'client-data.json'));
const shipped = createAnalyzer(clientData);

const unescape = (s) => s.replace(/\\([\\tnr])/g, (_, c) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]);

function parseVectors(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    assert.equal(f.length, 4, line);
    const tokens = (f[3] === '' ? [] : f[3].split(' ')).map((s) => {
      const t = s.split(',');
      if (t.length === 3) return { start: +t[0], end: +t[1], term: t[2], lucene: t[2], codes: '' };
      assert.ok(t.length === 5 && t[4] !== '', `bad token record ${s}`);
      return { start: +t[0], end: +t[1], term: t[2], lucene: t[3], codes: t[4] };
    });
    out.push({ id: f[0], input: unescape(f[1]), terms: f[2] === '' ? [] : f[2].split(' '), tokens });
  }
  return out;
}

const vectors = parseVectors(read(resources, 'vectors.tsv'));

function expectedTokens(v) {
  const out = [];
  v.tokens.forEach((t, position) => {
    if (t.term !== '-') out.push({ term: t.term, start: t.start, end: t.end, position });
  });
  return out;
}

test('the vectors are many and drawn from both languages', () => {
  assert.ok(vectors.length >= 1000);
  assert.equal(vectors.filter((v) => /^ud-.*-ar$/.test(v.id)).length, 1000);
  assert.equal(vectors.filter((v) => /^ud-.*-en$/.test(v.id)).length, 1000);
  assert.ok(vectors.filter((v) => v.id.startsWith('sana-')).length >= 20);
});

test('analyzer.js reproduces every vector: terms, tokens, offsets, positions', () => {
  let failures = [];
  for (const v of vectors) {
    const want = expectedTokens(v);
    assert.deepEqual(want.map((t) => t.term), v.terms, `${v.id}: terms column vs tokens column`);
    const terms = analyzer.terms(v.input);
    const tokens = analyzer.tokens(v.input);
    try {
      assert.deepEqual(terms, v.terms);
      assert.deepEqual(tokens, want);
    } catch (e) {
      failures.push(`${v.id}: ${JSON.stringify(tokens)} != ${JSON.stringify(want)}`);
    }
  }
  assert.deepEqual(failures.slice(0, 20), []);
});

test('the analyzer built from the shipped client data is the same analyzer', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(analyzer.data)), clientData,
    'JS normalizes the raw lists exactly as Java does');
  for (const v of vectors) assert.deepEqual(shipped.tokens(v.input), expectedTokens(v), v.id);
});

// --- Departures from Lucene (see ParityVectors.departsFromLucene and generator/ANALYSIS.md) -------

const RE_MARK = /^\p{M}$/u;
const RE_DIGIT = /^\p{Nd}$/u;
const EXTRA_FOLDS = new Set([0x0671, 0x06cc, 0x06d2, 0x06a9, 0x06c0, 0x06c1, 0x0624, 0x0626, 0x066b, 0x066c]);

function departsFromLucene(cp) {
  const s = String.fromCodePoint(cp);
  if (s.normalize('NFKC') !== s) return true;
  if (RE_MARK.test(s) && !(cp >= 0x064b && cp <= 0x0652)) return true;
  if (cp >= 0x1100 && cp <= 0x11ff) return true;
  if (cp === 0x00ad || cp === 0x061c || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff) return true;
  if (EXTRA_FOLDS.has(cp)) return true;
  return RE_DIGIT.test(s) && cp > 0x39 && !(cp >= 0x0660 && cp <= 0x0669) && !(cp >= 0x06f0 && cp <= 0x06f9);
}

// F (a Latin word folded, as ParityVectors.LATIN_TO_FOLD): a letter of the Latin blocks above ASCII, no Arabic letter
const LATIN_TO_FOLD = /^[^\u0600-\u06ff]*[\u00c0-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f][^\u0600-\u06ff]*$/s;

function checkDepartures(vs) {
  const rawStop = new Set([...rawData.stopwordsAr, ...rawData.stopwordsEn]);
  const protectedTerms = new Set(rawData.protected.map((p) => analyzer.normalize(p)));
  const canonicalTerms = new Set(rawData.variants.flatMap((g) => analyzer.terms(g.split(/[ \t]+/)[0])));
  const problems = [];
  for (const v of vs) {
    for (const t of v.tokens) {
      if (t.codes === '') continue;
      const surface = v.input.slice(t.start, t.end);
      const where = `${v.id} ${t.start},${t.end} "${surface}"`;
      if (t.term === t.lucene) problems.push(`${where}: departure recorded where Lucene agrees`);
      for (const code of t.codes.split('+')) {
        let holds;
        switch (code) {
          case 'N': holds = [...surface].some((ch) => departsFromLucene(ch.codePointAt(0))); break;
          case 'S': holds = t.codes === 'S' && t.term === '-' && t.lucene !== '-' &&
            !rawStop.has(surface.toLowerCase()); break;
          case 'P': holds = protectedTerms.has(t.term); break;
          case 'V': holds = canonicalTerms.has(t.term); break;
          case 'C': holds = /^[\u0648\u0641]/.test(analyzer.normalize(surface)); break;
          case 'F': holds = LATIN_TO_FOLD.test(analyzer.normalize(surface)); break;
          case 'L': holds = t.codes === 'L' && t.term === '-' && analyzer.normalize(surface).length > MAX_WORD_CHARS; break;
          default: holds = false;
        }
        if (!holds) problems.push(`${where}: departure ${code} does not hold`);
      }
    }
  }
  return problems;
}

test('every departure from Lucene is a documented one', () => {
  assert.deepEqual(checkDepartures(vectors).slice(0, 20), []);
  const counts = {};
  let all = 0;
  for (const v of vectors) {
    for (const t of v.tokens) {
      all++;
      for (const c of t.codes === '' ? ['agree'] : t.codes.split('+')) counts[c] = (counts[c] ?? 0) + 1;
    }
  }
  for (const c of ['N', 'S', 'P', 'V', 'C', 'L', 'F']) assert.ok(counts[c] > 0, `the vectors exercise ${c}`);
  // C (و kept, issue 13) adds about 2 %, V and P (names, countries) about 1 %
  assert.ok(counts.agree > all * 0.95, `${counts.agree} of ${all} tokens agree with Lucene`);
});

test('the departure check fails on an undocumented departure', () => {
  const fake = (tokens) => [{ id: 'fake', input: 'في الميدانيـة', terms: [], tokens }];
  // tatweel is normalized by Lucene too: an N here is a lie
  assert.notDeepEqual(checkDepartures(fake([{ start: 3, end: 13, term: 'ميدان', lucene: 'ميدانيه', codes: 'N' }])), []);
  // في is on Lucene's list as written: S cannot explain Lucene keeping it
  assert.notDeepEqual(checkDepartures(fake([{ start: 0, end: 2, term: '-', lucene: 'في', codes: 'S' }])), []);
  // ميدان is neither protected nor a variant
  assert.notDeepEqual(checkDepartures(fake([{ start: 3, end: 13, term: 'ميدان', lucene: 'x', codes: 'P' }])), []);
  assert.notDeepEqual(checkDepartures(fake([{ start: 3, end: 13, term: 'ميدان', lucene: 'ميدان', codes: 'V' }])), []);
  // الميدانية starts with no conjunction: C cannot explain it
  assert.notDeepEqual(checkDepartures(fake([{ start: 3, end: 13, term: 'ميدان', lucene: 'x', codes: 'C' }])), []);
  // الميدانية has no Latin letter: F cannot explain it
  assert.notDeepEqual(checkDepartures(fake([{ start: 3, end: 13, term: 'ميدان', lucene: 'x', codes: 'F' }])), []);
});

// --- Companion tables -----------------------------------------------------------------------------

test('porter2 equals Snowball English on every word of porter2.tsv', () => {
  let n = 0;
  const wrong = [];
  for (const line of read(resources, 'porter2.tsv').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [word, stem] = line.split('\t');
    if (porter2(word) !== stem) wrong.push(`${word}: ${porter2(word)} != ${stem}`);
    n++;
  }
  assert.deepEqual(wrong.slice(0, 20), []);
  assert.ok(n > 10000, `${n} words`);
});

test('every BMP code point assigned in Java 17 normalizes and classifies as in Java', () => {
  const unassigned = new Uint8Array(0x10000);
  const token = new Uint8Array(0x10000);
  const boundary = new Uint8Array(0x10000);
  const mapped = new Map();
  const folded = new Map();
  for (const line of read(resources, 'chartable.tsv').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f[0] === 'M' || f[0] === 'F') {
      (f[0] === 'M' ? mapped : folded)
        .set(parseInt(f[1], 16), f[2] === '' ? '' : String.fromCodePoint(...f[2].split(' ').map((h) => parseInt(h, 16))));
    } else {
      const [from, to] = f[1].split('-').map((h) => parseInt(h, 16));
      const target = { U: unassigned, T: token, B: boundary }[f[0]];
      for (let cp = from; cp <= to; cp++) target[cp] = 1;
    }
  }
  const wrong = [];
  let checked = 0;
  for (let cp = 0; cp < 0x10000; cp++) {
    if ((cp >= 0xd800 && cp <= 0xdfff) || unassigned[cp]) continue;
    const s = String.fromCharCode(cp);
    const want = mapped.has(cp) ? mapped.get(cp) : s;
    if (analyzer.normalize(s) !== want) wrong.push(`normalize U+${cp.toString(16)}`);
    if (isTokenChar(cp) !== (token[cp] === 1)) wrong.push(`token U+${cp.toString(16)}`);
    if (isSegmentBoundary(cp) !== (boundary[cp] === 1)) wrong.push(`boundary U+${cp.toString(16)}`);
    if (foldLatin(s) !== (folded.get(cp) ?? s)) wrong.push(`fold U+${cp.toString(16)}`);
    checked++;
  }
  assert.deepEqual(wrong.slice(0, 20), []);
  assert.ok(checked > 55000, `${checked} code points`);
});

test('analyzer.js gives every word of readings.tsv the second readings Java indexes', () => {
  let marked = 0;
  for (const line of read(resources, 'readings.tsv').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [word, readings] = line.split('\t');
    const written = unescape(word);
    for (const a of [analyzer, shipped]) {
      assert.equal(a.readings(written).map((r) => `${r.term} ${r.form}`).join(' '), readings, written);
    }
    if (readings !== '') marked++;
  }
  assert.ok(marked >= 200, `${marked} words with a reading`);
});

test('the readings check fails on a word read otherwise', () => {
  // عاما typed without the mark has one reading, عاماً two: the check tells them apart
  assert.notEqual(analyzer.readings('عاما').length, analyzer.readings('عاماً').length);
  assert.deepEqual(analyzer.readings('ألعاب'), [{ term: 'العاب', form: 'العاب' }]);
  assert.deepEqual(analyzer.readings('العاب'), []);
});
