#!/usr/bin/env node
// Ranking trials without a browser (issue 13): runs the known-item queries of a query file through the search
// client's own search() in Node, over a built site's index files, and prints success@1 / success@10 / MRR@10 per
// kind (news kinds: target, then any document of its title). Seconds instead of eval.mjs's minutes, so that a
// weight is tuned on the evaluation; the figures that count are eval.mjs's, in Chromium, as a reader searches.
//
//   node bench/search-eval/tune.mjs --site SITE --queries FILE [--client DIR] [--set NAME=VALUE]... [--half tune|test]
//     [--corrections] [--list] [--ranks FILE] [--cost] [--topics] [--lang en]
//
// --client: a folder with the client's modules (default: generator/core/src/main/js). --set NAME=VALUE replaces
// the value of a top-level `const NAME = …;` of search-index.js in a copy of the client (a trial's weight).
// News kinds print the target's figures, then (in brackets) any document of its title's, then [expected …]: the
// target's figures as a mean over which of its title's documents it is (1/k per one of them shown, k documents of
// that title), free of the lottery among identical titles that the first figures hold.
// --half: only the targets of one half (by a hash of the target's id, so a target's exact, variant and typo queries
// stay together): weights are chosen on `tune` and reported on `test`, so that a figure is not fitted to itself.
// --corrections: for the typo kinds, how often the word the client put in place of the misspelt one is the word the
// query file says was meant (same term), and why not; --list prints each query that missed. --ranks: each query's
// rank of its target (0: not in the first 10), then of any document of its title, and its corrections, to FILE.
// --cost: each query on a fresh index (manifest at hand): its requests and bytes, median / p90 / max per kind.
// --topics: the topic queries instead, each one's precision@10 and the mean (with --list, the first 10's irrelevant
// URLs); give it the site of the articles alone (work/search-eval/site), as eval.mjs does. --lang en: the English
// known-item queries (kinds en-*) on an English site (work/search-eval/site-en), through its /en/search/ page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLine } from './common.mjs';
import { CLIENT_DIR, loadClient, manifestUrlOf, siteFetcher } from './site-fetch.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { args, opt, site, lang } = commandLine();
const queryFile = opt('--queries', path.join(here, 'queries.tsv'));
let client = path.resolve(opt('--client', CLIENT_DIR));
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
const { core, createAnalyzer } = await loadClient(client);

const siteFetch = siteFetcher(site);
const manifestUrl = manifestUrlOf(site, lang);
const ix = await core.openIndex({ manifestUrl, fetch: siteFetch, createAnalyzer });
const half = opt('--half', 'all');
// --topics: the topic queries instead (run them on the site of the articles alone, as eval.mjs does)
const topics = args.includes('--topics');
/** @param {string} id a query's id: its target is the id less its kind */
const halfOf = (id) => {
  let h = 2166136261;
  for (const ch of id.replace(/-[a-z]+$/, '')) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  return h % 2 ? 'test' : 'tune';
};
const queries = fs.readFileSync(queryFile, 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('id\t'))
  .map((l) => l.split('\t')).filter((c) => c[1].startsWith('topic') === topics && c[1].startsWith('en-') === (lang === 'en')
    && (half === 'all' || halfOf(c[0]) === half));
const byKind = new Map();
/** @type {[string, number][]} */
const topicScores = [];
const f2 = (/** @type {number} */ x) => x.toFixed(3);
const ranks = [];
const costs = new Map();
const corrections = new Map();
const analyzer = ix.analyzer;
const termOf = (/** @type {string} */ w) => analyzer.terms(w)[0];
/** Why the typo query's correction is or is not the word meant: one of the keys of `reasons` below. */
function correctionOf(change, res) {
  const m = /^[a-z-]+: (\S+) → (\S+)$/.exec(change);
  if (!m) return null;
  const [, meant, typed] = m;
  const slot = res.slots.find((s) => s.kind === 'word' && s.written === typed.normalize('NFC'));
  const fix = res.corrections.find((c) => c.written === typed.normalize('NFC'));
  if (!slot) return { why: 'not a word of the query', meant, typed, fix };
  if (slot.term === termOf(meant)) return { why: 'same term as meant', meant, typed, fix };
  if (slot.exact) return { why: 'typed word is in the index', meant, typed, fix };
  if (!slot.typo) return { why: 'too short to correct', meant, typed, fix };
  if (!fix) return { why: 'no correction', meant, typed, fix };
  return { why: termOf(fix.word) === termOf(meant) ? 'right correction' : 'wrong correction', meant, typed, fix };
}
for (const [id, kind, query, change, relevant, same = '-'] of queries) {
  // --cost: a fresh index per query (the manifest at hand), so that its requests and bytes are its own
  const own = args.includes('--cost') ? await core.openIndex({ manifestUrl, manifestData: ix.manifest, fetch: siteFetch, createAnalyzer }) : ix;
  const res = await core.search([own], query, { limit: 10 });
  if (own !== ix) {
    if (!costs.has(kind)) costs.set(kind, []);
    costs.get(kind).push([own.stats.requests, own.stats.bytes]);
  }
  if (kind.endsWith('typo') && args.includes('--corrections')) {
    const c = correctionOf(change, res);
    if (c) {
      if (!corrections.has(kind)) corrections.set(kind, []);
      corrections.get(kind).push({ id, ...c });
    }
  }
  const urls = res.results.map((r) => decodeURI(r.url));
  const target = new Set(relevant.split(' '));
  const lenient = new Set([...target, ...same.split(' ')]);
  if (topics) {
    const hits = urls.filter((u) => target.has(u)).length;
    topicScores.push([kind, hits / Math.min(10, target.size)]);
    console.log(`${id.padEnd(18)} ${query}\tp@10 ${f2(hits / Math.min(10, target.size))}\t${hits}/${Math.min(10, target.size)} of ${target.size} relevant, ${res.total ?? '?'} shown`
      + (args.includes('--list') ? `\n    not relevant: ${urls.filter((u) => !target.has(u)).join(' ')}` : ''));
    continue;
  }
  const rank = urls.findIndex((u) => target.has(u)) + 1;
  const rankL = urls.findIndex((u) => lenient.has(u)) + 1;
  // expected (news kinds): the target is any one of the k documents of its title, so a page that shows them at
  // ranks p… finds it at each with probability 1/k; what tie-breaks among identical titles cannot change
  const at = urls.flatMap((u, i) => (lenient.has(u) ? [i + 1] : []));
  const k = [...lenient].filter((u) => u !== '-').length;
  if (!byKind.has(kind)) byKind.set(kind, []);
  byKind.get(kind).push([rank, rankL, [at[0] === 1 ? 1 / k : 0, at.length / k, at.reduce((a, p) => a + 1 / p, 0) / k]]);
  ranks.push(`${id}\t${rank}\t${rankL}\t${query}\t${res.corrections.map((c) => `${c.written}→${c.word}`).join(' ')}`);
}
for (const kind of topics ? [...new Set(topicScores.map(([k]) => k))] : []) {
  const ps = topicScores.filter(([k]) => k === kind).map(([, p]) => p);
  console.log(`${kind} precision@10, mean of ${ps.length}: ${f2(ps.reduce((a, b) => a + b, 0) / ps.length)}`);
}
for (const [kind, rs] of byKind) {
  const m = (i, f) => rs.reduce((s, r) => s + f(r[i]), 0) / rs.length;
  const cells = (i) => `${f2(m(i, (r) => (r === 1 ? 1 : 0)))} / ${f2(m(i, (r) => (r ? 1 : 0)))} / ${f2(m(i, (r) => (r ? 1 / r : 0)))}`;
  const expected = [0, 1, 2].map((i) => f2(rs.reduce((a, r) => a + r[2][i], 0) / rs.length)).join(' / ');
  console.log(`${kind.padEnd(13)} n=${rs.length} ${cells(0)}${kind.startsWith('news-') ? ` (${cells(1)}) [expected ${expected}]` : ''}`);
}
for (const [kind, cs] of corrections) {
  const n = (/** @type {string} */ why) => cs.filter((c) => c.why === why).length;
  const tried = n('right correction') + n('wrong correction') + n('no correction');
  console.log(`${kind} corrections: right ${n('right correction')} of ${tried} corrected words`
    + ` (${f2(n('right correction') / Math.max(1, tried))}); wrong ${n('wrong correction')}, none ${n('no correction')};`
    + ` not corrected: typed word in the index ${n('typed word is in the index')}, too short ${n('too short to correct')},`
    + ` same term ${n('same term as meant')}, other ${n('not a word of the query')}`);
  if (args.includes('--list')) {
    for (const c of cs.filter((x) => x.why !== 'right correction' && x.why !== 'same term as meant')) {
      console.log(`  ${c.id}\t${c.why}\t${c.typed} → ${c.fix?.word ?? '-'}\t(meant ${c.meant})`);
    }
  }
}
if (opt('--ranks')) fs.writeFileSync(opt('--ranks'), `${ranks.join('\n')}\n`);
for (const [kind, cs] of costs) {
  const at = (/** @type {number} */ i, /** @type {number} */ q) => cs.map((c) => c[i]).sort((a, b) => a - b)[Math.min(cs.length - 1, Math.floor(q * cs.length))];
  console.log(`${kind} cost (index files, manifest at hand; median / p90 / max): requests ${at(0, 0.5)} / ${at(0, 0.9)} / ${at(0, 1)},`
    + ` KB ${[0.5, 0.9, 1].map((q) => (at(1, q) / 1024).toFixed(1)).join(' / ')}`);
}
