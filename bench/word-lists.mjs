#!/usr/bin/env node
// Grows the analyzer's false-friend lists from real text (issue 13): prints the candidates for
// generator/core/src/main/resources/org/arshif/search/analysis/waw-root.txt (words whose first و is the root's, so
// that their "and" reading is a false friend: وزارة is not و + زارة) and for the ة pairs of protected.txt and
// variants.txt (جامع "mosque" / جامعة "university"), with the evidence for each. A person reads the evidence and
// writes the list; the rules are written beside each list.
//
//   node bench/word-lists.mjs waw [--min N] FILE...     candidates for waw-root.txt
//   node bench/word-lists.mjs ta [--min N] FILE...      ة pairs: a stem with both a bare and a ة family
//
// FILE: a .tsv with an `arabic` column (and an `english` one: the ة report prints the English words that go with
// each family) or any text file (a folder: its .md and .txt files). Default: bench/data's UD-PUD sentences and SANA
// sample. The words are analyzed by the client's own analyzer (generator/core/src/main/js/analyzer.js) with the
// shipped lists but an empty waw-root.txt, so that every candidate shows; a listed one is marked so.
//
// waw: a و-initial word the index gives a conjunction reading (وزارة: its own term وزار, the reading زار) is a
// candidate when its term also occurs behind a proclitic that cannot precede the conjunction (ال، بال، لل، كال،
// وال…): الوزارة says the و belongs to the word, while a verb after "and" (وقال، واشار، وشهدت) never takes the
// article. `min` (default 1) is the fewest such occurrences. Each line: the word's term, how often its family
// occurs bare (و-initial) and behind a proclitic, the reading's term, how often that term occurs as a word's own
// (the false friend's reach), the commonest bare spelling, and "listed" when waw-root.txt has its stem.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const js = path.join(here, '..', 'generator', 'core', 'src', 'main', 'js');
const lists = path.join(here, '..', 'generator', 'core', 'src', 'main', 'resources', 'org', 'arshif', 'search',
  'analysis');
const { createAnalyzer, parseDataFile } = await import(pathToFileURL(path.join(js, 'analyzer.js')).href);

const args = process.argv.slice(2);
const mode = args.shift();
let min = 1;
if (args[0] === '--min') {
  min = Number(args[1]);
  args.splice(0, 2);
}
if (mode !== 'waw' && mode !== 'ta') {
  console.error('usage: node bench/word-lists.mjs waw|ta [--min N] FILE...');
  process.exit(2);
}
const files = args.length ? args : [path.join(here, 'data', 'ud-arabic-pud-parallel.tsv'),
  path.join(here, 'data', 'sana-sample.txt')];

const read = (/** @type {string} */ name) => {
  const f = path.join(lists, name);
  return fs.existsSync(f) ? parseDataFile(fs.readFileSync(f, 'utf8')) : [];
};
const analyzer = createAnalyzer({
  protected: read('protected.txt'), variants: read('variants.txt'), rootWaw: [],
  stopwordsAr: read('stopwords-ar.txt'), stopwordsEn: read('stopwords-en.txt'),
});

/** Texts as [arabic, english] pairs (english '' when there is none), in file order. */
function texts() {
  const out = [];
  const add = (/** @type {string} */ f) => {
    if (fs.statSync(f).isDirectory()) {
      for (const g of fs.readdirSync(f).sort()) add(path.join(f, g));
      return;
    }
    if (f.endsWith('.tsv')) {
      const [head, ...rows] = fs.readFileSync(f, 'utf8').split('\n');
      const cols = head.split('\t');
      const ar = cols.indexOf('arabic');
      const en = cols.indexOf('english');
      for (const r of rows) {
        const c = r.split('\t');
        if (c[ar]) out.push([c[ar], en >= 0 ? c[en] ?? '' : '']);
      }
    } else if (f.endsWith('.md') || f.endsWith('.txt')) {
      out.push([fs.readFileSync(f, 'utf8'), '']);
    }
  };
  files.forEach(add);
  return out;
}

const ARABIC_WORD = /[\u0621-\u064a]+/g;
const PROCLITICS = ['وبال', 'فبال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'ال', 'لل'];
const corpus = texts();
/** @type {Map<string, number>} normalized word → occurrences */
const freq = new Map();
for (const [ar] of corpus) {
  for (const w of analyzer.normalize(ar).match(ARABIC_WORD) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
}
const termOf = (/** @type {string} */ w) => analyzer.terms(w)[0] ?? null;
const byCount = (/** @type {[string, any]} */ a, /** @type {[string, any]} */ b) =>
  b[1].n - a[1].n || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

if (mode === 'waw') {
  /** @type {Map<string, number>} term → occurrences of words that have it as their own term */
  const own = new Map();
  for (const [w, n] of freq) {
    const t = termOf(w);
    if (t !== null) own.set(t, (own.get(t) ?? 0) + n);
  }
  /** @type {Map<string, {n: number, behind: number, reading: string, spellings: Map<string, number>}>} */
  const families = new Map();
  for (const [w, n] of freq) {
    const reading = analyzer.conjunctionTerm(w);
    const t = termOf(w);
    if (reading === null || t === null) continue;
    const f = families.get(t) ?? { n: 0, behind: 0, reading, spellings: new Map() };
    f.n += n;
    f.spellings.set(w, n);
    families.set(t, f);
  }
  for (const [w, n] of freq) {
    const p = PROCLITICS.find((c) => w.length >= c.length + 2 && w.startsWith(c));
    const t = p === undefined ? null : termOf(w);
    const f = t === null ? undefined : families.get(t);
    if (f && w.slice(p.length).startsWith('و')) f.behind += n;
  }
  const listed = new Set(read('waw-root.txt').map((w) => analyzer.terms(w)[0]));
  console.log('# term\tbare\tbehind a proclitic\treading\treading as own term\tcommonest spelling\tlisted');
  for (const [t, f] of [...families].sort(byCount)) {
    if (f.behind < min) continue;
    const spelling = [...f.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    const mark = listed.has(t) ? 'listed' : '';
    console.log(`${t}\t${f.n}\t${f.behind}\t${f.reading}\t${own.get(f.reading) ?? 0}\t${spelling}\t${mark}`);
  }
} else {
  // ta: a light stem X whose bare family (X, الX, Xون…) and ة family (Xة, Xات, الXة) both occur, with the English
  // words of the sentences each family occurs in that the other family's sentences lack most
  const ENGLISH_WORD = /[a-z]+/g;
  /** @type {Map<string, {bare: Map<string, number>, ta: Map<string, number>, n: number, enBare: Map<string, number>, enTa: Map<string, number>}>} */
  const stems = new Map();
  for (const [ar, en] of corpus) {
    const english = new Set(en.toLowerCase().match(ENGLISH_WORD) ?? []);
    for (const w of new Set(analyzer.normalize(ar).match(ARABIC_WORD) ?? [])) {
      const p = PROCLITICS.find((c) => w.length >= c.length + 2 && w.startsWith(c));
      const bare = p === undefined ? w : w.slice(p.length);
      const ta = /(ه|ات)$/.test(bare) && bare.length >= 4;
      const t = termOf(w);
      if (t === null || t.length < 3) continue;
      const s = stems.get(t) ?? { bare: new Map(), ta: new Map(), n: 0, enBare: new Map(), enTa: new Map() };
      const side = ta ? s.ta : s.bare;
      side.set(w, (side.get(w) ?? 0) + 1);
      s.n++;
      const en2 = ta ? s.enTa : s.enBare;
      for (const e of english) en2.set(e, (en2.get(e) ?? 0) + 1);
      stems.set(t, s);
    }
  }
  const total = (/** @type {Map<string, number>} */ m) => [...m.values()].reduce((a, b) => a + b, 0);
  const top = (/** @type {Map<string, number>} */ mine, /** @type {Map<string, number>} */ other, k = 4) =>
    [...mine].filter(([e]) => e.length > 3).map(([e, n]) => [e, n - (other.get(e) ?? 0)])
      .filter(([, d]) => d > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k)
      .map(([e, d]) => `${e}+${d}`).join(' ');
  console.log('# stem\tbare family\tة family\tEnglish with the bare family\tEnglish with the ة family');
  for (const [t, s] of [...stems].sort(byCount)) {
    const nb = total(s.bare);
    const nt = total(s.ta);
    if (nb < min || nt < min) continue;
    const spell = (/** @type {Map<string, number>} */ m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 3)
      .map(([w, n]) => `${w}:${n}`).join(' ');
    console.log(`${t}\t${spell(s.bare)}\t${spell(s.ta)}\t${top(s.enBare, s.enTa)}\t${top(s.enTa, s.enBare)}`);
  }
}
