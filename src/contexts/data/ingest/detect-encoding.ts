import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../../core/errors.js';
import { hangulPlausibility, latinPlausibility } from './plausibility.js';

/**
 * Which encoding a text file is in. Order of evidence: a byte-order mark; then the whole file being valid UTF-8
 * (checked in streaming chunks, so a late CP949 byte is not missed); otherwise CP949, Latin-1 and windows-1252
 * are each scored by chardet's statistical model *and* by how plausible the decoded text is (plausibility.ts),
 * because a wrong single-byte guess decodes without error. The publisher sees every candidate with its score
 * and a decoded sample line, and may override.
 */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'cp949', 'latin1', 'windows-1252'] as const;
export type EncodingId = (typeof ENCODINGS)[number];

export interface EncodingCandidate {
  encoding: EncodingId;
  score: number;
  sample: string;
}
export interface Detection {
  encoding: EncodingId;
  /** 0..1: the chosen candidate's score (1 for a BOM or valid UTF-8). */
  confidence: number;
  bom: boolean;
  /** True when the publisher chose the encoding. */
  overridden: boolean;
  candidates: EncodingCandidate[];
}

const ALIASES: Record<string, EncodingId> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-sig': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  cp949: 'cp949',
  'euc-kr': 'cp949',
  euckr: 'cp949',
  'ks_c_5601-1987': 'cp949',
  'windows-949': 'cp949',
  uhc: 'cp949',
  ms949: 'cp949',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
  iso88591: 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

/** The canonical id of an encoding name a publisher typed, or a 422 naming the ones we read. */
export function encodingId(name: string): EncodingId {
  const key = name.trim().toLowerCase();
  const id = ALIASES[key] ?? ALIASES[key.replace(/_/g, '-')];
  if (!id) {
    throw new AppError('data.encoding_unknown', `Unknown encoding "${name}"; use one of ${ENCODINGS.join(', ')} (EUC-KR is read as its superset CP949)`, 422, {
      field: 'encoding',
      encodings: ENCODINGS,
    });
  }
  return id;
}

/**
 * Decodes bytes (no BOM) with one of our encodings; never throws (bad bytes become U+FFFD). CP949 goes through
 * iconv-lite: Node's ICU 'euc-kr' decoder here lacks the UHC extension (0x8C63 = 똠 comes out as "c").
 */
export function decodeBytes(bytes: Uint8Array, encoding: EncodingId): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'latin1') return buf.toString('latin1');
  if (encoding === 'cp949') return iconv.decode(buf, 'cp949');
  return new TextDecoder(encoding).decode(bytes);
}

const CHUNK = 1 << 20;
const SAMPLE_BYTES = 64 * 1024;

/** Bytes a UTF-8 lead byte says its sequence has (1 for anything else). */
const sequenceLength = (b: number) => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1);

/** Bytes at the end of `buf` that start a UTF-8 sequence the chunk does not finish. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    return sequenceLength(b) > back ? back : 0;
  }
  return 0;
}

const validPrefix = (buf: Buffer, k: number) => isUtf8(buf.subarray(0, k - incompleteTail(buf.subarray(0, k))));

/** Offset of the first byte that breaks UTF-8 in `buf` (binary search on valid prefixes). */
function firstInvalidUtf8(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (validPrefix(buf, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo - incompleteTail(buf.subarray(0, lo));
}

interface Scan {
  size: number;
  head: Buffer;
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null;
  utf8: boolean;
  firstBadOffset: number;
  badWindow: Buffer | null;
}

/**
 * One pass: BOM, NUL bytes near the start (binary files), UTF-8 validity, and where it first fails. The file is
 * read into one reused buffer (no allocation per chunk), and a sequence cut by a chunk's end is checked with the
 * few bytes that complete it, so a valid file is never copied; only a failure takes the slower joined check that
 * finds the first bad byte.
 */
async function scanFile(file: string, onChunk?: (chunk: Buffer) => void): Promise<Scan> {
  const scan: Scan = { size: 0, head: Buffer.alloc(0), bom: null, utf8: true, firstBadOffset: -1, badWindow: null };
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
      const complete = carry.length ? sequenceLength(carry[0]!) - carry.length : 0;
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

/** Lines holding non-ASCII bytes: where encodings differ. Capped so detection stays fast on big files. */
function interestingLines(...windows: Array<Buffer | null>): Buffer[] {
  const lines: Buffer[] = [];
  let total = 0;
  for (const w of windows) {
    if (!w) continue;
    let start = 0;
    while (start < w.length && total < SAMPLE_BYTES) {
      let end = w.indexOf(0x0a, start);
      if (end < 0) end = w.length;
      const line = w.subarray(start, end);
      if (line.some((b) => b >= 0x80)) {
        lines.push(line);
        total += line.length + 1;
      }
      start = end + 1;
    }
  }
  return lines;
}

const CHARDET_NAMES: Record<string, EncodingId> = { 'EUC-KR': 'cp949', 'ISO-8859-1': 'latin1', 'windows-1252': 'windows-1252', 'UTF-8': 'utf-8' };
const cleanSample = (text: string) => text.replace(/\r/g, '').trim().slice(0, 200);

/** Scores CP949, Latin-1 and windows-1252 on the lines that matter; best first. */
export function scoreCandidates(lines: Buffer[]): EncodingCandidate[] {
  const sample = Buffer.concat(lines.flatMap((l) => [l, Buffer.from([0x0a])]));
  const statistical: Partial<Record<EncodingId, number>> = {};
  for (const m of chardet.analyse(sample)) {
    const id = CHARDET_NAMES[m.name];
    if (id && statistical[id] === undefined) statistical[id] = m.confidence / 100;
  }
  const hasC1 = sample.some((b) => b >= 0x80 && b <= 0x9f);
  const candidates = (['cp949', 'latin1', 'windows-1252'] as const).map((encoding) => {
    const text = decodeBytes(sample, encoding);
    const plausible = encoding === 'cp949' ? hangulPlausibility(text) : latinPlausibility(text);
    // Plausibility weighs more: the statistical model has no notion of which symbols a data file holds.
    let score = 0.4 * (statistical[encoding] ?? 0) + 0.6 * plausible;
    // Without bytes 0x80–0x9F both Latin tables decode alike: prefer ISO-8859-1, as chardet names it.
    if (encoding === 'windows-1252' && !hasC1) score -= 0.01;
    const line = lines.map((l) => decodeBytes(l, encoding)).find((l) => /[^\x00-\x7f]/.test(l)) ?? '';
    return { encoding, score: Math.max(0, Math.round(score * 1000) / 1000), sample: cleanSample(line) };
  });
  return candidates.sort((a, b) => b.score - a.score);
}

/** Line (1-based) holding a byte offset, for error messages. */
async function lineAt(file: string, offset: number): Promise<number> {
  let line = 1;
  if (offset <= 0) return line;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK, end: offset - 1 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) line++;
  }
  return line;
}

/** A file's first 64 KB: the bounded sample the one-pass read is decided on (run-ingest.ts). */
export async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  const buf = Buffer.alloc(SAMPLE_BYTES);
  try {
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * True when a file's head could be UTF-8 text (no UTF-16 byte-order mark, no NUL byte, no invalid sequence). It
 * decides nothing the publisher is told; it only says whether reading the file as UTF-8 while `detectEncoding`
 * checks every byte is worth starting.
 */
export function headLooksUtf8(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  if (head.includes(0)) return false;
  return isUtf8(head.subarray(0, head.length - incompleteTail(head)));
}

/**
 * `onChunk` sees every byte of the file once (the caller hashes it without reading the file again). The chunk's
 * memory is reused for the next one: a consumer copies what it keeps.
 */
export async function detectEncoding(file: string, opts: { override?: string | null; onChunk?: (chunk: Buffer) => void } = {}): Promise<Detection> {
  const override = opts.override ? encodingId(opts.override) : null;
  const scan = await scanFile(file, opts.onChunk);
  if (scan.size === 0) throw new AppError('data.file_empty', 'The file is empty', 422, { field: 'file' });
  const nul = scan.bom?.startsWith('utf-16') ? -1 : scan.head.indexOf(0);
  if (nul >= 0) {
    throw new AppError('data.file_binary', `The file looks binary (a NUL byte at offset ${nul}): upload CSV, TSV, JSON, NDJSON, XLSX or Parquet`, 415, {
      field: 'file',
      offset: nul,
    });
  }
  const firstLine = (enc: EncodingId) =>
    cleanSample(decodeBytes(scan.head.subarray(scan.bom ? (scan.bom === 'utf-8' ? 3 : 2) : 0, 4096), enc).split('\n')[0] ?? '');
  if (scan.bom) {
    const encoding = scan.bom;
    if (override && override !== encoding) {
      throw new AppError('data.encoding_mismatch', `The file starts with a ${encoding.toUpperCase()} byte-order mark; it cannot be read as ${override}`, 422, {
        field: 'encoding',
      });
    }
    return { encoding, confidence: 1, bom: true, overridden: Boolean(override), candidates: [{ encoding, score: 1, sample: firstLine(encoding) }] };
  }
  if (scan.utf8) {
    const lines = interestingLines(scan.head);
    const sample = lines.length ? cleanSample(lines[0]!.toString('utf8')) : firstLine('utf-8');
    const candidates: EncodingCandidate[] = [{ encoding: 'utf-8', score: 1, sample }];
    if (override && override !== 'utf-8')
      candidates.push({ encoding: override, score: 0, sample: lines.length ? cleanSample(decodeBytes(lines[0]!, override)) : sample });
    return { encoding: override ?? 'utf-8', confidence: override && override !== 'utf-8' ? 0 : 1, bom: false, overridden: Boolean(override), candidates };
  }
  if (override === 'utf-8' || override?.startsWith('utf-16')) {
    const line = await lineAt(file, scan.firstBadOffset);
    throw new AppError(
      'data.encoding_invalid',
      `Not valid ${override.toUpperCase()}: a bad byte sequence on line ${line} (near byte ${scan.firstBadOffset})`,
      422,
      { field: 'encoding', line, offset: scan.firstBadOffset },
    );
  }
  const candidates = scoreCandidates(interestingLines(scan.head, scan.badWindow));
  const chosen = override ? candidates.find((c) => c.encoding === override)! : candidates[0]!;
  return { encoding: chosen.encoding, confidence: chosen.score, bom: false, overridden: Boolean(override), candidates };
}
