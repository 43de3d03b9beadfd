#!/usr/bin/env node
// Hostile queries against the real search client (issue 13's audit, w22-queries): runs each query of a fixed list
// through the client's own search() in Node, over a built site's index files, on a fresh index each time (the
// manifest at hand, as a search page carries it inline), and prints per query: what came back or what was thrown,
// the index requests and bytes it cost, and the CPU time. Typing (`--prefix`) runs each query as the page runs a
// pause in typing (the last word is also a prefix).
//
//   node bench/search-eval/hostile.mjs --site SITE [--lang ar] [--prefix] [--no-range] [--client DIR] [--only N]
//
// --client: a folder with the client's modules (default: generator/core/src/main/js). --no-range: a server that
// ignores Range (200 with the whole file), as `python3 -m http.server` does.
import path from 'node:path';
import { commandLine } from './common.mjs';
import { CLIENT_DIR, loadClient, searchPageOf, siteFetcher } from './site-fetch.mjs';

const { args, opt, site, lang } = commandLine();
const prefix = args.includes('--prefix');
const noRange = args.includes('--no-range');
const only = opt('--only', null);
const { core, createAnalyzer } = await loadClient(path.resolve(opt('--client', CLIENT_DIR)));

const siteFetch = siteFetcher(site, { noRange });

const { manifestUrl, manifestData } = searchPageOf(site, lang);

const words50 = 'الحكومة الوزير الرئيس المجلس الاقتصاد السياسة الأمن الدولة المدينة الشعب العالم الجيش الحرب السلام '
  + 'المفاوضات الاتفاق البرلمان الانتخابات الحزب المعارضة الشرطة المحكمة القانون الدستور الصحة التعليم الجامعة '
  + 'المدرسة الطلاب المعلمين الزراعة الصناعة التجارة النفط الغاز الكهرباء المياه الطرق النقل السياحة الثقافة '
  + 'الفن الرياضة الكرة الملعب الفريق المباراة البطولة الجمهور الإعلام الصحافة';
/** [label, query]: the audit's list (full-queries.md). */
export const QUERIES = [
  ['empty', ''],
  ['whitespace', ' \t\n  \u00a0\u3000 '],
  ['punctuation', '!!! ... ؟؟ ،، «» — () [] {} *** ###'],
  ['2000 chars', 'الاقتصاد '.repeat(223).slice(0, 2000)],
  ['2000 letters, no space', 'ب'.repeat(2000)],
  ['50 distinct words', words50],
  ['50 distinct misspelt', words50.split(' ').map((w) => w.slice(0, -2) + w.at(-1) + w.at(-2)).join(' ')],
  ['one word ×30', Array(30).fill('الاقتصاد').join(' ')],
  ['harakat only', '\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d'],
  ['tatweel only', '\u0640\u0640\u0640'],
  ['tatweel inside', 'الاقـــتصاد'],
  ['ZWJ/ZWNJ inside', 'الاق\u200dتص\u200cاد'],
  ['bidi marks inside', '\u200fالاقتصاد\u200e \u202bسورية\u202c \u2067الحكومة\u2069 \u202e\u202d\u2066\u2068'],
  ['BOM', '\ufeffالاقتصاد'],
  ['NUL and controls', '\u0000الاق\u0001تصاد\u0007\u001b[31m\u007f\u0085\u009b'],
  ['lone surrogates', '\ud800الاقتصاد\udfff \ud83d'],
  ['emoji', '🇸🇾 الاقتصاد 👍🏽 👨‍👩‍👧'],
  ['presentation forms', 'ﺍﻻﻗﺘﺼﺎﺩ ﺳﻮﺭﻳﺔ'],
  ['Persian ی/ک, digits', 'ایران کتاب ۲۰۲۰'],
  ['Arabic-Indic digits', '٢٠٢٠ ١٩٩٠'],
  ['full-width Latin', 'ＳＹＲＩＡ Ｅｃｏｎｏｍｙ'],
  ['mixed Arabic+Latin word', 'الاقتصادeconomy abcسورية'],
  ['NFD', 'إيران'.normalize('NFD') + ' ' + 'café'.normalize('NFD')],
  ['upper case', 'SYRIA ECONOMY'],
  ['Turkish i', 'İSTANBUL ıstanbul İzmir'],
  ['markup', '<img src=x onerror=alert(1)>'],
  ['script', '"><script>alert(1)</script>'],
  ['javascript:', 'javascript:alert(1)'],
  ['open quote', '"الاقتصاد السوري'],
  ['quotes only', '"""'],
  ['stop words only', 'في من على إلى عن مع هذا التي الذي'],
  ['en stop words', 'the of and to in is'],
  ['16 phrases', words50.split(' ').slice(0, 32).map((w, i, a) => (i % 2 ? '' : `"${w} ${a[i + 1]}"`)).join(' ')],
  ['32 phrases of 1 word', words50.split(' ').slice(0, 32).map((w) => `"${w}"`).join(' ')],
  ['phrases of the commonest', '"الحكومة السورية" "الرئيس الأسد" "مجلس الأمن" "وزير الخارجية" "الأمم المتحدة" "في سورية"'],
];

const list = only ? QUERIES.filter((_, i) => String(i) === only) : QUERIES;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const [label, q] of list) {
  const stats = core.newStats();
  const ix = await core.openIndex({ manifestUrl, manifestData, fetch: siteFetch, createAnalyzer, stats });
  const t0 = cpu();
  const w0 = performance.now();
  let what;
  try {
    const r = await core.search([ix], q, { prefix });
    what = `total ${r.total} some ${r.some} shown ${r.results.length} slots ${r.slots.length}`
      + (r.corrections.length ? ` corrected ${r.corrections.map((c) => `${c.written}→${c.word}`).join(' ').slice(0, 80)}` : '');
  } catch (e) {
    what = `THROWN ${e?.name}: ${String(e?.message).slice(0, 160)}`;
  }
  const ms = cpu() - t0;
  console.log(`${label.padEnd(24)}\t${stats.requests} req\t${(stats.bytes / 1024).toFixed(1)} KB\t${ms.toFixed(0)} ms CPU\t`
    + `${(performance.now() - w0).toFixed(0)} ms wall\t${what}`);
}
