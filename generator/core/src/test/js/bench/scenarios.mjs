#!/usr/bin/env node
// Bytes and requests of typical queries over a synthetic Arabic archive written by SearchIndexBench:
//   node generator/core/src/test/js/bench/scenarios.mjs generator/core/target/search-bench/n10000
// (the directory holding ar/). Nothing cached, client code not counted; range requests answered like nginx.
import { readdirSync } from 'node:fs';
import { openIndex, newStats, search } from '../../../main/js/search-index.js';
import { createAnalyzer } from '../../../main/js/analyzer.js';
import { fixtureFetchWith } from '../fixture.js';

const root = process.argv[2];
if (!root) {
  console.error('usage: node scenarios.mjs DIR_WITH_ar');
  process.exit(2);
}
const manifest = readdirSync(`${root}/ar`).find((f) => f.startsWith('manifest.'));
const scenarios = [
  ['one word, frequent', 'الرئيس', {}],
  ['one word, rarer', 'الكابيتول', {}],
  ['typo (swapped letters)', 'الرئسي', {}],
  ['typing, last word a prefix', 'الرئ', { prefix: true }],
  ['two words', 'الرئيس الروسي', {}],
  ['phrase of two frequent words', '"الولايات المتحدة"', {}],
  ['word + tag filter', 'الرئيس', { tags: ['tag-3'] }],
  ['word + year filter', 'الرئيس', { year: 2017 }],
];
for (const [name, q, opts] of scenarios) {
  const stats = newStats();
  const ix = await openIndex({ manifestUrl: `/ar/search/${manifest}`, fetch: fixtureFetchWith('multi', root), createAnalyzer, stats });
  const t0 = performance.now();
  const r = await search([ix], q, opts);
  const ms = performance.now() - t0;
  const kinds = {};
  for (const u of stats.urls) {
    const k = u.split('/').pop().split('.')[0];
    kinds[k] = (kinds[k] ?? 0) + 1;
  }
  console.log([name, q, `results ${r.total}`, `requests ${stats.requests}`, `bytes ${stats.bytes}`,
    Object.entries(kinds).map(([k, n]) => `${k}×${n}`).join(' '), `${ms.toFixed(0)} ms`].join('\t'));
}
