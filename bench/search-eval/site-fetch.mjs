// The search client run in Node over a built site's folder (tune.mjs, hostile.mjs, check.mjs): its modules, and a
// fetch() that is a static server with Range (one range, or several as multipart/byteranges), or one that ignores it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The client's modules in the source tree: the default of each runner's --client. */
export const CLIENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'generator', 'core', 'src',
  'main', 'js');

/**
 * The client's index module and its analyzer factory, from a folder of its modules.
 * @param {string} dir
 */
export async function loadClient(dir) {
  const core = await import(pathToFileURL(path.join(dir, 'search-index.js')).href);
  const { createAnalyzer } = await import(pathToFileURL(path.join(dir, 'analyzer.js')).href);
  return { core, createAnalyzer };
}

/**
 * @param {string} site the built site's folder
 * @param {{noRange?: boolean}} [options] noRange: answer 200 with the whole file, as `python3 -m http.server` does
 * @returns {(url: string, init?: {headers?: Record<string, string>}) => Promise<object>}
 */
export function siteFetcher(site, { noRange = false } = {}) {
  return async (url, init = {}) => {
    const file = path.join(site, decodeURIComponent(url.split('?')[0]));
    if (!fs.existsSync(file)) return { ok: false, status: 404, headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0) };
    const b = fs.readFileSync(file);
    const answer = (status, bytes, h) => ({ ok: true, status, headers: new Headers(h), body: { cancel: async () => {} },
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
    const spec = /^bytes=(.*)$/.exec(init.headers?.Range ?? '');
    if (!spec || noRange) return answer(200, b, {});
    const ranges = spec[1].split(',').map((r) => r.split('-').map(Number));
    if (ranges.length === 1) return answer(206, b.subarray(ranges[0][0], ranges[0][1] + 1), { 'content-range': `bytes ${ranges[0][0]}-${ranges[0][1]}/${b.length}` });
    const parts = ranges.flatMap(([a, z]) => [Buffer.from(`\r\n--B\r\ncontent-range: bytes ${a}-${z}/${b.length}\r\n\r\n`), b.subarray(a, z + 1)]);
    return answer(206, Buffer.concat([...parts, Buffer.from('\r\n--B--\r\n')]), { 'content-type': 'multipart/byteranges; boundary=B' });
  };
}

/**
 * The search page of `lang` in a built site: its manifest's URL, and the manifest it carries inline (null without).
 * @param {string} site
 * @param {string} lang
 */
export function searchPageOf(site, lang) {
  const page = fs.readFileSync(path.join(site, lang, 'search', 'index.html'), 'utf8');
  const inline = /data-search-manifest-data="[^"]*">([^<]*)<\/script>/.exec(page);
  return { manifestUrl: /data-search-manifest="([^"]+)"/.exec(page)[1], manifestData: inline ? JSON.parse(inline[1]) : null };
}

/** The search page's manifest URL of `lang` in a built site. */
export function manifestUrlOf(site, lang) {
  return searchPageOf(site, lang).manifestUrl;
}
