#!/usr/bin/env node
// Per-query cost in Chromium (issue 13): the wall time and the page's main-thread CPU of each query, for Arshif's
// search page and for Pagefind's JS API over the same pages, on a site that bench/search-eval/run built. Measured,
// not asserted: a profile to read, not a test.
//
//   node bench/search-eval/profile.mjs --site SITE [--queries FILE] [--kinds exact,variant] [--limit N]
//                                      [--engines arshif,pagefind] [--lang ar|en] [--rounds R] [--functions N]
//                                      [--order repeat|fresh] [--persistent] [--after-typing]
//
// SITE: work/search-eval/site-distractors (Arabic) or site-en with --lang en (the queries of kinds en-*), with
// Pagefind's bundle in SITE/_pagefind/ (run puts it there). Each engine's page is opened once; each query runs
// once to warm it (shards fetched, code compiled), then R more times (default 3), as a reader who searches again
// does. Per run: wall ms (Arshif: from the form's submit to the end of aria-busy, as eval.mjs times it, the query
// typed beforehand; Pagefind: search() and the first 10 results' data()), and the page's main-thread busy ms from the
// devtools protocol's Performance.getMetrics before and after (TaskDuration: every task, script, style, layout,
// paint; ScriptDuration; LayoutDuration + RecalcStyleDuration), the tasks the search left queued included. Prints
// median / p90 per engine. Pagefind's page draws no results, so only the script column compares the two engines.
// --order fresh: every query is warmed first, then the timed runs go through the queries in turn, R times, so that
// each run shows other results than the last (new cards, facets and URL), where repeat (the default) times the same
// query R times in a row, the page showing what it showed already.
// --persistent: each engine's page in a browser with a profile of its own (a temporary one), which keeps history as a
// reader's browser does, where the default context is off the record (Playwright's): there Chromium downloads and
// decodes the page's icon again after every history.pushState, main-thread work that Arshif's URL update then pays.
// --after-typing (Arshif): each query is typed and its results while typing (the prefix search after the typing
// pause) are shown before the timed Enter, as when a reader reads them and then presses Enter.
// --functions N: also a sampled CPU profile (Profiler, 100 µs) of the timed runs, with the N functions of most self
// time per query, for where the time goes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  commandLine, installSearchClock, launchBrowser, launchPersistent, openPage, pagefindPage, serveSite, timedQueries,
} from './common.mjs';

const { args, opt, site, lang } = commandLine();
const { queries, kinds } = timedQueries(opt, lang, 60);
const rounds = Number(opt('--rounds', '3'));
const engines = opt('--engines', 'arshif,pagefind').split(',');
const topFunctions = Number(opt('--functions', '0'));
const order = opt('--order', 'repeat');
const persistent = args.includes('--persistent');
const afterTyping = args.includes('--after-typing');


/** Arshif's page, typed into as eval.mjs does; returns the page's own wall time of the search. */
const arshif = {
  async open(page, origin) {
    await page.goto(`${origin}/${lang}/search/`);
    await page.locator('#search-q').focus();
    await installSearchClock(page);
  },
  /** Types the query (not timed: Pagefind is given its query as text); --after-typing: waits for its results. */
  async prepare(page, query) {
    await page.locator('#search-q').fill(query);
    if (!afterTyping) return;
    await page.waitForTimeout(400); // the page's typing pause (180 ms), then its prefix search
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  },
  async search(page) {
    await page.keyboard.press('Enter');
    return page.evaluate(() => window.profileClock.done);
  },
};

const pagefind = {
  prepare: async () => {},
  async open(page, origin) {
    await page.goto(`${origin}/_pagefind-profile.html`);
    await page.waitForFunction(() => window.pagefindReady === true, null, { timeout: 30000 });
  },
  search(page, query) {
    return page.evaluate(async (q) => {
      const start = performance.now();
      const search = await window.pagefind.search(q);
      await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return performance.now() - start;
    }, query);
  },
};

/** The main thread's cumulative busy ms: all tasks, script alone, style and layout. */
const busyMs = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name) => metrics.find((m) => m.name === name).value * 1000;
  return { task: ms('TaskDuration'), script: ms('ScriptDuration'), layout: ms('LayoutDuration') + ms('RecalcStyleDuration') };
};

/** Self time per function (name, file:line) over a CPU profile's samples. */
function selfTimes(profile, into) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url) || ''}:${f.lineNumber + 1}`;
    into.set(key, (into.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
}

/** A page in an off-the-record context of `browser`, or (--persistent) in a browser with a profile of its own. */
async function openTab(browser, origin) {
  if (!persistent) return openPage(browser, origin);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-profile-'));
  const context = await launchPersistent(dir);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const close = async () => {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { page, problems, close };
}

async function profileEngine(browser, origin, name) {
  const drive = name === 'arshif' ? arshif : pagefind;
  const tab = await openTab(browser, origin);
  const cdp = await tab.page.context().newCDPSession(tab.page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await drive.open(tab.page, origin);
  const wall = [];
  const cpu = { task: [], script: [], layout: [] };
  const functions = new Map();
  const warm = async (q) => {
    await drive.prepare(tab.page, q);
    await drive.search(tab.page, q); // warm: the query's shards fetched, its code compiled
  };
  const timed = async (q) => {
    await drive.prepare(tab.page, q);
    const before = await busyMs(cdp);
    wall.push(await drive.search(tab.page, q));
    // the tasks the search left queued (Arshif's URL update) count too
    await tab.page.evaluate(() => new Promise((done) => setTimeout(done, 20)));
    const after = await busyMs(cdp);
    for (const k of Object.keys(cpu)) cpu[k].push(after[k] - before[k]);
  };
  /** @param {string[]} runs the timed queries, in turn */
  const profiled = async (runs) => {
    if (topFunctions) await cdp.send('Profiler.start');
    for (const q of runs) await timed(q);
    if (topFunctions) selfTimes((await cdp.send('Profiler.stop')).profile, functions);
  };
  if (order === 'fresh') {
    for (const q of queries) await warm(q);
    for (let r = 0; r < rounds; r++) await profiled(queries);
  } else {
    for (const q of queries) {
      await warm(q);
      await profiled(Array(rounds).fill(q));
    }
  }
  const problems = tab.problems.slice(0, 5);
  await tab.close();
  return { wall, cpu, functions, problems };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (engines.includes('pagefind')) fs.writeFileSync(path.join(site, '_pagefind-profile.html'), pagefindPage(lang));
const server = await serveSite(site, '/');
const browser = await launchBrowser();
try {
  console.log(`${queries.length} queries (${[...kinds].join(', ')}), ${rounds} timed runs each (order ${order}${persistent ? ', persistent profile' : ''}${afterTyping ? ', after typing' : ''}), site ${site};`);
  console.log('ms per query, median / p90');
  console.log('| engine | wall | main thread: all tasks | script | style and layout |');
  console.log('|---|---:|---:|---:|---:|');
  const tops = [];
  for (const name of engines) {
    const got = await profileEngine(browser, server.origin, name);
    const f1 = (x) => x.toFixed(1);
    const cell = (xs) => `${f1(median(xs))} / ${f1(quantile(xs, 0.9))}`;
    console.log(`| ${name} | ${[got.wall, got.cpu.task, got.cpu.script, got.cpu.layout].map(cell).join(' | ')} |`);
    if (got.problems.length) tops.push(`${name} problems: ${got.problems.join('; ')}`);
    if (topFunctions) {
      const runs = got.wall.length;
      const top = [...got.functions].sort((a, b) => b[1] - a[1]).slice(0, topFunctions);
      tops.push(`\n${name}: self time per timed query, ms (sampled)`);
      tops.push(...top.map(([k, ms]) => `  ${(ms / runs).toFixed(2).padStart(6)}  ${k}`));
    }
  }
  if (tops.length) console.log(tops.join('\n'));
} finally {
  await browser.close();
  await server.close();
}
