// The default theme in a real browser, in both colour schemes: axe on every kind of page, the contrast of Arabic text
// (which axe skips), the favicon, search results styled like the theme's cards, and the client's words from the page.
// Pages are found from the site itself (the first card, its tags, a word of its title), not from known content.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, openPage, serveSite } from './harness.js';

const SCHEMES = ['light', 'dark'];
const LANGS = ['ar', 'en'];

let server;
let browser;
/** The pages axe reads in both schemes, per language: home, an article, a tag page, the search page with results. */
const pages = {};
before(async () => {
  server = await serveSite();
  browser = await launchBrowser();
  for (const lang of LANGS) {
    pages[lang] = {
      home: `/${lang}/`,
      article: await firstLink(`/${lang}/`, '.card-title a'),
      tag: await firstLink(`/${lang}/tags/`, '.tag-index a'),
      search: await searchWithResults(lang),
    };
  }
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of the site in a colour scheme; `failed` collects every response of 400 or more. */
async function visit(path, colorScheme = 'light') {
  const tab = await openPage(browser, server.origin);
  await tab.page.emulateMedia({ colorScheme });
  const failed = [];
  tab.page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  const response = await tab.page.goto(new URL(path, server.origin).href);
  assert.equal(response.status(), 200, `GET ${path}`);
  return { ...tab, failed };
}

/** The first link matching `selector` on `path`, as a site path. */
async function firstLink(path, selector) {
  const tab = await visit(path);
  const href = await tab.page.locator(selector).first().getAttribute('href', { timeout: 5000 }).catch(() => null);
  await tab.close();
  assert.ok(href, `${path} has a link ${selector}`);
  return new URL(href, new URL(path, server.origin)).pathname;
}

/** A search page URL whose query finds something: the longest word of the newest dispatch's title. */
async function searchWithResults(lang) {
  const tab = await visit(`/${lang}/`);
  const title = await tab.page.locator('.card-title a').first().textContent();
  await tab.close();
  const word = [...title.matchAll(/\p{L}+/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
  return `/${lang}/search/?q=${encodeURIComponent(word)}`;
}

async function waitForResults(page) {
  await page.waitForFunction(() => document.querySelectorAll('.search-results .search-result').length > 0);
  await page.waitForLoadState('networkidle');
}

/**
 * Text whose contrast is below WCAG AA, measured with axe's own colour functions over every visible element that
 * holds text. axe's color-contrast rule takes joined Arabic letters for an icon font's ligatures and skips them,
 * so on an Arabic page it checks almost nothing; this check reads the same colours without that guess.
 */
async function lowContrastText(page) {
  return page.evaluate(() => {
    const { color, dom } = window.axe.commons;
    window.axe.setup(document);
    try {
      const found = [];
      const checked = [];
      for (const el of document.body.querySelectorAll('*')) {
        if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        if (!dom.isVisibleOnScreen(el)) continue;
        const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`;
        const fg = color.getForegroundColor(el);
        const bg = color.getBackgroundColor(el, []);
        if (!fg || !bg) {
          found.push(`${name}: its colours could not be determined`);
          continue;
        }
        const style = getComputedStyle(el);
        const r = color.hasValidContrastRatio(bg, fg, parseFloat(style.fontSize), parseFloat(style.fontWeight) >= 700);
        checked.push(name);
        if (!r.isValid) {
          found.push(`${name} "${el.textContent.trim().slice(0, 40)}": ${r.contrastRatio.toFixed(2)}:1, `
            + `needs ${r.expectedContrastRatio}:1`);
        }
      }
      return { found, checked };
    } finally {
      window.axe.teardown();
    }
  });
}

describe('axe and AA contrast in both colour schemes', () => {
  for (const scheme of SCHEMES) {
    for (const lang of LANGS) {
      for (const kind of ['home', 'article', 'tag', 'search']) {
        test(`${scheme} ${lang} ${kind}: no axe violation, all text AA, no failed request`, async () => {
          const tab = await visit(pages[lang][kind], scheme);
          if (kind === 'search') await waitForResults(tab.page);
          assert.equal(await tab.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
            scheme === 'dark');
          assert.deepEqual(await axeViolations(tab.page), []);
          const contrast = await lowContrastText(tab.page);
          assert.deepEqual(contrast.found, []);
          assert.ok(contrast.checked.length >= 10, `the contrast check read the page's text: ${contrast.checked}`);
          if (kind === 'search') {
            // the words that were unreadable in dark mode: the highlighted ones and the search button
            assert.ok(contrast.checked.includes('mark'), 'highlighted words were measured');
            assert.ok(contrast.checked.includes('button'), 'the search button was measured');
          }
          assert.deepEqual(tab.failed, []);
          assert.deepEqual(tab.problems, []);
          await tab.close();
        });
      }
    }
  }
});

test('every kind of page links the theme\'s SVG favicon, and it is served', async () => {
  const paths = [...Object.values(pages.ar), pages.en.home, '/ar/tags/', '/en/archive/', '/'];
  for (const path of paths) {
    const tab = await visit(path);
    const href = await tab.page.locator('link[rel="icon"]').getAttribute('href');
    assert.match(href ?? '', /favicon\.[0-9a-f]{10}\.svg$/, `${path} links the favicon`);
    const icon = await tab.page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
    }, href);
    assert.equal(icon.status, 200, `${path}: ${href}`);
    assert.equal(icon.type, 'image/svg+xml');
    assert.match(icon.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.deepEqual(tab.failed, []);
    await tab.close();
  }
  const missing = await openPage(browser, server.origin);
  assert.equal((await missing.page.goto(`${server.origin}/no/such/page/`)).status(), 404);
  assert.equal(await missing.page.locator('link[rel="icon"]').count(), 1, 'the 404 page links it too');
  await missing.close();
});

/** The computed styles that make a card look like one; `selectors` name the card, its title, chip list and chip. */
function cardStyle(page, selectors) {
  return page.evaluate((sel) => {
    const pick = (selector, props) => {
      const el = document.querySelector(selector);
      if (!el) return `no ${selector}`;
      const s = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    };
    return {
      card: pick(sel.card, ['border-block-end-style', 'padding-block-start', 'list-style-type']),
      title: pick(sel.title, ['font-size', 'text-decoration-line', 'font-weight']),
      chips: pick(sel.chips, ['display', 'flex-wrap', 'list-style-type']),
      chip: pick(sel.chip, ['border-start-start-radius', 'background-color', 'font-size']),
    };
  }, selectors);
}

test('results look like the theme\'s cards: same title, tag chips in a row, styled facet chips and button', async () => {
  for (const scheme of SCHEMES) {
    const home = await visit('/en/', scheme);
    const expected = await cardStyle(home.page,
      { card: '.cards .card', title: '.card-title a', chips: '.card .tags', chip: '.card .tags a' });
    await home.close();
    const tab = await visit(pages.en.search, scheme);
    await waitForResults(tab.page);
    const got = await cardStyle(tab.page, { card: '.search-results .search-result', title: '.search-result-title a',
      chips: '.search-result-tags', chip: '.search-result-tags li' });
    assert.deepEqual(got, expected, scheme);
    assert.equal(got.title['text-decoration-line'], 'none');
    assert.deepEqual(got.chips, { display: 'flex', 'flex-wrap': 'wrap', 'list-style-type': 'none' });
    const facets = await tab.page.evaluate(() => {
      const fieldset = getComputedStyle(document.querySelector('.search-facet'));
      const chip = getComputedStyle(document.querySelector('.search-facet-option'));
      const submit = getComputedStyle(document.querySelector('.search-form button'));
      const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
      return { fieldsetBorder: fieldset.borderBlockStartStyle, chipRadius: parseFloat(chip.borderStartStartRadius),
        submitBackground: submit.backgroundColor, accent, count: document.querySelector('.search-status').textContent };
    });
    assert.equal(facets.fieldsetBorder, 'none', 'facet groups are not boxed like browser fieldsets');
    assert.ok(facets.chipRadius >= 8, 'facet buttons are round chips');
    const hex = facets.submitBackground.match(/\d+/g).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0'));
    assert.equal(`#${hex.join('')}`, facets.accent, 'the search button wears the accent colour');
    assert.match(facets.count, /^\d+ results?/, 'the count comes first');
    assert.deepEqual(tab.problems, []);
    await tab.close();
  }
});

test('a facet chip filters, shows its state without colour alone, and "All" clears it', async () => {
  const tab = await visit(pages.ar.search);
  await waitForResults(tab.page);
  const allTags = tab.page.locator('button[data-facet-all="tag"]');
  assert.equal(await allTags.getAttribute('aria-pressed'), 'true');
  const chip = tab.page.locator('button[data-facet="tag"]').first();
  const value = await chip.getAttribute('data-value');
  await chip.click();
  await tab.page.waitForURL((u) => u.searchParams.getAll('tag').includes(value));
  await tab.page.waitForLoadState('networkidle');
  const pressed = tab.page.locator(`button[data-facet="tag"][data-value="${value}"]`);
  assert.equal(await pressed.getAttribute('aria-pressed'), 'true');
  assert.equal(await pressed.evaluate((b) => getComputedStyle(b, '::before').content), '"✓"');
  assert.equal(await allTags.getAttribute('aria-pressed'), 'false');
  await allTags.click();
  await tab.page.waitForURL((u) => !u.searchParams.has('tag'));
  await tab.page.waitForLoadState('networkidle');
  assert.equal(await allTags.getAttribute('aria-pressed'), 'true');
  assert.ok(await tab.page.locator('.search-result').count() > 0);
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test('the client speaks the page\'s words: data-t-* attributes from i18n.yml, which a site can override', async () => {
  for (const lang of LANGS) {
    const tab = await visit(`/${lang}/search/`);
    const words = await tab.page.locator('[data-search-manifest]').evaluate((root) =>
      Object.fromEntries([...root.attributes].filter((a) => a.name.startsWith('data-t-')).map((a) => [a.name, a.value])));
    assert.ok(words['data-t-results-other']?.includes('{n}'), JSON.stringify(words));
    assert.ok(words['data-t-filter-year'] && words['data-t-search-fail-http'], JSON.stringify(words));
    await tab.close();
  }
  // the same page with other words, as a site's own i18n.yml would give them
  const tab = await openPage(browser, server.origin);
  await tab.page.route('**/en/search/**', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/data-t-results-(zero|one|other)="[^"]*"/g, 'data-t-results-$1="{n} dispatches found"')
      .replace(/data-t-filter-year="[^"]*"/, 'data-t-filter-year="Filed in"');
    return route.fulfill({ response, body: html });
  });
  await tab.page.goto(`${server.origin}${pages.en.search}`);
  await waitForResults(tab.page);
  assert.match(await tab.page.locator('.search-status').textContent(), /^\d+ dispatches found/);
  assert.equal(await tab.page.locator('button[data-facet="year"]').first().evaluate((b) =>
    b.closest('fieldset').querySelector('legend').textContent), 'Filed in');
  assert.deepEqual(tab.problems, []);
  await tab.close();
});
