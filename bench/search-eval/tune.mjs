#!/usr/bin/env node
// Ranking trials without a browser (issue 13): runs the known-item queries of a query file through the search
// client's own search() in Node, over a built site's index files, and prints success@1 / success@10 / MRR@10 per
// kind (news kinds: target, then any document of its title). Seconds instead of eval.mjs's minutes, so that a
// weight is tuned on the evaluation; the figures that count are eval.mjs's, in Chromium, as a reader searches.
//
//   node bench/search-eval/tune.mjs --site SITE --queries FILE [--client DIR] [--set NAME=VALUE]...
//
// --client: a folder with the client's modules (default: generator/core/src/main/js). --set NAME=VALUE replaces
// the value of a top-level `const NAME = …;` of search-index.js in a copy of the client (a trial's weight).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const site = path.resolve(opt('--site', ''));
const queryFile = opt('--queries', path.join(here, 'queries.tsv'));
let client = path.resolve(opt('--client', path.join(here, '..', '..', 'generator', 'core', 'src', 'main', 'js')));
const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a.split('=')] : []));
if (sets.length) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-tune-'));
  for (const f of fs.readdirSync(client).filter((x) => x.endsWith('.js'))) fs.copyFileSync(path.join(client, f), path.join(dir, f));
  let src = fs.readFileSync(path.join(dir, 'search-index.js'), 'utf8');
  for (const [name, value] of sets) {
    const re = new RegExp(`^(const ${name} = ).*;$`, 'm');
    if (!re.test(src)) throw new Error(`search-index.js has no top-level const ${name}`);
    src = src.replace(re, `$1${value};`);
  }
  fs.writeFileSync(path.join(dir, 'search-index.js'), src);
  client = dir;
}
const core = await import(pathToFileURL(path.join(client, 'search-index.js')).href);
const { createAnalyzer } = await import(pathToFileURL(path.join(client, 'analyzer.js')).href);

/** fetch() over the site folder, with Range (one range or several, as multipart/byteranges). */
async function siteFetch(url, init = {}) {
  const file = path.join(site, decodeURIComponent(url.split('?')[0]));
  const headers = (h) => new Headers(h);
  if (!fs.existsSync(file)) return { ok: false, status: 404, headers: headers({}), arrayBuffer: async () => new ArrayBuffer(0) };
  const b = fs.readFileSync(file);
  const answer = (status, bytes, h) => ({ ok: true, status, headers: headers(h),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
  const spec = /^bytes=(.*)$/.exec(init.headers?.Range ?? '');
  if (!spec) return answer(200, b, {});
  const ranges = spec[1].split(',').map((r) => r.split('-').map(Number));
  if (ranges.length === 1) return answer(206, b.subarray(ranges[0][0], ranges[0][1] + 1), { 'content-range': `bytes ${ranges[0][0]}-${ranges[0][1]}/${b.length}` });
  const enc = new TextEncoder();
  const parts = ranges.flatMap(([a, z]) => [enc.encode(`\r\n--B\r\nContent-Range: bytes ${a}-${z}/${b.length}\r\n\r\n`), b.subarray(a, z + 1)]);
  return answer(206, Buffer.concat([...parts, enc.encode('\r\n--B--\r\n')]), { 'content-type': 'multipart/byteranges; boundary=B' });
}

const page = fs.readFileSync(path.join(site, 'ar', 'search', 'index.html'), 'utf8');
const manifestUrl = /data-search-manifest="([^"]+)"/.exec(page)[1];
const ix = await core.openIndex({ manifestUrl, fetch: siteFetch, createAnalyzer });
const queries = fs.readFileSync(queryFile, 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('id\t'))
  .map((l) => l.split('\t')).filter((c) => c[1] !== 'topic');
const byKind = new Map();
for (const [, kind, query, , relevant, same = '-'] of queries) {
  const res = await core.search([ix], query, { limit: 10 });
  const urls = res.results.map((r) => decodeURI(r.url));
  const target = new Set(relevant.split(' '));
  const lenient = new Set([...target, ...same.split(' ')]);
  const rank = urls.findIndex((u) => target.has(u)) + 1;
  const rankL = urls.findIndex((u) => lenient.has(u)) + 1;
  if (!byKind.has(kind)) byKind.set(kind, []);
  byKind.get(kind).push([rank, rankL]);
}
const f2 = (x) => x.toFixed(3);
for (const [kind, rs] of byKind) {
  const m = (i, f) => rs.reduce((s, r) => s + f(r[i]), 0) / rs.length;
  const cells = (i) => `${f2(m(i, (r) => (r === 1 ? 1 : 0)))} / ${f2(m(i, (r) => (r ? 1 : 0)))} / ${f2(m(i, (r) => (r ? 1 / r : 0)))}`;
  console.log(`${kind.padEnd(13)} n=${rs.length} ${cells(0)}${kind.startsWith('news-') ? ` (${cells(1)})` : ''}`);
}
