#!/usr/bin/env node
// Where a query's main-thread time goes on Arshif's search page (issue 13): a Chromium trace (devtools.timeline)
// of the timed runs that profile.mjs makes, the renderer main thread's self time summed per trace event name and
// divided by the runs. A companion to profile.mjs's Performance.getMetrics figures, which say how much but not what.
//
//   node bench/search-eval/trace.mjs --site SITE [--lang ar|en] [--limit N] [--rounds R] [--order repeat|fresh]
//                                    [--top N] [--out trace.json]
//
// The queries are profile.mjs's (the exact and variant ones of queries.tsv), typed into the page, warmed once, then
// searched R more times (default 3) with Enter, in profile.mjs's order (--order); each run waits 20 ms after the end
// of aria-busy, as profile.mjs does. The thread CPU column is the one to compare on a busy machine: the wall one
// counts the time the renderer waited for a core.
import fs from 'node:fs';
import path from 'node:path';
import { commandLine, installSearchClock, launchBrowser, openPage, serveSite, timedQueries } from './common.mjs';

const { opt, site, lang } = commandLine();
const { queries } = timedQueries(opt, lang, 30);
const rounds = Number(opt('--rounds', '3'));
const top = Number(opt('--top', '25'));
const order = opt('--order', 'repeat');
const out = opt('--out', null);

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute', 'toplevel',
  'blink.user_timing', 'loading', 'cc', 'disabled-by-default-devtools.timeline.frame'];

/** The [start, end] µs of each timed run, from the marks run-start and run-end. */
function windows(events) {
  const at = (name) => events.filter((e) => e.name === name && e.ph !== 'e').map((e) => e.ts).sort((a, b) => a - b);
  const starts = at('run-start');
  const ends = at('run-end');
  return starts.map((s) => [s, ends.find((e) => e > s)]);
}

/**
 * Self time (ms) per event name on one thread, of the events that start inside a timed run: complete events (X)
 * and B/E pairs, children subtracted.
 */
function selfTimes(events, tid, pid, runs) {
  const inside = (ts) => runs.some(([a, b]) => ts >= a && ts < b);
  const spans = [];
  const open = [];
  for (const e of events) {
    if (e.tid !== tid || e.pid !== pid || !inside(e.ts)) continue;
    if (e.ph === 'X' && e.dur !== undefined) {
      spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, cpu: e.tdur ?? 0 });
    } else if (e.ph === 'B') open.push({ name: e.name, ts: e.ts, tts: e.tts });
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts, cpu: (e.tts ?? 0) - (b.tts ?? 0) });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const selfCpu = new Map();
  const count = new Map();
  const stack = [];
  let total = 0;
  let totalCpu = 0;
  for (const s of spans) {
    while (stack.length && stack[stack.length - 1].end <= s.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const d = s.end - s.ts;
    if (parent) {
      self.set(parent.name, (self.get(parent.name) ?? 0) - d);
      selfCpu.set(parent.name, (selfCpu.get(parent.name) ?? 0) - s.cpu);
    } else {
      total += d;
      totalCpu += s.cpu;
    }
    self.set(s.name, (self.get(s.name) ?? 0) + d);
    selfCpu.set(s.name, (selfCpu.get(s.name) ?? 0) + s.cpu);
    count.set(s.name, (count.get(s.name) ?? 0) + 1);
    stack.push(s);
  }
  return { self, selfCpu, count, total, totalCpu };
}

const server = await serveSite(site, '/');
const browser = await launchBrowser();
try {
  const tab = await openPage(browser, server.origin);
  const page = tab.page;
  await page.goto(`${server.origin}/${lang}/search/`);
  await page.locator('#search-q').focus();
  await installSearchClock(page);
  // a timed run lies between the marks run-start and run-end (the 20 ms wait included, as in profile.mjs)
  const search = async (q, timed) => {
    await page.locator('#search-q').fill(q);
    if (timed) await page.evaluate(() => performance.mark('run-start'));
    await page.keyboard.press('Enter');
    const ms = await page.evaluate(() => window.profileClock.done);
    await page.evaluate(() => new Promise((done) => setTimeout(done, 20)));
    if (timed) await page.evaluate(() => performance.mark('run-end'));
    return ms;
  };
  await browser.startTracing(page, { categories: CATEGORIES });
  let runs = 0;
  if (order === 'fresh') {
    for (const q of queries) await search(q, false);
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) await search(q, true);
    }
    runs = rounds * queries.length;
  } else {
    for (const q of queries) {
      await search(q, false);
      for (let r = 0; r < rounds; r++, runs++) await search(q, true);
    }
  }
  const buf = await browser.stopTracing();
  if (out) fs.writeFileSync(out, buf);
  const { traceEvents } = JSON.parse(buf.toString());
  const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const { self, selfCpu, count, total, totalCpu } = selfTimes(traceEvents, main.tid, main.pid, windows(traceEvents));
  console.log(`${runs} runs of ${queries.length} queries (order ${order}), site ${site}`);
  const ms = (us) => (us / 1000 / runs).toFixed(3).padStart(7);
  console.log(`renderer main thread, top-level events per run: ${ms(total)} ms wall, ${ms(totalCpu)} ms thread CPU`);
  console.log('self ms per run (wall, thread CPU), events per run, by event name:');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const n = (count.get(name) / runs).toFixed(1);
    console.log(`  ${ms(us)}  ${ms(selfCpu.get(name))}  ${n.padStart(5)}  ${name}`);
  }
  await tab.close();
} finally {
  await browser.close();
  await server.close();
}
