// @ts-check
// Inflate (RFC 1951) and gunzip (RFC 1952) for the search client's small reads, after Mark Adler's puff.c in zlib,
// with table lookup instead of puff's bit-by-bit decoding. A DecompressionStream costs a stream, a Response and
// several task hops per call, which for a 2 KB shard or a 300-byte card is most of a query's CPU; the client uses
// this for small inputs and the stream for large ones. The output is the same bytes either way.
//
//   import { gunzip, inflateRaw } from './inflate.js';
//   const text = new TextDecoder().decode(gunzip(bytes));

/** Lengths 257..285: base and extra bits (RFC 1951 §3.2.5). */
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Distances 0..29: base and extra bits. */
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which a dynamic block sends its code length code's lengths. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;

/** Bytes that are not what RFC 1951 or 1952 allows, or that end too soon. */
export class InflateError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(`inflate: ${message}`);
    this.name = 'InflateError';
  }
}

/**
 * A canonical Huffman code as a table indexed by the next `bits` input bits (first bit lowest): each entry is
 * (symbol << 4) | code length, 0 where no code is (an incomplete code's gaps).
 * @typedef {{bits: number, table: Int32Array}} Code
 */

/**
 * @param {ArrayLike<number>} lengths code length per symbol (0: unused)
 * @returns {Code}
 */
function buildCode(lengths) {
  const count = new Int32Array(MAX_BITS + 1);
  let bits = 0;
  for (let s = 0; s < lengths.length; s++) {
    count[lengths[s]]++;
    if (lengths[s] > bits) bits = lengths[s];
  }
  let left = 1;
  const next = new Int32Array(MAX_BITS + 1);
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - count[len];
    if (left < 0) throw new InflateError('over-subscribed Huffman code');
    next[len] = len === 1 ? 0 : (next[len - 1] + count[len - 1]) << 1;
  }
  const table = new Int32Array(1 << bits);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s];
    if (!len) continue;
    let code = next[len]++;
    let reversed = 0;
    for (let i = 0; i < len; i++, code >>= 1) reversed = (reversed << 1) | (code & 1);
    for (let i = reversed; i < table.length; i += 1 << len) table[i] = (s << 4) | len;
  }
  return { bits, table };
}

/** @type {{lit: Code, dist: Code} | null} */
let fixedCodes = null;

/** The fixed codes of block type 1, built on first use. */
function fixed() {
  if (!fixedCodes) {
    const lit = new Uint8Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixedCodes = { lit: buildCode(lit), dist: buildCode(new Uint8Array(30).fill(5)) };
  }
  return fixedCodes;
}

/** Reads a deflate stream's bits, first bit lowest, and writes its output (after an optional preset window). */
class Inflater {
  /**
   * @param {Uint8Array} src
   * @param {number} pos where the deflate stream starts
   * @param {number} capacity expected output length (a hint: the output grows past it)
   */
  constructor(src, pos, capacity) {
    this.src = src;
    this.pos = pos;
    this.bitBuf = 0;
    this.bitCount = 0;
    /** bytes past the input's end read as zeros, so that a code near the end can be looked up; never consumed */
    this.padding = 0;
    this.out = new Uint8Array(Math.max(capacity, 64));
    this.outLen = 0;
  }

  /** @param {number} n bits wanted in the buffer (≤ 24) */
  need(n) {
    while (this.bitCount < n) {
      if (this.pos < this.src.length) this.bitBuf |= this.src[this.pos++] << this.bitCount;
      else this.padding++;
      this.bitCount += 8;
    }
  }

  /** @param {number} n bits consumed */
  drop(n) {
    this.bitBuf >>>= n;
    this.bitCount -= n;
    if (this.bitCount < this.padding * 8) throw new InflateError('the data ends in the middle of a block');
  }

  /** @param {number} n (≤ 16) */
  bits(n) {
    this.need(n);
    const v = this.bitBuf & ((1 << n) - 1);
    this.drop(n);
    return v;
  }

  /** @param {Code} code */
  decode(code) {
    this.need(code.bits);
    const e = code.table[this.bitBuf & ((1 << code.bits) - 1)];
    if (e === 0) throw new InflateError('a code that the block\'s Huffman code does not have');
    this.drop(e & 15);
    return e >> 4;
  }

  /** @param {number} n more bytes the output must hold */
  room(n) {
    if (this.outLen + n <= this.out.length) return;
    const grown = new Uint8Array(Math.max(this.out.length * 2, this.outLen + n));
    grown.set(this.out.subarray(0, this.outLen));
    this.out = grown;
  }

  /** Blocks up to the last one; returns the position of the first byte after the stream. */
  run() {
    let last = 0;
    while (!last) {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(fixed().lit, fixed().dist);
      else if (type === 2) this.dynamic();
      else throw new InflateError('a block of type 3, which does not exist');
    }
    // whole bytes still in the buffer were read ahead of the stream's end: give them back
    const ahead = (this.bitCount >> 3) - this.padding;
    return this.pos - ahead;
  }

  stored() {
    this.drop(this.bitCount & 7);
    this.pos -= (this.bitCount >> 3) - this.padding;
    this.bitBuf = 0;
    this.bitCount = 0;
    this.padding = 0;
    const { src, pos } = this;
    if (pos + 4 > src.length) throw new InflateError('the data ends in a stored block\'s header');
    const len = src[pos] | (src[pos + 1] << 8);
    if ((len ^ 0xffff) !== (src[pos + 2] | (src[pos + 3] << 8))) throw new InflateError('a stored block\'s length and its complement disagree');
    if (pos + 4 + len > src.length) throw new InflateError('the data ends in a stored block');
    this.room(len);
    this.out.set(src.subarray(pos + 4, pos + 4 + len), this.outLen);
    this.outLen += len;
    this.pos = pos + 4 + len;
  }

  dynamic() {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new InflateError('too many length or distance codes');
    const lengths = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]] = this.bits(3);
    const lencode = buildCode(lengths);
    const all = new Uint8Array(nlen + ndist);
    for (let i = 0; i < all.length;) {
      const sym = this.decode(lencode);
      if (sym < 16) { all[i++] = sym; continue; }
      let value = 0;
      let times;
      if (sym === 16) {
        if (i === 0) throw new InflateError('a repeated length with no length before it');
        value = all[i - 1];
        times = 3 + this.bits(2);
      } else times = sym === 17 ? 3 + this.bits(3) : 11 + this.bits(7);
      if (i + times > all.length) throw new InflateError('more code lengths than the block declared');
      all.fill(value, i, i + times);
      i += times;
    }
    if (all[256] === 0) throw new InflateError('a block without an end-of-block code');
    this.codes(buildCode(all.subarray(0, nlen)), buildCode(all.subarray(nlen)));
  }

  /** @param {Code} lit @param {Code} dist */
  codes(lit, dist) {
    for (;;) {
      const sym = this.decode(lit);
      if (sym < 256) {
        this.room(1);
        this.out[this.outLen++] = sym;
      } else if (sym === 256) {
        return;
      } else {
        const li = sym - 257;
        if (li >= 29) throw new InflateError('a length code past 285');
        const len = LENGTH_BASE[li] + this.bits(LENGTH_EXTRA[li]);
        const di = this.decode(dist);
        if (di >= 30) throw new InflateError('a distance code past 29');
        const d = DIST_BASE[di] + this.bits(DIST_EXTRA[di]);
        if (d > this.outLen) throw new InflateError('a distance back past the start of the output');
        this.room(len);
        const out = this.out;
        for (let from = this.outLen - d, end = this.outLen + len; this.outLen < end;) out[this.outLen++] = out[from++];
      }
    }
  }
}

/**
 * Raw deflate data inflated, with an optional preset dictionary (the window the data's first distances may reach
 * into, as zlib's inflateSetDictionary).
 * @param {Uint8Array} src
 * @param {Uint8Array} [dictionary]
 * @returns {Uint8Array} the output, without the dictionary
 */
export function inflateRaw(src, dictionary) {
  const dictLen = dictionary?.length ?? 0;
  const inflater = new Inflater(src, 0, dictLen + src.length * 4);
  if (dictionary) {
    inflater.out.set(dictionary);
    inflater.outLen = dictLen;
  }
  inflater.run();
  return inflater.out.subarray(dictLen, inflater.outLen);
}

/** @type {Int32Array | null} */
let crcTable = null;

/** @param {Uint8Array} bytes */
function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

/** @param {Uint8Array} src @param {number} at little-endian 32 bits */
const u32 = (src, at) => (src[at] | (src[at + 1] << 8) | (src[at + 2] << 16) | (src[at + 3] << 24)) >>> 0;

/**
 * Where a gzip member's deflate data starts, past its header (RFC 1952 §2.3).
 * @param {Uint8Array} src
 * @param {number} at the member's first byte
 */
function skipHeader(src, at) {
  if (src.length < at + 18 || src[at] !== 0x1f || src[at + 1] !== 0x8b) throw new InflateError('not gzip data');
  if (src[at + 2] !== 8) throw new InflateError(`gzip compression method ${src[at + 2]}, not deflate`);
  const flags = src[at + 3];
  let pos = at + 10;
  if (flags & 4) pos += 2 + (src[pos] | (src[pos + 1] << 8));
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    while (pos < src.length && src[pos] !== 0) pos++;
    pos++;
  }
  if (flags & 2) pos += 2;
  if (pos > src.length) throw new InflateError('the data ends in a gzip header');
  return pos;
}

/**
 * gzip data inflated: every member, each checked against its CRC-32 and length.
 * @param {Uint8Array} src
 * @returns {Uint8Array}
 */
export function gunzip(src) {
  /** @type {Uint8Array[]} */
  const members = [];
  let at = 0;
  while (at < src.length) {
    const start = skipHeader(src, at);
    // the trailer's length (when this is the last member) sizes the output; a bad one only costs a regrowth
    const hint = Math.min(u32(src, src.length - 4), src.length * 1032);
    const inflater = new Inflater(src, start, hint);
    const end = inflater.run();
    if (end + 8 > src.length) throw new InflateError('the data ends before the gzip trailer');
    const out = inflater.out.subarray(0, inflater.outLen);
    if (crc32(out) !== u32(src, end)) throw new InflateError('the CRC-32 does not match the data');
    if ((out.length >>> 0) !== u32(src, end + 4)) throw new InflateError('the length does not match the data');
    members.push(out);
    at = end + 8;
  }
  if (members.length === 1) return members[0];
  const all = new Uint8Array(members.reduce((n, m) => n + m.length, 0));
  let pos = 0;
  for (const m of members) { all.set(m, pos); pos += m.length; }
  return all;
}
