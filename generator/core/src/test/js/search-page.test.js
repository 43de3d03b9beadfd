import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as core from '../../main/js/search-index.js';
import { highlightSegments, renderResult, stateFromSearch, searchFromState } from '../../main/js/search-render.js';
import { initSearchPage } from '../../main/js/search-page.js';
import * as standIn from '../../main/js/analyzer.js';
import { FakeDocument, FakeWindow, searchPage } from './fake-dom.js';
import { fixtureFetch, fixtureManifests, open } from './fixture.js';

const analyzer = (await open('ar')).analyzer;
const modules = async () => [core, standIn];

test('highlighting marks the original spelling of a matched variant', () => {
  const segs = highlightSegments('قال إن الرئيس الأمريكي سيزور', analyzer, analyzer.terms('أميركي'));
  assert.deepEqual(segs.filter((s) => s.mark).map((s) => s.text), ['الأمريكي']);
  assert.equal(segs.map((s) => s.text).join(''), 'قال إن الرئيس الأمريكي سيزور');
});

test('highlighting marks a Latin name written with its marks for a query typed without them, and back', () => {
  const text = 'Erdoğan met Erdogan; Kılıçdaroğlu and São Paulo waited (Erdoğanلا keeps its marks)';
  const marked = (q) => highlightSegments(text, analyzer, analyzer.terms(q)).filter((s) => s.mark).map((s) => s.text);
  assert.deepEqual(marked('Erdogan'), ['Erdoğan', 'Erdogan']);
  assert.deepEqual(marked('ERDOĞAN'), ['Erdoğan', 'Erdogan']);
  assert.deepEqual(marked('kilicdaroglu sao'), ['Kılıçdaroğlu', 'São']);
  assert.equal(highlightSegments(text, analyzer, analyzer.terms('Erdogan')).map((s) => s.text).join(''), text);
});

test('a hostile title is rendered as text, through createElement/textContent only', () => {
  const doc = new FakeDocument();
  const li = renderResult(doc, {
    lang: 'en', url: '/en/x/', title: '<img src=x onerror=alert(1)> hostile', date: '2018-03-05',
    dateLabel: 'March 5, 2018', tags: [{ key: 'k', name: '<b>tag</b>' }], snippet: 'a <script>x</script> onerror',
    terms: ['onerror'],
  }, { analyzers: { en: analyzer }, pageLang: 'en' });
  const created = doc.log.filter((e) => e[0] === 'createElement').map((e) => e[1]);
  assert.ok(!created.includes('img') && !created.includes('script') && !created.includes('b'), created.join());
  assert.match(li.textContent, /<img src=x onerror=alert\(1\)> hostile/);
  const a = li.querySelector('a');
  assert.equal(a.getAttribute('href'), '/en/x/');
  assert.deepEqual(a.querySelectorAll('mark').map((m) => m.textContent), ['onerror']);
  assert.equal(li.querySelector('time').getAttribute('datetime'), '2018-03-05');
});

test('URL state round trip', () => {
  const s = stateFromSearch('?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A9&tag=politics&tag=world&year=2017&both=1');
  assert.deepEqual(s, { q: 'سورية', tags: ['politics', 'world'], year: 2017, both: true, typed: false });
  assert.equal(stateFromSearch(searchFromState(s)).q, 'سورية');
  assert.equal(stateFromSearch(searchFromState({ ...s, typed: true })).typed, true, 'search the words as typed');
  assert.equal(stateFromSearch('?year=drop table').year, null);
});

async function page(url, lang = 'en') {
  const m = await fixtureManifests();
  const other = lang === 'en' ? 'ar' : 'en';
  const doc = new FakeDocument();
  const root = searchPage(doc, {
    manifest: `/${lang}/search/${m[lang]}`, lang, otherManifest: `/${other}/search/${m[other]}`, otherLang: other,
  });
  const win = new FakeWindow(url);
  const api = initSearchPage(doc, win, { modules, fetch: fixtureFetch });
  return { doc, root, win, api };
}

// waits until the page is idle again (no aria-busy) after the last interaction
async function settle(root) {
  await new Promise((r) => setTimeout(r, 250)); // the typing/search work is queued first
  for (let i = 0; i < 200 && root.hasAttribute('aria-busy'); i++) await new Promise((r) => setTimeout(r, 10));
}

test('search page: query from the URL, results, facets, status for screen readers, back button', async () => {
  const { root, win, api } = await page('https://x.test/en/search/?q=transition');
  await settle(root);
  const status = root.querySelector('.search-status');
  assert.equal(status.getAttribute('aria-live'), 'polite');
  assert.match(status.textContent, /\d+ results?/);
  const items = root.querySelector('.search-results').children;
  assert.ok(items.length > 0);
  assert.ok(items[0].querySelector('mark'), 'the best result shows the matched word');
  const facet = root.querySelector('button[data-facet="tag"]');
  assert.ok(facet, 'tag facet buttons');
  facet.dispatch('click');
  await settle(root);
  assert.match(win.location.search, /tag=/);
  assert.deepEqual(api.state().tags, [facet.getAttribute('data-value')]);
  win.history.back();
  await settle(root);
  assert.deepEqual(api.state().tags, []);
  assert.equal(root.querySelector('input[name="q"]').value, 'transition');
});

test('search page: both languages checkbox, submit pushes state', async () => {
  const { root, win } = await page('https://x.test/en/search/');
  const input = root.querySelector('input[name="q"]');
  input.focus();
  input.value = 'onerror';
  const both = root.querySelector('input[name="both"]');
  assert.ok(both, 'checkbox created for the other language');
  both.checked = true;
  both.dispatch('change');
  await settle(root);
  root.querySelector('form').dispatch('submit');
  await settle(root);
  assert.match(win.location.search, /q=onerror/);
  assert.match(win.location.search, /both=1/);
  const langs = root.querySelector('.search-results').children.map((li) => li.getAttribute('lang'));
  assert.deepEqual(langs.sort(), ['ar', null].sort());
});

test('search page: the URL is written after the results, in a task of its own; Back drops an update still waiting', async () => {
  const { root, win, api } = await page('https://x.test/en/search/?q=transition');
  await settle(root);
  const input = root.querySelector('input[name="q"]');
  input.value = 'onerror';
  root.querySelector('form').dispatch('submit');
  assert.match(win.location.search, /q=transition/, 'not written before the search has run');
  await settle(root);
  assert.match(win.location.search, /q=onerror/);
  assert.equal(win.stack.length, 2, 'the submit added one entry');
  root.querySelector('form').dispatch('submit');
  await settle(root);
  assert.equal(win.stack.length, 2, 'the same query submitted again adds none');
  const facet = root.querySelector('button[data-facet="tag"]');
  assert.ok(facet, 'tag facet buttons');
  facet.dispatch('click');
  win.history.back(); // before the filtered search has shown its results
  await settle(root);
  assert.deepEqual(win.stack.map((u) => new URL(u).search), ['?q=transition'], 'no entry after the one Back chose');
  assert.deepEqual(api.state().tags, []);
  assert.equal(input.value, 'transition');
});

test('fixture: the hostile title comes out of the real index as text', async () => {
  const ar = await open('ar');
  const res = await core.search([ar], 'onerror');
  assert.match(res.results[0].title, /^<img src=x onerror=alert\(1\)>/);
});

test('an active filter keeps its (pressed) button when nothing matches', async () => {
  const doc = new FakeDocument();
  const container = doc.createElement('div');
  const { renderFacets } = await import('../../main/js/search-render.js');
  renderFacets(doc, container, { years: [], tags: [], names: { politics: 'Politics' } },
    { tags: ['politics'], year: 2017 }, 'en');
  const pressed = container.querySelectorAll('button[aria-pressed="true"]').map((b) => b.textContent);
  assert.deepEqual(pressed.sort(), ['2017 (0)', 'Politics (0)']);
});

// The page carries its manifest inline: the search opens the index without fetching it, and a page whose inline
// copy is for another URL or does not parse still fetches the file.
async function pageWithInline(url, inlineFor, text) {
  const m = await fixtureManifests();
  const doc = new FakeDocument();
  const manifest = `/en/search/${m.en}`;
  const root = searchPage(doc, { manifest, lang: 'en' });
  const data = doc.createElement('script');
  data.setAttribute('type', 'application/json');
  data.setAttribute('data-search-manifest-data', inlineFor(manifest));
  data.textContent = await text(m.en);
  doc.body.appendChild(data);
  const fetched = [];
  const fetch = (u, init) => { fetched.push(u); return fixtureFetch(u, init); };
  initSearchPage(doc, new FakeWindow(url), { modules, fetch });
  await settle(root);
  return { root, fetched, manifest };
}

const manifestText = async (name) => {
  const { readFile } = await import('node:fs/promises');
  const { gunzipSync } = await import('node:zlib');
  const { FIXTURE } = await import('./fixture.js');
  return gunzipSync(await readFile(`${FIXTURE}/en/${name}`)).toString('utf8').replace(/</g, '\\u003c');
};

test('search page: an inline manifest saves its request', async () => {
  const { root, fetched, manifest } = await pageWithInline('https://x.test/en/search/?q=transition', (u) => u, manifestText);
  assert.match(root.querySelector('.search-status').textContent, /\d+ results?/);
  assert.ok(fetched.length > 0, 'term shards and cards are fetched');
  assert.ok(!fetched.includes(manifest), `the manifest is not fetched: ${fetched.join(' ')}`);
});

test('search page: an inline manifest for another URL, or one that does not parse, is not used', async () => {
  const other = await pageWithInline('https://x.test/en/search/?q=transition', () => '/en/search/manifest.other.json.gz', manifestText);
  assert.ok(other.fetched.includes(other.manifest), 'the manifest of another URL is not taken for this one');
  assert.match(other.root.querySelector('.search-status').textContent, /\d+ results?/);
  const broken = await pageWithInline('https://x.test/en/search/?q=transition', (u) => u, async () => '{"format": "arshif-se');
  assert.ok(broken.fetched.includes(broken.manifest), 'a broken inline copy falls back to the file');
  assert.match(broken.root.querySelector('.search-status').textContent, /\d+ results?/);
});

test('search page: a large result of several words offers its tag counts on a button, then shows them', async () => {
  const { root } = await page('https://x.test/en/search/?q=said%20the');
  await settle(root);
  assert.equal(root.querySelector('button[data-facet="tag"]'), null, 'no tag chips before asked');
  assert.ok(root.querySelector('button[data-facet="year"]'), 'the year chips come at once');
  const count = root.querySelector('button[data-facet-count="tag"]');
  assert.ok(count, 'the button that asks for the tag counts');
  assert.equal(count.textContent, 'Count results by tag');
  count.dispatch('click');
  await settle(root);
  assert.ok(root.querySelector('button[data-facet="tag"]'), 'tag chips once asked');
  assert.equal(root.querySelector('button[data-facet-count]'), null);
});

test('search page: the same results again keep their cards and facets; other results replace them', async () => {
  const { doc, root } = await page('https://x.test/en/search/?q=transition');
  await settle(root);
  const list = root.querySelector('.search-results');
  const cards = [...list.children];
  const chips = root.querySelector('[data-search-facets]').children[0];
  assert.ok(cards.length > 1 && chips);
  doc.log.length = 0;
  root.querySelector('form').dispatch('submit');
  await settle(root);
  assert.deepEqual([...list.children], cards, 'the very same elements');
  assert.equal(root.querySelector('[data-search-facets]').children[0], chips, 'the facets as they were');
  assert.deepEqual(doc.log.filter((e) => e[0] === 'createElement' && e[1] !== 'span' && e[1] !== 'a'), [],
    'nothing drawn but the status');
  assert.match(root.querySelector('.search-status').textContent, /\d+ results?/, 'the status said again');
  root.querySelector('input[name="q"]').value = 'onerror';
  root.querySelector('form').dispatch('submit');
  await settle(root);
  const now = [...list.children];
  assert.ok(now.length > 0 && now.every((li) => !cards.includes(li)), 'new cards for other results');
  assert.ok(now[0].querySelector('mark'));
  assert.notEqual(root.querySelector('[data-search-facets]').children[0], chips, 'new facets for other counts');
});

test('search page: after "more", the same search again keeps its first page and drops the rest', async () => {
  const { root } = await page('https://x.test/en/search/?q=said%20the');
  await settle(root);
  const list = root.querySelector('.search-results');
  const first = [...list.children];
  const firstText = list.textContent;
  const more = root.querySelector('[data-search-more]');
  assert.ok(!more.hidden, 'more than a page of results');
  more.dispatch('click');
  await settle(root);
  assert.ok(list.children.length > first.length, 'more appended');
  root.querySelector('form').dispatch('submit');
  await settle(root);
  assert.deepEqual([...list.children], first, 'the first page, its very elements');
  assert.equal(list.textContent, firstText);
  assert.ok(!more.hidden);
});

test('search page: "more" below a typed search shows the submitted search\'s first pages, none twice', async () => {
  const { root } = await page('https://x.test/en/search/');
  const input = root.querySelector('input[name="q"]');
  input.focus();
  input.value = 'said t';
  input.dispatch('input');
  await settle(root);
  const list = root.querySelector('.search-results');
  const hrefs = () => list.children.flatMap((li) => li.querySelector('a') ? [li.querySelector('a').getAttribute('href')] : []);
  const typed = hrefs();
  const more = root.querySelector('[data-search-more]');
  assert.ok(typed.length > 0 && !more.hidden, 'a typed page with more after it');
  more.dispatch('click');
  await settle(root);
  const shown = hrefs();
  const ix = await open('en');
  const submitted = (await core.search([ix], 'said t', { limit: shown.length })).results.map((r) => r.url);
  assert.equal(new Set(shown).size, shown.length, 'no result twice');
  assert.deepEqual(shown, submitted, 'the submitted order, from the top');
  // the typed page differs from the submitted one here: without the change "more" appended below it
  const firstSubmitted = (await core.search([ix], 'said t', { limit: typed.length })).results.map((r) => r.url);
  assert.notDeepEqual(typed, firstSubmitted, 'a query whose typed page is not its submitted one');
});
