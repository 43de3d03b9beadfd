// The archive this repository builds (site/), checked generically: whatever a newsroom puts in content/ (or
// nothing), every page is valid HTML, a sample of pages has no accessibility violation, the feeds and the sitemap
// parse, and every internal link resolves. What the pages do is tested on the fixture site (pages, search tests).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveDir, axeViolations, launchBrowser, openPage, serveSite } from './harness.js';

const VNU = fileURLToPath(new URL('../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));

/** Every file of a tree, as sorted '/'-separated paths relative to it. */
function filesOf(root, prefix = '') {
  const out = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesOf(root, rel));
    else out.push(rel);
  }
  return out.sort();
}

const files = filesOf(archiveDir);
const fileSet = new Set(files);
// The address the site was built for: the 404 page's canonical link names it (its path prefixes every link).
const canonical404 = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(archiveDir, '404.html'), 'utf8'));
const siteUrl = new URL('.', canonical404 ? canonical404[1] : 'http://localhost/');

/** Nu Html Checker errors as 'file:line:col: message' per folder, files relative to it: one JVM for all folders. */
function htmlErrors(roots) {
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--skip-non-html', '--format', 'json', '--stdout',
    ...roots], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(run.error, undefined, `java -jar vnu.jar: ${run.error}`);
  const errors = new Map(roots.map((root) => [root, []]));
  for (const m of JSON.parse(run.stdout).messages) {
    const file = decodeURIComponent(new URL(m.url).pathname);
    const root = roots.find((r) => file.startsWith(r + '/'));
    errors.get(root).push(`${file.slice(root.length + 1)}:${m.lastLine ?? 0}:${m.firstColumn ?? 0}: ${m.message}`);
  }
  return errors;
}

describe('every page is valid HTML (the Nu Html Checker)', () => {
  // An invalid page is checked in the same run: if it had no error, an empty list for the site would mean nothing.
  const invalid = mkdtempSync(join(tmpdir(), 'arshif-vnu-'));
  let errors;
  before(() => {
    writeFileSync(join(invalid, 'bad.html'), '<!DOCTYPE html>\n<html lang="en"><head><title>x</title></head>\n'
      + '<body><p><div>block in p</p></div></body></html>\n');
    errors = htmlErrors([archiveDir, invalid]);
  });
  after(() => rmSync(invalid, { recursive: true, force: true }));

  test('the checker finds the error of an invalid page', () => {
    const found = errors.get(invalid);
    assert.ok(found.length > 0 && found[0].startsWith('bad.html:3:'), JSON.stringify(found));
  });

  test(`${files.filter((f) => f.endsWith('.html')).length} pages of ${archiveDir}`, () => {
    assert.deepEqual(errors.get(archiveDir), []);
  });
});

/** The site file a URL of the site names, or null for a URL outside the site. */
function targetFile(url) {
  if (url.origin !== siteUrl.origin || !url.pathname.startsWith(siteUrl.pathname)) return null;
  const rel = decodeURIComponent(url.pathname.slice(siteUrl.pathname.length));
  if (rel === '' || rel.endsWith('/')) return `${rel}index.html`;
  return fileSet.has(rel) ? rel : `${rel}/index.html`;
}

test('every internal link, image, script, stylesheet, feed entry and sitemap URL resolves to a file', () => {
  const broken = [];
  for (const file of files.filter((f) => /\.(html|xml)$/.test(f))) {
    const text = readFileSync(join(archiveDir, file), 'utf8');
    const page = new URL(file.replace(/(^|\/)index\.html$/, '$1'), siteUrl);
    const refs = [...text.matchAll(/\b(?:href|src)="([^"]*)"|<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? m[2]);
    for (const raw of refs) {
      const ref = raw.replaceAll('&amp;', '&');
      if (/^(mailto|tel|data|javascript):/i.test(ref) || ref.startsWith('#')) continue;
      const url = new URL(ref, page);
      if (url.origin !== siteUrl.origin) continue;
      const target = targetFile(url);
      if (target === null) broken.push(`${file}: ${ref} is outside the site's path ${siteUrl.pathname}`);
      else if (!fileSet.has(target)) broken.push(`${file}: ${ref} → no ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

describe('in a browser', () => {
  let server;
  let browser;
  before(async () => {
    server = await serveSite(archiveDir, siteUrl.pathname);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the sitemap and every feed parse as XML, with the right root element', async () => {
    const tab = await openPage(browser, server.origin);
    await tab.page.goto(server.base);
    const xmlFiles = files.filter((f) => f.endsWith('.xml'));
    assert.ok(xmlFiles.includes('sitemap.xml'), 'sitemap.xml is written');
    for (const file of xmlFiles) {
      const root = await tab.page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        return error ? `error: ${error.textContent}` : `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`;
      }, readFileSync(join(archiveDir, file), 'utf8'));
      const want = file === 'sitemap.xml' ? 'http://www.sitemaps.org/schemas/sitemap/0.9 urlset'
        : 'http://www.w3.org/2005/Atom feed';
      assert.equal(root, want, file);
    }
    await tab.close();
  });

  // One page of each kind per language (the first in path order), the root and the 404 page: the kinds share
  // templates, so a sample finds what every page would, in a time that does not grow with the archive.
  const kinds = [/^index\.html$/, /^404\.html$/];
  for (const lang of ['ar', 'en']) {
    for (const pattern of ['index', 'tags/index', 'tags/[^/]+/index', 'archive/index', 'search/index',
      '\\d{4}/index', '\\d{4}/\\d{2}/index', '\\d{4}/\\d{2}/[^/]+/index']) {
      kinds.push(new RegExp(`^${lang}/${pattern}\\.html$`));
    }
  }
  const sample = [...new Set(kinds.map((k) => files.find((f) => k.test(f))).filter(Boolean))];

  test(`no axe violation, no CSP or script error on ${sample.length} sample pages`, async () => {
    assert.ok(sample.length >= 2, `pages found: ${JSON.stringify(sample)}`);
    const found = [];
    for (const file of sample) {
      const tab = await openPage(browser, server.origin);
      const path = file.replace(/(^|\/)index\.html$/, '$1');
      const response = await tab.page.goto(server.base + path);
      if (response.status() !== 200) found.push(`${path}: HTTP ${response.status()}`);
      for (const v of await axeViolations(tab.page)) found.push(`${path}: ${v}`);
      for (const p of tab.problems) found.push(`${path}: ${p}`);
      await tab.close();
    }
    assert.deepEqual(found, []);
  });
});
