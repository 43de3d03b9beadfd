#!/usr/bin/env node
// What a browser downloads for one-word queries, measured with the real client over an index on disk.
//
//   node generator/core/src/test/js/bench/query-cost.mjs [--no-range | --first-range | --single-range] [--fetch-manifest] [--words=N] [--trace] [--client=DIR] SEARCH_DIR [QUERY...]
//
// SEARCH_DIR is site/<lang>/search (or any directory with one manifest.*.json.gz). Without queries, 40 queries of
// N words (default 1; N consecutive words of a sentence) are drawn (fixed seed) from the PUD sentences of the
// index's language. The fetch shim answers range requests like nginx (multipart/byteranges), or, with
// --no-range, ignores Range as `python3 -m http.server` does (200 and the whole file, which the client cancels
// unread: counted as a request of 0 bytes), or, with --first-range, serves the first range of a multi-range request
// only, as some static hosts do, or, with --single-range, serves one range but answers several with the whole file
// and `Accept-Ranges: bytes` (as many caches and CDNs do; the client cancels it and asks for each range alone).
// Client code is counted gzip'd (-9), as a static host serves it: the modules of --client=DIR, else those of the site
// SEARCH_DIR is in (SITE/static/js/<hash>/, as the build wrote them), else the commented sources.
// The search page carries the manifest inline, as the site does: a cold query counts its JSON gzip'd (-9) as
// bytes of the page, and no request; --fetch-manifest fetches the file instead, as format 4 did before.
//
// Prints tab-separated lines (the bench/run format):
//   q:LANG:WORD:cold_bytes N, cold_requests N, warm_bytes N, warm_requests N
// then summary lines: client_bytes, manifest_bytes, and median/p90/max of each measure.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIndex, newStats, search } from '../../../main/js/search-index.js';
import { createAnalyzer } from '../../../main/js/analyzer.js';

const here = dirname(fileURLToPath(import.meta.url));
const js = join(here, '..', '..', '..', 'main', 'js');
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const [dirArg, ...given] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const noRange = flags.includes('--no-range');
const firstRange = flags.includes('--first-range');
const singleRange = flags.includes('--single-range');
const trace = flags.includes('--trace'); // print each request of the queries, cold then warm: file, ranges, bytes
let tracing = false;
const fetchManifest = flags.includes('--fetch-manifest');
const wordsPerQuery = Number(/^--words=(\d+)$/.exec(flags.find((f) => f.startsWith('--words=')) ?? '')?.[1] ?? 1);
if (!dirArg) {
  console.error('usage: node query-cost.mjs SEARCH_DIR [WORD...]');
  process.exit(2);
}
const dir = resolve(dirArg);
const manifests = readdirSync(dir).filter((f) => /^manifest\.[a-z0-9]+\.json\.gz$/.test(f));
if (manifests.length !== 1) {
  console.error(`query-cost: expected one manifest in ${dir}, found ${manifests.length}`);
  process.exit(2);
}

// fetch over the directory, with HTTP range support (several ranges -> multipart/byteranges)
const fetchDir = async (url, init = {}) => {
  const name = url.split('/').pop();
  const b = readFileSync(join(dir, name));
  const headers = new Headers();
  const spec = /^bytes=(.*)$/.exec(init.headers?.Range ?? '');
  const respond = (status, body) => {
    if (tracing) console.log(`  ${status} ${name} ${init.headers?.Range ?? ''} ${status === 200 && spec ? 0 : body.length}`);
    return respond0(status, body);
  };
  const respond0 = (status, body) => ({ ok: true, status, headers, body: { cancel: async () => {} },
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.length) });
  if (!spec || noRange) {
    headers.set('content-length', String(b.length));
    return respond(200, b);
  }
  const ranges = spec[1].split(',').map((r) => r.split('-').map(Number)).slice(0, firstRange ? 1 : undefined);
  if (singleRange && ranges.length > 1) {
    headers.set('content-length', String(b.length));
    headers.set('accept-ranges', 'bytes');
    return respond(200, b);
  }
  if (ranges.length === 1) {
    const [a, z] = ranges[0];
    headers.set('content-range', `bytes ${a}-${z}/${b.length}`);
    return respond(206, b.subarray(a, z + 1));
  }
  const enc = new TextEncoder();
  const chunks = [];
  for (const [a, z] of ranges) {
    chunks.push(enc.encode(`\r\n--3d6b6a416f9b5\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${a}-${z}/${b.length}\r\n\r\n`));
    chunks.push(b.subarray(a, z + 1));
  }
  chunks.push(enc.encode('\r\n--3d6b6a416f9b5--\r\n'));
  headers.set('content-type', 'multipart/byteranges; boundary=3d6b6a416f9b5');
  return respond(206, Buffer.concat(chunks));
};

const manifestUrl = `/search/${manifests[0]}`;
const manifestJson = gunzipSync(readFileSync(join(dir, manifests[0]))).toString('utf8');
const inlineBytes = fetchManifest ? 0 : gzipSync(manifestJson.replace(/</g, '\\u003c'), { level: 9 }).length;
const open = (stats) => openIndex({
  manifestUrl, fetch: fetchDir, createAnalyzer, stats,
  ...(fetchManifest ? {} : { manifestData: JSON.parse(manifestJson) }),
});

// --client=DIR, else the client as the site serves it (SITE/static/js/<hash>/, stripped of comments by the build)
// when SEARCH_DIR is in a built site, else the commented sources of src/main/js (more bytes than any site serves)
const clientFiles = ['search-page.js', 'search-render.js', 'search-index.js', 'analyzer.js', 'inflate.js'];
const clientDir = (() => {
  const given = /^--client=(.+)$/.exec(flags.find((f) => f.startsWith('--client=')) ?? '')?.[1];
  if (given) return resolve(given);
  const siteJs = join(dir, '..', '..', 'static', 'js');
  const built = existsSync(siteJs) ? readdirSync(siteJs).filter((d) => existsSync(join(siteJs, d, clientFiles[0]))) : [];
  return built.length === 1 ? join(siteJs, built[0]) : js;
})();
const client = clientFiles
  .map((f) => gzipSync(readFileSync(join(clientDir, f)), { level: 9 }).length)
  .reduce((a, b) => a + b, 0);
const manifestBytes = readFileSync(join(dir, manifests[0])).length;

const probe = await open(newStats());
const lang = probe.lang;
let words = given;
if (!words.length) {
  // the repository's bench/data, or ../shared/data beside the repository (generator/core/src/test/js/bench is 6 deep)
  const pud = [join(here, '..', '..', '..', '..', '..', '..', 'bench', 'data', 'ud-arabic-pud-parallel.tsv'),
    join(here, '..', '..', '..', '..', '..', '..', '..', 'shared', 'data', 'ud-arabic-pud-parallel.tsv')].find(existsSync);
  if (!pud) throw new Error('query-cost: no PUD file (bench/data or ../shared/data) to draw words from');
  const sentences = readFileSync(pud, 'utf8').split('\n').slice(1).map((l) => l.split('\t')[lang === 'ar' ? 2 : 3] ?? '')
    .map((text) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w && probe.analyzer.terms(w).length === 1));
  const all = sentences.flatMap((ws) => ws.map((w, i) => ws.slice(i, i + wordsPerQuery)))
    .filter((q) => q.length === wordsPerQuery).map((q) => q.join(' '));
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = new Set();
  while (pick.size < 40 && pick.size < all.length) pick.add(all[Math.floor(rnd() * all.length)]);
  words = [...pick];
}

const rows = { cold_bytes: [], cold_requests: [], warm_bytes: [], warm_requests: [], results: [] };
for (let i = 0; i < words.length; i++) {
  const w = words[i];
  const cold = newStats();
  tracing = trace;
  if (trace) console.log(`cold: ${w}`);
  const res = await search([await open(cold)], w);
  tracing = false;
  // warm: client and manifest cached, another word searched before
  const warm = newStats();
  const ix = await open(warm);
  await search([ix], words[(i + 1) % words.length]);
  const before = { requests: warm.requests, bytes: warm.bytes };
  tracing = trace;
  if (trace) console.log(`warm: ${w}`);
  await search([ix], w);
  tracing = false;
  const m = {
    cold_bytes: cold.bytes + client + inlineBytes, cold_requests: cold.requests,
    warm_bytes: warm.bytes - before.bytes, warm_requests: warm.requests - before.requests,
  };
  for (const [k, v] of Object.entries(m)) {
    rows[k].push(v);
    console.log(`q:${lang}:${w}:${k}\t${v}`);
  }
  rows.results.push(res.total);
}
const stat = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return `median ${s[Math.floor((s.length - 1) / 2)]}\tp90 ${s[Math.floor(0.9 * (s.length - 1))]}\tmax ${s[s.length - 1]}`;
};
console.log(`client_bytes_gzip\t${client}`);
console.log(`client_from\t${clientDir}`);
console.log(`manifest_bytes\t${manifestBytes}`);
console.log(`manifest_inline_bytes_gzip\t${inlineBytes}`);
for (const k of Object.keys(rows)) console.log(`${k}\t${stat(rows[k])}`);
