import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightSegments } from '../../main/js/search-render.js';
import { parseByteRanges, decodeVlq, withinOneEdit, parseQuery, search, newStats, compareRanked, titleFit, inflections, MAX_QUERY_SLOTS,
  MAX_CORRECTED, MAX_PHRASES, typoWords, confusable, candidateScores } from '../../main/js/search-index.js';

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { open, fixtureFetchWith, FIXTURE } from './fixture.js';

const analyzer = (await open('en')).analyzer;

test('VLQ decoding matches the Java writer', () => {
  assert.deepEqual(decodeVlq('AB'), [0, 1]);
  assert.deepEqual(decodeVlq('gB'), [32]); // 0 | continuation, then 1 -> 32
  assert.deepEqual(decodeVlq('/////D'), [2 ** 25 - 1 + 3 * 2 ** 25]);
  assert.throws(() => decodeVlq('g'), /truncated/);
});

test('one edit: insert, delete, substitute, swap', () => {
  assert.ok(withinOneEdit('transition', 'transitoin'));
  assert.ok(withinOneEdit('روحاني', 'رحاني'));
  assert.ok(withinOneEdit('abcde', 'abXde'));
  assert.ok(withinOneEdit('abcde', 'abcdef'));
  assert.ok(!withinOneEdit('abcde', 'abXdY'));
  assert.ok(!withinOneEdit('abcde', 'abc'));
});

test('query parsing: words, phrases, last word prefix, typo eligibility', () => {
  const s = parseQuery('peaceful "transition of power" trans', analyzer, { prefix: true });
  assert.equal(s.length, 3);
  assert.equal(s[0].kind, 'word');
  assert.equal(s[0].typo, true);
  assert.equal(s[0].prefix, false);
  assert.equal(s[1].kind, 'phrase');
  assert.deepEqual(s[1].terms, ['transit', 'power']);
  assert.deepEqual(s[1].offsets, [0, 2]);
  assert.equal(s[2].prefix, true);
  assert.equal(parseQuery('trans ', analyzer, { prefix: true })[0].prefix, false);
  assert.equal(parseQuery('the of', analyzer).length, 0);
});

test('a pasted text is searched by its first MAX_QUERY_SLOTS (12) words, and a letter run longer than any word is never corrected', async () => {
  const words = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
  const slots = parseQuery(words.join(' '), analyzer);
  assert.equal(MAX_QUERY_SLOTS, 12);
  assert.equal(slots.length, MAX_QUERY_SLOTS);
  assert.deepEqual(slots.map((x) => x.kind === 'word' && x.word), words.slice(0, MAX_QUERY_SLOTS));
  const long = 'transitionally'.repeat(3); // 42 letters: a word to the analyzer, too long to be a misspelling
  assert.equal(parseQuery(long, analyzer)[0].typo, false, 'no one-edit candidates for a 42-letter run');
  const blob = 'transition'.repeat(300);
  assert.deepEqual(parseQuery(blob, analyzer), [], 'over 64 letters a run is no word at all (MAX_WORD_CHARS)');
  const res = await search([await open('en')], `${blob} ${long} transitoin`);
  assert.deepEqual(res.corrections.map((c) => c.written), ['transitoin']);
});

test('one-word query: BM25 order, newest first on ties, at most 4 requests cold', async () => {
  const stats = newStats();
  const en = await open('en', stats);
  const res = await search([en], 'transition');
  assert.ok(res.total >= 2, `total ${res.total}`);
  assert.ok(res.results.some((r) => r.url === '/en/2018/phrase/'));
  const r = await en.rank('transition');
  for (let i = 1; i < r.ranked.length; i++) assert.ok(compareRanked(r.ranked[i - 1], r.ranked[i]) <= 0);
  assert.ok(stats.requests <= 4, `requests ${stats.requests}: ${stats.urls.join(' ')}`);
  // warm: nothing new to fetch
  const before = stats.requests;
  await search([en], 'transition');
  assert.equal(stats.requests, before);
});

test('several words: all-terms matches first, then any', async () => {
  const en = await open('en');
  const r = await en.rank('peaceful power');
  const matched = r.ranked.map((d) => d.matched);
  assert.ok(matched.includes(2) && matched.includes(1), `matched ${matched}`);
  assert.deepEqual(matched, [...matched].sort((a, b) => b - a));
  const res = await search([en], 'peaceful power');
  assert.equal(res.results[0].terms.length >= 2, true);
});

test('last word is a prefix while typing, not after submit', async () => {
  const en = await open('en');
  const typing = await search([en], 'tran', { prefix: true, limit: 50 });
  assert.ok(typing.results.some((x) => x.terms.includes('transit')));
  const submitted = await search([en], 'tran', { limit: 50 });
  assert.equal(submitted.total, 0);
});

test('typo tolerance: one edit for words of 5+ letters, ranked below exact', async () => {
  const en = await open('en');
  const typo = await search([en], 'transitoin');
  assert.ok(typo.total > 0);
  assert.ok(typo.results.every((x) => x.terms.includes('transit')));
  const short = await search([en], 'powr');
  assert.equal(short.total, 0, 'no typo tolerance under 5 letters');
  const r = await en.rank('peacefull transition');
  const firstTypoOnly = r.ranked.findIndex((d) => d.exact < d.matched);
  const lastExact = r.ranked.map((d) => d.exact === d.matched).lastIndexOf(true);
  if (firstTypoOnly >= 0) assert.ok(firstTypoOnly > lastExact || r.ranked[firstTypoOnly].matched > r.ranked[lastExact].matched);
});

test('"quoted phrases" match in order', async () => {
  const en = await open('en');
  const fwd = await search([en], '"transition of power"');
  const rev = await search([en], '"power of transition"');
  assert.ok(fwd.results.some((x) => x.url === '/en/2018/phrase/'));
  assert.ok(fwd.total > rev.total, `${fwd.total} vs ${rev.total}`);
  assert.deepEqual(rev.results.map((x) => x.url), ['/en/2018/phrase/']);
  const none = await search([en], '"power transition"');
  assert.equal(none.total, 0);
});

test('a phrase over two frequent words reads their positions from the tail positions files the manifest names',
  async () => {
    // format 11: `y` files are named by their own hash, found by the tail's number in the term shard's `at`
    const run = async (/** @type {string} */ q) => {
      const en = await open('en');
      const res = await search([en], q, { limit: 50 });
      const ys = en.stats.urls.map((u) => u.split('/').pop() ?? '').filter((f) => f.startsWith('y.'));
      return { res, ys, named: en.manifest.terms.y.map((h) => `y.${h}.json.gz`) };
    };
    const words = await run('said he');
    const fwd = await run('"said he"');
    const rev = await run('"he said"');
    assert.equal(fwd.ys.length, 2, `both words' lists are long, in two tail files: ${fwd.ys.join(' ')}`);
    assert.deepEqual([...fwd.ys].sort(), [...fwd.named].sort());
    assert.ok(fwd.res.total > 0, 'the phrase is in a document');
    assert.ok(fwd.res.total < words.res.total, `${fwd.res.total} of ${words.res.total}: positions checked`);
    const all = new Set(words.res.results.map((x) => x.url));
    assert.ok(fwd.res.results.every((x) => all.has(x.url)));
    assert.notDeepEqual(fwd.res.results.map((x) => x.url), rev.res.results.map((x) => x.url), 'order matters');
  });

test('a phrase whose words no document holds together fetches no positions (an unclosed quote, pasted markup)',
  async () => {
    const files = async (/** @type {string} */ q) => {
      const en = await open('en');
      const res = await search([en], q);
      return { res, kinds: en.stats.urls.map((u) => u.split('/').pop()?.[0]) };
    };
    const apart = await files('"onerror transition"');
    assert.equal(apart.res.total, 0);
    assert.deepEqual(apart.kinds.filter((k) => k === 'x' || k === 'y'), [], apart.kinds.join(' '));
    // words that share documents still check their positions
    const together = await files('"peaceful transition"');
    assert.ok(together.res.total > 0 && together.kinds.includes('x'), together.kinds.join(' '));
  });

test('a query of many phrases checks the positions of its first MAX_PHRASES; a later one matches its words',
  async () => {
    // 16 quoted pairs of common words cost 22 requests and 797 KB at 10,000 documents: a positions file per word
    const run = async (/** @type {string} */ q) => {
      const en = await open('en');
      let asked = 0;
      const positions = en.positions.bind(en);
      en.positions = (e) => { asked++; return positions(e); };
      return { res: await search([en], q), asked };
    };
    assert.equal(MAX_PHRASES, 3);
    const three = '"transition of power" "power of transition" "peaceful transition"';
    assert.equal((await run('"power transition"')).res.total, 0, 'checked, these words are never side by side');
    const more = await run(`${three} "power transition"`);
    assert.equal(more.asked, (await run(three)).asked, 'no positions for the fourth phrase');
    assert.deepEqual(more.res.results.map((x) => x.url), (await run(three)).res.results.map((x) => x.url));
    assert.ok(more.res.total > 0, 'the fourth phrase matches the documents that hold its words');
  });

test('filters by tag and year combine with the query; facet counts agree', async () => {
  const en = await open('en');
  const all = await search([en], 'said', { limit: 100 });
  assert.ok(all.total > 3);
  const tag = all.facets.tags[0];
  const byTag = await search([en], 'said', { tags: [tag.key], limit: 100 });
  assert.equal(byTag.total, tag.count);
  assert.ok(byTag.results.every((x) => x.tags.some((t) => t.key === tag.key)));
  const year = all.facets.years[0];
  const byYear = await search([en], 'said', { year: year.year, limit: 100 });
  assert.equal(byYear.total, year.count);
  assert.ok(byYear.results.every((x) => x.date.startsWith(String(year.year))));
  assert.equal(all.facets.years.reduce((n, y) => n + y.count, 0), all.total);
  const both = await search([en], 'said', { year: year.year, tags: [tag.key], limit: 100 });
  assert.ok(both.results.every((x) => x.date.startsWith(String(year.year)) && x.tags.some((t) => t.key === tag.key)));
});

test('a frequent word: precomputed count and facets equal the complete computation, deeper pages load', async () => {
  const en = await open('en');
  const quick = await search([en], 'said');
  const fullRank = await en.rank('said', { full: true });
  assert.equal(quick.total, fullRank.total);
  const deep = await search([en], 'said', { offset: 3, limit: 5 });
  const first = await search([en], 'said', { limit: 3 });
  assert.equal(deep.results.length, Math.min(5, quick.total - 3));
  const seen = new Set(first.results.map((x) => x.url));
  assert.ok(deep.results.every((x) => !seen.has(x.url)));
});

test('both languages at once', async () => {
  const ar = await open('ar');
  const en = await open('en');
  const res = await search([ar, en], 'onerror');
  assert.deepEqual(res.results.map((x) => x.lang).sort(), ['ar', 'en']);
  const arOnly = await search([ar], 'onerror');
  assert.equal(arOnly.total, 1);
});

test('Arabic: a spelling variant finds the document, and its snippet highlights the original spelling', async () => {
  const ar = await open('ar');
  const res = await search([ar], 'الأميركي');
  const hit = res.results.find((x) => x.url.endsWith('/variant/'));
  assert.ok(hit, JSON.stringify(res.results.map((x) => x.url)));
  assert.ok(hit.terms.includes(ar.analyzer.terms('الأمريكي')[0]));
  const marked = highlightSegments(hit.snippet, ar.analyzer, hit.terms).filter((x) => x.mark).map((x) => x.text);
  assert.ok(marked.includes('الأمريكي'), marked.join());
});

test('Arabic typo: رواحني finds روحاني and says so; ورحاني, as the sample dispatch writes it, is no typo', async () => {
  const ar = await open('ar');
  const res = await search([ar], 'رواحني');
  assert.ok(res.total > 0);
  assert.ok(res.results.every((x) => x.terms.includes(ar.analyzer.terms('روحاني')[0])));
  assert.deepEqual(res.corrections, [{ written: 'رواحني', word: 'روحاني' }]);
  const asTyped = await search([ar], 'رواحني', { fuzzy: false });
  assert.equal(asTyped.total, 0, 'the link "as typed" searches the word as typed');
  // the dispatch itself holds the typo: the index knows the word, so nothing is corrected
  const written = await search([ar], 'ورحاني');
  assert.equal(written.total, 1);
  assert.deepEqual(written.corrections, []);
});

test('a correction keeps the spelling as typed: الاقتصدية → الاقتصادية (not الاقتصاديه), the common word first', async () => {
  const ar = await open('ar');
  const res = await search([ar], 'الاقتصدية');
  assert.deepEqual(res.corrections, [{ written: 'الاقتصدية', word: 'الاقتصادية' }]);
  assert.equal(res.total, (await search([ar], 'الاقتصادية')).total);
});

test('an Arabic correction needs a long enough stem: one edit in a 3-letter stem is another word', async () => {
  const ar = await open('ar');
  // الكوبية is one changed letter from الكورية (stem كور) and one swap from الكبوية (stem كبو)
  const res = await search([ar], 'الكوبية');
  assert.ok(res.corrections.every((c) => [...ar.analyzer.terms(c.word)[0]].length >= 4), JSON.stringify(res.corrections));
  assert.ok(res.corrections.every((c) => c.word !== 'الكورية' && c.word !== 'الكبوية'), JSON.stringify(res.corrections));
});

test('the slips readers make: letters that differ by their dots or sit on neighbouring keys, a letter typed twice', async () => {
  assert.ok(confusable('ح', 'ج') && confusable('ب', 'ي') && confusable('ف', 'ق'), 'same shape but for the dots');
  assert.ok(confusable('ع', 'ه') && confusable('ر', 'ي') && confusable('e', 'r'), 'neighbouring keys (Arabic 101, QWERTY)');
  assert.ok(!confusable('ك', 'ج') && !confusable('e', 'p'));
  const ar = await open('ar');
  const kinds = (/** @type {string} */ w) => new Map(typoWords(ar.analyzer.normalize(w), ar.analyzer, w).map((c) => [c.word, c.kind]));
  const hijra = kinds('الهحرة');
  assert.equal(hijra.get('الهجرة'), 'near'); // ح for ج: the dot
  assert.equal(hijra.get('الهكرة'), 'replace'); // ك is neither
  assert.equal(hijra.get('الهرحة'), 'swap');
  assert.equal(hijra.get('الهرة'), 'delete');
  assert.equal(kinds('ااقتصاد').get('اقتصاد'), 'double'); // ا typed twice
});

test('the query\'s other words back a correction: الوصر with نشرت is الصور, of the article holding both (issue 13)', async () => {
  const ar = await open('ar');
  // alone, a 3-letter stem (صور) is too short to correct: one edit in it makes another word
  assert.deepEqual((await search([ar], 'الوصر')).corrections, []);
  const res = await search([ar], 'نشرت الوصر');
  assert.deepEqual(res.corrections, [{ written: 'الوصر', word: 'الصور' }]);
  assert.equal(res.results[0].url, '/ar/2019/n01054/');
  assert.ok(res.results[0].allWords);
  // backing means one document that holds the candidate and every other word, not a word elsewhere
  assert.deepEqual((await search([ar], 'للجنة الوصر')).corrections, []);
  // and among candidates, the backed one wins: الرأضي alone reads as the likelier الريأضي, beside وشكل as الأرضي
  assert.deepEqual((await search([ar], 'الرأضي')).corrections, [{ written: 'الرأضي', word: 'الريأضي' }]);
  const ground = await search([ar], 'وشكل الرأضي');
  assert.deepEqual(ground.corrections, [{ written: 'الرأضي', word: 'الأرضي' }]);
  assert.equal(ground.results[0].url, '/ar/2019/n01057/');
});

test('beside other words, a candidate with a long list counts as backed: only its best postings are at hand '
  + '(security council meting: meet, not met)', () => {
  const met = { c: { close: 1 }, e: { df: 128, long: false }, backed: true };
  const meet = { c: { close: 1 }, e: { df: 1204, long: true }, backed: false };
  const [m, mm] = candidateScores([met, meet], true);
  assert.ok(mm > m, `meet ${mm} over met ${m}`);
  assert.equal(mm, Math.log1p(1204) * 3);
  // a short list is all at hand: unbacked, it stays below a backed rival, as before
  const [m2, s2] = candidateScores([met, { ...meet, e: { df: 1204, long: false } }], true);
  assert.ok(m2 > s2, `met ${m2} over an unbacked short list ${s2}`);
  // a word alone: nothing to back it
  assert.deepEqual(candidateScores([meet], false), [Math.log1p(1204)]);
});

test('a Latin candidate that changes the first letter is less close, and a term keeps all its forms as close '
  + '(goverment: government, not overment, whose Porter2 stem is the commoner over)', async () => {
  const en = await open('en');
  const candidates = new Map(typoWords('goverment', en.analyzer).map((c) => [c.term, c]));
  const over = candidates.get('over');
  const govern = candidates.get('govern');
  assert.ok(over && govern, [...candidates.keys()].join(' '));
  assert.equal(over.word, 'overment');
  assert.ok(over.close < govern.close, `${over.close} < ${govern.close}`);
  // governent (n for m: the key beside it) and government (n inserted) are as close: the page shows the one the index
  // holds as written (typoVariant)
  assert.deepEqual(govern.forms?.filter((f) => f === 'governent' || f === 'government').sort(), ['governent', 'government']);
  // Arabic keeps its closeness: its first letter is often a proclitic a reader adds or drops
  const ar = await open('ar');
  for (const c of typoWords(ar.analyzer.normalize('والاقتصاد'), ar.analyzer)) {
    assert.equal(c.close, { swap: 1, double: 1, near: 0.8, delete: 0.8, insert: 0.8, replace: 0.5 }[c.kind], c.word);
  }
});

test('a correction costs two requests more than the word would (the lexicon, then the candidates that may win), '
  + 'however many term shards its candidates need', async () => {
  const ar = await open('ar');
  const fresh = async (/** @type {string} */ q) => {
    const ix = await open('ar');
    const before = ix.stats.requests;
    await ix.rank(q);
    return ix.stats.requests - before;
  };
  assert.ok(ar.manifest.terms.sep.length > 1, 'the fixture has several term shards');
  assert.equal(await fresh('وشكل الرأضي'), (await fresh('وشكل الأرضي')) + 2);
  assert.equal(await fresh('اااقتصاد'), (await fresh('الاقتصاد')) + 2);
  // from a server that ignores Range, the shard files hold the candidates: the same correction
  const rangeless = await search([await open('ar', newStats(), fixtureFetchWith('none'))], 'نشرت الوصر');
  assert.deepEqual(rangeless.corrections, [{ written: 'الوصر', word: 'الصور' }]);
});

test('a correction to a frequent term finds its term shard in the lexicon (format 13): no second request for term shards',
  async () => {
    // جديد holds a term shard alone (terms.alone), far in the dictionary from the typed الدجيد (د, not its neighbours);
    // its lexicon member is that term shard, so that the query's term shards are the only ones asked for (a misspelt
    // word beside a frequent one cost 5 index requests, now 4)
    for (const q of ['الدجيد', 'قال الدجيد']) {
      const ix = await open('ar');
      const before = ix.stats.requests;
      const res = await search([ix], q);
      assert.deepEqual(res.corrections, [{ written: 'الدجيد', word: 'الجديد' }], q);
      const shardRequests = ix.stats.urls.slice(before).filter((u) => /\/s\.[a-z0-9]+\.bin#/.test(u));
      assert.equal(shardRequests.length, 1, `${q}: ${ix.stats.urls.slice(before).join(' ')}`);
      assert.ok(res.results.length > 0, q);
    }
  });

test('beside other words, a rarer candidate that cannot beat a frequent one counted as backed is not fetched', async () => {
  // the frequent candidate's list counts as backing (candidateScores): a rarer one must beat it tripled to be worth
  // its term shard's request (a misspelt word beside a frequent one: 5 index requests, now 4)
  for (const [q, written, word] of [['عام افتحت', 'افتحت', 'افتتحت'], ['جديد الديدة', 'الديدة', 'الجديدة']]) {
    const ix = await open('ar');
    const before = ix.stats.requests;
    const res = await search([ix], q);
    assert.deepEqual(res.corrections, [{ written, word }], q);
    const shardRequests = ix.stats.urls.slice(before).filter((u) => /\/s\.[a-z0-9]+\.bin#/.test(u));
    assert.equal(shardRequests.length, 1, `${q}: ${ix.stats.urls.slice(before).join(' ')}`);
  }
});

test('several misspelt words: their candidates\' lexicon and term shards come in two requests, for the first MAX_CORRECTED words',
  async () => {
    // a pasted text of misspelt words once cost a request per word (50 words: 31 requests, 695 KB at 10,000 documents)
    // index requests: the result cards' (k.*) depend on which card files the results fall in, not on corrections
    const cost = async (/** @type {string} */ q) => {
      const ix = await open('ar');
      const before = ix.stats.urls.length;
      const res = await search([ix], q);
      return { requests: ix.stats.urls.slice(before).filter((u) => !/\/k\.[^/]*$/.test(u.split('#')[0])).length, res };
    };
    const typed = await cost('الرأضي اااقتصاد رواحني الاقتصدية');
    const meant = await cost('الأرضي الاقتصاد روحاني الاقتصادية');
    assert.equal(MAX_CORRECTED, 3);
    assert.deepEqual(typed.res.corrections.map((c) => c.written), ['الرأضي', 'اااقتصاد', 'رواحني']);
    assert.deepEqual(typed.res.corrections.slice(1).map((c) => c.word), ['الاقتصاد', 'روحاني']);
    assert.equal(typed.requests, meant.requests + 2, 'two requests more for all the corrections');
    // each word alone is corrected as it is in company
    for (const c of typed.res.corrections) assert.deepEqual((await cost(c.written)).res.corrections, [c]);
  });

test('the lexicon chooses the correction the candidates\' term shards chose, and costs fewer bytes (format 11)', async () => {
  // a fetch without the lexicon's tail bundle (404: a half-uploaded site) reads the same term shards whole, as before
  // format 11 (the fixture's tail bundle holds the lexicon alone: its lists are short)
  const fixture = fixtureFetchWith();
  const noLexicon = /** @type {typeof fixture} */ (async (url, init) => (/\/u\.[a-z0-9]+\.bin$/.test(url)
    ? { ok: false, status: 404, headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0) } : fixture(url, init)));
  for (const lang of /** @type {const} */ (['ar', 'en'])) {
    // misspelt words made from the index's own words (two letters swapped, a letter dropped or doubled), alone and
    // beside another word that may back a candidate
    const { terms } = (await open(lang)).manifest;
    // format 12: the lexicon is in a tail bundle, from byte `start`, its members sized in units of 16 bytes
    const [bundle, start] = terms.lexicon;
    const lexicon = await readFile(join(FIXTURE, lang, `u.${terms.tails[bundle]}.bin`));
    let at = start;
    const all = decodeVlq(terms.lexiconSizes).flatMap((n) => {
      const piece = JSON.parse(gunzipSync(lexicon.subarray(at, at += n * 16)).toString('utf8'));
      return piece.t.filter((/** @type {string} */ t) => [...t].length >= 6);
    });
    const words = all.filter((_, k) => k % Math.max(1, Math.floor(all.length / 24)) === 0).slice(0, 24);
    assert.ok(words.length >= 12, `${lang}: enough words (${words.length})`);
    const queries = words.flatMap((w, k) => {
      const c = [...w];
      const typo = k % 3 === 0 ? [...c.slice(0, 2), c[3], c[2], ...c.slice(4)] : k % 3 === 1
        ? [...c.slice(0, 3), ...c.slice(4)] : [...c.slice(0, 3), c[3], ...c.slice(3)];
      return [typo.join(''), `${words[(k + 1) % words.length]} ${typo.join('')}`];
    });
    let corrected = 0;
    for (const q of queries) {
      const withLexicon = await open(lang);
      const without = await open(lang, newStats(), noLexicon);
      const a = await search([withLexicon], q);
      const b = await search([without], q);
      assert.deepEqual(a.corrections, b.corrections, `${lang}: ${q}`);
      assert.deepEqual(a.results.map((r) => r.url), b.results.map((r) => r.url), `${lang}: ${q}`);
      if (a.corrections.length) {
        corrected++;
        assert.ok(withLexicon.stats.bytes < without.stats.bytes, `${lang}: ${q}: ${withLexicon.stats.bytes} < ${without.stats.bytes}`);
      }
    }
    assert.ok(corrected >= queries.length / 4, `${lang}: ${corrected} of ${queries.length} corrected`);
  }
});

test('no fuzzy expansion for a word the index holds: سورية finds Syria only (issue 13: not سوق, سير, سفر)', async () => {
  const ar = await open('ar');
  const res = await search([ar], 'سورية');
  assert.deepEqual(res.corrections, []);
  assert.ok(res.results.length > 0);
  assert.ok(res.results.every((x) => x.terms.every((t) => t === ar.analyzer.terms('سورية')[0])), JSON.stringify(res.results.map((x) => x.terms)));
});

test('exact form before stem: المدرسة ranks the body that holds it above a title made of المدرسي (same stem)', async () => {
  const ar = await open('ar');
  const res = await search([ar], 'المدرسة', { limit: 50 });
  const urls = res.results.map((x) => x.url);
  const exact = urls.findIndex((u) => u.includes('/exact-form/'));
  const other = urls.findIndex((u) => u.includes('/stem-only/'));
  assert.ok(exact >= 0 && other >= 0, urls.join(' '));
  assert.ok(exact < other, urls.join(' '));
  // and the other way round: the stem's other form first for its own query
  const back = (await search([ar], 'المدرسي', { limit: 50 })).results.map((x) => x.url);
  assert.ok(back.findIndex((u) => u.includes('/stem-only/')) < back.findIndex((u) => u.includes('/exact-form/')));
  // the form is the word's own, without the article: a reader who types مدرسة still means المدرسة
  const bare = (await search([ar], 'مدرسة', { limit: 50 })).results.map((x) => x.url);
  assert.ok(bare.findIndex((u) => u.includes('/exact-form/')) < bare.findIndex((u) => u.includes('/stem-only/')));
  assert.deepEqual(['للمدرسة', 'والمدرسة', 'مدرسة', 'وزير'].map((w) => ar.analyzer.surface(ar.analyzer.normalize(w))),
    ['مدرسه', 'مدرسه', 'مدرسه', 'وزير']);
});

test('the highlighter marks وقال for قال, as the index matches it (the same readings as TextAnalyzerTest)', async () => {
  const ar = (await open('ar')).analyzer;
  // a protected word before a pronoun has one reading, as in Java (before w23-fold this side gave وسكانها سك)
  // and a reading of fewer than three letters is none (وحدات is not و + حدات), as WordTerms.MIN_CONJUNCTION_READING
  // وزارة and وجود are root-و words (waw-root.txt): no reading
  const readings = Object.fromEntries(['وقال', 'وقود', 'وقالت', 'وشهدت', 'وإيران', 'وزير', 'الوزير', 'وللاتفاق', 'ولد',
    'وسكانها', 'وسكانهم', 'وحدات', 'وحدة', 'وجهة', 'ويده', 'وزارة', 'وجود'].map((w) => [w, ar.conjunctionTerm(w)]));
  assert.deepEqual(readings, { وقال: 'قال', وقود: 'قود', وقالت: 'قالت', وشهدت: 'شهدت', وإيران: null, وزير: null,
    الوزير: null, وللاتفاق: null, ولد: null, وسكانها: null, وسكانهم: null, وحدات: null, وحدة: null, وجهة: null,
    ويده: null, وزارة: null, وجود: null });
  assert.deepEqual(highlightSegments('وحدات الجيش', ar, ['حد']), [{ text: 'وحدات الجيش', mark: false }]);
  assert.deepEqual(highlightSegments('وقال الوزير إن', ar, ['قال']),
    [{ text: 'وقال', mark: true }, { text: ' الوزير إن', mark: false }]);
  assert.deepEqual(highlightSegments('الوزير', ar, ['زير']), [{ text: 'الوزير', mark: false }]);
});

test('a word written with a mark matches its second reading both ways; typed without it, as it always did (issue 13)', async () => {
  const ar = await open('ar');
  const urls = async (q) => new Set((await search([ar], q, { limit: 100 })).results.map((x) => x.url));
  const [bare, nominative, marked] = [await urls('عاما'), await urls('عام'), await urls('عاماً')];
  // the dispatch that writes عاماً: found by عاما (its spelling) and now by عام (its other reading)
  const both = [...bare].filter((u) => nominative.has(u));
  assert.ok(both.length > 0, [...bare].join(' '));
  // عاماً typed with the mark matches either reading
  for (const u of [...bare, ...nominative]) assert.ok(marked.has(u), u);
  // one number means one thing: the count is the documents found by either reading, and the years add up to it
  const res = await search([ar], 'عاماً');
  assert.equal(res.total, marked.size);
  const first = await ar.rank('عاماً'); // its first pass already: عام's long list is read whole, not its best postings
  assert.deepEqual([first.complete, first.total], [true, marked.size]);
  assert.equal(res.facets.years.reduce((n, y) => n + y.count, 0), res.total);
  assert.deepEqual(parseQuery('عاماً', ar.analyzer)[0].readings, [{ term: 'عام', form: 'عام' }]);
  assert.deepEqual(parseQuery('عاما', ar.analyzer)[0].readings, []);
  assert.deepEqual(parseQuery('ألعاب', ar.analyzer)[0].readings, [{ term: 'العاب', form: 'العاب' }]);
  assert.deepEqual(parseQuery('العاب', ar.analyzer)[0].readings, []);
  // the highlighter marks a word by either reading, as the index matches it
  assert.deepEqual(highlightSegments('قبل عاماً', ar.analyzer, ['عام']),
    [{ text: 'قبل ', mark: false }, { text: 'عاماً', mark: true }]);
  assert.deepEqual(highlightSegments('ألعاب', ar.analyzer, ['العاب']), [{ text: 'ألعاب', mark: true }]);
  assert.deepEqual(highlightSegments('العاب', ar.analyzer, ['العاب']), [{ text: 'العاب', mark: false }]);
});

test('protect from the manifest: السلام (protected by the site) no longer finds السلامة (safety)', async () => {
  const ar = await open('ar');
  assert.ok(ar.manifest.analysis.protected.includes('السلام'), 'the client gets the site\'s list');
  assert.deepEqual([ar.analyzer.terms('السلام'), ar.analyzer.terms('للسلام'), ar.analyzer.terms('السلامة')],
    [['السلام'], ['السلام'], ['سلام']]);
  const urls = (await search([ar], 'السلام', { limit: 50 })).results.map((x) => x.url);
  assert.ok(urls.some((u) => u.includes('/peace/')) && !urls.some((u) => u.includes('/safety/')), urls.join(' '));
  // the same lists without the site's word: one stem, the pair conflates (what the build's notice warns of)
  const { createAnalyzer } = await import('../../main/js/analyzer.js');
  const plain = createAnalyzer({ ...ar.manifest.analysis, protected: ar.manifest.analysis.protected.filter((w) => w !== 'السلام') });
  assert.deepEqual(plain.terms('السلام'), plain.terms('السلامة'));
});

test('a protected word the index lacks is not corrected to the light stem its protection keeps apart (issue 13)', async () => {
  const ar = await open('ar');
  // the fixture has الرياضة (sport) and no الرياض (Riyadh); الوطني (national, protected) and no الوطن (homeland)
  assert.deepEqual([ar.analyzer.terms('الرياض'), ar.analyzer.terms('الرياضة'), ar.analyzer.terms('الوطن')],
    [['الرياض'], ['رياض'], ['وطن']]);
  assert.ok((await search([ar], 'الرياضة')).total > 0 && (await search([ar], 'الوطني')).total > 0);
  for (const q of ['الرياض', 'بالرياض', 'الوطن']) {
    const res = await search([ar], q);
    assert.deepEqual([res.total, res.corrections], [0, []], q);
  }
  assert.deepEqual([ar.analyzer.lightStem('الرياض'), ar.analyzer.lightStem('الوطني'), ar.analyzer.lightStem('riyadh')],
    ['رياض', 'وطن', 'riyadh']);
  // a misspelt word is still corrected: الرياضةة is الرياضة with a letter doubled
  const typo = await search([ar], 'الرياضةة');
  assert.deepEqual([typo.total, typo.corrections.map((c) => c.written)], [1, ['الرياضةة']]);
});

test('a surface key is never a prefix completion or a correction', async () => {
  const ar = await open('ar');
  const res = await ar.rank('المدر', { prefix: true });
  const slot = res.slots[0];
  assert.ok(slot.kind === 'word' && (slot.variants ?? []).every((v) => !v.e.term.includes(' ')));
});

test('counts add up: the total counts documents with every word, "some words" results come after with their count', async () => {
  const ar = await open('ar');
  const res = await search([ar], 'روحاني الاقتصادية', { limit: 50 });
  assert.equal(res.total, res.results.filter((x) => x.allWords).length);
  assert.equal(res.some, res.results.filter((x) => !x.allWords).length);
  assert.ok(res.total > 0 && res.some > 0, `${res.total} + ${res.some}`);
  assert.equal(res.results.findIndex((x) => !x.allWords), res.total, 'all-word results first');
  assert.equal(res.facets?.years.reduce((n, y) => n + y.count, 0), res.total, 'facets count what the total counts');
});

test('cards: one multi-range request per card file; servers that merge ranges or ignore Range still work', async () => {
  const run = async (mode) => {
    const stats = newStats();
    const en = await open('en', stats, fixtureFetchWith(mode));
    const res = await search([en], 'said', { limit: 10 });
    return { res, stats };
  };
  const multi = await run('multi');
  const cardRequests = multi.stats.urls.filter((u) => u.includes('/k.')).length;
  const cardFiles = new Set(multi.stats.urls.filter((u) => u.includes('/k.')).map((u) => u.split('#')[0])).size;
  assert.equal(cardRequests, cardFiles);
  for (const mode of ['first', 'none']) {
    const other = await run(mode);
    assert.deepEqual(other.res.results, multi.res.results, mode);
  }
});

test('several words: their term shards come in one request to the shard bundle, with Range or without', async () => {
  const words = ['peaceful', 'transition', 'power'];
  /** @type {number[]} */
  let shards = [];
  const run = async (mode) => {
    const stats = newStats();
    const en = await open('en', stats, fixtureFetchWith(mode));
    shards = [...new Set(words.map((w) => en.shardOf(en.analyzer.terms(w)[0])))].sort((a, b) => a - b);
    const res = await search([en], words.join(' '));
    const fileOf = (i) => en.manifest.terms.files[Math.floor(i / en.manifest.terms.members)];
    return { res, fileOf, urls: stats.urls.filter((u) => /\/[st]\.[a-z0-9]+\./.test(u)) };
  };
  const multi = await run('multi');
  assert.equal(shards.length, 3, 'the query\'s words lie in three term shards');
  assert.ok(shards[2] - shards[0] > 2, `not all neighbours: ${shards}`);
  assert.deepEqual(multi.urls.map((u) => u.replace(/^.*\/(\w)\.[a-z0-9]+\.\w+.*$/, '$1')), ['s'], multi.urls.join(' '));
  assert.match(multi.urls[0], /#\d+-\d+(,\d+-\d+)+$/, 'one request, several ranges');
  // a server that serves the first range only: the other shards come from their shard files (each file once); one
  // that ignores Range: every shard from its file, a file that holds two of them fetched once
  const first = await run('first');
  const filesOf = (list) => [...new Set(list.map(first.fileOf))].map((h) => `t.${h}.bin`).sort();
  assert.equal(first.urls[0].split('/').pop()[0], 's', first.urls.join(' '));
  assert.deepEqual(first.urls.slice(1).map((u) => u.split('/').pop()).sort(), filesOf(shards.slice(1)));
  const none = await run('none');
  assert.equal(none.urls[0].split('/').pop()[0], 's', none.urls.join(' '));
  assert.deepEqual(none.urls.slice(1).map((u) => u.split('/').pop()).sort(), filesOf(shards));
  for (const other of [first, none]) assert.deepEqual(other.res, multi.res);
});

test('a long list comes alone, by a range on its tail bundle (one gzip member); without Range, from its whole tail file', async () => {
  const run = async (mode) => {
    const stats = newStats();
    const res = await search([await open('en', stats, fixtureFetchWith(mode))], 'said transition');
    return { res, tails: stats.urls.filter((u) => /\/[lu]\./.test(u)) };
  };
  const multi = await run('multi');
  assert.equal(multi.tails.length, 1, multi.tails.join(' '));
  const [, file, a, b] = /\/(u\.[a-z0-9]+\.bin)#(\d+)-(\d+)$/.exec(multi.tails[0]) ?? [];
  assert.ok(file, multi.tails[0]);
  const whole = (await readFile(join(FIXTURE, 'en', file))).length;
  assert.ok(Number(b) - Number(a) + 1 < whole, `one list of the bundle's several: ${a}-${b} of ${whole} bytes`);
  const none = await run('none');
  assert.ok(none.tails.length > 0 && none.tails.every((u) => /\/l\.[a-z0-9]+\.bin$/.test(u)), none.tails.join(' '));
  assert.deepEqual(none.res, multi.res);
});

test('format 12: a misspelt word beside a frequent one: the lexicon\'s members are asked for with the frequent word\'s '
  + 'long list, before the contenders\' term shards (one request where one tail bundle holds both)', async () => {
  const run = async (/** @type {string} */ q, mode = 'multi') => {
    const stats = newStats();
    const res = await search([await open('en', stats, fixtureFetchWith(mode))], q);
    // the index's requests after the manifest, the cards (a request per card file: the fixture's are small) as one
    const urls = stats.urls.filter((u) => !u.includes('/manifest.'));
    const kinds = urls.map((u) => u.replace(/^.*\/(\w)\.[a-z0-9]+\.\w+.*$/, '$1')).filter((k, i, a) => k !== 'k' || a[i - 1] !== 'k');
    return { res, kinds, urls };
  };
  const exact = await run('said transition');
  assert.deepEqual(exact.kinds, ['s', 'u', 'k'], exact.urls.join(' '));
  const typo = await run('said tarnsition');
  assert.deepEqual(typo.res.corrections, [{ written: 'tarnsition', word: 'transition' }]);
  // term shards; the lexicon's members and said's long list, in the same turn; the correction's term shard; the
  // cards. The fixture's tail bundles are at most 4 KB (cardFileBytes), so its lexicon is a bundle of its own: a
  // request each; where the last bundle of tails can take the lexicon (24 MiB: the 10k bench archive), one request
  const { tails, lexicon } = (await open('en')).manifest.terms;
  assert.deepEqual(lexicon, [tails.length - 1, 0], 'the fixture\'s lexicon has a bundle of its own');
  assert.deepEqual(typo.kinds, ['s', 'u', 'u', 's', 'k'], typo.urls.join(' '));
  const lexiconRequest = typo.urls.findIndex((u) => u.includes(`/u.${tails[tails.length - 1]}.bin#`));
  assert.ok(lexiconRequest === 1 || lexiconRequest === 2, typo.urls.join(' '));
  assert.match(typo.urls[lexiconRequest], /#\d+-\d+(,\d+-\d+)+$/, 'the lexicon\'s members: one request, several ranges');
  assert.ok(typo.res.results.length > 0);
  // a server that serves one range at a time, or none: the same correction and results
  for (const mode of ['first', 'none']) {
    const other = await run('said tarnsition', mode);
    assert.deepEqual(other.res.corrections, typo.res.corrections, mode);
    assert.deepEqual(other.res.results, typo.res.results, mode);
  }
});

test('a correction with a long list counts as the word would: its whole list, not its best postings (issue 13: '
  + 'council meting showed «meeting» and 0 results; meting alone, 10)', async () => {
  const en = await open('en');
  const shard = await en.shard(en.shardOf('said'));
  assert.ok(en.entry(shard, en.shardOf('said'), shard.t.indexOf('said')).long, 'the fixture\'s "said" is a long list');
  for (const [typed, word] of [['saaid transition', 'said transition'], ['transition saidd', 'transition said'], ['saaid', 'said']]) {
    const corrected = await search([await open('en')], typed);
    const exact = await search([await open('en')], word);
    assert.deepEqual(corrected.corrections.map((c) => c.word), ['said'], typed);
    assert.ok(exact.total > 0, word);
    assert.equal(corrected.total, exact.total, `${typed}: the documents that hold every word, as for «${word}»`);
    assert.deepEqual(corrected.results.map((r) => r.url).sort(), exact.results.map((r) => r.url).sort(), typed);
  }
});

test('a frequent term has a term shard of its own (terms.alone): a query of several words reads its entry, not its '
  + 'neighbours\' postings; a misspelt word beside it reads it with its own shard, so that the correction\'s long list '
  + 'comes with the lexicon (issue 13, warm; w31-warm)', async () => {
  const en = await open('en');
  const said = en.shardOf('said');
  const alone = decodeVlq(en.manifest.terms.alone ?? '').reduce((acc, g) => [...acc, (acc.at(-1) ?? 0) + g], /** @type {number[]} */ ([]));
  assert.ok(alone.includes(said), `"said" (long) has a term shard of its own: ${said} in ${alone.join(',')}`);
  const shard = await en.shard(said);
  assert.deepEqual(shard.t.filter((t) => !t.startsWith('said ')), ['said'], 'no other term beside its keys');
  assert.ok(!alone.includes(en.shardOf('saaid')) && en.shardOf('saaid') === said - 1, 'saaid sorts just before it');
  const stats = newStats();
  const res = await search([await open('en', stats)], 'saaid transition');
  assert.deepEqual(res.corrections.map((c) => c.word), ['said']);
  // one request to the shard bundle: the correction's term shard came with the typed words', not as a contender's
  // after the lexicon (then its long list would have been a request more still)
  assert.equal(stats.urls.filter((u) => u.includes('/s.')).length, 1, stats.urls.join(' '));
});

test('a server that ignores Range: tags for a filter come from the attribute file, not a card chunk per document', async () => {
  const stats = newStats();
  const en = await open('en', stats, fixtureFetchWith('none'));
  const res = await search([en], 'said', { limit: 1, tags: [en.manifest.tags[0][0]] });
  assert.equal(res.results.length, 1);
  const chunks = stats.urls.filter((u) => /\/k\.[a-z0-9]+\.\d+\.bin$/.test(u));
  assert.equal(chunks.length, 1, `the shown result's chunk only: ${chunks.join(' ')}`);
  assert.equal(stats.urls.filter((u) => u.includes('/a.')).length, 1, stats.urls.join(' '));
  assert.deepEqual(res.results, (await search([await open('en')], 'said', { limit: 1, tags: [en.manifest.tags[0][0]] })).results);
});

test('format 8: long lists of different tail files asked for in the same turn come in one request to their tail bundle', async () => {
  /** @param {string} mode */
  const lists = async (mode) => {
    const stats = newStats();
    const en = await open('en', stats, fixtureFetchWith(mode));
    /** @type {Map<string, [any, any]>} one long list of each tail file: its shard and its reference */
    const byFile = new Map();
    for (let i = 0; i < en.manifest.terms.sep.length; i++) {
      const shard = await en.shard(i);
      for (const ref of shard.p) {
        if (typeof ref !== 'string' && !byFile.has(shard.tails[ref[0]])) byFile.set(shard.tails[ref[0]], [shard, ref]);
      }
    }
    assert.ok(byFile.size >= 2, 'the fixture has two tail files');
    const before = stats.requests;
    const got = await Promise.all([...byFile.values()].map(([shard, ref]) => en.tailList(shard, ref)));
    return { got, urls: stats.urls.slice(before) };
  };
  const multi = await lists('multi');
  assert.equal(multi.urls.length, 1, multi.urls.join(' '));
  assert.match(multi.urls[0], /\/u\.[a-z0-9]+\.bin#\d+-\d+,\d+-\d+$/);
  assert.ok(multi.got.every((l) => /^~?[A-Za-z0-9+/]+$/.test(l)), 'postings VLQ (or flags)');
  // a server that serves the first range only: the others are asked for alone, by range, not as whole tail files
  const first = await lists('first');
  assert.deepEqual(first.got, multi.got);
  assert.equal(first.urls.length, multi.got.length, first.urls.join(' '));
  assert.ok(first.urls.every((u) => /\/u\.[a-z0-9]+\.bin#\d+-\d+/.test(u)), first.urls.join(' '));
  // a server that ignores Range: each tail file whole
  const none = await lists('none');
  assert.deepEqual(none.got, multi.got);
  assert.equal(none.urls.length, multi.got.length, none.urls.join(' '));
  assert.ok(none.urls.every((u) => /\/l\.[a-z0-9]+\.bin$/.test(u)), none.urls.join(' '));
});

test('tags for facets: an attribute file at hand serves them; no cards are fetched for them', async () => {
  const stats = newStats();
  const en = await open('en', stats);
  await en.load('a', en.manifest.attrs.files[0]);
  const before = stats.requests;
  const ids = [0, 1, 2, 3];
  const fromFile = await en.tagsOf(ids);
  assert.equal(stats.requests, before, stats.urls.slice(before).join(' '));
  const fromCards = await (await open('en')).tagsOf(ids);
  assert.deepEqual(ids.map(fromFile), ids.map(fromCards));
  assert.ok(ids.some((id) => fromFile(id).length > 0), 'the fixture\'s first documents have tags');
});

test('a result of several words larger than its page: years counted at once, tags only when asked, both add up', async () => {
  const stats = newStats();
  const en = await open('en', stats);
  const res = await search([en], 'said the');
  assert.ok(res.total > res.results.length, `more results (${res.total}) than the page shows`);
  assert.equal(res.facets?.tagsPending, true);
  assert.deepEqual(res.facets.tags, [], 'no partial tag counts');
  assert.equal(res.facets.years.reduce((n, y) => n + y.count, 0), res.total, 'the year counts are the list');
  assert.ok(!stats.urls.some((u) => u.includes('/a.')), `no attribute file: ${stats.urls.join(' ')}`);
  const slots = stats.urls.filter((u) => u.includes('/k.')).flatMap((u) => u.split('#')[1].split(','))
    .reduce((n, r) => n + (Number(r.split('-')[1]) - Number(r.split('-')[0]) + 1), 0);
  const slotBytes = Math.min(...en.manifest.cards.files.map((f) => f[1]));
  assert.ok(slots <= res.results.length * Math.max(...en.manifest.cards.files.map((f) => f[1])),
    `the shown page's cards only: ${slots} bytes in slots of ${slotBytes}`);
  const asked = await search([en], 'said the', { tagCounts: true });
  assert.equal(asked.facets?.tagsPending, undefined);
  assert.deepEqual(asked.results, res.results);
  const every = await search([await open('en')], 'said the', { limit: 100 });
  /** @type {Map<string, number>} */
  const counted = new Map();
  for (const r of every.results.filter((x) => x.allWords)) for (const t of r.tags) counted.set(t.key, (counted.get(t.key) ?? 0) + 1);
  assert.ok(counted.size > 0, 'the results have tags');
  assert.deepEqual(new Map(asked.facets.tags.map((t) => [t.key, t.count])), counted, 'a tag\'s count is its documents in the list');
});

test('a result of several words that fits its page gets its tag counts from the page\'s cards, in the same request', async () => {
  const stats = newStats();
  const en = await open('en', stats);
  const res = await search([en], 'peaceful transition power');
  assert.ok(res.total + res.some <= 10, `${res.total} + ${res.some}`);
  assert.equal(res.facets?.tagsPending, undefined);
  assert.ok(res.facets.tags.length > 0);
  const files = stats.urls.filter((u) => u.includes('/k.')).map((u) => u.split('#')[0]);
  assert.equal(new Set(files).size, files.length, `one request per card file: ${stats.urls.join(' ')}`);
});

test('title fit: the query words a title holds (2 in the form typed, 1 by stem) and how many follow in order', async () => {
  const ar = await open('ar');
  const fit = (title, q) => titleFit(title, /** @type {any} */ (parseQuery(q, ar.analyzer)), ar.analyzer);
  assert.deepEqual(fit('مجلس الأمن يبحث الوضع في سورية', 'الوضع سورية'), { held: 4, follow: 1, length: 5 });
  assert.deepEqual(fit('الوضع في لبنان يقلق سورية كثيرا', 'الوضع سورية'), { held: 4, follow: 0, length: 5 });
  assert.deepEqual(fit('مجلس الأمن يبحث الوضع في سورية', 'سورية الوضع'), { held: 4, follow: 0, length: 5 });
  assert.deepEqual(fit('إدانة الاعتداء الإرهابي في حمص', 'الإرهاب حمص'), { held: 3, follow: 1, length: 4 });
  // the form without its article and the prepositions on it is the form typed
  assert.deepEqual(fit('مؤتمر عن للإرهاب في حمص', 'إرهاب حمص'), { held: 4, follow: 1, length: 3 });
});

test('news titles (issue 13): of the shown titles that hold every word, the one in the query\'s order and form first', async () => {
  const order = async (q, fetchMode) => {
    const ar = await open('ar', newStats(), fetchMode && fixtureFetchWith(fetchMode));
    return (await search([ar], q, { limit: 10 })).results.map((x) => x.url.split('/').at(-2));
  };
  // the index alone ranks the newer first: both titles hold both words, each once, in as many tokens
  const seq = await order('الوضع سورية');
  assert.ok(seq.indexOf('title-order') >= 0 && seq.indexOf('title-order') < seq.indexOf('title-scattered'), seq.join(' '));
  const form = await order('الإرهاب حمص');
  assert.ok(form.indexOf('title-form') >= 0 && form.indexOf('title-form') < form.indexOf('title-stem'), form.join(' '));
  // the shown page's cards hold the titles: the same order from a server that ignores Range, at no extra request
  for (const q of ['الوضع سورية', 'الإرهاب حمص']) assert.deepEqual(await order(q, 'none'), await order(q));
});

test('a title that holds every word outranks a shorter one that holds one and whose body repeats the other (issue 13)', async () => {
  const ar = await open('ar');
  const q = 'الفوسفات الموانئ';
  // the index's order, before the page's re-rank by titles: the title tier decides it, not the score
  const r = await ar.rank(q);
  const { cards } = await ar.resolve(r.ranked);
  const slugs = cards.map((c) => c?.url.split('/').at(-2));
  const all = r.ranked[slugs.indexOf('title-all')];
  const one = r.ranked[slugs.indexOf('title-one')];
  assert.ok(all && one, slugs.join(' '));
  // by score alone the other would win: its short title's share and its body's repeats weigh more
  assert.ok(one.score > all.score, `${one.score} ${all.score}`);
  assert.ok(all.title > one.title, `${all.title} ${one.title}`);
  assert.ok(slugs.indexOf('title-all') < slugs.indexOf('title-one'), slugs.join(' '));
  assert.equal((await search([ar], q, { limit: 10 })).results[0].url.split('/').at(-2), 'title-all');
});

test('multipart/byteranges parsing', () => {
  const enc = new TextEncoder();
  const body = enc.encode('\r\n--b\r\nContent-Range: bytes 2-4/10\r\n\r\nabc\r\n--b\r\ncontent-range: bytes 7-7/10\r\n\r\nz\r\n--b--\r\n');
  const parts = parseByteRanges(body, 'b');
  assert.deepEqual(parts.map((p) => [p.start, new TextDecoder().decode(p.bytes)]), [[2, 'abc'], [7, 'z']]);
});

test('format 7: a long surface key written as flags over its term\'s list gives its df, its best postings among them', async () => {
  const en = await open('en');
  const i = en.shardOf('have have');
  const s = await en.shard(i);
  const key = en.entry(s, i, s.t.indexOf('have have'));
  const term = en.entry(s, i, s.t.indexOf('have'));
  assert.ok(key.long && term.long, 'the fixture\'s "have" and its form "have" are long lists');
  const ref = s.p[key.idx];
  const termRef = s.p[term.idx];
  const stats = newStats();
  const fresh = await open('en', stats);
  await fresh.shard(i);
  const before = stats.requests;
  const [flags] = await Promise.all([fresh.tailList(s, ref), fresh.tailList(s, termRef)]);
  assert.ok(flags.startsWith('~'), 'the key is written as flags');
  // neighbours in their tail file: one request, one range (a part of a multipart answer costs ~90 bytes of headers)
  assert.equal(stats.requests - before, 1, stats.urls.slice(before).join(' '));
  assert.match(stats.urls[stats.urls.length - 1], /\/u\.[a-z0-9]+\.bin#\d+-\d+$/);
  const p = await en.postings(key);
  const all = new Set((await en.postings(term)).ids);
  assert.equal(p.ids.length, key.df);
  assert.ok(p.ids.length < all.size && p.ids.every((id) => all.has(id)), 'some, not all, of the term\'s documents');
  const ids = new Set(p.ids);
  assert.ok(key.hits.every((h) => ids.has(h.id)), 'its best postings, kept in the shard, are among them');
  // the key's impacts are its term's levels at the key's idf: the form never outranks its term
  const byId = new Map((await en.postings(term)).ids.map((id, j) => [id, j]));
  const termImp = (await en.postings(term)).imp;
  p.ids.forEach((id, j) => assert.ok(Math.abs(p.imp[j] / key.idf - termImp[byId.get(id)] / term.idf) < 1e-9));
});

test('an English word\'s regular inflections rank as the form typed: "Russia action" finds the title "Russia\'s actions" first (issue 13)', async () => {
  const en = await open('en');
  const id = new Map((await search([en], 'Russia action', { limit: 10 })).results.map((x) => [x.url.split('/')[3], x.id]));
  // the index's order, which decides which ten a page shows (the page's title re-rank only reorders those ten)
  const order = (await en.rank('Russia action', { pageEnd: 10 })).ranked.map((d) => d.id);
  const [title, body] = [order.indexOf(id.get('inflected-title')), order.indexOf(id.get('body-form'))];
  assert.ok(title >= 0 && body >= 0, order.join(' '));
  assert.ok(title < body, `the title is ${title + 1}th, the body ${body + 1}th`);
  // the forms looked up: those with the word's term only (Porter2's universe is not university's inflection)
  const forms = (w) => inflections(en.analyzer, w, en.analyzer.terms(w)[0]);
  assert.ok(forms('action').includes('actions'), forms('action').join(' '));
  assert.ok(forms('actions').includes('action'), forms('actions').join(' '));
  assert.ok(forms('rising').includes('rise'), forms('rising').join(' '));
  assert.ok(!forms('university').includes('universe'));
  assert.deepEqual(forms('سورية'), []);
});

test('an English correction shows a word the results write, never a Porter2 stem or a non-word (issue 13: "showing results for")', async () => {
  const en = await open('en');
  const shown = async (q) => (await search([en], q, { limit: 10 })).corrections.map((c) => c.word);
  // the candidates here are stems (econom, feder, howev) or edits that are no word (contraceptics)
  assert.deepEqual(await shown('economc'), ['economic']);
  assert.deepEqual(await shown('federl'), ['federal']);
  assert.deepEqual(await shown('howevr'), ['however']);
  assert.deepEqual(await shown('contraceptivs'), ['contraceptives']);
  // in the reader's case: a title's capital stays when the reader typed one
  const res = await search([en], 'Economc', { limit: 10 });
  const text = res.results.map((r) => `${r.title} ${r.snippet}`).join(' ');
  assert.ok(text.includes(res.corrections[0].word), `${res.corrections[0].word} in ${text.slice(0, 200)}`);
});

test('زار does not find a document that only has وزارة, nor جامع one with only جامعة (issue 13: waw-root.txt, ة pairs)',
  async () => {
    const ar = await open('ar');
    const urls = async (/** @type {string} */ q) => (await search([ar], q, { limit: 200 })).results.map((r) => r.url);
    // the fixture's UD-PUD articles hold وزارة and جامعة, none of them زار or جامع
    const ministry = await urls('وزارة');
    const university = await urls('جامعة');
    assert.ok(ministry.length >= 2 && university.length >= 1, `${ministry} / ${university}`);
    assert.deepEqual((await urls('زار')).filter((u) => ministry.includes(u)), []);
    assert.deepEqual((await urls('جامع')).filter((u) => university.includes(u)), []);
    // their clitics still strip, and the verbs news writes after "and" keep their reading
    assert.deepEqual(await urls('الجامعات'), university);
    assert.equal(ar.analyzer.conjunctionTerm('وزارة'), null);
    assert.equal(ar.analyzer.conjunctionTerm('وشهدت'), 'شهدت');
  });
