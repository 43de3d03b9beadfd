#!/usr/bin/env node
// Search-quality evaluation (issue 13): the corpus and the query sets, both deterministic.
//
//   node bench/search-eval/corpus.mjs archive OUT_DIR         writes an Arshif archive (OUT_DIR/content/ar/...)
//   node bench/search-eval/corpus.mjs archive-en OUT_DIR      the same articles in their English translations
//                                                             (OUT_DIR/content/en/...), for the English queries
//   node bench/search-eval/corpus.mjs queries FILE [--seed N] [--docs N]
//                                                             writes the query sets (bench/search-eval/queries.tsv)
//   node bench/search-eval/corpus.mjs news FILE --archive DIR --site SITE [--seed N] [--docs N]
//                                                             writes the news known-item set: targets drawn from
//                                                             a bench/gen archive, whose titles repeat
//
// The text is UD Arabic-PUD (bench/data/ud-arabic-pud-parallel.tsv, CC BY-SA 3.0, see bench/NOTICE.md): the
// sentences of one source document, in order, make one article; its title is a headline-like prefix of the first
// sentence. The English translations stay out of the Arabic site: they judge the topic queries. They make a site
// of their own too (archive-en), on which the English known-item queries (kinds en-*) run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const TSV = path.join(here, '..', 'data', 'ud-arabic-pud-parallel.tsv');

const TASHKEEL = /[\u064B-\u0652\u0670]/g;
const ARABIC_WORD = /^[\u0621-\u063A\u0641-\u064A]+$/;
/** Function words a reader leaves out of a query. */
const STOP = new Set(('في من على إلى الى عن أن ان إن لا لم لن ما ماذا قد ثم أو او كما بين حتى ذلك تلك هذا هذه هؤلاء '
  + 'التي الذي الذين اللذين اللتين كان كانت يكون تكون مع بعد قبل عند كل بعض غير أي أيضا أيضاً وقد وقال قال قالت وفي '
  + 'ولا وأن وان وهو وهي هو هي هم هن نحن أنا لقد فقد منذ خلال حول ضد لدى لكن ولكن إذا اذا إلا الا عندما حيث أنه انه '
  + 'أنها انها إنه إنها فيه فيها منه منها عليه عليها له لها لهم به بها').split(/\s+/));

/** Articles: consecutive sentences of one document, in file order. */
export function readArticles(tsv = TSV) {
  const rows = fs.readFileSync(tsv, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  const docs = [];
  for (const row of rows) {
    const [doc, , ar, en] = row.split('\t');
    const last = docs[docs.length - 1];
    if (last && last.doc === doc) {
      last.ar.push(ar.normalize('NFC'));
      last.en.push(en);
    } else {
      docs.push({ doc, ar: [ar.normalize('NFC')], en: [en] });
    }
  }
  return docs.map((d, i) => {
    const day = new Date(Date.UTC(2016, 0, 1) + i * 2 * 86400000); // two days apart: 2016-01-01 … 2018-03
    const date = day.toISOString().slice(0, 10);
    const slug = `pud-${d.doc}`;
    const ym = `${date.slice(0, 4)}/${date.slice(5, 7)}`;
    return { ...d, date, slug, title: headline(d.ar[0]), url: `/ar/${ym}/${slug}/`,
      enTitle: headline(d.en[0]), enUrl: `/en/${ym}/${slug}/` };
  });
}

/** A headline-like prefix of a sentence: up to the first clause break after 4 words, at most 9 words. */
export function headline(sentence) {
  const words = sentence.replace(/[«»"“”]/g, '').split(/\s+/).filter(Boolean);
  const out = [];
  for (const w of words) {
    out.push(w);
    const breaks = /[،,:؛.!?؟()]$/.test(w);
    if ((breaks && out.length >= 4) || out.length >= 9) break;
  }
  return out.join(' ').replace(/[\s،,:؛.!?؟()\-–]+$/u, '').replace(/^[\s()\-–]+/u, '');
}

/**
 * Writes the archive of one language: the Arabic sentences (ar), or their English translations (en), one article
 * per source document, titled by a headline-like prefix of its first sentence.
 */
function writeArchive(outDir, lang = 'ar') {
  const articles = readArticles();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'content'), { recursive: true });
  fs.writeFileSync(path.join(outDir, 'arshif.yml'), [
    `# Written by bench/search-eval/corpus.mjs: UD Arabic-PUD (CC BY-SA 3.0), one article per source document${
      lang === 'en' ? ', in its English translation' : ''}.`,
    'baseUrl: https://search-eval.example/',
    `defaultLanguage: ${lang}`,
    `languages: [${lang}]`,
    'title:',
    lang === 'en' ? '  en: Evaluation archive' : '  ar: أرشيف التقييم',
    'pageSize: 10',
    'timeZone: Asia/Damascus',
    '',
  ].join('\n'));
  for (const a of articles) {
    const dir = path.join(outDir, 'content', lang, a.date.slice(0, 4), a.date.slice(5, 7));
    fs.mkdirSync(dir, { recursive: true });
    const title = lang === 'en' ? a.enTitle : a.title;
    const front = ['---', `title: ${JSON.stringify(title)}`, `date: ${a.date}`, `slug: ${a.slug}`,
      'source: "UD Arabic-PUD (CC BY-SA 3.0)"', '---', ''];
    const text = lang === 'en' ? a.en : a.ar;
    fs.writeFileSync(path.join(dir, `${a.date.slice(8)}-${a.slug}.md`), `${front.join('\n')}\n${text.join('\n\n')}\n`);
  }
  return articles.length;
}

// ------------------------------------------------------------------ query sets

/** mulberry32: a small seeded generator, so the query file is the same on every machine. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];

const titleWords = (title) => title.replace(TASHKEEL, '').split(/\s+/)
  .map((w) => w.replace(/^[^\u0621-\u064A]+|[^\u0621-\u064A]+$/g, ''))
  .filter((w) => ARABIC_WORD.test(w) && w.length >= 3 && !STOP.has(w));

/** Letters after which a tatweel can stand (they join to the next letter). */
const JOINS = /[بتثجحخسشصضطظعغفقكلمنهيئ]/;

/**
 * A reader's spelling variants of one word: each [name, variant]. و is dropped only where the rest is itself a
 * word of the corpus (so وزير never becomes زير).
 */
export function variants(w, vocabulary) {
  const out = [];
  if (/^[أإآ]/.test(w)) out.push(['hamza-dropped', `ا${w.slice(1)}`]);
  // a hamza where the word has none (إنتخابات), never on the article ال
  if (/^ا[^ل]/.test(w) && w.length >= 4) out.push(['hamza-added', `إ${w.slice(1)}`]);
  if (/^الا/.test(w) && w.length >= 6) out.push(['hamza-added', `الإ${w.slice(3)}`]);
  if (/^ال[أإ]/.test(w)) out.push(['hamza-dropped', `الا${w.slice(3)}`]);
  if (/ة$/.test(w)) out.push(['ta-marbuta-as-ha', `${w.slice(0, -1)}ه`]);
  if (/ى$/.test(w)) out.push(['alef-maqsura-as-ya', `${w.slice(0, -1)}ي`]);
  if (/ي$/.test(w) && w.length >= 3) out.push(['ya-as-alef-maqsura', `${w.slice(0, -1)}ى`]);
  if (w.includes('ؤ')) out.push(['waw-hamza-as-ya-hamza', w.replace('ؤ', 'ئ')]);
  if (/^ال./.test(w) && w.length >= 5) out.push(['al-dropped', w.slice(2)]);
  if (/^و/.test(w) && w.length >= 5 && vocabulary.has(w.slice(1))) out.push(['wa-dropped', w.slice(1)]);
  const mid = Math.floor(w.length / 2);
  for (let i = mid; i < w.length - 1; i++) {
    if (JOINS.test(w[i]) && /[\u0621-\u064A]/.test(w[i + 1]) && w[i + 1] !== 'ة') {
      out.push(['tatweel', `${w.slice(0, i + 1)}ـ${w.slice(i + 1)}`]);
      break;
    }
  }
  return out;
}

/** The Arabic (101) keyboard's letter rows: a substitution hits a neighbouring key. */
const ROWS = ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ئءؤرىةوزظ'];
const neighbours = (c) => ROWS.flatMap((r) => {
  const i = r.indexOf(c);
  return i < 0 ? [] : [r[i - 1], r[i + 1]].filter(Boolean);
});

/**
 * One typo in one word of 4 letters or more, never its first letter: [name, typo] or null. A replaced letter is one
 * of its keyboard neighbours (`near`: the Arabic 101 keyboard's, or QWERTY's for englishTypo).
 */
export function typo(rand, w, near = neighbours) {
  const kinds = ['deleted', 'swapped', 'substituted'];
  for (let attempt = 0; attempt < 12; attempt++) {
    const kind = pick(rand, kinds);
    const i = 1 + Math.floor(rand() * (w.length - 1));
    if (kind === 'deleted') return ['deleted', w.slice(0, i) + w.slice(i + 1)];
    if (kind === 'swapped' && i < w.length - 1 && w[i] !== w[i + 1]) {
      return ['swapped', w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)];
    }
    if (kind === 'substituted' && near(w[i]).length) {
      return ['substituted', w.slice(0, i) + pick(rand, near(w[i])) + w.slice(i + 1)];
    }
  }
  return null;
}

// ------------------------------------------------------------------ English known-item queries

/** English function words a reader leaves out of a query. */
const STOP_EN = new Set(('a an the of in on at to for from by with and or but as is are was were be been being has '
  + 'have had it its this that these those he she they we you his her their our not no than then there which who whom '
  + 'what when where while after before over under into about up out also said says will would can could may might '
  + 'one two new more most some such other all any each').split(/\s+/));

/** The words of an English title a reader may type: letters (an apostrophe or hyphen inside), 3 or more. */
export const titleWordsEn = (title) => title.split(/\s+/)
  .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/u, ''))
  .filter((w) => /^\p{L}[\p{L}'’-]*$/u.test(w) && w.length >= 3 && !STOP_EN.has(w.toLowerCase()));

/**
 * A reader's variants of one English word: each [name, variant]. The inflection a reader remembers wrongly (one
 * "election" for "elections"), British and American spellings, a hyphen left out, and letters typed without their
 * marks (Erdogan for Erdoğan).
 */
export function englishVariants(w) {
  const out = [];
  const lower = w.toLowerCase();
  if (/[^s]s$/.test(lower) && !/(us|is|ss)$/.test(lower) && w.length >= 5) out.push(['plural-dropped', w.slice(0, -1)]);
  // a plural only where the ending says noun, so that no "justs" or "firsts" is asked for
  else if (/(tion|sion|ment|ist|ant|ent|er|or|ship|ure|ence|ance|ity|ness|ism)$/.test(lower) && w.length >= 5) {
    out.push(['plural-added', `${w}s`]);
  }
  // after 4 letters or more, so that rising, size or four are left alone
  const spelling = [[/(?<=.{4})isation$/, 'ization'], [/(?<=.{4})ization$/, 'isation'], [/(?<=.{4})ise$/, 'ize'],
    [/(?<=.{4})ize$/, 'ise'], [/(?<=.{4})ised$/, 'ized'], [/(?<=.{4})ized$/, 'ised'], [/(?<=.{4})ising$/, 'izing'],
    [/(?<=.{4})izing$/, 'ising'], [/(?<=.{3})our$/, 'or']];
  for (const [from, to] of spelling) {
    if (from.test(lower) && w.length >= 6) {
      out.push(['british-american', w.replace(from, to)]);
      break;
    }
  }
  if (w.includes('-')) out.push(['hyphen-dropped', w.replace(/-/g, '')]);
  const bare = w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  if (bare !== w) out.push(['marks-dropped', bare]);
  return out;
}

/** A QWERTY keyboard's letter rows: a substitution hits a neighbouring key. */
const QWERTY = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const qwertyNeighbours = (c) => QWERTY.flatMap((r) => {
  const i = r.indexOf(c);
  return i < 0 ? [] : [r[i - 1], r[i + 1]].filter(Boolean);
});

/** One typo in one English word of 4 letters or more, never its first letter, as typo() on a QWERTY keyboard. */
export const englishTypo = (rand, w) => typo(rand, w, (c) => qwertyNeighbours(c.toLowerCase()));

/**
 * Topics: the Arabic words a reader would type, and the judging rule, a pattern on the English translation.
 * A document is relevant when its English text matches (see bench/README.md for the rule's weakness).
 */
export const TOPICS = [
  ['war', 'الحرب', /\bwars?\b/i],
  ['government', 'الحكومة', /\bgovernments?\b/i],
  ['president', 'الرئيس', /\bpresident(s|ial)?\b/i],
  ['film', 'فيلم', /\b(films?|movies?)\b/i],
  ['election', 'الانتخابات', /\b(elections?|electoral)\b/i],
  ['china', 'الصين', /\b(china|chinese)\b/i],
  ['economy', 'الاقتصاد', /\beconom(y|ic|ies|ist|ists)\b/i],
  ['water', 'المياه', /\bwaters?\b/i],
  ['police', 'الشرطة', /\bpolice\b/i],
  ['market', 'السوق', /\bmarkets?\b/i],
  ['company', 'الشركة', /\b(company|companies)\b/i],
  ['army', 'الجيش', /\b(army|armies)\b/i],
  ['russia', 'روسيا', /\b(russia|russian)\b/i],
  ['court', 'المحكمة', /\bcourts?\b/i],
  ['church', 'الكنيسة', /\bchurch(es)?\b/i],
  ['university', 'جامعة', /\buniversit(y|ies)\b/i],
  ['music', 'الموسيقى', /\bmusic(al)?\b/i],
  ['climate', 'المناخ', /\bclimate\b/i],
];

/**
 * Held-out topics (session 17), chosen before any engine was run on them, so that a ranking change made for TOPICS
 * can be checked on topics it was not fitted to. How: a list of about 100 common news subjects was written down
 * first (countries, people, institutions, things); each one's pattern was counted on the English translations
 * alone (no Arabic, no search), and every subject with 6 relevant articles or more that TOPICS lacks was kept,
 * 32 in all (train had 3 under the pattern written here, the first count's being looser; 7 once the judging
 * counts derived words, 4 of them "training"). The Arabic query is the word a dictionary gives for the subject, in
 * the form a reader types (the article where a newspaper would use it), not a word picked from the corpus: some
 * articles use a synonym
 * (الولايات المتحدة for أمريكا, الأسرة for العائلة), and some queries have a second sense (الجزيرة is also the
 * broadcaster, التاريخ also "date", كتاب also "writers"), as real queries do.
 */
export const TOPICS_HELDOUT = [
  ['school', 'المدرسة', /\bschools?\b/i],
  ['women', 'المرأة', /\bwom[ae]n\b/i],
  ['food', 'الغذاء', /\bfood\b/i],
  ['bank', 'البنك', /\bbanks?\b/i],
  ['law', 'القانون', /\blaws?\b/i],
  ['minister', 'الوزير', /\bministers?\b/i],
  ['party', 'الحزب', /\bpart(y|ies)\b/i],
  ['trade', 'التجارة', /\btrade\b/i],
  ['sea', 'البحر', /\bsea\b/i],
  ['island', 'الجزيرة', /\bislands?\b/i],
  ['family', 'العائلة', /\bfamil(y|ies)\b/i],
  ['book', 'كتاب', /\bbooks?\b/i],
  ['history', 'التاريخ', /\bhistory\b/i],
  ['king', 'الملك', /\bkings?\b/i],
  ['europe', 'أوروبا', /\beurope(an)?\b/i],
  ['america', 'أمريكا', /\bameric(a|an)\b/i],
  ['france', 'فرنسا', /\b(france|french)\b/i],
  ['germany', 'ألمانيا', /\b(germany|german)\b/i],
  ['britain', 'بريطانيا', /\b(britain|british)\b/i],
  ['india', 'الهند', /\bindia(n)?\b/i],
  ['africa', 'أفريقيا', /\bafrica(n)?\b/i],
  ['games', 'الألعاب', /\bgames?\b/i],
  ['students', 'الطلاب', /\bstudents?\b/i],
  ['city', 'المدينة', /\bcit(y|ies)\b/i],
  ['river', 'النهر', /\brivers?\b/i],
  ['empire', 'الإمبراطورية', /\bempires?\b/i],
  ['trump', 'ترامب', /\btrump\b/i],
  ['clinton', 'كلينتون', /\bclinton\b/i],
  ['vote', 'التصويت', /\bvote(rs?|s)?\b/i],
  ['population', 'السكان', /\bpopulation\b/i],
  ['train', 'القطار', /\b(train|railway)\b/i],
  ['italy', 'إيطاليا', /\bital(y|ian)\b/i],
];

/**
 * The judging rule: a topic's pattern, widened to the English words derived from it (session 17). The first rule
 * matched the topic's word and its listed forms only, so an article whose translation says "filming", "filmmakers",
 * "musician", "economics", "marketplaces", "courthouse" or "waterway" was judged not about the topic. One list of
 * English derivational endings and compound heads, the same for every topic, is allowed after the word; it also
 * makes "training" a train and "Indians" (in Canada) India (bench/RESULTS.md, session 17, counts both ways).
 * @param {RegExp} rule a pattern of the form \b(…)\b
 */
export function judge(rule) {
  const m = /^\\b(.*)\\b$/.exec(rule.source);
  if (!m) throw new Error(`a topic pattern must be \\b…\\b: ${rule}`);
  const endings = 's|es|ing|ed|er|ers|ian|ians|ics|al|ally|maker|makers|making|place|places|house|houses|way|ways'
    + '|front|fronts|man|men|ologist|ologists|ology|ologies|time';
  return new RegExp(`\\b(?:${m[1]})(?:${endings})?\\b`, 'i');
}

/**
 * The query file, one query a line: id, kind, query, what the query changed, relevant URLs (space-separated;
 * for known-item queries the one target).
 */
export function querySets(seed, docCount) {
  const articles = readArticles();
  const vocabulary = new Set(articles.flatMap((a) => a.ar.join(' ').replace(TASHKEEL, '').split(/[^\u0621-\u064A]+/)));
  const rand = rng(seed);
  const eligible = articles.filter((a) => titleWords(a.title).length >= 2);
  // a seeded sample, kept in corpus order
  const order = eligible.map((a) => [rand(), a]).sort((x, y) => x[0] - y[0]).slice(0, docCount).map(([, a]) => a);
  const sample = new Set(order);
  const lines = [];
  for (const a of eligible.filter((x) => sample.has(x))) {
    for (const [kind, query, change] of knownItemQueries(rng(seed ^ hash(a.doc)), titleWords(a.title), vocabulary)) {
      lines.push([`${a.doc}-${kind}`, kind, query, change, a.url]);
    }
  }
  for (const [id, kind, set] of [['topic', 'topic', TOPICS], ['heldout', 'topic-heldout', TOPICS_HELDOUT]]) {
    for (const [name, query, rule] of set) {
      const relevant = articles.filter((a) => a.en.some((s) => judge(rule).test(s))).map((a) => a.url);
      lines.push([`${id}-${name}`, kind, query, `English matches ${rule} or a word derived from it`, relevant.join(' ')]);
    }
  }
  // English known items, on the English site (archive-en): a sample of its own, drawn with the seed
  const randEn = rng(seed ^ hash('en'));
  const eligibleEn = articles.filter((a) => titleWordsEn(a.enTitle).length >= 2);
  const sampleEn = new Set(eligibleEn.map((a) => [randEn(), a]).sort((x, y) => x[0] - y[0]).slice(0, docCount)
    .map(([, a]) => a));
  for (const a of eligibleEn.filter((x) => sampleEn.has(x))) {
    for (const [kind, query, change] of knownItemQueries(rng(seed ^ hash(`en-${a.doc}`)), titleWordsEn(a.enTitle), null, 'en')) {
      lines.push([`${a.doc}-en-${kind}`, `en-${kind}`, query, change, a.enUrl]);
    }
  }
  return lines;
}

function hash(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0), 16777619);
  return h >>> 0;
}

export function writeQueries(file, seed, docCount) {
  const head = ['# Search-quality queries, written by: node bench/search-eval/corpus.mjs queries FILE '
    + `--seed ${seed} --docs ${docCount}`,
  '# Text: UD Arabic-PUD (CC BY-SA 3.0). Columns: id, kind, query, change, relevant URLs (space-separated).',
  ['id', 'kind', 'query', 'change', 'relevant'].join('\t')];
  const body = querySets(seed, docCount).map((l) => l.join('\t'));
  fs.writeFileSync(file, `${[...head, ...body].join('\n')}\n`);
  return body.length;
}

// ------------------------------------------------------------------ the news known-item set

/** A front-matter value as bench/gen writes it: a double-quoted (JSON-compatible) or bare string. */
function frontValue(front, key) {
  const line = front.split('\n').find((l) => l.startsWith(`${key}:`));
  if (!line) return null;
  const v = line.slice(key.length + 1).trim();
  return v.startsWith('"') ? JSON.parse(v) : v;
}

/** Every dispatch file (*.md, *.txt) under dir, sorted by path. */
function markdownFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (/\.(md|txt)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** The article pages of a built site, by slug: /ar/yyyy/mm/slug/ (decoded, NFC). */
function articlePaths(site) {
  const bySlug = new Map();
  const ar = path.join(site, 'ar');
  for (const y of fs.readdirSync(ar).filter((d) => /^\d{4}$/.test(d))) {
    for (const m of fs.readdirSync(path.join(ar, y)).filter((d) => /^\d{2}$/.test(d))) {
      for (const slug of fs.readdirSync(path.join(ar, y, m))) {
        if (fs.existsSync(path.join(ar, y, m, slug, 'index.html'))) {
          bySlug.set(slug.normalize('NFC'), `/ar/${y}/${m}/${slug.normalize('NFC')}/`);
        }
      }
    }
  }
  return bySlug;
}

/**
 * The Arabic dispatches of a bench/gen archive, with the URL the built site gave each: {title, text, url}.
 * @param {string} archive the archive folder (content/ar/...)
 * @param {string} site the site built from it (or from it with more articles)
 */
export function readNews(archive, site) {
  const urls = articlePaths(site);
  const news = markdownFiles(path.join(archive, 'content', 'ar')).map((file) => {
    const text = fs.readFileSync(file, 'utf8').normalize('NFC');
    const [, front, body] = text.split(/^---$/m);
    const url = urls.get(String(frontValue(front, 'slug')).normalize('NFC'));
    return { title: frontValue(front, 'title'), text: body, url };
  });
  // drafts have no page (bench/gen writes a few); a site of another archive has none at all
  const built = news.filter((a) => a.url);
  if (built.length < news.length / 2) throw new Error(`${site} has pages for ${built.length} of ${news.length} dispatches of ${archive}`);
  return built;
}

/**
 * Known-item queries on news titles (issue 13): bench/gen's titles repeat as news titles do, so a target often
 * shares its exact title with other dispatches, which no engine can tell apart. Each line therefore also lists
 * the dispatches titled exactly like the target, as a reader sees it (titleKey; sixth column): eval.mjs scores the target itself (strict) and
 * any of them (lenient). Targets are drawn uniformly over dispatches, with the seed; query words, variants and
 * typos as in querySets.
 */
export function newsQuerySets(archive, site, seed, docCount) {
  const news = readNews(archive, site);
  const vocabulary = new Set(news.flatMap((a) => `${a.title} ${a.text}`.replace(TASHKEEL, '').split(/[^\u0621-\u064A]+/)));
  const sameTitle = new Map();
  for (const a of news) sameTitle.set(titleKey(a.title), [...(sameTitle.get(titleKey(a.title)) ?? []), a.url]);
  const rand = rng(seed);
  const eligible = news.filter((a) => titleWords(a.title).length >= 2);
  const sample = new Set(eligible.map((a) => [rand(), a]).sort((x, y) => x[0] - y[0]).slice(0, docCount).map(([, a]) => a));
  const lines = [];
  for (const a of eligible.filter((x) => sample.has(x))) {
    const id = `news-${a.url.split('/').slice(-2, -1)[0].replace(/^.*-/, '')}`;
    const same = sameTitle.get(titleKey(a.title)).filter((u) => u !== a.url).join(' ') || '-';
    for (const [kind, query, change] of knownItemQueries(rng(seed ^ hash(a.url)), titleWords(a.title), vocabulary)) {
      lines.push([`${id}-${kind}`, `news-${kind}`, query, change, a.url, same]);
    }
  }
  return lines;
}

/**
 * A title as a reader sees it: without tashkeel and tatweel, a final ى as ي (bench/gen sprinkles them over copies
 * of one title, and «في» / «فى» read alike), spaces collapsed.
 */
const titleKey = (title) => title.replace(TASHKEEL, '').replace(/\u0640/g, '').replace(/ى(?=\s|$)/g, 'ي')
  .replace(/\s+/g, ' ').trim();

/**
 * The exact, variant and typo queries of one title's words: [kind, query, change]. Arabic by default; English with
 * `lang` 'en' (englishVariants, englishTypo).
 */
function knownItemQueries(r, words, vocabulary, lang = 'ar') {
  const variantsOf = lang === 'en' ? englishVariants : (w) => variants(w, vocabulary);
  const typoOf = lang === 'en' ? englishTypo : typo;
  const out = [];
  const n = Math.min(words.length, 2 + Math.floor(r() * 2));
  const start = Math.floor(r() * (words.length - n + 1));
  const chosen = words.slice(start, start + n);
  out.push(['exact', chosen.join(' '), '-']);
  const options = chosen.flatMap((w, i) => variantsOf(w).map(([name, v]) => [i, name, v]));
  if (options.length) {
    // a kind of variant first, then a word: tatweel fits nearly every word and would crowd out the others
    const kind = pick(r, [...new Set(options.map(([, name]) => name))]);
    const [i, name, v] = pick(r, options.filter(([, k]) => k === kind));
    out.push(['variant', chosen.map((w, k) => (k === i ? v : w)).join(' '), `${name}: ${chosen[i]} → ${v}`]);
  }
  const long = chosen.map((w, i) => [w, i]).filter(([w]) => w.length >= 4);
  if (long.length) {
    const [w, i] = pick(r, long);
    const t = typoOf(r, w);
    if (t) out.push(['typo', chosen.map((x, k) => (k === i ? t[1] : x)).join(' '), `${t[0]}: ${w} → ${t[1]}`]);
  }
  return out;
}

export function writeNewsQueries(file, archive, site, seed, docCount) {
  const head = [`# News known-item queries, written by: node bench/search-eval/corpus.mjs news FILE --archive ${archive} `
    + `--site ${site} --seed ${seed} --docs ${docCount}`,
  '# Columns: id, kind, query, change, target URL, other URLs with exactly the target\'s title (space-separated; -: none).',
  ['id', 'kind', 'query', 'change', 'relevant', 'same_title'].join('\t')];
  const body = newsQuerySets(archive, site, seed, docCount).map((l) => l.join('\t'));
  fs.writeFileSync(file, `${[...head, ...body].join('\n')}\n`);
  return body.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, target, ...rest] = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : dflt;
  };
  if (cmd === 'archive' && target) {
    console.log(`${writeArchive(path.resolve(target))} articles in ${target}`);
  } else if (cmd === 'archive-en' && target) {
    console.log(`${writeArchive(path.resolve(target), 'en')} English articles in ${target}`);
  } else if (cmd === 'news' && target) {
    const str = (name) => rest[rest.indexOf(name) + 1];
    const n = writeNewsQueries(target, str('--archive'), str('--site'), opt('--seed', 13), opt('--docs', 200));
    console.log(`${n} news queries in ${target}`);
  } else if (cmd === 'queries' && target) {
    console.log(`${writeQueries(target, opt('--seed', 13), opt('--docs', 150))} queries in ${target}`);
  } else {
    console.error('usage: corpus.mjs archive OUT_DIR | corpus.mjs archive-en OUT_DIR | corpus.mjs queries FILE [--seed N] [--docs N]\n'
      + '       corpus.mjs news FILE --archive DIR --site SITE [--seed N] [--docs N]');
    process.exit(2);
  }
}
