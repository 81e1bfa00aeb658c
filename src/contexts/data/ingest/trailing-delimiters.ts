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
import { trailingDelimiterScanner } from './scan-bytes.mjs';

export { trailingDelimiterScanner };

const LF = 0x0a;

function countIn(buf: Buffer, pattern: Buffer): number {
  let n = 0;
  for (let p = buf.indexOf(pattern); p >= 0; p = buf.indexOf(pattern, p + 1)) n++;
  return n;
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
