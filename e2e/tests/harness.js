// Shared test harness: serves the built site on 127.0.0.1 and drives Debian's Chromium with playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The fixture site (e2e/fixture-site/, built by the root build): what pages.test.js and search.test.js know. */
export const fixtureDir = resolve(process.env.ARSHIF_FIXTURE_SITE ?? join(here, '..', '..', 'target', 'e2e-site'));
/** The archive this repository builds (site/), whatever its content: archive.test.js checks it generically. */
export const archiveDir = resolve(process.env.ARSHIF_SITE ?? join(here, '..', '..', 'site'));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.bin': 'application/octet-stream',
};

/**
 * A static host like GitHub Pages: the site under basePath (a project site's /<repository>/), directory →
 * index.html, missing → the site's 404.html with status 404. Options: `ranges: false` ignores Range and sends
 * the whole file with 200, as `python3 -m http.server` does; `override(path)` may give other bytes for a site
 * path (`/ar/search/…`), or null for a 404. `requests` records {path, range, status, sent} per request, `sent`
 * counting the bytes written to the socket for it.
 */
export async function serveSite(siteDir = fixtureDir, basePath = '/', { ranges: honourRange = true, override } = {}) {
  const requests = [];
  if (!existsSync(join(siteDir, 'index.html'))) {
    throw new Error(`no built site at ${siteDir}: run "mvn -B verify" (or set ARSHIF_FIXTURE_SITE / ARSHIF_SITE)`);
  }
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      // Outside the base path is outside the site, as on a project's GitHub Pages.
      const inside = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length - 1) : null;
      let path = normalize(join(siteDir, decodeURIComponent(inside ?? '/')));
      if (path !== siteDir && !path.startsWith(siteDir + sep)) {
        res.writeHead(403).end();
        return;
      }
      if (existsSync(path) && (await stat(path)).isDirectory()) path = join(path, 'index.html');
      const given = inside === null ? undefined : await override?.(inside);
      const entry = { path: url.pathname, range: req.headers.range ?? null, status: 200, sent: 0 };
      requests.push(entry);
      // bytes the server got out to the client for this answer (a body the client cancelled stops early)
      const before = req.socket.bytesWritten;
      res.on('close', () => { entry.sent = req.socket.bytesWritten - before; });
      if (inside === null || given === null || (given === undefined && !existsSync(path))) {
        entry.status = 404;
        res.writeHead(404, { 'content-type': TYPES['.html'] });
        res.end(await readFile(join(siteDir, '404.html')));
        return;
      }
      const body = given ?? await readFile(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const ranges = honourRange ? parseRange(req.headers.range, body.length) : null;
      if (ranges?.length) entry.status = 206;
      if (ranges === null) {
        res.writeHead(200, { 'content-type': type, ...(honourRange ? { 'accept-ranges': 'bytes' } : {}) });
        res.end(body);
      } else if (ranges.length === 0) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      } else if (ranges.length === 1) {
        const [a, b] = ranges[0];
        res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${a}-${b}/${body.length}` });
        res.end(body.subarray(a, b + 1));
      } else {
        // multipart/byteranges, as GitHub Pages and nginx answer several ranges
        const boundary = 'arshif-e2e-boundary';
        const parts = [];
        for (const [a, b] of ranges) {
          parts.push(Buffer.from(`\r\n--${boundary}\r\ncontent-type: ${type}\r\ncontent-range: bytes ${a}-${b}/${body.length}\r\n\r\n`));
          parts.push(body.subarray(a, b + 1));
        }
        parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
        res.writeHead(206, { 'content-type': `multipart/byteranges; boundary=${boundary}` });
        res.end(Buffer.concat(parts));
      }
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`, base: `http://127.0.0.1:${port}${basePath}`, requests,
    close: () => new Promise((ok) => {
      server.closeAllConnections();
      server.close(ok);
    }),
  };
}

/** null: no Range header; []: unsatisfiable; else [[first, last], …] (inclusive). */
function parseRange(header, size) {
  if (!header) return null;
  const m = /^bytes=(.+)$/.exec(header);
  if (!m) return null;
  const out = [];
  for (const spec of m[1].split(',')) {
    const [a, b] = spec.trim().split('-');
    let first = a === '' ? size - Number(b) : Number(a);
    let last = a === '' || b === '' ? size - 1 : Math.min(Number(b), size - 1);
    if (Number.isNaN(first) || Number.isNaN(last) || first > last || first < 0) continue;
    out.push([first, last]);
  }
  return out;
}

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's "chromium" (.ci/run does) or set CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Chromium with a profile of its own in `userDataDir` (a browser context that keeps history, as a reader's browser
 * does), where launchBrowser's contexts are off the record: Chromium downloads a page's icon again after every
 * history.pushState in those, not in this one (bench/search-eval/profile.mjs --persistent).
 */
export async function launchPersistent(userDataDir) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page that records what must never happen: requests leaving the site, CSP violations, script errors.
 */
export async function openPage(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request left the site: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 404/.test(m.text())) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // bytes the page received per URL path, from the devtools protocol (a cancelled answer counts what came)
  const received = new Map();
  const paths = new Map();
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => paths.set(e.requestId, new URL(e.request.url).pathname));
  cdp.on('Network.dataReceived', (e) => {
    const path = paths.get(e.requestId);
    received.set(path, (received.get(path) ?? 0) + e.dataLength);
  });
  await cdp.send('Network.enable');
  return { page, problems, received, close: () => context.close() };
}

let axeSource;
/** Runs axe-core in the page (evaluated through the devtools protocol, so the page's strict CSP stays on). */
export async function axeViolations(page) {
  axeSource ??= await readFile(join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
