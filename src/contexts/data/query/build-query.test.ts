import { describe, expect, it } from 'vitest';
import { buildExport, buildQuery } from './build-query.js';
import { decodeCursor, encodeCursor, keysetCondition } from './cursor.js';
import { familyOf, fieldTypeOf, type ColumnInfo, type TableInfo } from './duck.js';
import { normaliseValue } from './filter-values.js';
import { parseAgg, rowsParamsFromQuery, splitFilterKey } from './url-params.js';

const col = (name: string, duckType: string): ColumnInfo => ({ name, duckType, family: familyOf(duckType), type: fieldTypeOf(familyOf(duckType)) });
const table: TableInfo = {
  source: "read_parquet('/lake/x/v1.parquet')",
  rowId: 'file_row_number',
  rows: 100,
  columns: [
    col('역명', 'VARCHAR'),
    col('riders', 'BIGINT'),
    col('ratio', 'DOUBLE'),
    col('day', 'DATE'),
    col('open', 'BOOLEAN'),
    col('a"b', 'VARCHAR'),
    col('tags', 'VARCHAR[]'),
  ],
};
const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; status: number; details?: { field?: string } };
    return { code: err.code, status: err.status, field: err.details?.field };
  }
  return null;
};

describe('URL grammar', () => {
  it('splits col__op on the last double underscore, only for known operators', () => {
    expect(splitFilterKey('riders__gte')).toEqual({ column: 'riders', op: 'gte' });
    expect(splitFilterKey('a__b')).toEqual({ column: 'a__b', op: 'eq' });
    expect(splitFilterKey('a__b__in')).toEqual({ column: 'a__b', op: 'in' });
    expect(splitFilterKey('역명')).toEqual({ column: '역명', op: 'eq' });
  });

  it('reads select, sort, limit, aggregation and version; other keys are filters', () => {
    const p = rowsParamsFromQuery({
      역명: '강남',
      riders__in: '1,2',
      day__gte: ['2024-01-01', '2024-02-01'],
      select: 'a,b',
      sort: '-riders,역명',
      limit: '20',
      group_by: '역명',
      agg: 'count,sum:riders',
      version: '2',
      lang: 'en',
    });
    expect(p.filters).toEqual([
      { column: '역명', op: 'eq', value: '강남', param: '역명' },
      { column: 'riders', op: 'in', value: ['1,2'], param: 'riders__in' },
      { column: 'day', op: 'gte', value: '2024-01-01', param: 'day__gte' },
      { column: 'day', op: 'gte', value: '2024-02-01', param: 'day__gte' },
    ]);
    expect(p).toMatchObject({
      select: ['a', 'b'],
      sort: [
        { column: 'riders', desc: true },
        { column: '역명', desc: false },
      ],
      limit: 20,
      groupBy: ['역명'],
      version: 2,
    });
    expect(p.agg).toEqual([{ fn: 'count' }, { fn: 'sum', column: 'riders' }]);
    expect(error(() => parseAgg('median:x'))).toMatchObject({ code: 'data.query_agg', field: 'agg' });
    expect(error(() => rowsParamsFromQuery({ offset: '10' }))).toMatchObject({ code: 'data.query_offset', field: 'offset' });
  });
});

describe('filter values', () => {
  it('checks and normalises each type, naming the parameter', () => {
    expect(normaliseValue(' 42 ', col('n', 'BIGINT'), 'n')).toBe('42');
    expect(normaliseValue(3, col('n', 'INTEGER'), 'n')).toBe('3');
    expect(normaliseValue('-1.5e3', col('x', 'DOUBLE'), 'x')).toBe('-1.5e3');
    expect(normaliseValue('TRUE', col('b', 'BOOLEAN'), 'b')).toBe('true');
    expect(normaliseValue('2024-02-29', col('d', 'DATE'), 'd')).toBe('2024-02-29');
    expect(normaliseValue('2024-02-29T10:00:00+09:00', col('t', 'TIMESTAMP WITH TIME ZONE'), 't')).toBe('2024-02-29 10:00:00+09:00');
    expect(normaliseValue(" a'b ", col('s', 'VARCHAR'), 's')).toBe(" a'b ");
    for (const [value, type] of [
      ['1.5', 'BIGINT'],
      ['9223372036854775808', 'BIGINT'],
      ['NaN', 'DOUBLE'],
      ['yes', 'BOOLEAN'],
      ['2023-02-29', 'DATE'],
      ['25:00', 'TIME'],
      ['2024-13-01', 'TIMESTAMP'],
    ] as const) {
      expect(error(() => normaliseValue(value, col('c', type), 'c__gt'))).toEqual({ code: 'data.query_value', status: 400, field: 'c__gt' });
    }
  });
});

describe('query building', () => {
  it('reads a sorted page on a native copy by rowid, and offers the keys-first page and total only there, without offset, up to 1,000 rows', () => {
    const copy: TableInfo = { ...table, source: 'os_native_x.t', rowId: 'rowid', identity: table.source };
    const spec = { filters: [{ column: 'riders', op: 'gte' as const, value: '5' }], select: ['역명'], sort: [{ column: 'day', desc: true }], limit: 10 };
    const cursorKeys = ['2024-01-02', '7'];
    const q = buildQuery(copy, spec, cursorKeys);
    const order = 'ORDER BY "day" DESC NULLS LAST, rowid ASC NULLS LAST';
    const after = '(("day" < CAST($2 AS DATE) OR "day" IS NULL) OR ("day" = CAST($2 AS DATE) AND (rowid > CAST($3 AS BIGINT) OR rowid IS NULL)))';
    expect(q.sql).toBe(
      `SELECT "역명", "day" AS "__os_k0", rowid AS "__os_k1" FROM os_native_x.t WHERE rowid IN (SELECT rowid FROM os_native_x.t WHERE "riders" >= CAST($1 AS BIGINT) AND ${after} ${order} LIMIT 11) ${order}`,
    );
    // The count ignores the cursor; the page's rowids start after it.
    expect(q.keysFirst).toEqual({
      sql: `SELECT count(*) AS n, min_by(rowid, create_sort_key("day", 'DESC NULLS LAST', rowid, 'ASC NULLS LAST'), 11) FILTER (WHERE ${after}) AS ids FROM os_native_x.t WHERE "riders" >= CAST($1 AS BIGINT)`,
      fetchSql: `SELECT "역명", "day" AS "__os_k0", rowid AS "__os_k1" FROM os_native_x.t WHERE rowid IN (SELECT unnest(CAST($1 AS BIGINT[]))) ${order}`,
    });
    expect(q.values).toEqual(['5', '2024-01-02', '7']);
    expect(q.hash).toBe(buildQuery(table, spec, cursorKeys).hash); // a cursor holds on either source
    expect(buildQuery(table, spec, null).keysFirst).toBeNull(); // the Parquet file: its own plan
    expect(buildQuery(copy, { ...spec, offset: 20 }, null).keysFirst).toBeNull();
    expect(buildQuery(copy, { ...spec, limit: 1000 }, null).keysFirst).not.toBeNull();
    expect(buildQuery(copy, { ...spec, limit: 1001 }, null).keysFirst).toBeNull();
    expect(buildQuery(copy, { ...spec, limit: 1001 }, null).sql).toMatch(/^SELECT .* FROM os_native_x\.t WHERE "riders" >= .* LIMIT 1002$/);
  });

  it('quotes identifiers, binds every value and casts it to the column type', () => {
    const q = buildQuery(
      table,
      {
        filters: [
          { column: '역명', op: 'eq', value: "'; DROP TABLE x; --" },
          { column: 'riders', op: 'in', value: '1,2' },
          { column: 'a"b', op: 'contains', value: '%_' },
          { column: 'day', op: 'isnull', value: 'false' },
          { column: 'ratio', op: 'ne', value: '0.5' },
        ],
        select: ['역명', 'a"b'],
        sort: [{ column: 'riders', desc: true }],
        limit: 10,
      },
      null,
    );
    expect(q.sql).toBe(
      'SELECT "역명", "a""b", "riders" AS "__os_k0", file_row_number AS "__os_k1" ' +
        'FROM read_parquet(\'/lake/x/v1.parquet\') WHERE "역명" = CAST($1 AS VARCHAR) AND "riders" IN (CAST($2 AS BIGINT), CAST($3 AS BIGINT)) ' +
        'AND contains(lower(CAST("a""b" AS VARCHAR)), lower($4)) AND "day" IS NOT NULL AND "ratio" IS DISTINCT FROM CAST($5 AS DOUBLE) ' +
        'ORDER BY "riders" DESC NULLS LAST, file_row_number ASC NULLS LAST LIMIT 11',
    );
    expect(q.values).toEqual(["'; DROP TABLE x; --", '1', '2', '%_', '0.5']);
    expect(q.countSql).toContain('SELECT count(*) AS n FROM');
    expect(q.fields).toEqual([
      { name: '역명', type: 'string' },
      { name: 'a"b', type: 'string' },
    ]);
  });

  it('refuses unknown columns, operators that do not apply, and limits out of range', () => {
    expect(error(() => buildQuery(table, { filters: [{ column: 'nope', op: 'eq', value: '1' }] }, null))).toEqual({
      code: 'data.query_column',
      status: 400,
      field: 'nope__eq',
    });
    expect(error(() => buildQuery(table, { filters: [], select: ['riders', 'x'] }, null))).toMatchObject({ code: 'data.query_column', field: 'select' });
    expect(error(() => buildQuery(table, { filters: [{ column: 'tags', op: 'gt', value: 'a' }] }, null))).toMatchObject({ code: 'data.query_operator' });
    expect(error(() => buildQuery(table, { filters: [], limit: 10_001 }, null))).toMatchObject({ code: 'data.query_limit', field: 'limit' });
    expect(error(() => buildQuery(table, { filters: [], groupBy: ['역명'], agg: [{ fn: 'avg', column: '역명' }] }, null))).toMatchObject({
      code: 'data.query_agg',
    });
  });

  it('continues after a cursor with a keyset condition, and turns an offset in file order into a row condition', () => {
    const q = buildQuery(table, { filters: [], sort: [{ column: 'riders' }] }, ['5', '17']);
    expect(q.sql).toContain(
      'WHERE (("riders" > CAST($1 AS BIGINT) OR "riders" IS NULL) OR ("riders" = CAST($1 AS BIGINT) AND (file_row_number > CAST($2 AS BIGINT) OR file_row_number IS NULL)))',
    );
    expect(q.values).toEqual(['5', '17']);
    expect(buildQuery(table, { filters: [], offset: 5000, limit: 100 }, null).sql).toContain(
      'WHERE file_row_number >= 5000 ORDER BY file_row_number ASC NULLS LAST LIMIT 101',
    );
    expect(buildQuery(table, { filters: [], sort: [{ column: 'riders' }], offset: 50 }, null).sql).toMatch(/LIMIT 101 OFFSET 50$/);
  });

  it('aggregates in a subquery, named count / <column>__<fn>, sorted then by the group columns', () => {
    const q = buildQuery(
      table,
      {
        filters: [{ column: 'open', op: 'eq', value: '1' }],
        groupBy: ['역명'],
        agg: [{ fn: 'count' }, { fn: 'sum', column: 'riders' }, { fn: 'avg', column: 'ratio' }, { fn: 'max', column: 'day' }],
        sort: [{ column: 'sum:riders', desc: true }],
      },
      null,
    );
    expect(q.sql).toBe(
      'SELECT *, "riders__sum" AS "__os_k0", "역명" AS "__os_k1" FROM (SELECT *, count(*) OVER () AS "__os_total" FROM (SELECT "역명" AS "역명", count(*) AS "count", ' +
        'CAST(sum("riders") AS HUGEINT) AS "riders__sum", avg("ratio") AS "ratio__avg", max("day") AS "day__max" FROM read_parquet(\'/lake/x/v1.parquet\') ' +
        'WHERE "open" = CAST($1 AS BOOLEAN) GROUP BY "역명") AS q) AS w ORDER BY "riders__sum" DESC NULLS LAST, "역명" ASC NULLS LAST LIMIT 101',
    );
    expect(q.values).toEqual(['true']);
    expect(q.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['역명:string', 'count:integer', 'riders__sum:integer', 'ratio__avg:number', 'day__max:date']);
    expect(q.countSql).toContain('GROUP BY "역명") AS g');
  });

  it('exports every matching row in the asked order, then file order', () => {
    const e = buildExport(table, { filters: [{ column: 'riders', op: 'gte', value: '10' }], sort: [{ column: 'day', desc: true }], select: ['day'] });
    expect(e.sql).toBe(
      'SELECT "day" FROM read_parquet(\'/lake/x/v1.parquet\') WHERE "riders" >= CAST($1 AS BIGINT) ORDER BY "day" DESC NULLS LAST, file_row_number ASC',
    );
  });
});

describe('cursors', () => {
  it('round-trip and refuse anything else', () => {
    const c = { resource: 'x--table', version: 3, hash: 'abc', keys: ['강남', null, '17'] };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const bad of ['', 'not a cursor!', Buffer.from('{"r":1}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(error(() => decodeCursor(bad))).toMatchObject({ code: 'data.query_cursor', field: 'cursor' });
    }
  });

  it('handles NULL keys: after a NULL only NULLs follow, decided by the next key', () => {
    const keys = [
      { expr: '"a"', desc: false, castType: 'VARCHAR' },
      { expr: 'r', desc: false, castType: 'BIGINT' },
    ];
    let n = 0;
    const p = () => `$${++n}`;
    expect(keysetCondition(keys, [null, '9'], p)).toBe('("a" IS NULL AND (r > CAST($1 AS BIGINT) OR r IS NULL))');
    expect(keysetCondition([{ expr: '"a"', desc: true, castType: 'DATE' }], ['2024-01-01'], p)).toBe('("a" < CAST($2 AS DATE) OR "a" IS NULL)');
  });
});
