// What the runners of the search evaluation share (eval.mjs, profile.mjs, trace.mjs, check.mjs): the browser tests'
// harness (real Chromium, a static server for a built site), their command line, the query file, the search page's
// own clock, and the page that loads Pagefind's JS API over the same site.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { launchBrowser, launchPersistent, openPage, serveSite } from '../../e2e/tests/harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The value after `name` in `args`, else `dflt`.
 * @param {string[]} args
 * @param {string} name
 * @param {string | null} dflt
 */
export function option(args, name, dflt) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
}

/**
 * The queries of a query file (queries.tsv's columns): id, kind, query, change, the relevant URLs, and for news
 * known-item queries the other documents titled exactly like the target.
 * @param {string} file
 */
export function readQueries(file) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('id\t'))
    .map((l) => {
      const [id, kind, query, change, relevant = '-', sameTitle = '-'] = l.split('\t');
      const urls = (x) => new Set(x.split(' ').filter((u) => u && u !== '-'));
      return { id, kind, query, change, relevant: urls(relevant), same: urls(sameTitle) };
    });
}

/** Pagefind picks the index of the page's language, as its UI on that site's pages would. */
export const pagefindPage = (lang) => `<!DOCTYPE html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<script type="module">
window.pagefind = await import('/_pagefind/pagefind.js');
await window.pagefind.init();
window.pagefindReady = true;
</script></body></html>
`;

/**
 * A runner's command line: its arguments, an option reader, and the --site and --lang every runner takes.
 * @param {string[]} [argv]
 */
export function commandLine(argv = process.argv.slice(2)) {
  const opt = (/** @type {string} */ name, /** @type {string | null} */ dflt) => option(argv, name, dflt);
  return { args: argv, opt, site: path.resolve(opt('--site', '') ?? ''), lang: opt('--lang', 'ar') ?? 'ar' };
}

/**
 * The queries a Chromium runner searches (profile.mjs, trace.mjs, compare-pages.mjs): those of --queries (default
 * queries.tsv) of the kinds --kinds (default `kinds`, English ones `en-` first on an English site), the first --limit.
 * @param {(name: string, dflt: string | null) => string | null} opt
 * @param {string} lang
 * @param {number} limit the default --limit
 * @param {string[]} [kinds] the default kinds
 */
export function timedQueries(opt, lang, limit, kinds = ['exact', 'variant']) {
  const asked = new Set(String(opt('--kinds', kinds.map((k) => (lang === 'en' ? `en-${k}` : k)).join(','))).split(','));
  const queries = readQueries(String(opt('--queries', path.join(here, 'queries.tsv'))))
    .filter((q) => asked.has(q.kind)).map((q) => q.query).slice(0, Number(opt('--limit', String(limit))));
  return { queries, kinds: asked };
}

/**
 * The search page's own clock (window.profileClock), from the form's submit to the end of aria-busy, read by a
 * promise rather than by polling (Playwright's waitForFunction polls on every frame, main-thread CPU that is not the
 * search's): `clock.done` resolves to the milliseconds.
 * @param {import('playwright-core').Page} page
 */
export async function installSearchClock(page) {
  await page.evaluate(() => {
    const clock = {};
    window.profileClock = clock;
    document.addEventListener('submit', () => {
      clock.start = performance.now();
      clock.done = new Promise((resolve) => { clock.resolve = resolve; });
    }, true);
    new MutationObserver(() => {
      if (clock.resolve && !document.querySelector('[aria-busy="true"]')) {
        clock.resolve(performance.now() - clock.start);
        clock.resolve = null;
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
}
