// The sample site in a real browser: direction, language switching, hostile titles, CSP, accessibility.
import { after, before, describe, test } from 'node:test';
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

async function visit(path) {
  const tab = await openPage(browser, server.origin);
  const response = await tab.page.goto(server.origin + path);
  assert.equal(response.status(), 200, `GET ${path}`);
  return tab;
}

// The sample's translated memorandum dispatch, found from its tag page so no slug is hard-coded.
async function firstTranslatedArticle(lang) {
  const tab = await visit(`/${lang}/tags/astana/`);
  const title = lang === 'ar' ? 'مذكرة مناطق تخفيف التوتر' : 'de-escalation memorandum';
  const href = await tab.page.locator('.card-title a', { hasText: title }).getAttribute('href');
  await tab.close();
  return href;
}

describe('every kind of page, in both languages', () => {
  for (const lang of ['ar', 'en']) {
    const dir = lang === 'ar' ? 'rtl' : 'ltr';
    const pages = { home: `/${lang}/`, tag: `/${lang}/tags/syria/`, tags: `/${lang}/tags/`, search: `/${lang}/search/`,
      archive: `/${lang}/archive/` };
    for (const [kind, path] of Object.entries(pages)) {
      test(`${lang} ${kind}: lang/dir, no request leaves the site, no CSP or script error, no axe violation`, async () => {
        const tab = await visit(path);
        assert.equal(await tab.page.getAttribute('html', 'lang'), lang);
        assert.equal(await tab.page.getAttribute('html', 'dir'), dir);
        assert.deepEqual(await axeViolations(tab.page), []);
        assert.deepEqual(tab.problems, []);
        await tab.close();
      });
    }
    test(`${lang} article: no axe violation, translation link goes to the other language`, async () => {
      const href = await firstTranslatedArticle(lang);
      const tab = await visit(href);
      assert.equal(await tab.page.getAttribute('html', 'dir'), dir);
      assert.deepEqual(await axeViolations(tab.page), []);
      const other = lang === 'ar' ? 'en' : 'ar';
      const translation = tab.page.locator(`.translation a[hreflang="${other}"]`);
      await translation.click();
      await tab.page.waitForURL(new RegExp(`/${other}/\\d{4}/\\d{2}/`));
      assert.equal(await tab.page.getAttribute('html', 'lang'), other);
      assert.deepEqual(tab.problems, []);
      await tab.close();
    });
  }
});

test('a title holding markup is shown as text everywhere and runs nothing', async () => {
  const tab = await visit('/en/tags/technology/');
  const titles = await tab.page.locator('.card-title a').allTextContents();
  const hostile = titles.find((t) => t.includes('<img src=x onerror=alert(1)>'));
  assert.ok(hostile, `the hostile title is listed as text; got ${JSON.stringify(titles)}`);
  assert.equal(await tab.page.locator('main img').count(), 0, 'no <img> element was created from the title');
  const href = await tab.page.locator('.card-title a', { hasText: '<img' }).getAttribute('href');
  await tab.page.goto(server.origin + href);
  assert.equal(await tab.page.locator('h1').textContent(), hostile);
  assert.equal(await tab.page.locator('main img, main script, main b').count(), 0);
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test('the real SANA dispatch: footer and teaser are not on its page, dateline is', async () => {
  const tab = await visit('/ar/tags/astana/');
  const href = await tab.page.locator('.card-title a', { hasText: 'بوتين يبحث مع روحاني' }).getAttribute('href');
  await tab.page.goto(server.origin + href);
  const body = await tab.page.locator('.article .body').textContent();
  assert.match(body, /بحث الرئيس الروسي فلاديمير بوتين/);
  assert.doesNotMatch(body, /تيلغرام|واتس أب|telegram\.me|vk\.com|انظر ايضاً/);
  assert.equal((await tab.page.locator('.dateline').textContent()).trim(), 'موسكو');
  await tab.close();
});

test('the root serves the default language and unknown URLs get the bilingual 404 page', async () => {
  let tab = await visit('/');
  assert.equal(await tab.page.getAttribute('html', 'lang'), 'ar');
  await tab.close();
  tab = await openPage(browser, server.origin);
  const response = await tab.page.goto(server.origin + '/no/such/page/');
  assert.equal(response.status(), 404);
  assert.equal(await tab.page.locator('section.not-found[lang="ar"][dir="rtl"]').count(), 1);
  assert.equal(await tab.page.locator('section.not-found[lang="en"][dir="ltr"]').count(), 1);
  assert.deepEqual(await axeViolations(tab.page), []);
  await tab.close();
});
