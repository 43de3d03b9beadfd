#!/usr/bin/env node
// Arshif benchmark: what a browser downloads for a one-word search query, from the index files alone.
//
//   node bench/query-cost.mjs SITE_DIR LANG WORD...
//
// Prints, per word, tab-separated lines for bench/run:
//   q:LANG:WORD:cold_bytes  N   (nothing cached: search client script, manifest, the shards the word needs)
//   q:LANG:WORD:cold_requests N
//   q:LANG:WORD:warm_bytes  N   (client and manifest cached: only the word's shards)
//   q:LANG:WORD:warm_requests N
//
// TODO hook: the index format is being written on branch search-index (generator/SEARCH-FORMAT.md).
// Until this script knows it, it prints "q:todo TODO" and bench/run reports the column as TODO.
import fs from 'node:fs';
import path from 'node:path';

const [site, lang, ...words] = process.argv.slice(2);
if (!site || !lang || words.length === 0) {
  console.error('usage: node bench/query-cost.mjs SITE_DIR LANG WORD...');
  process.exit(2);
}
const dir = path.join(site, lang, 'search');
if (!fs.existsSync(dir)) {
  console.error(`query-cost: no search index in ${dir}`);
  process.exit(0);
}
console.error(`query-cost: the search index format is not known to bench/query-cost.mjs yet (${dir})`);
console.log('q:todo\tTODO');
