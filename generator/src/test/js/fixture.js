// Loads the committed index fixture written by the Java writer (SearchIndexFixtureTest) through a fetch shim.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { openIndex, newStats } from '../../main/js/search-index.js';
import { createAnalyzer } from '../../main/js/analyzer.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURE = join(here, '..', 'resources', 'search-fixture');

export async function fixtureManifests() {
  const f = join(FIXTURE, 'fixture.json');
  if (!existsSync(f)) {
    throw new Error(`search fixture missing at ${FIXTURE}: run `
      + '`mvn -B -q test -Dtest=SearchIndexFixtureTest -Darshif.updateFixture=true` in generator/ first');
  }
  return JSON.parse(await readFile(f, 'utf8'));
}

/** fetch() over the fixture: /<lang>/search/<file> -> search-fixture/<lang>/<file>. */
export async function fixtureFetch(url) {
  const m = /^\/(ar|en)\/search\/([a-z0-9.]+)$/.exec(url);
  if (!m) return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
  try {
    const b = await readFile(join(FIXTURE, m[1], m[2]));
    return { ok: true, status: 200, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) };
  } catch {
    return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
  }
}

export async function open(lang, stats = newStats()) {
  const manifests = await fixtureManifests();
  return openIndex({ manifestUrl: `/${lang}/search/${manifests[lang]}`, fetch: fixtureFetch, createAnalyzer, stats });
}
