import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes what needs quoting, writes objects as JSON, starts with a BOM (the spreadsheet dialect)', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [null, { k: 1 }],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n,"{""k"":1}"\r\n');
  });

  it('quotes a lone LF or CR in a CRLF file, and writes booleans, numbers and dates as text', () => {
    expect(toCsv(['v'], [['line\nbreak'], ['cr\rx'], [true], [false], [1.5], [10n], [new Date('2026-01-01T00:00:00Z')], [undefined]])).toBe(
      '\uFEFFv\r\n"line\nbreak"\r\n"cr\rx"\r\ntrue\r\nfalse\r\n1.5\r\n10\r\n2026-01-01T00:00:00.000Z\r\n\r\n',
    );
  });

  it('writes GTFS: no BOM, LF, a leading or trailing space quoted', () => {
    expect(
      toCsv(
        ['stop_id', 'stop_name'],
        [
          ['a', ' 교대'],
          ['b', '강남 '],
          ['c', '"x", y'],
        ],
        'gtfs',
      ),
    ).toBe('stop_id,stop_name\na," 교대"\nb,"강남 "\nc,"""x"", y"\n');
  });

  it('reads back as written, by a CSV parser', () => {
    const rows = [['a,b', 'c"d', 'e\nf', ' g ', '한글']];
    for (const dialect of ['spreadsheet', 'gtfs'] as const) {
      expect(parse(toCsv(['1', '2', '3', '4', '5'], rows, dialect), { bom: true, from_line: 2 })).toEqual(rows);
    }
    expect(csvLines([['x']], 'spreadsheet', true)).toBe('\uFEFFx\r\n');
  });
});
