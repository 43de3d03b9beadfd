// @ts-check
// Constructs that a comment and whitespace stripper can get wrong. ScriptStripperTest runs this file and its stripped
// form with node and compares what they print: every line below must compute the same value after stripping.
/* a block
   comment over lines */
const out = [];
const say = (/** @type {unknown} */ v) => out.push(JSON.stringify(v));

// strings that look like comments, regular expressions or templates
say('// not a comment');
say("/* nor this */ 'quoted' \" ` ${x}");
say('line \
continued');
// regular expressions holding slashes, quotes, stars and comment openers
say('a//b/*c*/d'.replace(/\/\/|\/\*|\*\//g, '|'));
say(/[/]+/.test('//'));
say('x\'y"z'.split(/['"]/));
say(typeof /re/);
const r = [/a/g, /b\/c/i];
say(r.map((x) => x.source));
// division beside regular expressions
let a = 10, b = 2, g = 5;
say(a / b / g);
say(a /b/ g);
say((a) / 2);
say([a][0] / 2);
// a regular expression right after a statement's head keeps its spaces; a call's ) is still division
if (a) /x  y/.test('x  y') && say('regex after if');
for (const w of ['p  q']) /p  q/.test(w) && say('regex after for');
while (g-- > 4) /a  b/.test('a b') || say('two spaces kept after while');
say(Math.max(a, b) / 2 / 1);
const half = a
  / b;
say(half);
// operators that would merge
say(a + +b);
say(a - -b);
say(a+ ++b);
say(a- --b);
say(a - - - b);
say(1 .toString());
say(1.5.toFixed(1));
say(.5 + a ? .5 : 1);
say(void 0);
say(typeof a);
say('k' in { k: 1 });
// templates, nested, with code and braces inside
const name = 'n';
say(`plain`);
say(`${name}/${'}'}/${{ a: 1 }.a}/${`in ${name + `most ${1 + 1}`}`}`);
say(`line one
  // kept: inside a template
    line three /* also kept */`);
say(`${name // a comment inside code inside a template
}`);
say(`${ (() => { return { v: '{' }; })().v }`);
// automatic semicolon insertion: the line breaks that end statements
function f() {
  return /* a line break in a comment ends the statement too: f() is undefined
  */ 1;
}
say(f());
function h() {
  return (
    2
  );
}
say(h());
let i = 1
let j = i
++j
say([i, j]);
const k = 3
;[4, 5].forEach((n) => say(n + k))
const l = `t`
say(l)
const obj = {
  m() { return 'm' },
  n: 2,
}
say(obj.m() + obj.n)
const fn = function () { return 'fn' }
say(fn())
let c = 0
c++
c--
c++
say(c)
label: for (const x of [1, 2]) {
  for (const y of [1, 2]) {
    if (y === 2) continue label
    say(x * 10 + y)
  }
}
say(a
  ? 'yes'
  : 'no')
say([1, 2]
  .map((x) => x * 2)
  .filter((x) => x > 2))
const arrow = (x) =>
  x + 1
say(arrow(1))
class K {
  #p = 1
  static s = 2
  get p() { return this.#p }
}
say(new K().p + K.s)
say(a?.toString() ?? 'none')
say(a?.b?.c)
say(0x1e+1)
say(1e+1 + 1E-1)
say(String(1_000n))
say(out.length);
console.log(out.join('\n'));
