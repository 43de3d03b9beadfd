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
      + '`mvn -B -q test -Dtest=SearchIndexFixtureTest -Darshif.updateFixture=true` in generator/core/ first');
  }
  return JSON.parse(await readFile(f, 'utf8'));
}

/**
 * fetch() over the fixture: /<lang>/search/<file> -> search-fixture/<lang>/<file>. Range requests are answered
 * like nginx (206, multipart/byteranges for several ranges) unless `mode` says otherwise:
 * 'first' serves only the first range, 'none' ignores Range (200, whole file); 'single' serves one range but
 * answers several with the whole file (200, Accept-Ranges: bytes), and 'single416' refuses several with 416 (as many CDNs and caches do).
 */
export function fixtureFetchWith(mode = 'multi', root = FIXTURE) {
  return async (url, init = {}) => {
    const m = /^\/(ar|en)\/search\/([a-z0-9.]+)$/.exec(url);
    const notFound = { ok: false, status: 404, headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0) };
    if (!m) return notFound;
    let b;
    try {
      b = await readFile(join(root, m[1], m[2]));
    } catch {
      return notFound;
    }
    const ok = (status, bytes, headers) => ({
      ok: true, status, headers: new Headers(headers),
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    });
    const spec = /^bytes=(.*)$/.exec(init.headers?.Range ?? '');
    if (!spec || mode === 'none') return ok(200, b, { 'content-length': String(b.length) });
    let ranges = spec[1].split(',').map((r) => r.split('-').map(Number));
    if (mode === 'first') ranges = ranges.slice(0, 1);
    if (mode === 'single' && ranges.length > 1) {
      return ok(200, b, { 'content-length': String(b.length), 'accept-ranges': 'bytes' });
    }
    if (mode === 'single416' && ranges.length > 1) {
      return { ok: false, status: 416, headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0) };
    }
    if (ranges.length === 1) {
      const [a, z] = ranges[0];
      return ok(206, b.subarray(a, z + 1), { 'content-range': `bytes ${a}-${z}/${b.length}` });
    }
    const enc = new TextEncoder();
    const chunks = [];
    for (const [a, z] of ranges) {
      chunks.push(enc.encode(`\r\n--XYZ\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${a}-${z}/${b.length}\r\n\r\n`));
      chunks.push(b.subarray(a, z + 1));
    }
    chunks.push(enc.encode('\r\n--XYZ--\r\n'));
    const body = Buffer.concat(chunks);
    return ok(206, body, { 'content-type': 'multipart/byteranges; boundary=XYZ' });
  };
}

export const fixtureFetch = fixtureFetchWith('multi');

export async function open(lang, stats = newStats(), fetch = fixtureFetch) {
  const manifests = await fixtureManifests();
  return openIndex({ manifestUrl: `/${lang}/search/${manifests[lang]}`, fetch, createAnalyzer, stats });
}
