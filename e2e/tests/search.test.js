// Search in a real browser: the client, the index the build wrote, and the page, together.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { axeViolations, fixtureDir, launchBrowser, openPage, serveSite } from './harness.js';

let server;
let browser;
before(async () => {
  server = await serveSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a search page, types the query with the keyboard, presses Enter, and waits for the results. */
async function search(lang, query, on = server) {
  const tab = await openPage(browser, on.origin);
  await tab.page.goto(`${on.origin}/${lang}/search/`);
  await tab.page.locator('#search-q').focus();
  await tab.page.keyboard.type(query);
  await tab.page.keyboard.press('Enter');
  // the submitted search sets aria-busy at once and clears it when it is done (a loaded machine can pause long
  // enough between two of its requests for the network to look idle)
  await tab.page.waitForFunction(() => !document.querySelector('[data-search-manifest]')?.hasAttribute('aria-busy')
    && document.querySelector('.search-status')?.textContent.trim().length > 0);
  await tab.page.waitForLoadState('networkidle');
  return tab;
}

const titles = (tab) => tab.page.locator('.search-results .search-result-title').allTextContents();

test('Arabic: a spelling without hamza finds the dispatches written with it', async () => {
  const tab = await search('ar', 'استانا');
  const found = await titles(tab);
  assert.ok(found.some((t) => t.includes('مذكرة مناطق تخفيف التوتر')), JSON.stringify(found));
  assert.ok(found.some((t) => t.startsWith('بوتين يبحث مع روحاني')), JSON.stringify(found));
  assert.match(new URL(tab.page.url()).search, /q=%D8%A7%D8%B3%D8%AA%D8%A7%D9%86%D8%A7/);
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test('a result links to its article as the pages do, with Arabic letters (an IRI), and the link opens it', async () => {
  const tab = await search('ar', 'استانا');
  const first = tab.page.locator('.search-results .search-result-title a').first();
  const href = await first.getAttribute('href');
  const title = (await first.textContent()).trim();
  assert.match(href, /[\u0600-\u06FF]/, `the link keeps its letters: ${href}`);
  assert.doesNotMatch(href, /%[0-9A-F]{2}/i, href);
  await first.click();
  await tab.page.waitForLoadState('load');
  assert.equal((await tab.page.locator('h1').first().textContent()).trim(), title, tab.page.url());
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test('Arabic: سوريا finds سورية, and the real SANA dispatch is among the results', async () => {
  const tab = await search('ar', 'سوريا');
  const found = await titles(tab);
  assert.ok(found.some((t) => t.startsWith('بوتين يبحث مع روحاني')), JSON.stringify(found));
  const status = await tab.page.locator('.search-status[aria-live="polite"]').textContent();
  assert.ok(status.trim().length > 0, 'the result count is announced');
  await tab.close();
});

test('English: a typo one edit away still finds the word', async () => {
  const tab = await search('en', 'memorandun');
  const found = await titles(tab);
  assert.ok(found.some((t) => /de-escalation memorandum/i.test(t)), JSON.stringify(found));
  await tab.close();
});

test('English: a name typed without its marks finds it written with them, and marks it there', async () => {
  // the title writes Erdoğan, the other dispatch Erdogan: a reader types either and finds both (Latin folding)
  for (const query of ['Erdogan', 'Erdoğan']) {
    const tab = await search('en', query);
    const found = await titles(tab);
    assert.ok(found.some((t) => /Rouhani and Erdoğan discuss/.test(t)), `${query}: ${JSON.stringify(found)}`);
    assert.ok(found.some((t) => /with Rouhani and Erdogan$/.test(t.trim())), `${query}: ${JSON.stringify(found)}`);
    const marks = await tab.page.locator('.search-results .search-result-title mark').allTextContents();
    assert.ok(marks.includes('Erdoğan') && marks.includes('Erdogan'), `${query}: ${JSON.stringify(marks)}`);
    assert.deepEqual(tab.problems, []);
    await tab.close();
  }
});

// --- issue 13: no false friends, names before stems, corrections that say so, counts that add up ---------------

/** Every result shown: title and snippet. */
const resultTexts = (tab) => tab.page.locator('.search-results .search-result').allTextContents();

test('سورية is not "corrected": no سوبر and no الكورية among its results', async () => {
  const tab = await search('ar', 'سورية');
  const found = await resultTexts(tab);
  assert.ok(found.length > 0);
  assert.ok(found.every((t) => !t.includes('سوبر') && !t.includes('الكورية')), JSON.stringify(found));
  assert.equal(await tab.page.locator('.search-corrected').count(), 0);
  await tab.close();
});

test('الرياض finds the city, not sport (الرياضة shares its light stem)', async () => {
  const tab = await search('ar', 'الرياض');
  const found = await titles(tab);
  assert.equal(found[0], 'وفد اقتصادي من سورية يصل إلى الرياض', JSON.stringify(found));
  assert.ok(found.every((t) => !t.includes('الرياضة')), JSON.stringify(found));
  await tab.close();
});

test('a typo says what was searched instead, and links to the words as typed', async () => {
  const tab = await search('ar', 'الاقتصدية');
  const said = await tab.page.locator('.search-status .search-corrected').textContent();
  assert.ok(said.includes('«الاقتصادية»'), said);
  assert.ok((await titles(tab)).length > 0);
  const link = tab.page.locator('.search-status a.search-as-typed');
  assert.ok((await link.textContent()).includes('الاقتصدية'));
  await link.click();
  await tab.page.waitForURL(/typed=1/);
  await tab.page.waitForFunction(() => document.querySelector('.search-status')?.textContent.trim().length > 0);
  await tab.page.waitForLoadState('networkidle');
  assert.equal(await tab.page.locator('.search-results .search-result').count(), 0, 'as typed, the word is not there');
  assert.equal(await tab.page.locator('.search-corrected').count(), 0);
  await tab.close();
});

test('the other words back a correction: اقتصادي سروية reads سورية, whose 3-letter stem a word alone does not get', async () => {
  const alone = await search('ar', 'سروية');
  assert.equal(await alone.page.locator('.search-corrected').count(), 0, 'alone, one edit in a 3-letter stem is no correction');
  await alone.close();
  const tab = await search('ar', 'اقتصادي سروية');
  const said = await tab.page.locator('.search-status .search-corrected').textContent();
  assert.ok(said.includes('«سورية»'), said);
  assert.equal((await titles(tab))[0], 'وفد اقتصادي من سورية يصل إلى الرياض');
  await tab.close();
});

test('the count is the list: results with every word, then the others under their own label; facets add up', async () => {
  const tab = await search('ar', 'الرياض سورية');
  const items = await tab.page.locator('.search-results > li').evaluateAll((lis) => lis.map((li) => li.className));
  const label = items.indexOf('search-some');
  assert.ok(label > 0, JSON.stringify(items));
  const status = await tab.page.locator('.search-status').textContent();
  const shown = Number(/\d+/.exec(status.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)))?.[0] ?? (label === 1 ? 1 : NaN));
  assert.equal(shown, label, `${status}: ${JSON.stringify(items)}`);
  const some = await tab.page.locator('.search-results .search-some').textContent();
  assert.ok(some.includes(String(items.length - label - 1)), some);
  const years = await tab.page.locator('[data-facet="year"] .count').allTextContents();
  assert.equal(years.reduce((n, c) => n + Number(c.replace(/\D/g, '')), 0), label, JSON.stringify(years));
  await tab.close();
});

test('a tag filter narrows the results, lives in the URL, and the back button undoes it', async () => {
  const tab = await search('en', 'Putin');
  const before = await titles(tab);
  assert.ok(before.length >= 2, JSON.stringify(before));
  const facet = tab.page.locator('button[data-facet="tag"][data-value="turkey"]');
  await facet.click();
  await tab.page.waitForURL(/tag=turkey/);
  await tab.page.waitForLoadState('networkidle');
  const tags = await tab.page.locator('.search-results .search-result').evaluateAll((items) =>
    items.map((li) => [...li.querySelectorAll('.search-result-tags li')].map((t) => t.textContent)));
  assert.ok(tags.length >= 1);
  for (const t of tags) assert.ok(t.includes('Turkey'), JSON.stringify(tags));
  await tab.page.goBack();
  await tab.page.waitForURL((u) => !u.search.includes('tag=turkey'));
  assert.equal(await tab.page.locator('#search-q').inputValue(), 'Putin');
  await tab.close();
});

test('a linked query runs on load, and a hostile title is shown as text, never as markup', async () => {
  const tab = await openPage(browser, server.origin);
  await tab.page.goto(`${server.origin}/en/search/?q=onerror`);
  await tab.page.waitForFunction(() => document.querySelectorAll('.search-results .search-result').length > 0);
  const found = await titles(tab);
  assert.ok(found.some((t) => t.includes('<img src=x onerror=alert(1)>')), JSON.stringify(found));
  assert.equal(await tab.page.locator('.search-results img, .search-results b, .search-results script').count(), 0);
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

/** Opens the search page at `query` (a URL's search part, as given) and waits for its search to settle. */
async function linked(lang, query) {
  const tab = await openPage(browser, server.origin);
  tab.dialogs = [];
  tab.page.on('dialog', (d) => {
    tab.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await tab.page.goto(`${server.origin}/${lang}/search/${query}`);
  await tab.page.waitForFunction(() => !document.querySelector('[data-search-manifest]')?.hasAttribute('aria-busy')
    && document.querySelector('.search-status')?.textContent.trim().length > 0);
  await tab.page.waitForLoadState('networkidle');
  return tab;
}

test('a hostile query in the URL is text wherever it is echoed: the box, the correction, the link as typed (w22-queries)',
  async () => {
    const markup = '<img src=x onerror=alert(1)>';
    for (const q of [markup, '"><script>alert(2)</script>', 'javascript:alert(3)', `الاقتصدية ${markup}`]) {
      const tab = await linked('ar', `?q=${encodeURIComponent(q)}`);
      assert.equal(await tab.page.locator('#search-q').inputValue(), q);
      assert.equal(await tab.page.locator('.search img, .search script, .search b').count(), 0);
      const links = await tab.page.locator('.search-status a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.every((h) => h.startsWith('?q=') && h.endsWith('&typed=1')), JSON.stringify(links));
      if (q.startsWith('الاقتصدية')) {
        assert.equal(links.length, 1, 'the misspelt word is corrected, and the link searches it as typed');
        assert.ok((await tab.page.locator('.search-status').textContent()).includes('«الاقتصادية»'));
        assert.equal(new URL(links[0], 'http://x.invalid/').searchParams.get('q'), q);
      }
      assert.deepEqual([tab.dialogs, tab.problems], [[], []]);
      assert.equal(await tab.page.title(), 'البحث — أرشيف الأخبار', 'the title does not echo the query');
      await tab.close();
    }
  });

test('a damaged URL (bad percent-encoding, NUL, a tag no selector can name) searches, and its filter turns off',
  async () => {
    const bad = await linked('ar', '?q=%E0%A4%A%00%D8');
    assert.equal(await bad.page.locator('#search-q').inputValue(), '\ufffd%A\u0000\ufffd');
    assert.equal(await bad.page.locator('.search-status').textContent(), 'لا نتائج');
    assert.deepEqual(bad.problems, []);
    await bad.close();
    // a tag from an old link, with a line break: its chip stays pressed (count 0) and turns off without an error
    const tab = await linked('ar', `?q=${encodeURIComponent('سورية')}&tag=${encodeURIComponent('old\n"tag"')}`);
    const chip = tab.page.locator('button[data-facet="tag"][aria-pressed="true"]');
    assert.equal(await chip.count(), 1);
    await chip.click();
    await tab.page.waitForURL((u) => !u.search.includes('tag='));
    await tab.page.waitForFunction(() => document.activeElement?.getAttribute('data-facet-all') === 'tag');
    assert.ok(await tab.page.locator('.search-results .search-result').count() > 0);
    assert.deepEqual(tab.problems, []);
    await tab.close();
  });

test('search that cannot start says so: opened from file://, or its script missing; never while it works',
  async () => {
    const words = { ar: 'لم يبدأ البحث لأن برامجه لم تُحمَّل', en: 'Search did not start, because its scripts did not load' };
    // from files on disk a module script is refused (and the site's root-relative links point outside it)
    const local = await openPage(browser, 'file://');
    await local.page.goto(`file://${join(fixtureDir, 'ar', 'search', 'index.html')}?q=${encodeURIComponent('سورية')}`);
    await local.page.locator('.search-stalled').waitFor({ state: 'visible' });
    assert.ok((await local.page.locator('.search-stalled').textContent()).startsWith(words.ar));
    await local.close();
    // over HTTP with the client missing: said once the page has waited for it (4 s), in the page's language
    const broken = await serveSite(fixtureDir, '/', { override: (path) => (/\/search-page\.js$/.test(path) ? null : undefined) });
    try {
      const tab = await openPage(browser, broken.origin);
      await tab.page.goto(`${broken.origin}/en/search/?q=Syria`);
      await tab.page.locator('.search-stalled').waitFor({ state: 'visible', timeout: 15000 });
      assert.ok((await tab.page.locator('.search-stalled').textContent()).startsWith(words.en));
      await tab.close();
    } finally {
      await broken.close();
    }
    // a working page never shows it
    const ok = await linked('en', '?q=Syria');
    await ok.page.waitForTimeout(4500);
    assert.equal(await ok.page.locator('.search-stalled').isVisible(), false);
    assert.ok(await ok.page.locator('.search-results .search-result').count() > 0);
    await ok.close();
  });

test('searching both languages at once finds English dispatches from the Arabic page', async () => {
  const tab = await openPage(browser, server.origin);
  await tab.page.goto(`${server.origin}/ar/search/?q=memorandum&both=1`);
  await tab.page.waitForFunction(() => document.querySelectorAll('.search-results .search-result').length > 0);
  const found = await titles(tab);
  assert.ok(found.some((t) => /memorandum/i.test(t)), JSON.stringify(found));
  await tab.close();
});

test('the search page with results has no accessibility violations, in both languages', async () => {
  for (const [lang, q] of [['ar', 'سورية'], ['en', 'Syria']]) {
    const tab = await search(lang, q);
    assert.ok((await titles(tab)).length > 0);
    assert.deepEqual(await axeViolations(tab.page), [], lang);
    await tab.close();
  }
});

// --- any static server, any cached client ------------------------------------------------------------------------

/** The manifest of a language's index in the fixture site, parsed, and its site path. */
async function manifestOf(lang) {
  const name = (await readdir(join(fixtureDir, lang, 'search'))).find((f) => f.startsWith('manifest.'));
  const path = `/${lang}/search/${name}`;
  return { path, json: JSON.parse(gunzipSync(await readFile(join(fixtureDir, path))).toString('utf8')) };
}

/**
 * Bytes for `path` when the manifests are served changed by `change(json)`: the manifest file, and the search page
 * whose inline copy of it the client reads first; undefined for any other path.
 */
async function changedManifest(path, change) {
  const page = /^\/(ar|en)\/search\/(?:index\.html)?$/.exec(path);
  if (page) {
    const { path: manifestPath, json } = await manifestOf(page[1]);
    const html = await readFile(join(fixtureDir, page[1], 'search', 'index.html'), 'utf8');
    const inline = `data-search-manifest-data="${manifestPath}">`;
    const at = html.indexOf(inline);
    assert.ok(at > 0, `the ${page[1]} search page carries its manifest inline`);
    const end = html.indexOf('</script>', at);
    const text = JSON.stringify(change(json)).replace(/</g, '\\u003c');
    return Buffer.from(html.slice(0, at + inline.length) + text + html.slice(end), 'utf8');
  }
  if (!/^\/(ar|en)\/search\/manifest\./.test(path)) return undefined;
  const { path: manifestPath, json } = await manifestOf(path.slice(1, 3));
  return path === manifestPath ? gzipSync(JSON.stringify(change(json))) : undefined;
}

/**
 * Serves the fixture site's indexes as a big archive's look: card files padded to 4 MiB (their slots keep their
 * offsets) and cut in chunks of `chunk` cards, `k.<hash>.<i>.bin`, which the manifests announce.
 */
function chunkedCards(chunk) {
  return async (path) => {
    const manifest = await changedManifest(path, (json) => ({ ...json, cards: { ...json.cards, chunk } }));
    if (manifest !== undefined) return manifest;
    if (!/^\/(ar|en)\/search\/[^/]+$/.test(path)) return undefined;
    const { json } = await manifestOf(path.slice(1, 3));
    const m = /^\/(ar|en)\/search\/k\.([a-z2-7]{8})(?:\.(\d+))?\.bin$/.exec(path);
    if (!m) return undefined;
    const whole = await readFile(join(fixtureDir, m[1], 'search', `k.${m[2]}.bin`));
    if (m[3] === undefined) return Buffer.concat([whole, Buffer.alloc((4 << 20) - whole.length)]);
    const slot = json.cards.files.find(([h]) => h === m[2])[1];
    const at = Number(m[3]) * chunk * slot;
    return at < whole.length ? whole.subarray(at, at + chunk * slot) : null;
  };
}

test('the search page carries its manifest: a query fetches term shards and cards, never the manifest file',
  async () => {
    const counted = await serveSite(fixtureDir, '/');
    try {
      const tab = await search('ar', 'استانا', counted);
      await tab.page.waitForFunction(() => document.querySelectorAll('.search-results .search-result').length > 0);
      const index = counted.requests.filter((r) => /\/search\/[^/]+\.(?:gz|bin)$/.test(r.path));
      assert.ok(index.length > 0, JSON.stringify(counted.requests));
      assert.ok(!index.some((r) => /\/manifest\./.test(r.path)), JSON.stringify(index));
      assert.deepEqual(tab.problems, []);
      await tab.close();
    } finally {
      await counted.close();
    }
  });

test('a server that ignores Range (as python3 -m http.server): search works, with the card file in one piece',
  async () => {
    const plain = await serveSite(fixtureDir, '/', { ranges: false });
    try {
      const tab = await search('ar', 'استانا', plain);
      await tab.page.waitForFunction(() => document.querySelectorAll('.search-results .search-result').length > 0);
      const found = await titles(tab);
      assert.ok(found.some((t) => t.startsWith('بوتين يبحث مع روحاني')), JSON.stringify(found));
      assert.doesNotMatch(await tab.page.locator('.search-status').textContent(), /تعذّر|فهرس/);
      const cards = plain.requests.filter((r) => /\/k\.[a-z0-9.]+\.bin$/.test(r.path));
      assert.equal(cards.length, 1, `the one-chunk card file is read once: ${JSON.stringify(cards)}`);
      assert.equal(cards[0].status, 200);
      assert.deepEqual(tab.problems, []);
      await tab.close();
    } finally {
      await plain.close();
    }
  });

test('a server that ignores Range, over a large card file: the file is not read, the chunks of the shown cards are',
  async (t) => {
    const chunked = await serveSite(fixtureDir, '/', { ranges: false, override: chunkedCards(2) });
    try {
      const tab = await search('en', 'Putin', chunked);
      await tab.page.waitForFunction(() => document.querySelectorAll('.search-results .search-result').length > 0);
      const found = await titles(tab);
      assert.ok(found.length >= 2, JSON.stringify([found, await tab.page.locator('.search-status').textContent(),
        tab.problems]));
      const cards = chunked.requests.filter((r) => /\/k\.[a-z0-9.]+\.bin$/.test(r.path));
      // format 6: the query's first request, to the shard bundle, finds out; the large card file is never asked
      const probes = chunked.requests.filter((r) => r.range);
      assert.equal(probes.length, 1, `one range request finds out: ${JSON.stringify(chunked.requests)}`);
      assert.match(probes[0].path, /\/s\.[a-z2-7]{8}\.bin$/);
      assert.ok(cards.every((r) => !r.range), `no range request to the card file: ${JSON.stringify(cards)}`);
      t.diagnostic(`the cancelled answer (the shard bundle): the server wrote ${probes[0].sent} bytes, the page `
        + `received ${tab.received.get(probes[0].path) ?? 0}; the chunks ${cards
          .map((r) => tab.received.get(r.path)).join(' + ')} bytes`);
      const chunks = cards.filter((r) => !r.range).map((r) => r.path);
      assert.ok(chunks.length >= 1 && chunks.every((p) => /\/k\.[a-z2-7]{8}\.\d+\.bin$/.test(p)), chunks.join(' '));
      assert.equal(new Set(chunks).size, chunks.length, 'each chunk once');
      assert.deepEqual(tab.problems, []);
      // the same results as from a host that honours Range
      const ranged = await search('en', 'Putin');
      await ranged.page.waitForFunction(() => document.querySelectorAll('.search-results .search-result').length > 0);
      assert.deepEqual(await titles(ranged), found);
      await ranged.close();
      await tab.close();
    } finally {
      await chunked.close();
    }
  });

test('an index newer than the page\'s client: the page asks for a reload, in its language, not "search failed"',
  async () => {
    const newer = await serveSite(fixtureDir, '/', {
      override: (path) => changedManifest(path, (json) => ({ ...json, version: json.version + 1 })),
    });
    try {
      for (const [lang, q, want] of [['ar', 'سوريا', 'فهرس البحث أحدث من هذه الصفحة. أعد تحميل الصفحة لتبحث.'],
        ['en', 'Putin', 'The search index is newer than this page. Reload the page to search.']]) {
        const tab = await search(lang, q, newer);
        await tab.page.waitForFunction((w) => document.querySelector('.search-status')?.textContent.trim() === w, want);
        assert.equal(await tab.page.locator('.search-results .search-result').count(), 0);
        await tab.close();
      }
    } finally {
      await newer.close();
    }
  });
