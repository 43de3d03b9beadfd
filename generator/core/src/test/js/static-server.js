// A real HTTP server (node:http, 127.0.0.1, a free port) over the search fixture, so that the client's fetch code
// meets real responses: status lines, headers, bodies, connection errors.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURE } from './fixture.js';

/**
 * Serves `<root>/<lang>/<file>` at `/<lang>/search/<file>`.
 * - `ranges: true` answers Range as nginx does (206; several ranges as multipart/byteranges); `false` ignores it
 *   and sends 200 with the whole file, as `python3 -m http.server` does; `'single'` serves one range but answers
 *   several with the whole file (200, `Accept-Ranges: bytes`), and `'single416'` refuses several with 416, as many caches and CDNs do.
 * - `padCardsTo` pads every card file (`k.*.bin`) with zeros to that many bytes: its slots keep their offsets, so
 *   the fixture's card files can be as large as a big archive's.
 * - `replace(path)` may return {status} or {body} to answer a path otherwise.
 * `requests` records each request as {path, range}. `close()` stops the server.
 */
export async function startServer({ root = FIXTURE, ranges = true, padCardsTo = 0, replace = () => null } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    requests.push({ path, range: req.headers.range ?? null });
    const given = replace(path);
    if (given?.status) {
      res.writeHead(given.status, { 'content-type': 'text/plain' }).end(`status ${given.status}`);
      return;
    }
    const m = /^\/(ar|en)\/search\/([a-z0-9.]+)$/.exec(path);
    let body = given?.body;
    if (!body && m) body = await readFile(join(root, m[1], m[2])).catch(() => null);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (/\/k\.[a-z0-9]+\.bin$/.test(path) && body.length < padCardsTo) {
      body = Buffer.concat([body, Buffer.alloc(padCardsTo - body.length)]);
    }
    const spans = ranges ? parseRange(req.headers.range, body.length) : null;
    if (spans?.length > 1 && ranges === 'single416') {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    if (!spans || (spans.length > 1 && ranges === 'single')) {
      const served = { 'content-type': 'application/octet-stream', 'content-length': body.length };
      res.writeHead(200, ranges === 'single' ? { ...served, 'accept-ranges': 'bytes' } : served).end(body);
    } else if (spans.length === 1) {
      const [a, z] = spans[0];
      res.writeHead(206, { 'content-range': `bytes ${a}-${z}/${body.length}` }).end(body.subarray(a, z + 1));
    } else {
      const parts = [];
      for (const [a, z] of spans) {
        parts.push(Buffer.from(`\r\n--b0undary\r\ncontent-type: application/octet-stream\r\n`
          + `content-range: bytes ${a}-${z}/${body.length}\r\n\r\n`), body.subarray(a, z + 1));
      }
      parts.push(Buffer.from('\r\n--b0undary--\r\n'));
      res.writeHead(206, { 'content-type': 'multipart/byteranges; boundary=b0undary' }).end(Buffer.concat(parts));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    close: () => new Promise((ok) => {
      server.closeAllConnections();
      server.close(ok);
    }),
  };
}

/** [[first, last]…] of a `bytes=a-b,c-d` header, or null without one. */
function parseRange(header, size) {
  const m = /^bytes=(.+)$/.exec(header ?? '');
  if (!m) return null;
  return m[1].split(',').map((r) => r.trim().split('-').map(Number)).map(([a, z]) => [a, Math.min(z, size - 1)]);
}
