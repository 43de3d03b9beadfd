#!/usr/bin/env node
// Arshif benchmark: what a browser downloads for a one-word search query on a built site.
//
//   node bench/query-cost.mjs SITE_DIR LANG WORD...
//
// It reads SITE_DIR/LANG/search/index.html (the search page Arshif writes), takes the manifest URL from its
// data-search-manifest attribute and the scripts it loads, and runs the site's own search client
// (search-index.js + analyzer.js, as shipped in the site) against the files on disk, with a fetch() that
// counts requests and bytes. Per word it prints tab-separated lines for bench/run:
//
//   q:LANG:WORD:cold_bytes     N  nothing cached: the page's scripts and their imports, the manifest, and
//   q:LANG:WORD:cold_requests  N  every index file the query fetched (term shards, cards, ...)
//   q:LANG:WORD:warm_bytes     N  scripts and manifest cached: only the index files of this query
//   q:LANG:WORD:warm_requests  N
//   q:LANG:WORD:hits           N  total results (a sanity check that the word was found)
//   q:LANG:WORD:cold_bytes_gz  N  cold_bytes with the scripts and the inline manifest gzip'd (zlib level 6), as a
//                                 host that compresses text sends them: the measure of issue 13's cold budget
//   q:LANG:WORD:norange_bytes  N  warm_bytes from a host that ignores Range and answers 200 with whole files
//   q:LANG:WORD:norange_requests N (python3 -m http.server, some preview servers)
//
// A WORD may be several words in one argument ("وزير الخارجية"): the query as a reader types it.
//
// Bytes are file sizes as stored: index files are gzip'd on disk and served as they are; scripts are counted
// uncompressed (a server that gzips them sends less). The HTML page itself is not counted, except the manifest it
// carries inline (`<script type="application/json" data-search-manifest-data>`), counted uncompressed like the
// scripts: the client reads it instead of fetching the manifest file.
// When something needed is missing (no search page, no manifest, a client it cannot load), it prints
// "q:todo TODO" and the reason on stderr, and bench/run reports the column as TODO.
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [site, lang, ...words] = process.argv.slice(2);
if (!site || !lang || words.length === 0) {
  console.error('usage: node bench/query-cost.mjs SITE_DIR LANG WORD...');
  process.exit(2);
}

function todo(why) {
  console.error(`query-cost (${lang}): ${why}`);
  console.log('q:todo\tTODO');
  process.exit(0);
}

const siteRoot = path.resolve(site);
const pagePath = path.join(siteRoot, lang, 'search', 'index.html');
if (!fs.existsSync(pagePath)) todo(`no search page ${pagePath}`);
const html = fs.readFileSync(pagePath, 'utf8');
const attr = (name) => {
  const m = html.match(new RegExp(`${name}="([^"]*)"`));
  return m ? m[1].replace(/&amp;/g, '&') : null;
};
const manifestUrl = attr('data-search-manifest');
if (!manifestUrl) todo(`no data-search-manifest attribute in ${pagePath}`);

const inline = [...html.matchAll(/<script type="application\/json" data-search-manifest-data="([^"]*)">([^<]*)<\/script>/g)]
  .find((m) => m[1].replace(/&amp;/g, '&') === manifestUrl);
const inlineBytes = inline ? Buffer.byteLength(inline[2], 'utf8') : 0;

// A site URL (absolute, or relative to the search page) -> file on disk.
const pageUrl = `/${lang}/search/`;
const toFile = (url) => {
  const u = new URL(url, `http://site.invalid${pageUrl}`);
  return path.join(siteRoot, decodeURIComponent(u.pathname));
};

// The page's scripts and everything they import, statically or dynamically: what a cold visitor downloads.
const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => toFile(m[1]));
const jsFiles = new Set();
const importRe = /(?:\bimport|\bexport)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;
const walk = (file) => {
  if (jsFiles.has(file) || !fs.existsSync(file)) return;
  jsFiles.add(file);
  const src = fs.readFileSync(file, 'utf8');
  for (const m of src.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec.startsWith('.') || spec.startsWith('/')) {
      walk(spec.startsWith('/') ? path.join(siteRoot, spec) : path.resolve(path.dirname(file), spec));
    }
  }
};
scripts.forEach(walk);
let jsBytes = 0;
let jsBytesGz = 0;
for (const f of jsFiles) {
  const data = fs.readFileSync(f);
  jsBytes += data.length;
  jsBytesGz += zlib.gzipSync(data, { level: 6 }).length;
}
const inlineBytesGz = inline ? zlib.gzipSync(Buffer.from(inline[2], 'utf8'), { level: 6 }).length : 0;

const byName = (name) => [...jsFiles].find((f) => path.basename(f) === name || path.basename(f).startsWith(name.replace(/\.js$/, '.')));
const clientFile = byName('search-index.js');
const analyzerFile = byName('analyzer.js');
if (!clientFile || !analyzerFile) {
  todo(`the search page's scripts (${[...jsFiles].map((f) => path.relative(siteRoot, f)).join(', ') || 'none'}) do not include search-index.js and analyzer.js`);
}

let core;
let analysis;
try {
  core = await import(pathToFileURL(clientFile).href);
  analysis = await import(pathToFileURL(analyzerFile).href);
} catch (e) {
  todo(`cannot load the search client: ${e.message}`);
}

// A static host on the files: whole files, or byte ranges (one range: 206 with Content-Range; several:
// multipart/byteranges, as nginx answers). The client counts the bodies it receives.
const fetchFile = async (url, init = {}, honourRange = true) => {
  const file = toFile(url);
  if (!fs.existsSync(file)) return new Response(null, { status: 404 });
  const data = fs.readFileSync(file);
  const range = honourRange ? init.headers?.Range ?? init.headers?.range : undefined;
  const m = range && /^bytes=(.+)$/.exec(range);
  if (!m) {
    return new Response(data, { status: 200, headers: { 'content-length': String(data.length) } });
  }
  const ranges = m[1].split(',').map((r) => r.trim().split('-').map(Number))
    .map(([a, b]) => [a, Math.min(Number.isNaN(b) ? data.length - 1 : b, data.length - 1)]);
  if (ranges.length === 1) {
    const [a, b] = ranges[0];
    return new Response(data.subarray(a, b + 1), {
      status: 206,
      headers: { 'content-range': `bytes ${a}-${b}/${data.length}`, 'content-length': String(b - a + 1) },
    });
  }
  const boundary = 'arshifbenchboundary';
  const parts = [];
  for (const [a, b] of ranges) {
    parts.push(Buffer.from(`\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${a}-${b}/${data.length}\r\n\r\n`));
    parts.push(data.subarray(a, b + 1));
  }
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return new Response(Buffer.concat(parts), {
    status: 206,
    headers: { 'content-type': `multipart/byteranges; boundary=${boundary}` },
  });
};

// One query on a fresh index: what the manifest's opening and the query itself fetched.
const measure = async (word, fetch) => {
  const stats = core.newStats();
  const index = await core.openIndex({
    manifestUrl, fetch, createAnalyzer: analysis.createAnalyzer, stats,
    ...(inline ? { manifestData: JSON.parse(inline[2]) } : {}),
  });
  const open = { bytes: stats.bytes, requests: stats.requests };
  const result = await core.search([index], word, { limit: 10 });
  return { open, query: { bytes: stats.bytes - open.bytes, requests: stats.requests - open.requests }, result };
};

for (const word of words) {
  try {
    const { open, query, result } = await measure(word, fetchFile);
    const noRange = await measure(word, (url, init) => fetchFile(url, init, false));
    const key = `q:${lang}:${word}`;
    const index = open.bytes + query.bytes;
    console.log(`${key}:cold_bytes\t${jsBytes + inlineBytes + index}`);
    console.log(`${key}:cold_bytes_gz\t${jsBytesGz + inlineBytesGz + index}`);
    console.log(`${key}:cold_requests\t${jsFiles.size + open.requests + query.requests}`);
    console.log(`${key}:warm_bytes\t${query.bytes}`);
    console.log(`${key}:warm_requests\t${query.requests}`);
    console.log(`${key}:norange_bytes\t${noRange.query.bytes}`);
    console.log(`${key}:norange_requests\t${noRange.query.requests}`);
    console.log(`${key}:hits\t${result.total}`);
  } catch (e) {
    todo(`query ${JSON.stringify(word)} failed: ${e.stack ?? e}`);
  }
}
