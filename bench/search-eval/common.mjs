// What the Chromium runners of the search evaluation share (eval.mjs, profile.mjs): the browser tests' harness (real
// Chromium, a static server for a built site), their command-line options, the query file, and the page that loads
// Pagefind's JS API over the same site.
import fs from 'node:fs';

export { launchBrowser, launchPersistent, openPage, serveSite } from '../../e2e/tests/harness.js';

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
