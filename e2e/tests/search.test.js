// Search in a real browser: the client, the index the build wrote, and the page, together.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, openPage, serveSite } from './harness.js';

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
async function search(lang, query) {
  const tab = await openPage(browser, server.origin);
  await tab.page.goto(`${server.origin}/${lang}/search/`);
  await tab.page.locator('#search-q').focus();
  await tab.page.keyboard.type(query);
  await tab.page.keyboard.press('Enter');
  await tab.page.waitForFunction(() => document.querySelector('.search-status')?.textContent.trim().length > 0);
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
