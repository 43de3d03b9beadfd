// The client over real HTTP (node:http servers, node's fetch): Range is an optimisation, never a requirement, and a
// failed search says why, in the page's language.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../../main/js/search-index.js';
import * as analysis from '../../main/js/analyzer.js';
import { initSearchPage } from '../../main/js/search-page.js';
import * as render from '../../main/js/search-render.js';
import { FakeDocument, FakeWindow, searchPage } from './fake-dom.js';
import { FIXTURE, fixtureManifests, open } from './fixture.js';
import { startServer } from './static-server.js';

const manifests = await fixtureManifests();
/** A card file past the 2 MiB the client once refused to take whole: a 10,000-dispatch archive's is 2.7 MB. */
const BIG_CARD_FILE = 3 * 1024 * 1024;
const servers = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function serve(options) {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

/** Opens a language's index through the server with the real fetch. */
function openOver(server, lang, stats = core.newStats()) {
  return core.openIndex({
    manifestUrl: `${server.origin}/${lang}/search/${manifests[lang]}`, createAnalyzer: analysis.createAnalyzer, stats,
  });
}

/** The same query through the in-process fixture fetch (fixture.js), for the expected results. */
async function expected(lang, query) {
  return (await core.search([await open(lang)], query)).results;
}

const sameCards = (got, want) => assert.deepEqual(got, want);
const cardRequests = (server) => server.requests.filter((r) => /\/k\.[a-z0-9.]+\.bin$/.test(r.path));

test('a server that ignores Range: no large card file is read; cards come in chunks, each once, then from memory',
  async () => {
    const server = await serve({ ranges: false, padCardsTo: BIG_CARD_FILE });
    const stats = core.newStats();
    const en = await openOver(server, 'en', stats);
    const words = ['said', 'transition', 'peaceful power', 'onerror'];
    for (const word of words) sameCards((await core.search([en], word)).results, await expected('en', word));
    // the first range request finds out: on the shard bundle (several words), a tail file or a card file
    const probes = server.requests.filter((r) => r.range);
    const chunks = cardRequests(server).filter((r) => !r.range).map((r) => r.path);
    assert.ok(probes.length >= 1 && probes.every((r) => /\/[kls]\.[a-z2-7]{8}\.bin$/.test(r.path)),
      `a range request finds out: ${JSON.stringify(probes)}`);
    assert.ok(probes.length <= en.manifest.cards.files.length, 'no range request once the server ignored one');
    assert.ok(chunks.length > 1 && chunks.every((p) => /\/k\.[a-z2-7]{8}\.\d+\.bin$/.test(p)), chunks.join(' '));
    assert.equal(new Set(chunks).size, chunks.length, `each chunk once: ${chunks.join(' ')}`);
    assert.ok(stats.bytes < BIG_CARD_FILE / 100, `the 3 MiB card files were not read: ${stats.bytes} bytes`);
    const before = server.requests.length;
    await core.search([en], 'said', { offset: 3, limit: 5 });
    assert.equal(server.requests.length, before, 'a warm query asks for nothing');
  });

test('a server that ignores Range, over a card file of one chunk: the whole file is read once, and is its chunk',
  async () => {
    const server = await serve({ ranges: false });
    const stats = core.newStats();
    const en = await openOver(server, 'en', stats);
    en.manifest.cards.chunk = en.manifest.cards.size;
    for (const word of ['said', 'transition']) sameCards((await core.search([en], word)).results, await expected('en', word));
    const asked = cardRequests(server).map((r) => r.path);
    assert.ok(asked.length > 0 && asked.every((p) => /\/k\.[a-z2-7]{8}\.bin$/.test(p)), asked.join(' '));
    assert.equal(new Set(asked).size, asked.length, `each card file once: ${asked.join(' ')}`);
  });

test('an index without card chunks (compact): by range as before, without shard and tail files; a server that '
  + 'ignores Range gets the reason, not a whole card file', async () => {
  // a compact site publishes its shard (t) and tail (l) files only inside their bundles (s, u)
  const bundledOnly = (path) => (/\/[tl]\.[a-z2-7]{8}\.bin$/.test(path) ? { status: 404 } : null);
  const wholeFiles = (server) => server.requests.filter((r) => /\/[tl]\.[a-z2-7]{8}\.bin$/.test(r.path));
  for (const ranges of [true, 'single', 'single416']) {
    const ranged = await serve({ ranges, padCardsTo: BIG_CARD_FILE, replace: bundledOnly });
    const en = await openOver(ranged, 'en');
    en.manifest.cards.chunk = 0;
    for (const query of ['said', 'peaceful power', 'the said transition']) {
      sameCards((await core.search([en], query)).results, await expected('en', query));
    }
    assert.deepEqual(wholeFiles(ranged), [], `${ranges}: no shard or tail file asked for`);
    assert.ok(ranged.requests.some((r) => /\/u\.[a-z2-7]{8}\.bin$/.test(r.path)), `${ranges}: a long list, from its bundle`);
  }

  const server = await serve({ ranges: false, padCardsTo: BIG_CARD_FILE, replace: bundledOnly });
  const stats = core.newStats();
  const rangeless = await openOver(server, 'en', stats);
  rangeless.manifest.cards.chunk = 0;
  const err = await core.search([rangeless], 'said').then(() => null, (e) => e);
  assert.ok(err instanceof core.SearchIndexError && err.kind === 'range', String(err));
  assert.match(err.url, /\/[klst]\.[a-z2-7]{8}\.bin$/);
  assert.match(render.failureMessage(err, 'en'), /ignores the HTTP Range requests .*GitHub Pages/);
  assert.match(render.failureMessage(err, 'ar'), /HTTP Range/);
  assert.equal(cardRequests(server).filter((r) => !r.range).length, 0, 'no chunk and no whole card file asked for');
  assert.deepEqual(wholeFiles(server), [], 'no shard or tail file asked for whole');
  assert.ok(stats.bytes < BIG_CARD_FILE / 100, `the 3 MiB card files were not read: ${stats.bytes} bytes`);
});

test('a server that honours Range: one multi-range request per card file, for the shown slots only', async () => {
  const server = await serve({ ranges: true, padCardsTo: BIG_CARD_FILE });
  const stats = core.newStats();
  const en = await openOver(server, 'en', stats);
  sameCards((await core.search([en], 'said')).results, await expected('en', 'said'));
  const cards = cardRequests(server);
  assert.ok(cards.length > 0);
  assert.equal(new Set(cards.map((r) => r.path)).size, cards.length, 'one request per card file');
  assert.ok(cards.every((r) => /^bytes=\d+-\d+(,\d+-\d+)*$/.test(r.range)), JSON.stringify(cards));
  assert.ok(cards.some((r) => r.range.includes(',')), 'several slots in one request');
  assert.ok(stats.bytes < BIG_CARD_FILE / 10, `only the slots came: ${stats.bytes} bytes`);
});

for (const ranges of ['single', 'single416']) {
  test(`a server that serves one range but refuses several (${ranges}): each range alone, the index kept by range`,
    async () => {
      const server = await serve({ ranges, padCardsTo: BIG_CARD_FILE });
      const stats = core.newStats();
      const en = await openOver(server, 'en', stats);
      const severalOf = (requests) => requests.filter((r) => r.range?.includes(','));
      sameCards((await core.search([en], 'said')).results, await expected('en', 'said'));
      const firstTurn = server.requests.length;
      assert.ok(severalOf(server.requests).length >= 1, 'the first query asked for several ranges at once');
      for (const query of ['peaceful power transition', 'transition said', 'onerror']) {
        sameCards((await core.search([en], query)).results, await expected('en', query));
      }
      const later = server.requests.slice(firstTurn);
      assert.deepEqual(severalOf(later), [], 'once refused, each range is asked for alone');
      assert.ok(later.some((r) => r.range), 'later queries still read by range');
      assert.equal(en.rangeless, false, 'the index still reads by range');
      assert.ok(server.requests.every((r) => r.range || !/\/[kl]\.[a-z0-9.]+\.bin$/.test(r.path)),
        `no whole card or tail file: ${JSON.stringify(server.requests)}`);
      assert.ok(stats.bytes < BIG_CARD_FILE / 10, `only the slots came: ${stats.bytes} bytes`);
    });
}

test('a failed fetch names its cause: the HTTP status and the URL, or no answer', async () => {
  // the shard bundle and the shard files that would stand in for it
  const shardGone = await serve({ replace: (path) => (/\/[st]\.[a-z0-9]+\.bin$/.test(path) ? { status: 404 } : null) });
  const en = await openOver(shardGone, 'en');
  await assert.rejects(core.search([en], 'transition'), (err) => {
    assert.ok(err instanceof core.SearchIndexError);
    assert.equal(err.kind, 'http');
    assert.equal(err.status, 404);
    assert.match(err.url, new RegExp(`^${shardGone.origin}/en/search/t\\.[a-z0-9]+\\.bin$`));
    assert.match(err.message, /HTTP 404/);
    return true;
  });
  const closed = await startServer();
  const url = `${closed.origin}/en/search/${manifests.en}`;
  await closed.close();
  await assert.rejects(core.openIndex({ manifestUrl: url, createAnalyzer: analysis.createAnalyzer }), (err) => {
    assert.equal(err.kind, 'network');
    assert.equal(err.url, url);
    return true;
  });
});

/** A fixture manifest, gzip'd, with some fields changed. */
function manifestWith(lang, change) {
  const json = JSON.parse(gunzipSync(readFileSync(join(FIXTURE, lang, manifests[lang]))).toString('utf8'));
  return gzipSync(Buffer.from(JSON.stringify({ ...json, ...change })));
}

test('the manifest\'s format version is read tolerantly, and another one is refused with what was found', () => {
  const parse = (lang, change) => JSON.parse(gunzipSync(manifestWith(lang, change)).toString('utf8'));
  assert.equal(core.checkManifest(parse('en', { version: String(core.FORMAT_VERSION) }), 'm').lang, 'en',
    'a version written as text');
  const refused = (json) => {
    try {
      core.checkManifest(json, '/en/search/m.json.gz');
    } catch (e) {
      return { kind: e.kind, found: e.found, expected: e.expected, url: e.url };
    }
    return null;
  };
  assert.deepEqual(refused(parse('en', { version: core.FORMAT_VERSION + 1 })),
    { kind: 'version', found: core.FORMAT_VERSION + 1, expected: core.FORMAT_VERSION, url: '/en/search/m.json.gz' });
  assert.equal(refused(parse('en', { version: undefined })).kind, 'version');
  assert.equal(refused(parse('en', { format: 'pagefind' })).kind, 'format');
  assert.equal(refused('<!doctype html>').kind, 'format');
});

/** A search page over the server, opened with ?q=…; resolves once the search has settled. */
async function pageOver(server, lang, query) {
  const doc = new FakeDocument();
  const root = searchPage(doc, { manifest: `${server.origin}/${lang}/search/${manifests[lang]}`, lang });
  const logged = [];
  const consoleError = console.error;
  console.error = (e) => logged.push(e);
  try {
    initSearchPage(doc, new FakeWindow(`https://x.test/${lang}/search/?q=${encodeURIComponent(query)}`),
      { modules: async () => [core, analysis] });
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 500 && root.hasAttribute('aria-busy'); i++) await new Promise((r) => setTimeout(r, 10));
  } finally {
    console.error = consoleError;
  }
  return { status: root.querySelector('.search-status').textContent, results: root.querySelector('.search-results'),
    logged };
}

test('the page says which file failed and how, in its language; the trace stays in the console', async () => {
  const server = await serve({ replace: (path) => (/\/[st]\.[a-z0-9]+\.bin$/.test(path) ? { status: 404 } : null) });
  const en = await pageOver(server, 'en', 'transition');
  assert.match(en.status, /^Search failed: the server answered HTTP 404 for \u2068http:\/\/127\.0\.0\.1:\d+\/en\/search\/t\.[a-z0-9]+\.bin\u2069\.$/);
  assert.equal(en.logged.length, 1);
  assert.equal(en.logged[0].kind, 'http');
  const ar = await pageOver(server, 'ar', 'سوريا');
  assert.match(ar.status, /^تعذّر البحث: ردّ الخادم بـ HTTP 404 على \u2068http:\/\/127\.0\.0\.1:\d+\/ar\/search\/t\./);
});

test('a bundle the server fails (404, 500, or shorter than the manifest says): its shard and tail files serve instead',
  async () => {
    const bundles = /\/[su]\.[a-z0-9]+\.bin$/;
    const shorter = (path) => {
      const [, lang, file] = /^\/(ar|en)\/search\/(.+)$/.exec(path) ?? [];
      return { body: readFileSync(join(FIXTURE, lang, file)).subarray(0, 64) };
    };
    for (const [name, replace] of [['404', () => ({ status: 404 })], ['500', () => ({ status: 500 })], ['short', shorter]]) {
      const server = await serve({ replace: (path) => (bundles.test(path) ? replace(path) : null) });
      for (const query of ['transition', 'said transition']) {
        sameCards((await core.search([await openOver(server, 'en')], query)).results, await expected('en', query));
      }
      const whole = server.requests.filter((r) => /\/[tl]\.[a-z0-9]+\.bin$/.test(r.path));
      assert.ok(whole.some((r) => /\/t\./.test(r.path)) && whole.some((r) => /\/l\./.test(r.path)), `${name}: ${JSON.stringify(whole)}`);
      assert.ok(whole.every((r) => !r.range), `${name}: the files whole`);
    }
    // a server that also ignores Range: the cards' request is the first to find out, and a card file of one chunk,
    // asked for several slots, was kept as its cancelled (empty) body ("damaged")
    const plain = await serve({ ranges: false, replace: (path) => (bundles.test(path) ? { status: 404 } : null) });
    const en = await openOver(plain, 'en');
    en.manifest.cards.chunk = en.manifest.cards.size;
    sameCards((await core.search([en], 'said')).results, await expected('en', 'said'));
  });

test('a damaged card or list file is named as damaged, in the page\'s language, not as a failed fetch', async () => {
  // the same length, other bytes: what a broken upload or a proxy that rewrites files serves
  const junk = (pattern) => (path) => {
    if (!pattern.test(path)) return null;
    const [, lang, file] = /^\/(ar|en)\/search\/(.+)$/.exec(path) ?? [];
    return { body: Buffer.alloc(readFileSync(join(FIXTURE, lang, file)).length, 0x41) };
  };
  for (const [files, query] of [[/\/k\.[a-z0-9.]+\.bin$/, 'transition'], [/\/[lu]\.[a-z0-9]+\.bin$/, 'said transition']]) {
    for (const ranges of [true, false]) {
      const server = await serve({ ranges, replace: junk(files) });
      const en = await pageOver(server, 'en', query);
      assert.match(en.status, /^Search failed: \u2068http:\/\/127\.0\.0\.1:\d+\/en\/search\/[klu]\.[a-z0-9.]+\.bin\u2069 is damaged /,
        `${files} ${ranges}: ${en.status}`);
      assert.equal(en.logged[0]?.kind, 'data');
      const ar = await pageOver(server, 'ar', query === 'transition' ? 'سوريا' : 'قال سوريا');
      assert.match(ar.status, /^تعذّر البحث: الملف \u2068http.+\u2069 تالف/, `${files} ${ranges}: ${ar.status}`);
    }
  }
});

test('an index newer than the page: "reload", in the page\'s language, not "search failed"', async () => {
  const server = await serve({
    replace: (path) => {
      const m = /^\/(ar|en)\/search\/manifest\./.exec(path);
      return m ? { body: manifestWith(m[1], { version: core.FORMAT_VERSION + 1 }) } : null;
    },
  });
  assert.equal((await pageOver(server, 'en', 'said')).status,
    'The search index is newer than this page. Reload the page to search.');
  assert.equal((await pageOver(server, 'ar', 'سوريا')).status, 'فهرس البحث أحدث من هذه الصفحة. أعد تحميل الصفحة لتبحث.');
});

test('the page searches over a server that ignores Range', async () => {
  const server = await serve({ ranges: false, padCardsTo: BIG_CARD_FILE });
  const page = await pageOver(server, 'en', 'transition');
  assert.match(page.status, /^\d+ results?/);
  assert.ok(page.results.children.length > 0);
  assert.deepEqual(page.logged, []);
});

test('a card file the server fails (a half-uploaded site): its chunks serve; without them, the other results show and '
  + 'the page says how many are missing and which file failed', async () => {
  const en = await open('en');
  const [hash] = en.manifest.cards.files[1];
  const { size } = en.manifest.cards;
  const query = 'said';
  const want = await expected('en', query);
  const inFile1 = (c) => c.id >= size && c.id < 2 * size;
  assert.ok(want.some(inFile1) && want.some((c) => !inFile1(c)), 'the query has results in several card files');

  // the card file alone is missing: the same results, from its chunks
  const fileGone = await serve({ replace: (path) => (path.endsWith(`/k.${hash}.bin`) ? { status: 404 } : null) });
  sameCards((await core.search([await openOver(fileGone, 'en')], query)).results, want);
  assert.ok(fileGone.requests.some((r) => new RegExp(`/k\\.${hash}\\.\\d+\\.bin$`).test(r.path)), 'its chunks asked for');

  // the card file and its chunks: the others show, in their order, and the missing ones are counted
  const allGone = await serve({ replace: (path) => (path.includes(`/k.${hash}.`) ? { status: 404 } : null) });
  const got = await core.search([await openOver(allGone, 'en')], query);
  sameCards(got.results.map((c) => c.url), want.filter((c) => !inFile1(c)).map((c) => c.url));
  assert.equal(got.unshown, want.filter(inFile1).length);
  assert.equal(got.unshownBecause.status, 404);
  const page = await pageOver(allGone, 'en', query);
  assert.match(page.status, new RegExp(`^\\d+ results\\. Showing 10 of \\d+\\. Not shown: ${got.unshown}, as the search file `
    + `\u2068http://127\\.0\\.0\\.1:\\d+/en/search/k\\.${hash}\\.bin\u2069 did not load \\(HTTP 404\\)\\. If the site was `
    + 'just published, not all of it may be there yet; else publish it again\\.$'), page.status);
  assert.equal(page.results.children.length, 10 - got.unshown, 'the results that have cards are shown');
  assert.equal(page.logged[0]?.status, 404, 'the error in the console');

  // no card of the page at all: the search fails as a whole, naming the file
  const cardsGone = await serve({ replace: (path) => (/\/k\./.test(path) ? { status: 404 } : null) });
  const none = await pageOver(cardsGone, 'en', query);
  assert.match(none.status, /^Search failed: the server answered HTTP 404 for \u2068http:\/\/127\.0\.0\.1:\d+\/en\/search\/k\./);
});
