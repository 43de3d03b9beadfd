// The search client's type check: the pinned TypeScript of tools/typescript (installed with `npm ci` from its
// package-lock.json, as WorkflowFilesTest installs tools/action-validator) runs `tsc --noEmit --allowJs --checkJs`,
// strict, over src/main/js. And the house limits, read from the same parser: no function over 60 lines, no class
// over 400.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const TOOL = join(here, '..', '..', '..', '..', '..', 'tools', 'typescript');
const TSC = join(TOOL, 'node_modules', 'typescript', 'bin', 'tsc');
const CLIENT = join(here, '..', '..', 'main', 'js');
const clientFiles = readdirSync(CLIENT).filter((f) => f.endsWith('.js')).sort();

/** Why the tests cannot run here (no npm outside CI), or null. */
let unavailable = null;

const run = (command, args, cwd = TOOL) => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  return { exit: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
};

before(() => {
  if (existsSync(TSC)) return;
  if (process.env.CI !== 'true' && run('npm', ['--version']).exit !== 0) {
    unavailable = 'npm is not installed: cannot install tools/typescript (CI installs it)';
    return;
  }
  const install = run('npm', ['ci', '--no-audit', '--no-fund']);
  assert.equal(install.exit, 0, `npm ci in tools/typescript:\n${install.output}`);
});

/** tsc over a project file, with the flags that the task names spelled out (the project file sets them too). */
const tsc = (project, ...more) => run(process.execPath,
  [TSC, '-p', project, '--noEmit', '--allowJs', '--checkJs', '--pretty', 'false', ...more]);

test('every client module is type-checked, strict, without errors', (t) => {
  if (unavailable) return t.skip(unavailable);
  for (const f of clientFiles) {
    assert.match(readFileSync(join(CLIENT, f), 'utf8'), /^\/\/ @ts-check\n/, `${f} starts with // @ts-check`);
  }
  const check = tsc(join(TOOL, 'tsconfig.json'), '--listFiles');
  assert.equal(check.exit, 0, `tsc found errors in src/main/js:\n${check.output}`);
  for (const f of clientFiles) assert.ok(check.output.includes(`/generator/core/src/main/js/${f}\n`), `${f} is checked`);
});

test('the check is real: code that breaks the format types or strictness fails it', (t) => {
  if (unavailable) return t.skip(unavailable);
  const dir = mkdtempSync(join(tmpdir(), 'arshif-tsc-'));
  try {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(TOOL, 'tsconfig.json'), include: ['bad.js'] }));
    writeFileSync(join(dir, 'bad.js'), [
      '// @ts-check',
      `/** @import { Manifest } from '${join(CLIENT, 'search-format.js')}' */`,
      '/** @type {Manifest["cards"]} */',
      "export const cards = { size: 50000, files: [['k3j5p2aq', '272']] };",
      'export function untyped(x) { return x; }',
      '',
    ].join('\n'));
    const check = tsc(join(dir, 'tsconfig.json'));
    assert.notEqual(check.exit, 0, check.output);
    assert.match(check.output, /bad\.js\(4,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    assert.match(check.output, /bad\.js\(5,\d+\): error TS7006: Parameter 'x' implicitly has an 'any' type/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no function over 60 lines, no class over 400 (house rules)', (t) => {
  if (unavailable) return t.skip(unavailable);
  const ts = createRequire(join(TOOL, 'package.json'))('typescript');
  const over = [];
  for (const f of clientFiles) {
    const src = ts.createSourceFile(f, readFileSync(join(CLIENT, f), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      const limit = ts.isClassLike(node) ? 400 : ts.isFunctionLike(node) ? 60 : 0;
      if (limit) {
        const first = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
        const lines = src.getLineAndCharacterOfPosition(node.getEnd()).line - first + 1;
        const name = node.name?.getText(src) ?? (node.parent && ts.isVariableDeclaration(node.parent)
          ? node.parent.name.getText(src) : '(anonymous)');
        if (lines > limit) over.push(`${f}:${first + 1}: ${name} has ${lines} lines (limit ${limit})`);
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  assert.deepEqual(over, []);
});
