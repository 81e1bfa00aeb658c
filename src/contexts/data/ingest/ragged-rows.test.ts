import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRaggedRows } from './ragged-rows.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragged-'));
const write = (name: string, text: string | Buffer) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};

/** Hand-made files (labelled): each one exercises one rule of the ragged-row pass. */
describe('findRaggedRows', () => {
  it('counts rows with too few and too many fields, by data row, CRLF and blank lines included', async () => {
    const r = await findRaggedRows(write('a.csv', '\uFEFFa,b,c\r\n1,2,3\r\n\r\n4,5\r\n6,7,8,9\r\n'), ',', ['a', 'b', 'c']);
    expect([r.tooFew, r.tooMany, r.rows, r.maxFields, r.commonWidth]).toEqual([1, 1, [2, 3], 4, 3]);
    expect(r.problems.map((p) => [p.row, p.column, p.rule, p.value])).toEqual([
      [2, 'c', 'ragged_too_few', '4,5'],
      [3, 'c', 'ragged_too_many', '9'],
    ]);
  });

  it('reads quotes as DuckDB does: delimiters, doubled quotes and line breaks inside a quoted field are not ragged', async () => {
    const r = await findRaggedRows(write('q.csv', 'a,b\n"x, y","say ""hi"""\n"two\nlines",2\n'), ',', ['a', 'b']);
    expect([r.tooFew, r.tooMany, r.rows]).toEqual([0, 0, []]);
  });

  it('empty fields after the last column (trailing delimiters, "") are not values; a row may stop before unnamed header cells', async () => {
    const r = await findRaggedRows(write('t.csv', '"a","b",,\n"1","2","",""\n"3","4",,,\n5,6\n'), ',', ['a', 'b', '', '']);
    expect([r.tooFew, r.tooMany, r.commonWidth]).toEqual([0, 0, 4]);
  });

  it('quotes a ragged row in Korean whole when a read chunk ends inside one of its characters', async () => {
    const head = '\uFEFF역명,호선\n';
    const filler = '서울,1\n'.repeat(Math.ceil((1 << 20) / 10));
    // One padding row puts the ragged row's first byte just before the 1 MiB chunk boundary, so '강' (3 bytes) is split.
    const prefix = Buffer.byteLength(head + filler);
    const target = (1 << 20) * Math.ceil((prefix + 8) / (1 << 20)) - 1;
    const padRow = `${'p'.repeat(target - prefix - 3)},1\n`;
    const ragged = '강남,2,추가 값\n';
    expect(Buffer.byteLength(head + filler + padRow)).toBe(target);
    const text = head + filler + padRow + ragged;
    const r = await findRaggedRows(write('ko.csv', text), ',', ['역명', '호선']);
    expect([r.tooFew, r.tooMany, r.problems[0]?.value]).toEqual([0, 1, '추가 값']);
  });

  it('finds one long row among 300,000 across read chunks, and tabs for TSV', async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => `${i}\tx`);
    rows[250_000] = '250000\tx\tsurprise';
    const r = await findRaggedRows(write('long.tsv', `a\tb\n${rows.join('\n')}\n`), '\t', ['a', 'b']);
    expect([r.tooMany, r.rows, r.problems[0]?.value]).toEqual([1, [250_001], 'surprise']);
  });
});
