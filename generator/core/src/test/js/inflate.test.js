import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { gunzip, inflateRaw, InflateError } from '../../main/js/inflate.js';

// a fixed-seed generator, so that a failure names inputs that can be made again
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const text = Buffer.from('قال الرئيس السوري إن المحادثات في أستانا ستستأنف. The talks in Astana resume on Monday. '.repeat(40));

function inputs() {
  const rnd = random(13);
  const bytes = (n, alphabet) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * alphabet)));
  return [
    ['empty', Buffer.alloc(0)],
    ['one byte', Buffer.from([65])],
    ['text', text],
    ['random bytes', bytes(5000, 256)],
    ['few symbols (long matches)', bytes(20000, 3)],
    ['zeros (distance 1)', Buffer.alloc(70000)],
    ['a JSON shard', Buffer.from(JSON.stringify({ terms: Array.from({ length: 300 }, (_, i) => [`w${i}`, i * 7]) }))],
  ];
}

const options = [
  { level: 0 }, { level: 1 }, { level: 6 }, { level: 9 },
  { level: 6, strategy: zlib.constants.Z_FIXED }, { level: 6, strategy: zlib.constants.Z_HUFFMAN_ONLY },
  { level: 6, strategy: zlib.constants.Z_RLE }, { level: 9, memLevel: 1, windowBits: 9 },
];

test('gunzip gives zlib\'s bytes: every block type, level and strategy', () => {
  for (const [name, input] of inputs()) {
    for (const o of options) {
      const out = gunzip(zlib.gzipSync(input, o));
      assert.ok(Buffer.from(out).equals(input), `${name} ${JSON.stringify(o)}`);
    }
  }
});

test('gunzip reads a header with a name, a comment, extra field and header CRC, and members one after another', () => {
  const body = zlib.deflateRawSync(text);
  const crc = zlib.crc32 ? zlib.crc32(text) : null;
  const plain = zlib.gzipSync(text);
  const trailer = plain.subarray(plain.length - 8);
  const header = Buffer.from([0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3, 3, 0, 1, 2, 3]);
  const full = Buffer.concat([header, Buffer.from('name\0comment\0'), Buffer.from([0, 0]), body, trailer]);
  assert.ok(Buffer.from(gunzip(full)).equals(text));
  if (crc !== null) assert.equal(trailer.readUInt32LE(0), crc);
  const two = Buffer.concat([zlib.gzipSync(Buffer.from('first ')), zlib.gzipSync(Buffer.from('second'))]);
  assert.equal(new TextDecoder().decode(gunzip(two)), 'first second');
});

test('inflateRaw with a preset dictionary gives zlib\'s bytes, the dictionary left out', () => {
  const dictionary = Buffer.from('"title":"url":"/ar/2017/"date":"tags":["سوريا","أستانا"] المحادثات الرئيس السوري');
  for (const [name, input] of inputs()) {
    for (const o of options) {
      const deflated = zlib.deflateRawSync(input, { ...o, dictionary });
      assert.ok(Buffer.from(inflateRaw(deflated, dictionary)).equals(input), `${name} ${JSON.stringify(o)}`);
    }
  }
});

test('damaged or cut gzip data is refused with an InflateError, never other bytes', () => {
  const good = zlib.gzipSync(text);
  const rnd = random(7);
  let refused = 0;
  for (let i = 0; i < 300; i++) {
    const bad = Buffer.from(good);
    const at = 10 + Math.floor(rnd() * (bad.length - 10));
    bad[at] ^= 1 + Math.floor(rnd() * 255);
    assert.throws(() => gunzip(bad), InflateError, `byte ${at} changed`);
    refused++;
  }
  for (const cut of [1, 5, 9, good.length - 20, good.length - 1]) {
    assert.throws(() => gunzip(good.subarray(0, cut)), InflateError, `cut at ${cut}`);
  }
  assert.throws(() => gunzip(Buffer.concat([good, Buffer.from('junk')])), InflateError, 'bytes after the member');
  assert.throws(() => inflateRaw(Buffer.from([0xff, 0xff])), InflateError, 'block type 3');
  assert.equal(refused, 300);
});
