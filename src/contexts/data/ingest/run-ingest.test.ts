import fs from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useIngestLake } from './ingest-test-lake.js';

/** The pipeline on every format, against an in-memory DuckDB (no database: the use cases add the catalogue rows). */
const { ingest, dir, lake } = useIngestLake('run-ingest-');

/** A one-sheet XLSX built by hand (shared strings, a number, a date serial with its style). */
function xlsx(rows: Array<Array<string | number>>): Buffer {
  const strings: string[] = [];
  const cell = (v: string | number, ref: string) =>
    typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="s"><v>${strings.push(v) - 1}</v></c>`;
  const sheet = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(v, `${String.fromCharCode(65 + j)}${i + 1}`)).join('')}</row>`).join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
      ),
      'xl/sharedStrings.xml': strToU8(
        `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
      ),
    }),
  );
}

describe('runIngest on every format', () => {
  it('CSV with ragged rows, trailing commas and an empty unnamed column', async () => {
    const r = await ingest('ragged.csv', '역명,승차,,\n서울역,"1,234",,\n시청,987\n종각,12,,,\n');
    expect(r.columns).toEqual(['역명', '승차']);
    expect(r.dropped).toEqual(['column3', 'column4']); // the last row's fifth cell is empty: DuckDB reads it as a trailing comma
    expect(r.rows).toBe(3);
    expect(r.sampleRows).toEqual([
      { 역명: '서울역', 승차: '1234' },
      { 역명: '시청', 승차: '987' },
      { 역명: '종각', 승차: '12' },
    ]);
  });

  it('CSV records up to 4 MB, longer than DuckDB reads by default, also where one spans two 16 MiB read buffers', async () => {
    // 12 records of 3.5 MB: 42 MB, so the first 16 MiB buffer ends inside the fifth record, the second in the tenth.
    const long = (i: number) => String.fromCharCode(97 + i).repeat(3_500_000);
    const csv = `번호,내용\n${Array.from({ length: 12 }, (_, i) => `${i + 1},${long(i)}\n`).join('')}`;
    const r = await ingest('long.csv', csv);
    expect(r.rows).toBe(12);
    const c = await lake().connect();
    const read = await c.runAndReadAll(
      `SELECT "번호"::INTEGER AS 번호, length("내용")::INTEGER AS n, "내용"[1] AS c FROM read_parquet('${r.parquet}') ORDER BY 1`,
    );
    c.closeSync();
    expect(read.getRowObjectsJS()).toEqual(Array.from({ length: 12 }, (_, i) => ({ 번호: i + 1, n: 3_500_000, c: String.fromCharCode(97 + i) })));
  });

  it('TSV, and a CP949 TSV given by the publisher', async () => {
    const r = await ingest('t.tsv', '역명\t승차\n서울역\t1\n');
    expect([r.format, r.delimiter, r.rows, r.columns]).toEqual(['tsv', '\t', 1, ['역명', '승차']]);
    const k = await ingest('k.txt', iconv.encode('역명\t승차\n서울역\t1\n', 'cp949'), { format: 'tsv' });
    expect([k.detection?.encoding, k.columns]).toEqual(['cp949', ['역명', '승차']]);
  });

  it('JSON arrays, Seoul {DESCRIPTION, DATA} objects and NDJSON, nested values as JSON text', async () => {
    const array = await ingest(
      'a.json',
      JSON.stringify([
        { 역명: '서울역', 승차: 1, 위치: { 층: 'B1' } },
        { 역명: '시청', 승차: 2 },
      ]),
    );
    expect(array.schema.fields.map((f) => [f.name, f.type])).toEqual([
      ['역명', 'string'],
      ['승차', 'integer'],
      ['위치', 'string'],
    ]);
    expect(array.sampleRows[0]).toEqual({ 역명: '서울역', 승차: '1', 위치: '{"층":"B1"}' });
    const seoul = await ingest(
      's.json',
      JSON.stringify({
        DESCRIPTION: { STN_NM: '역명' },
        DATA: [
          { stn_nm: '서울역', stn_cd: '0150' },
          { stn_nm: '시청', stn_cd: '0151' },
        ],
      }),
    );
    expect([seoul.rows, seoul.columns, seoul.schema.fields[1]!.type]).toEqual([2, ['stn_nm', 'stn_cd'], 'string']);
    const nd = await ingest('n.ndjson', '{"a":1}\n{"a":2}\n{"a":"x"}\n');
    expect([nd.format, nd.rows]).toEqual(['ndjson', 3]);
  });

  it('Parquet keeps its rows and is typed again from text', async () => {
    const file = path.join(dir(), 'in.parquet');
    const conn = await lake().connect();
    await conn.run(
      `COPY (SELECT range AS id, 'Seoul-' || range AS name, DATE '2023-01-01' + range::INTEGER AS day FROM range(100)) TO '${file}' (FORMAT parquet)`,
    );
    conn.closeSync();
    const r = await ingest('copy.parquet', await fs.readFile(file));
    expect([r.format, r.detection, r.rows]).toEqual(['parquet', null, 100]);
    expect(r.schema.fields.map((f) => f.type)).toEqual(['integer', 'string', 'date']);
  });

  it('XLSX: the first sheet through the CSV path', async () => {
    const r = await ingest(
      'book.xlsx',
      xlsx([
        ['역명', '승차'],
        ['서울역', 1234],
        ['시청', 987.5],
      ]),
    );
    expect([r.format, r.rows, r.columns]).toEqual(['xlsx', 2, ['역명', '승차']]);
    expect(r.schema.fields[1]!.type).toBe('number');
  });

  it('says where a row longer than the others is (by row and column), instead of inventing a column or refusing the file', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},x`);
    rows[25_000] = '25000,x,surprise';
    const r = await ingest('long-row.csv', `a,b\n${rows.join('\n')}\n`);
    expect([r.columns, r.rows, r.validation.file]).toEqual([['a', 'b'], 30_000, { raggedTooFew: 0, raggedTooMany: 1, replacementCells: 0 }]);
    expect(r.validation.problems.filter((p) => p.rule === 'ragged_too_many').map((p) => [p.row, p.column, p.value])).toEqual([[25_001, 'b', 'surprise']]);
  });

  it('refuses a header without rows, and a file in no format we read', async () => {
    await expect(ingest('h.csv', '역명,승차\n')).rejects.toMatchObject({ code: 'data.no_rows', status: 422 });
    await expect(ingest('x.parquet', 'not parquet')).rejects.toMatchObject({ code: 'data.file_invalid' });
    await expect(ingest('bad.xlsx', Buffer.from('PK\u0003\u0004broken'))).rejects.toMatchObject({ code: 'data.file_unreadable' });
  });

  it('demotes a column that looked numeric in the first rows but is not on the whole file', async () => {
    const rows = [...Array.from({ length: 6000 }, (_, i) => `${i}`), ...Array.from({ length: 200 }, () => 'n/a')];
    const r = await ingest('late.csv', `값\n${rows.join('\n')}\n`);
    expect(r.schema.fields[0]!.type).toBe('string');
    expect(r.validation.total).toBe(0);
  });
});
