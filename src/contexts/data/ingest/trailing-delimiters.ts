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

function countIn(buf: Buffer, pattern: Buffer): number {
  let n = 0;
  for (let p = buf.indexOf(pattern); p >= 0; p = buf.indexOf(pattern, p + 1)) n++;
  return n;
}

/**
 * Finds line-break bytes (LF, then CR) with `indexOf` of one byte and looks at the three bytes before each: the
 * same count as searching the four shapes (delimiter, or delimiter and two quotes, before LF or CR) one by one,
 * at a fraction of the cost (a one-byte search, where a two-byte one walked every delimiter in the file).
 */
export function trailingDelimiterScanner(delimiter: string) {
  const d = delimiter.charCodeAt(0);
  let tail = Buffer.alloc(0);
  const scanner = {
    /** Line ends of the shape above seen so far (the last line without a break included once `finish` ran). */
    count: 0,
    feed(chunk: Buffer) {
      /** The byte `back` places before position p of the chunk, reaching into the previous chunks' last bytes. */
      const before = (p: number, back: number) => (p >= back ? chunk[p - back] : tail[tail.length + p - back]);
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
