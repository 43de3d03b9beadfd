#!/usr/bin/env node
// Invariants of the real search client over a built site (issue 13), in Node: what a reader relies on whatever the
// query. Two parts, each printing its failures (the first 20) and a count; measured, not asserted (exit 0).
//
//   node bench/search-eval/check.mjs --site SITE [--lang ar] [--random N] [--seed S] [--no-range] [--client DIR]
//
// 1. Random queries (--random N, default 400; xorshift --seed S): words of the site's titles, some misspelt, mixed
//    with hostile pieces (marks, bidi and joiner controls, tatweel, digits, emoji, markup, lone surrogates, quotes,
//    very long words, up to 20 words). Per query, submitted or typed: nothing thrown; no URL twice on a page; the
//    documents holding every word shown before those holding some; the year facet adding up to the count it
//    filters (all words, else some); submitted, page 2 repeating nothing of page 1 and giving the same total.
// 2. First pages (one word): every title word whose first page is ranked from best postings (SEARCH-FORMAT §3)
//    against the full ranking of the same word: the first 10 must be the same documents in the same order.
import fs from 'node:fs';
import path from 'node:path';
import { commandLine } from './common.mjs';
import { CLIENT_DIR, loadClient, manifestUrlOf, siteFetcher } from './site-fetch.mjs';

const { args, opt, site, lang } = commandLine();
const { core, createAnalyzer } = await loadClient(path.resolve(opt('--client', CLIENT_DIR)));
const siteFetch = siteFetcher(site, { noRange: args.includes('--no-range') });
const manifestUrl = manifestUrlOf(site, lang);
const ix = await core.openIndex({ manifestUrl, fetch: siteFetch, createAnalyzer });

/** The words of the site's page titles of `lang`, sorted (the site's own vocabulary, as readers copy it). */
function titleWords() {
  const words = new Set();
  const walk = (dir, depth) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory() && depth < 5) walk(path.join(dir, e.name), depth + 1);
      else if (e.name === 'index.html') {
        const m = /<title>([^<|]*)/.exec(fs.readFileSync(path.join(dir, e.name), 'utf8'));
        if (m) m[1].split(/[\s،:.؛()«»"]+/).filter((w) => w.length > 2).forEach((w) => words.add(w));
      }
    }
  };
  walk(path.join(site, lang), 0);
  return [...words].sort();
}

const words = titleWords();
let state = Number(opt('--seed', '1')) >>> 0 || 1;
const random = () => {
  state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
  return state / 4294967296;
};
const pick = (a) => a[Math.floor(random() * a.length)];
const HOSTILE = ['"', '""', '-', '*', '?', '\u200f', '\u200e', '\u200d', '\u202e', '\u0640', '\u064b\u064c', '\u0670',
  '٣٤', '123', '🙂', '\u0000', '\t', 'ﻻ', 'ﷺ', 'İ', 'ß', 'x'.repeat(300), 'ا'.repeat(80), '\ud800', '<script>', '&amp;',
  '%E0', '/', '\\', 'الـ', 'و', 'ف', 'لل', 'بال', 'وال'];

/** A word of the site, one letter dropped, a piece inserted, two letters swapped or upper-cased. */
function misspell(w) {
  const cs = [...w];
  const r = random();
  const at = Math.floor(random() * cs.length);
  if (r < 0.15 && cs.length > 2) cs.splice(at, 1);
  else if (r < 0.3) cs.splice(at, 0, pick(HOSTILE));
  else if (r < 0.4 && at < cs.length - 1) [cs[at], cs[at + 1]] = [cs[at + 1], cs[at]];
  else if (r < 0.45) return w.toUpperCase();
  return cs.join('');
}

function randomQuery() {
  const n = 1 + Math.floor(random() * (random() < 0.1 ? 20 : 4));
  const parts = Array.from({ length: n }, () => (random() < 0.15 ? pick(HOSTILE) : random() < 0.4 ? misspell(pick(words)) : pick(words)));
  const q = parts.join(random() < 0.1 ? '' : ' ');
  return random() < 0.15 ? `"${q}"` : random() < 0.05 ? `"${q}` : q;
}

/** What is wrong with a query's first two pages; [] when nothing is. */
async function pageProblems(index, q, prefix) {
  const one = await core.search([index], q, { limit: 10, prefix });
  const urls = one.results.map((x) => x.url);
  const problems = [];
  if (new Set(urls).size !== urls.length) problems.push('a URL twice on the page');
  if (one.results.some((x, k) => !x.allWords && one.results.slice(k + 1).some((y) => y.allWords))) problems.push('some words before all words');
  const years = one.facets?.years ?? [];
  const sum = years.reduce((a, y) => a + y.count, 0);
  if (years.length && sum !== (one.total || one.some)) problems.push(`years add up to ${sum}, the count is ${one.total || one.some}`);
  // the page asks for page 2 ("more") as submitted: a typed page is provisional, and its "more" is no prefix
  if (prefix) return problems;
  const two = await core.search([index], q, { offset: 10, limit: 10 });
  const again = two.results.filter((x) => urls.includes(x.url)).map((x) => `${urls.indexOf(x.url) + 1}→${two.results.indexOf(x) + 11}`);
  if (again.length) problems.push(`page 2 repeats ${again.join(' ')}`);
  if (two.total !== one.total) problems.push(`total ${one.total} on page 1, ${two.total} on page 2`);
  return problems;
}

const failures = [];
const count = Number(opt('--random', '400'));
for (let i = 0; i < count; i++) {
  const q = randomQuery();
  const prefix = random() < 0.3;
  // a fifth on a fresh index (the manifest at hand), as a page just opened
  const index = random() < 0.2 ? await core.openIndex({ manifestUrl, manifestData: ix.manifest, fetch: siteFetch, createAnalyzer }) : ix;
  try {
    const problems = await pageProblems(index, q, prefix);
    if (problems.length) failures.push(`${JSON.stringify(q)}${prefix ? ' (typed)' : ''}: ${problems.join('; ')}`);
  } catch (e) {
    failures.push(`${JSON.stringify(q)}${prefix ? ' (typed)' : ''}: threw ${e?.name}: ${String(e?.message).slice(0, 200)}`);
  }
}
console.log(`random queries: ${count}, ${failures.length} with a problem`);
failures.slice(0, 20).forEach((f) => console.log(`  ${f}`));

let ranked = 0;
const differ = [];
for (const w of words) {
  const first = await ix.rank(w, { pageEnd: 10 });
  if (first.complete) continue;
  ranked++;
  const full = await ix.rank(w, { pageEnd: 10, full: true });
  const ids = (r) => r.ranked.slice(0, 10).map((d) => d.id).join(' ');
  if (ids(first) !== ids(full)) differ.push(`${w}\n    first page ${ids(first)}\n    full       ${ids(full)}`);
}
console.log(`first pages: ${words.length} title words, ${ranked} ranked from best postings, ${differ.length} unlike the full ranking`);
differ.slice(0, 20).forEach((f) => console.log(`  ${f}`));
