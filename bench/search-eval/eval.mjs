#!/usr/bin/env node
// Search-quality evaluation (issue 13): runs every query of a query file in Chromium, on Arshif's search page
// and on Pagefind's JS API over the same pages, and prints the scores as a Markdown table.
//
//   node bench/search-eval/eval.mjs --site SITE [--topic-site SITE2] [--en-site SITE3] --queries FILE --raw OUT.tsv
//                                   [--engines arshif,pagefind] [--cold] [--cold-sample N]
//
// SITE is a built Arshif site; for Pagefind it must also hold Pagefind's bundle at SITE/_pagefind/
// (bench/search-eval/run indexes the article pages into it). Topic queries run on SITE2 when given (the judged
// articles alone), English queries (kinds en-*) on SITE3, an English site, on its /en/search/ page. Both engines are black boxes here: Arshif's search page is driven as a reader drives it (type the query into #search-q, press Enter, read the result links in document order), Pagefind through
// pagefind.search() and each result's data(). Each engine's page is opened once and then queried in turn, as a
// reader refines a search (--cold: a fresh page for every query); then the first N exact queries (--cold-sample,
// default 20) run once more, each on a fresh page, for the time of a first query. Per query, OUT.tsv gets: engine,
// id, kind, query, rank of the first relevant result (0: not in the first 10), relevant results among the first 10,
// the count the engine showed, milliseconds, the first 10 URLs, the rank of the first result titled exactly like the
// target (news queries: their sixth column lists the other documents of that title).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, option, pagefindPage, readQueries, serveSite } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const opt = (name, dflt) => option(args, name, dflt);
const site = path.resolve(opt('--site', ''));
const queryFile = opt('--queries', path.join(here, 'queries.tsv'));
const rawFile = opt('--raw', null);
const engines = opt('--engines', 'arshif,pagefind').split(',');
const cold = args.includes('--cold');
const coldSample = Number(opt('--cold-sample', '20'));
const TOP = 10;

const queries = readQueries(queryFile);

/** A result link as a site path: /ar/2016/01/pud-n01002/ (decoded, no index.html). */
const sitePath = (href, base) => decodeURIComponent(new URL(href, base).pathname).replace(/index\.html$/, '');

// ------------------------------------------------------------------ the two engines

/**
 * Arshif: its own search page, typed into as a reader does. The page is opened once (or per query with --cold);
 * later queries replace the text in the box, as a reader refining a search does.
 */
const arshif = {
  async open(tab, origin, lang) {
    await tab.page.goto(`${origin}/${lang}/search/`);
    await tab.page.locator('#search-q').focus(); // the page starts loading the index on focus
    // the time a search takes, measured in the page: from the form's submit to the end of aria-busy
    await tab.page.evaluate(() => {
      const clock = { start: 0, end: 0 };
      window.searchEvalClock = clock;
      document.addEventListener('submit', () => { clock.start = performance.now(); clock.end = 0; }, true);
      new MutationObserver(() => {
        if (clock.start && !clock.end && !document.querySelector('[aria-busy="true"]')) clock.end = performance.now();
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
  },
  async search(tab, query) {
    await tab.page.locator('#search-q').fill('');
    await tab.page.keyboard.type(query);
    await tab.page.keyboard.press('Enter');
    // done: the status says something and nothing is busy (the page sets aria-busy while a search runs)
    await tab.page.waitForFunction(() => {
      const status = document.querySelector('[data-search-status], .search-status');
      return status && status.textContent.trim() && !document.querySelector('[aria-busy="true"]');
    }, null, { timeout: 30000 });
    const found = await tab.page.evaluate(() => ({
      ms: window.searchEvalClock.end - window.searchEvalClock.start,
      // result items in document order, each by its first link (the title); a page may list more than one group
      hrefs: [...document.querySelectorAll('li.search-result')]
        .map((li) => li.querySelector('a[href]')?.getAttribute('href')).filter(Boolean),
      status: document.querySelector('[data-search-status], .search-status').textContent.trim(),
      url: location.href,
    }));
    const urls = [...new Set(found.hrefs.map((h) => sitePath(h, found.url)))].slice(0, TOP);
    return { urls, said: found.status, ms: found.ms };
  },
};

/** Pagefind: its JS API in a page of the same origin, initialized before the first query (as its UI does). */
const pagefind = {
  async open(tab, origin) {
    await tab.page.goto(`${origin}/_pagefind-eval.html`);
    await tab.page.waitForFunction(() => window.pagefindReady === true, null, { timeout: 30000 });
  },
  async search(tab, query) {
    const found = await tab.page.evaluate(async ({ q, top }) => {
      const start = performance.now();
      const search = await window.pagefind.search(q);
      const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
      return { urls: data.map((d) => d.url), total: search.results.length, ms: performance.now() - start };
    }, { q: query, top: TOP });
    return { urls: found.urls.map((u) => sitePath(u, 'http://site.invalid/')), said: `${found.total} results`, ms: found.ms };
  },
};

// ------------------------------------------------------------------ scores

function score(rows) {
  const byKind = new Map();
  for (const r of rows) {
    if (!byKind.has(r.kind)) byKind.set(r.kind, []);
    byKind.get(r.kind).push(r);
  }
  const out = new Map();
  for (const [kind, rs] of byKind) {
    const n = rs.length;
    const mean = (f) => rs.reduce((s, r) => s + f(r), 0) / n;
    out.set(kind, {
      n,
      s1: mean((r) => (r.rank === 1 ? 1 : 0)),
      s10: mean((r) => (r.rank >= 1 ? 1 : 0)),
      mrr: mean((r) => (r.rank >= 1 ? 1 / r.rank : 0)),
      // lenient: the target or any document with exactly its title (identical titles cannot be told apart)
      s1L: mean((r) => (r.lenientRank === 1 ? 1 : 0)),
      s10L: mean((r) => (r.lenientRank >= 1 ? 1 : 0)),
      mrrL: mean((r) => (r.lenientRank >= 1 ? 1 / r.lenientRank : 0)),
      // relevant among the first 10, out of what a perfect list could hold (fewer than 10 when fewer are relevant)
      p10: mean((r) => r.hits / Math.min(TOP, r.relevantCount)),
      ms: median(rs.map((r) => r.ms)),
    });
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

// ------------------------------------------------------------------ run

// topic queries may run on another site: the judged articles alone, without distractors nobody judged
const topicSite = path.resolve(opt('--topic-site', site));
// English queries (kinds en-*) run on the English site, on its own search page
const enSite = opt('--en-site', null) && path.resolve(opt('--en-site'));
const siteOf = (q) => (q.kind.startsWith('en-') ? enSite : q.kind.startsWith('topic') ? topicSite : site);
const missingSite = queries.find((q) => !siteOf(q));
if (missingSite) throw new Error(`query ${missingSite.id} is English: give the English site with --en-site`);
const langOf = (dir) => (dir === enSite ? 'en' : 'ar');
const sites = [...new Set(queries.map(siteOf))];
if (engines.includes('pagefind')) {
  const missing = sites.filter((d) => !fs.existsSync(path.join(d, '_pagefind', 'pagefind.js')));
  if (missing.length) {
    console.error(`no Pagefind bundle at ${missing.map((d) => `${d}/_pagefind/`).join(', ')}: Pagefind left out`);
    engines.splice(engines.indexOf('pagefind'), 1);
  } else {
    for (const d of sites) fs.writeFileSync(path.join(d, '_pagefind-eval.html'), pagefindPage(langOf(d)));
  }
}
const servers = new Map();
for (const d of sites) servers.set(d, await serveSite(d, '/'));
const browser = await launchBrowser();
const results = new Map();
const raw = [];
const problems = [];

/** One engine's queries on one site, on one page opened once (or per query with --cold). */
async function runQueries(engine, dir, list) {
  const { origin } = servers.get(dir);
  const tab = await openPage(browser, origin);
  const drive = engine === 'arshif' ? arshif : pagefind;
  const rows = [];
  let opened = false;
  for (const q of list) {
    let res;
    try {
      if (cold || !opened) await drive.open(tab, origin, langOf(dir));
      opened = true;
      res = await drive.search(tab, q.query);
    } catch (e) {
      opened = false;
      problems.push(`${engine} ${q.id} ${JSON.stringify(q.query)}: ${String(e.message).split('\n')[0]}`);
      res = { urls: [], said: 'failed', ms: NaN };
    }
    const rank = res.urls.findIndex((u) => q.relevant.has(u)) + 1;
    const hits = res.urls.filter((u) => q.relevant.has(u)).length;
    const lenientRank = res.urls.findIndex((u) => q.relevant.has(u) || q.same.has(u)) + 1;
    const change = `${q.kind.startsWith('en-') ? 'English ' : ''}${q.change.split(':')[0]}`;
    rows.push({ kind: q.kind, change, rank, lenientRank, hits, relevantCount: q.relevant.size, ms: res.ms });
    raw.push([engine, q.id, q.kind, q.query, rank, hits, res.said, Math.round(res.ms), res.urls.join(' '), lenientRank].join('\t'));
  }
  // the first query on a fresh page: a reader who arrives from a link or types into a page just opened
  const firstMs = [];
  for (const q of list.filter((x) => x.kind === 'exact').slice(0, cold ? 0 : coldSample)) {
    try {
      await drive.open(tab, origin, langOf(dir));
      firstMs.push((await drive.search(tab, q.query)).ms);
    } catch (e) {
      problems.push(`${engine} fresh page ${q.id}: ${String(e.message).split('\n')[0]}`);
    }
  }
  problems.push(...tab.problems.slice(0, 5).map((x) => `${engine}: ${x}`));
  await tab.close();
  return { rows, firstMs };
}

try {
  for (const engine of engines) {
    const rows = [];
    const firstMs = [];
    for (const d of sites) {
      const got = await runQueries(engine, d, queries.filter((q) => siteOf(q) === d));
      rows.push(...got.rows);
      firstMs.push(...got.firstMs);
    }
    const timed = rows.filter((r) => !Number.isNaN(r.ms)).map((r) => r.ms);
    const changed = rows.filter((r) => /^(en-)?(variant|typo)$/.test(r.kind));
    results.set(engine, {
      score: score(rows),
      byChange: score(changed.map((r) => ({ ...r, kind: r.change }))),
      ms: median(timed),
      firstMs: median(firstMs),
      firstN: firstMs.length,
    });
    console.error(`${engine}: ${rows.length} queries`);
  }
} finally {
  await browser.close();
  for (const server of servers.values()) await server.close();
}
if (rawFile) {
  fs.writeFileSync(rawFile, `${['engine', 'id', 'kind', 'query', 'rank', 'relevant_in_top10', 'count_shown', 'ms', 'top10', 'lenient_rank'].join('\t')}\n${raw.join('\n')}\n`);
}

// ------------------------------------------------------------------ the table
const f2 = (x) => x.toFixed(2);
const cell = (engine, kind) => {
  const s = results.get(engine)?.score.get(kind);
  if (!s) return '—';
  if (kind.startsWith('topic')) return f2(s.p10);
  const strict = `${f2(s.s1)} / ${f2(s.s10)} / ${f2(s.mrr)}`;
  return kind.startsWith('news-') ? `${strict} (${f2(s.s1L)} / ${f2(s.s10L)} / ${f2(s.mrrL)})` : strict;
};
const KINDS = [
  ['exact', 'title words as written'],
  ['variant', "with a reader's spelling variant"],
  ['typo', 'with one typo'],
  ['topic', 'topic queries, precision@10'],
  ['topic-heldout', 'held-out topic queries, precision@10'],
  ['news-exact', 'news titles: words as written, target (any of its title)'],
  ['news-variant', 'news titles: with a spelling variant, target (any of its title)'],
  ['news-typo', 'news titles: with one typo, target (any of its title)'],
  ['en-exact', 'English titles: words as written'],
  ['en-variant', "English titles: with a reader's variant (inflection, spelling, hyphen, marks)"],
  ['en-typo', 'English titles: with one typo'],
];
const shown = engines.filter((e) => results.has(e));
const names = { arshif: 'Arshif', pagefind: 'Pagefind 1.6' };
const lines = [];
lines.push(`| query kind | n | ${shown.map((e) => `${names[e]} success@1 / success@10 / MRR@10`).join(' | ')} |`);
lines.push(`|---|---:|${shown.map(() => '---:').join('|')}|`);
for (const [kind, label] of KINDS) {
  const n = results.get(shown[0])?.score.get(kind)?.n ?? 0;
  if (n) lines.push(`| ${label} | ${n} | ${shown.map((e) => cell(e, kind)).join(' | ')} |`);
}
const timeLabel = cold ? 'median query time, ms (a fresh page per query)' : 'median query time, ms (page open, one query after another)';
lines.push(`| ${timeLabel} | ${queries.length} | ${shown.map((e) => Math.round(results.get(e).ms)).join(' | ')} |`);
const firstN = results.get(shown[0])?.firstN ?? 0;
if (firstN) {
  lines.push(`| median time of the first query on a fresh page, ms | ${firstN} | ${shown.map((e) => Math.round(results.get(e).firstMs)).join(' | ')} |`);
}
// success@1 / success@10 by the change a variant or typo query made, for the analyzer's authors
const changes = [...(results.get(shown[0])?.byChange.keys() ?? [])].sort();
if (changes.length) {
  lines.push('', `| variant or typo | n | ${shown.map((e) => `${names[e]} success@1 / success@10`).join(' | ')} |`);
  lines.push(`|---|---:|${shown.map(() => '---:').join('|')}|`);
  for (const c of changes) {
    const cells = shown.map((e) => {
      const x = results.get(e).byChange.get(c);
      return x ? `${f2(x.s1)} / ${f2(x.s10)}` : '—';
    });
    lines.push(`| ${c} | ${results.get(shown[0]).byChange.get(c).n} | ${cells.join(' | ')} |`);
  }
}
console.log(lines.join('\n'));
if (problems.length) {
  console.log(`\nProblems (${problems.length}):\n${problems.slice(0, 20).map((p) => `- ${p}`).join('\n')}`);
}
