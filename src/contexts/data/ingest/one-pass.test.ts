import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { headLooksUtf8, readHead } from './detect-encoding.js';
import { useIngestLake } from './ingest-test-lake.js';
import { trailingDelimiterScanner, trailingShare } from './trailing-delimiters.js';

/**
 * The one-pass read (run-ingest.ts): a CSV whose start reads as UTF-8 is typed and written while detection reads
 * every byte. Whatever path a file takes, the report must say the same true things: these files are chosen so
 * the one-pass read starts and must be thrown away (a late CP949 byte, a late ragged row), or must stand.
 */
const { ingest, dir } = useIngestLake('one-pass-');

/** ASCII rows enough to fill the first 64 KB and the inference sample, so anything after them comes late. */
const asciiRows = (n: number) =>
  Array.from({ length: n }, (_, i) => `ST${String(i).padStart(5, '0')},${i % 97},2023-01-${String((i % 28) + 1).padStart(2, '0')}`);

describe('the one-pass read', () => {
  it('a regular UTF-8 CSV: typed, profiled and validated by row as before, its SHA-256 that of the bytes uploaded', async () => {
    const rows = asciiRows(300);
    rows[41] = 'ST00041,n/a,2023-01-14'; // one invalid integer among 300: still an integer column, the value reported by row
    const text = `\uFEFF역코드,승차,일자\r\n${rows.join('\r\n')}\r\n\r\n`;
    const r = await ingest('regular.csv', text);
    expect(r.readPath).toBe('one-pass');
    expect(r.detection).toMatchObject({ encoding: 'utf-8', bom: true, confidence: 1 });
    expect(r.sha256).toBe(createHash('sha256').update(Buffer.from(text)).digest('hex'));
    expect(r.bytes).toBe(Buffer.byteLength(text));
    expect([r.rows, r.columns]).toEqual([300, ['역코드', '승차', '일자']]);
    expect(r.schema.fields.map((f) => [f.name, f.type])).toEqual([
      ['역코드', 'string'],
      ['승차', 'integer'],
      ['일자', 'date'],
    ]);
    expect(r.validation.file).toBeUndefined();
    expect(r.validation.problems.map((p) => [p.row, p.column, p.value, p.rule])).toEqual([[42, '승차', 'n/a', 'integer']]);
    const 승차 = r.profile.find((p) => p.name === '승차')!;
    expect([승차.count, 승차.nulls, 승차.min, 승차.max]).toEqual([299, 1, 0, 96]);
  });

  it('a blank line is no row: problem rows count data rows alone, as the checked read does', async () => {
    const r = await ingest('blank.csv', '역명,승차\n서울역,1\n\n시청,x\n종각,3\n');
    expect(r.readPath).toBe('one-pass');
    expect(r.rows).toBe(3);
    expect(r.schema.fields[1]!.type).toBe('string'); // 2 of 3 numeric: below 99%, so text
    const s = await ingest('blank-s.csv', '역명,승차\n서울역,1\n\n시청,x\n종각,3\n', {
      schema: {
        fields: [
          { name: '역명', type: 'string' },
          { name: '승차', type: 'integer' },
        ],
      },
    });
    expect(s.readPath).toBe('one-pass');
    expect(s.validation.problems.map((p) => [p.row, p.column, p.value])).toEqual([[2, '승차', 'x']]);
  });

  it('a CP949 file whose first 64 KB are ASCII: the UTF-8 read is thrown away, the file transcoded and read the checked way', async () => {
    const rows = asciiRows(6000);
    expect(rows.join('\n').length).toBeGreaterThan(64 * 1024);
    const bytes = iconv.encode(`code,n,day\n${rows.join('\n')}\n강남역,7,2023-02-01\n똠방각하,8,2023-02-02\n`, 'cp949');
    const file = path.join(dir(), 'late-cp949.csv');
    await fs.writeFile(file, bytes);
    expect(headLooksUtf8(await readHead(file))).toBe(true); // so the one-pass read does start
    const r = await ingest('late-cp949.csv', bytes);
    expect(r.readPath).toBe('checked');
    expect(r.detection?.encoding).toBe('cp949');
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(r.rows).toBe(6002);
    expect(r.validation.total).toBe(0);
    const code = r.profile.find((p) => p.name === 'code')!;
    expect(code.max).toBe('똠방각하'); // UHC's 똠 (0x8C63): decoded, not a replacement character
  });

  it('a CP949 file from its first byte never starts the UTF-8 read', async () => {
    const bytes = iconv.encode('역명,승차\n서울역,1\n', 'cp949');
    const file = path.join(dir(), 'cp949.csv');
    await fs.writeFile(file, bytes);
    expect(headLooksUtf8(await readHead(file))).toBe(false);
    const r = await ingest('cp949.csv', bytes);
    expect([r.readPath, r.detection?.encoding, r.columns]).toEqual(['checked', 'cp949', ['역명', '승차']]);
  });

  it('a ragged row after the inference sample: DuckDB stops the one-pass write, the checked read counts it by row', async () => {
    const rows = asciiRows(7000);
    rows[6500] = 'ST06500,3';
    rows[6600] = 'ST06600,4,2023-01-02,extra';
    const r = await ingest('late-ragged.csv', `code,n,day\n${rows.join('\n')}\n`);
    expect(r.readPath).toBe('checked');
    expect([r.rows, r.columns]).toEqual([7000, ['code', 'n', 'day']]);
    expect(r.validation.file).toEqual({ raggedTooFew: 1, raggedTooMany: 1, replacementCells: 0 });
    expect(r.validation.problems.map((p) => [p.row, p.rule])).toEqual([
      [6501, 'ragged_too_few'],
      [6601, 'ragged_too_many'],
    ]);
    // Dropping them, as the publisher may choose, leaves the regular rows.
    const d = await ingest('late-ragged-drop.csv', `code,n,day\n${rows.join('\n')}\n`, { badRows: 'drop' });
    expect([d.readPath, d.rows, d.validation.badRows]).toEqual(['checked', 6998, { choice: 'drop', droppedRows: 2 }]);
  });

  it('a ragged row among the first rows, and trailing commas every row has, take the checked read too', async () => {
    const ragged = await ingest('early-ragged.csv', '역명,승차\n서울역,1\n시청\n');
    expect([ragged.readPath, ragged.rows, ragged.validation.file?.raggedTooFew]).toEqual(['checked', 2, 1]);
    const trailing = await ingest('trailing.csv', '역명,승차\n서울역,1,\n시청,2,\n');
    expect([trailing.readPath, trailing.columns, trailing.validation.total]).toEqual(['checked', ['역명', '승차'], 0]);
  });

  it('records wider than the header with empty fields only, which DuckDB takes silently: said as dropped when most rows have them', async () => {
    const rows = asciiRows(9000);
    const most = `code,n,day\n${rows.map((r, i) => (i < 3000 ? r : `${r},`)).join('\n')}\n`; // the first 64 KB look regular
    const r = await ingest('late-trailing.csv', most);
    expect([r.readPath, r.columns, r.dropped, r.rows, r.validation.total]).toEqual(['checked', ['code', 'n', 'day'], ['column4'], 9000, 0]);
    const few = `code,n,day\n${rows.map((r, i) => (i % 10 === 9 ? `${r},` : r)).join('\n')}\n`;
    const f = await ingest('some-trailing.csv', few);
    expect([f.readPath, f.dropped, f.rows, f.validation.total]).toEqual(['one-pass', [], 9000, 0]);
  });
});

describe('trailing delimiters, counted while another pass reads', () => {
  it('counts line ends after a delimiter, and after a quoted empty field, across every chunk boundary', () => {
    const text = Buffer.from('a,b\r\n1,2,\r\n3,4,""\n5,6\n7,8,');
    const whole = trailingDelimiterScanner(',');
    whole.feed(text);
    whole.finish();
    expect(whole.count).toBe(3);
    for (let cut = 1; cut < text.length; cut++) {
      for (let cut2 = cut; cut2 < text.length; cut2++) {
        const s = trailingDelimiterScanner(',');
        s.feed(text.subarray(0, cut));
        s.feed(text.subarray(cut, cut2));
        s.feed(text.subarray(cut2));
        s.finish();
        expect([cut, cut2, s.count]).toEqual([cut, cut2, 3]);
      }
    }
    expect(trailingShare(Buffer.from('a\tb\n1\t\n2\t3\n4\t'), '\t')).toBe(1 / 3); // complete lines only
  });

  it('gives the count of the four shapes searched one by one, on random text cut in random chunks', () => {
    const occurrences = (text: string, shape: string) => {
      let n = 0;
      for (let p = text.indexOf(shape); p >= 0; p = text.indexOf(shape, p + 1)) n++;
      return n;
    };
    let seed = 7;
    const next = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    const alphabet = [',', '"', '\n', '\r', 'a', '1', ';'];
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 1 + next(80) }, () => alphabet[next(alphabet.length)]).join('');
      for (const d of [',', ';']) {
        const expected =
          ['\n', '\r'].reduce((n, end) => n + occurrences(text, `${d}${end}`) + occurrences(text, `${d}""${end}`), 0) +
          (text.endsWith(d) || text.endsWith(`${d}""`) ? 1 : 0);
        const s = trailingDelimiterScanner(d);
        const bytes = Buffer.from(text);
        for (let at = 0; at < bytes.length; ) {
          const size = 1 + next(5);
          s.feed(bytes.subarray(at, at + size));
          at += size;
        }
        s.finish();
        expect([text, d, s.count]).toEqual([text, d, expected]);
      }
    }
  });
});
