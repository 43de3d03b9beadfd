#!/usr/bin/env node
// What a reader sees on the search page, on two builds of the same archive (issue 13: a client change that must
// not change it): each query of a query file is searched twice, then "more" once where the page offers it, and the
// whole search block's HTML (results, facets, status, "more") is taken after each step, on both sites; prints how
// many of those snapshots differ (and the first three). Measured on w34-paint: main's client against the keyed list.
//
//   node bench/search-eval/compare-pages.mjs SITE_A SITE_B [--lang ar|en] [--kinds exact,variant,…] [--queries FILE]
import path from 'node:path';
import { commandLine, launchBrowser, openPage, serveSite, timedQueries } from './common.mjs';

const { args, opt, lang } = commandLine();
const [siteA, siteB] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((s) => path.resolve(s));
const { queries } = timedQueries(opt, lang, Infinity, ['exact', 'variant', 'typo']);

/** The search block's HTML after every step, on one site. */
async function snapshots(site) {
  const server = await serveSite(site, '/');
  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser, server.origin);
    await page.goto(`${server.origin}/${lang}/search/`);
    const idle = () => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]')
      && document.querySelector('.search-status').textContent);
    const take = () => page.evaluate(() => document.querySelector('.search').outerHTML);
    const out = [];
    for (const q of queries) {
      for (let i = 0; i < 2; i++) {
        await page.locator('#search-q').fill(q);
        await page.keyboard.press('Enter');
        await idle();
        out.push(await take());
      }
      if (await page.locator('[data-search-more]:not([hidden])').count()) {
        await page.locator('[data-search-more]').click();
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
        out.push(await take());
      }
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

const a = await snapshots(siteA);
const b = await snapshots(siteB);
let differ = 0;
for (let i = 0; i < Math.max(a.length, b.length); i++) {
  if (a[i] === b[i]) continue;
  if (differ++ < 3) console.log(`snapshot ${i} differs:\n  ${a[i]?.slice(0, 400)}\n  ${b[i]?.slice(0, 400)}`);
}
console.log(`${queries.length} queries, ${a.length} / ${b.length} snapshots, ${differ} differ`);
process.exitCode = differ || a.length !== b.length ? 1 : 0;
