// Reading a text file's bytes once, for what the ingest must know before trusting DuckDB's read of it: UTF-8
// validity and where it first fails, the byte-order mark, the first bytes, the SHA-256, replacement characters and
// line ends that look like trailing delimiters. Plain JavaScript, so that the scan worker (scan-worker.mjs) runs it
// without the TypeScript loader; typed by scan-bytes.d.mts for the TypeScript modules that call it on the main
// thread (detect-encoding.ts, validate.ts, trailing-delimiters.ts).
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const CHUNK = 1 << 20;
export const SAMPLE_BYTES = 64 * 1024;

/** Bytes at the end of `buf` that start a UTF-8 sequence the chunk does not finish. */
export function incompleteTail(buf) {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

const validPrefix = (buf, k) => isUtf8(buf.subarray(0, k - incompleteTail(buf.subarray(0, k))));

/** Offset of the first byte that breaks UTF-8 in `buf` (binary search on valid prefixes). */
function firstInvalidUtf8(buf) {
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (validPrefix(buf, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo - incompleteTail(buf.subarray(0, lo));
}

/** Bytes a UTF-8 lead byte says its sequence has (1 for anything else). */
const sequenceLength = (b) => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1);

/**
 * One pass: BOM, the first bytes (for NUL bytes and samples), UTF-8 validity, and where it first fails. The file is
 * read into one reused buffer (no allocation per chunk), and a sequence cut by a chunk's end is checked with the
 * few bytes that complete it, so a valid file is never copied; only a failure takes the slower joined check that
 * finds the first bad byte. `onChunk` sees every chunk in order (the buffer is reused: copy what you keep).
 */
export async function scanFile(file, onChunk) {
  const scan = { size: 0, head: Buffer.alloc(0), bom: null, utf8: true, firstBadOffset: -1, badWindow: null };
  let carry = Buffer.alloc(0);
  let offset = 0;
  const handle = await fs.promises.open(file, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      if (scan.size === 0) scan.head = Buffer.from(chunk.subarray(0, SAMPLE_BYTES));
      scan.size += chunk.length;
      onChunk?.(chunk);
      if (!scan.utf8) {
        if (!scan.badWindow) scan.badWindow = Buffer.from(chunk.subarray(0, SAMPLE_BYTES));
        continue;
      }
      // The sequence the previous chunk left open, completed with this chunk's first bytes.
      const complete = carry.length ? sequenceLength(carry[0]) - carry.length : 0;
      const rest = chunk.subarray(complete);
      const cut = rest.length - incompleteTail(rest);
      const fast = complete <= chunk.length && (!carry.length || isUtf8(Buffer.concat([carry, chunk.subarray(0, complete)]))) && isUtf8(rest.subarray(0, cut));
      if (fast) {
        offset += carry.length + complete + cut;
        carry = Buffer.from(rest.subarray(cut));
        continue;
      }
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const whole = buf.length - incompleteTail(buf);
      if (!isUtf8(buf.subarray(0, whole))) {
        scan.utf8 = false;
        const bad = firstInvalidUtf8(buf.subarray(0, whole));
        scan.firstBadOffset = offset + bad;
        scan.badWindow = Buffer.from(buf.subarray(Math.max(0, bad - 4096), Math.min(buf.length, bad + SAMPLE_BYTES)));
      }
      offset += whole;
      carry = Buffer.from(buf.subarray(whole));
    }
  } finally {
    await handle.close();
  }
  if (scan.utf8 && carry.length) {
    scan.utf8 = false;
    scan.firstBadOffset = offset;
    scan.badWindow = carry;
  }
  const h = scan.head;
  if (h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) scan.bom = 'utf-8';
  else if (h[0] === 0xff && h[1] === 0xfe) scan.bom = 'utf-16le';
  else if (h[0] === 0xfe && h[1] === 0xff) scan.bom = 'utf-16be';
  return scan;
}

const REPLACEMENT_BYTES = Buffer.from('\uFFFD', 'utf8');

/**
 * Looks for a replacement character (bytes EF BF BD) in chunks of a file as another pass reads them (the
 * encoding detection's), so the text is not read again for it: `feed` each chunk in order, then read `seen`.
 */
export function replacementScanner() {
  let tail = Buffer.alloc(0);
  const scanner = {
    seen: false,
    feed(chunk) {
      if (scanner.seen) return;
      // Only the seam needs copying: the last two bytes before the chunk and its first two.
      if (chunk.includes(REPLACEMENT_BYTES) || (tail.length && Buffer.concat([tail, chunk.subarray(0, 2)]).includes(REPLACEMENT_BYTES))) scanner.seen = true;
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 2)));
    },
  };
  return scanner;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Counts line ends shaped like a record with trailing empty fields (trailing-delimiters.ts says why): it finds
 * line-break bytes (LF, then CR) with `indexOf` of one byte and looks at the three bytes before each, the same
 * count as searching the four shapes (delimiter, or delimiter and two quotes, before LF or CR) one by one, at a
 * fraction of the cost (a one-byte search, where a two-byte one walked every delimiter in the file).
 */
export function trailingDelimiterScanner(delimiter) {
  const d = delimiter.charCodeAt(0);
  let tail = Buffer.alloc(0);
  const scanner = {
    /** Line ends of the shape above seen so far (the last line without a break included once `finish` ran). */
    count: 0,
    feed(chunk) {
      /** The byte `back` places before position p of the chunk, reaching into the previous chunks' last bytes. */
      const before = (p, back) => (p >= back ? chunk[p - back] : tail[tail.length + p - back]);
      for (const end of [LF, CR]) {
        for (let p = chunk.indexOf(end); p >= 0; p = chunk.indexOf(end, p + 1)) {
          const b1 = before(p, 1);
          if (b1 === d) scanner.count++;
          if (b1 === QUOTE && before(p, 2) === QUOTE && before(p, 3) === d) scanner.count++;
        }
      }
      const joined = chunk.length < 3 ? Buffer.concat([tail, chunk]) : chunk;
      tail = Buffer.from(joined.subarray(Math.max(0, joined.length - 3)));
    },
    finish() {
      if (tail.at(-1) === d || (tail.length === 3 && tail[0] === d && tail[1] === QUOTE && tail[2] === QUOTE)) scanner.count++;
    },
  };
  return scanner;
}

/**
 * The whole scan of an upload in one read: scanFile's findings, the SHA-256 of the bytes, whether a replacement
 * character occurs, and (given the delimiter) the count of trailing-delimiter line ends.
 */
export async function scanUpload(file, delimiter) {
  const hash = createHash('sha256');
  const replacement = replacementScanner();
  const trailing = delimiter ? trailingDelimiterScanner(delimiter) : null;
  const scan = await scanFile(file, (chunk) => {
    hash.update(chunk);
    replacement.feed(chunk);
    trailing?.feed(chunk);
  });
  trailing?.finish();
  return { scan, sha256: hash.digest('hex'), replacementSeen: replacement.seen, trailingCount: trailing ? trailing.count : null };
}
