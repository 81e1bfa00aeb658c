/**
 * Records that end in empty fields beyond the header (`서울역,1,` under `역명,승차`). DuckDB's strict reader takes
 * them without a word, so the one-pass read (run-ingest.ts) cannot see them; the checked read counts them, and when
 * they are the file's common width it says the trailing column was dropped. Such a record ends, before its line
 * break, in the delimiter or in a quoted empty field after one (`,""`). This counts line ends of that shape while
 * another pass reads the file (detection's), with `indexOf` only: a bound, not a parse. A line whose last column
 * is simply empty is counted too, so the count is at least the number of such records, never fewer.
 *
 * The common width can exceed the header's only if more than half the records carry extra fields (the width most
 * records have wins; a tie goes to the narrower), so fewer than that many such line ends proves the one-pass read
 * says what the checked read would.
 */
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

function patterns(delimiter: string): Buffer[] {
  const d = delimiter.charCodeAt(0);
  return [Buffer.from([d, LF]), Buffer.from([d, CR]), Buffer.from([d, QUOTE, QUOTE, LF]), Buffer.from([d, QUOTE, QUOTE, CR])];
}

function countIn(buf: Buffer, pattern: Buffer, ends: (p: number) => boolean = () => true): number {
  let n = 0;
  for (let p = buf.indexOf(pattern); p >= 0; p = buf.indexOf(pattern, p + 1)) if (ends(p)) n++;
  return n;
}

export function trailingDelimiterScanner(delimiter: string) {
  const shapes = patterns(delimiter);
  const d = delimiter.charCodeAt(0);
  let tail = Buffer.alloc(0);
  const scanner = {
    /** Line ends of the shape above seen so far (the last line without a break included once `finish` ran). */
    count: 0,
    feed(chunk: Buffer) {
      for (const s of shapes) scanner.count += countIn(chunk, s);
      if (tail.length) {
        // Shapes across the seam: those starting in the previous chunk's last bytes and ending in this one.
        const seam = Buffer.concat([tail, chunk.subarray(0, 3)]);
        for (const s of shapes) scanner.count += countIn(seam, s, (p) => p < tail.length && p + s.length > tail.length);
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

/** The share of complete lines in a sample (a file's head) that end like a record with trailing empty fields. */
export function trailingShare(head: Buffer, delimiter: string): number {
  const last = head.lastIndexOf(LF);
  if (last < 0) return 0;
  const text = head.subarray(0, last + 1);
  const lines = countIn(text, Buffer.from([LF]));
  const scanner = trailingDelimiterScanner(delimiter);
  scanner.feed(text);
  return scanner.count / lines;
}
