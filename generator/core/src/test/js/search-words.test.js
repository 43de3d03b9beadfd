// The client's words: the theme's templates/i18n.yml is their source, the search page passes them as data-t-*
// attributes (a site's own i18n.yml wins there), and the built-in copies here fill any gap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '../../main/js/search-index.js';
import * as standIn from '../../main/js/analyzer.js';
import { initSearchPage } from '../../main/js/search-page.js';
import { messagesFor, WORD_KEYS, WORDS, wordAttribute, wordsFrom } from '../../main/js/search-render.js';
import { FakeDocument, FakeWindow, searchPage } from './fake-dom.js';
import { fixtureFetch, fixtureManifests } from './fixture.js';

const THEME = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..', 'templates');

/** The theme's words per language: the flat two-level map of i18n.yml (plain or double-quoted scalars). */
function themeWords() {
  /** @type {Record<string, Record<string, string>>} */
  const out = {};
  let lang = '';
  for (const line of readFileSync(join(THEME, 'i18n.yml'), 'utf8').split('\n')) {
    const top = /^(\w+):\s*$/.exec(line);
    if (top) out[lang = top[1]] = {};
    const word = /^ {2}(\w+): (.*)$/.exec(line);
    if (word) out[lang][word[1]] = word[2].startsWith('"') ? JSON.parse(word[2]) : word[2];
  }
  return out;
}

test('the built-in words are the theme\'s i18n.yml words, key for key, in both languages', () => {
  const theme = themeWords();
  for (const lang of ['ar', 'en']) {
    const fromTheme = Object.fromEntries(WORD_KEYS.filter((k) => k in theme[lang]).map((k) => [k, theme[lang][k]]));
    assert.deepEqual(WORDS[lang], fromTheme, lang);
  }
  assert.ok(Object.keys(WORDS.en).length >= 19, 'English has every word but the Arabic plural forms');
});

test('the search template passes every word the client knows', () => {
  const template = readFileSync(join(THEME, 'search.ftlh'), 'utf8');
  const listed = [.../"(\w+)"/g[Symbol.matchAll](/<#assign clientWords = \[([^\]]*)\]>/.exec(template)?.[1] ?? '')]
    .map((m) => m[1]);
  assert.deepEqual(listed, [...WORD_KEYS]);
  assert.match(template, /data-t-\$\{key\?replace\("\(\[A-Z\]\)", "-\$1", "r"\)\?lower_case\}/);
  assert.equal(wordAttribute('searchFailHttp'), 'data-t-search-fail-http');
});

test('counts follow the plural forms of the language', () => {
  const ar = messagesFor('ar');
  assert.deepEqual([0, 1, 2, 3, 10, 11, 99, 100, 103].map((n) => ar.count(n)),
    ['لا نتائج', 'نتيجة واحدة', 'نتيجتان', '3 نتائج', '10 نتائج', '11 نتيجة', '99 نتيجة', '100 نتيجة', '103 نتائج']);
  const en = messagesFor('en');
  assert.deepEqual([0, 1, 2, 21].map((n) => en.count(n)), ['No results', '1 result', '2 results', '21 results']);
});

test('the page\'s words win key by key; a missing plural form falls back to resultsOther', () => {
  const msg = messagesFor('ar', { resultsOther: '{n} خبرًا', resultsMany: '', allTags: 'الكل' });
  assert.equal(msg.count(11), '11 نتيجة', 'an empty word is no word');
  assert.equal(msg.count(100), '100 خبرًا');
  assert.equal(msg.allTags, 'الكل');
  assert.equal(msg.years, 'السنة');
  const en = messagesFor('en', { resultsOther: '{n} hits for $& {unknown}' });
  assert.equal(en.count(7), '7 hits for $& {unknown}', 'placeholders only, no replacement patterns');
  assert.equal(en.count(1), '1 result');
  assert.equal(en.failure.http(404, 'u'), 'Search failed: the server answered HTTP 404 for u.');
  assert.equal(en.both(en.langName.ar), 'Also search the Arabic archive');
});

test('wordsFrom reads the data-t-* attributes of the search root and nothing else', () => {
  const doc = new FakeDocument();
  const root = doc.createElement('div');
  root.setAttribute('data-t-results-other', '{n} hits');
  root.setAttribute('data-t-filter-year', '');
  root.setAttribute('data-t-unknown-word', 'x');
  assert.deepEqual(wordsFrom(root), { resultsOther: '{n} hits' });
});

async function page(url, lang, words) {
  const m = await fixtureManifests();
  const doc = new FakeDocument();
  const root = searchPage(doc, { manifest: `/${lang}/search/${m[lang]}`, lang });
  for (const [k, v] of Object.entries(words)) root.setAttribute(wordAttribute(k), v);
  initSearchPage(doc, new FakeWindow(url), { modules: async () => [core, standIn], fetch: fixtureFetch });
  await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < 200 && root.hasAttribute('aria-busy'); i++) await new Promise((r) => setTimeout(r, 10));
  return root;
}

test('the search page speaks the words of its data-t-* attributes, and its own without them', async () => {
  const own = await page('https://x.test/en/search/?q=transition', 'en',
    { resultsOther: '{n} dispatches', resultsOne: 'one dispatch', filterYear: 'Filed in', allYears: 'Any year' });
  assert.match(own.querySelector('.search-status').textContent, /^(\d+ dispatches|one dispatch)/);
  const legends = own.querySelectorAll('legend').map((l) => l.textContent);
  assert.ok(legends.includes('Filed in'), legends.join());
  assert.equal(own.querySelector('button[data-facet-all="year"]').textContent, 'Any year');
  const builtIn = await page('https://x.test/en/search/?q=transition', 'en', {});
  assert.match(builtIn.querySelector('.search-status').textContent, /^\d+ results?/);
  assert.ok(builtIn.querySelectorAll('legend').map((l) => l.textContent).includes('Year'));
});
