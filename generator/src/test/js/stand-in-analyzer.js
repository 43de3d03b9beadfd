// TEMPORARY STAND-IN for generator/src/main/js/analyzer.js (written in parallel), twin of the Java test class
// org.arshif.search.index.StandInAnalyzer that built the committed fixture. Same names: createAnalyzer(data).
const STOP = new Set(['the', 'of', 'and', 'a', 'in', 'to', 'في', 'من', 'على', 'الى', 'إلى']);

export function normalize(s) {
  return s.normalize('NFKC').replace(/[\u064B-\u065F\u0640]/g, '').replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي').replace(/ة/g, 'ه').toLowerCase();
}

export function createAnalyzer(data) {
  if (!data || data.standIn !== true) throw new Error('stand-in analyzer used with a real index');
  const tokens = (text) => {
    const out = [];
    const re = /[\p{L}\p{M}\p{Nd}]+/gu;
    let m;
    let pos = 0;
    while ((m = re.exec(text)) !== null) {
      const term = normalize(m[0]);
      if (term && !STOP.has(term)) out.push({ term, start: m.index, end: m.index + m[0].length, position: pos });
      pos++;
    }
    return out;
  };
  return { normalize, tokens, terms: (text) => tokens(text).map((t) => t.term) };
}
