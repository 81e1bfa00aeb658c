import { describe, expect, it } from 'vitest';
import { rowsParamsFromQuery } from '../query/url-params.js';
import { filterKey, readableUrl, rowsApiPairs, rowsApiUrl } from './equivalent-api.js';
import { equivalentSql, sqlLiteral } from './equivalent-sql.js';
import { filtersOf, parseQueryForm, rowsParamsOf } from './query-form.js';

const columns = [
  { name: '측정일시', family: 'date' as const },
  { name: '측정소명', family: 'string' as const },
  { name: '미세먼지농도(㎍/㎥)', family: 'integer' as const },
  { name: 'sort', family: 'string' as const },
];

describe('the rows API address of a query', () => {
  it('reads back as the same parameters (the API grammar round-trips)', () => {
    const form = parseQueryForm({
      col1: '측정소명',
      op1: 'eq',
      val1: '강남구',
      col2: '측정일시',
      op2: 'gte',
      val2: '2020-01-01',
      col3: 'sort',
      op3: 'eq',
      val3: 'x',
      group: '측정소명',
      fn1: 'avg',
      of1: '미세먼지농도(㎍/㎥)',
      fn2: 'count',
      sort: 'avg:미세먼지농도(㎍/㎥)',
      dir: 'desc',
      limit: '50',
    });
    const params = rowsParamsOf(form);
    const url = new URL(rowsApiUrl('air-quality-daily', params), 'http://x');
    expect(url.pathname).toBe('/api/v1/data/datasets/air-quality-daily/rows');
    expect(url.searchParams.get('측정소명')).toBe('강남구');
    expect(url.searchParams.get('측정일시__gte')).toBe('2020-01-01');
    expect(url.searchParams.get('sort__eq')).toBe('x');
    const back = rowsParamsFromQuery(Object.fromEntries(url.searchParams));
    expect(back.filters!.map((f) => [f.column, f.op, f.value])).toEqual(params.filters!.map((f) => [f.column, f.op, f.value]));
    expect(back.groupBy).toEqual(['측정소명']);
    expect(back.agg).toEqual([{ fn: 'avg', column: '미세먼지농도(㎍/㎥)' }, { fn: 'count' }]);
    expect(back.sort).toEqual([{ column: 'avg:미세먼지농도(㎍/㎥)', desc: true }]);
    expect(back.limit).toBe(50);
  });

  it('spells out the operator when the short form would read as another column or a reserved word', () => {
    expect(filterKey({ column: '역명', op: 'eq' })).toBe('역명');
    expect(filterKey({ column: 'limit', op: 'eq' })).toBe('limit__eq');
    expect(filterKey({ column: 'a__gt', op: 'eq' })).toBe('a__gt__eq');
    expect(filterKey({ column: 'a', op: 'contains' })).toBe('a__contains');
    expect(rowsApiPairs({ filters: [], select: ['a', 'b'], limit: 20, cursor: 'abc' })).toEqual([
      ['select', 'a,b'],
      ['limit', 20],
      ['version', undefined],
      ['cursor', 'abc'],
    ]);
  });
});

describe('the readable API address', () => {
  it('keeps Korean readable and escapes only what would change the meaning', () => {
    const url = rowsApiUrl('air-quality-daily', {
      filters: [
        { column: '측정소명', op: 'in', value: '강남구,A&B' },
        { column: '미세먼지농도(㎍/㎥)', op: 'gte', value: '50%' },
      ],
      sort: [{ column: 'x y', desc: true }],
      limit: 20,
    });
    const readable = readableUrl(url);
    expect(readable).toBe('/api/v1/data/datasets/air-quality-daily/rows?측정소명__in=강남구,A%26B&미세먼지농도(㎍/㎥)__gte=50%25&sort=-x%20y&limit=20');
    expect([...new URL(readable, 'http://x').searchParams]).toEqual([...new URL(url, 'http://x').searchParams]);
  });
});

describe('the equivalent SQL', () => {
  it("selects from the sandbox view with typed literals, in the API's order", () => {
    const params = rowsParamsOf(
      parseQueryForm({
        col1: '측정소명',
        op1: 'eq',
        val1: "O'Brien",
        col2: '측정일시',
        op2: 'gte',
        val2: '2020-01-01',
        select: ['측정일시', '측정소명'],
        sort: '미세먼지농도(㎍/㎥)',
        dir: 'desc',
      }),
    );
    expect(equivalentSql('air-quality-daily', params, columns, { offset: 40 })).toBe(
      [
        'SELECT "측정일시", "측정소명"',
        'FROM "air_quality_daily"',
        `WHERE "측정소명" = 'O''Brien'`,
        `  AND "측정일시" >= DATE '2020-01-01'`,
        'ORDER BY "미세먼지농도(㎍/㎥)" DESC NULLS LAST',
        'LIMIT 20 OFFSET 40',
      ].join('\n'),
    );
  });

  it('groups and orders like the API (by the asked output, then the group columns), for an older version', () => {
    const params = rowsParamsOf(
      parseQueryForm({ group: '측정소명', fn1: 'avg', of1: '미세먼지농도(㎍/㎥)', sort: 'avg:미세먼지농도(㎍/㎥)', dir: 'desc', version: '2', limit: '10' }),
    );
    expect(equivalentSql('air-quality-daily', params, columns)).toBe(
      [
        'SELECT "측정소명", avg("미세먼지농도(㎍/㎥)") AS "미세먼지농도(㎍/㎥)__avg"',
        'FROM "air-quality-daily@v2"',
        'GROUP BY "측정소명"',
        'ORDER BY "미세먼지농도(㎍/㎥)__avg" DESC NULLS LAST, "측정소명" ASC NULLS LAST',
        'LIMIT 10',
      ].join('\n'),
    );
  });

  it('never lets typed text change the statement: identifiers and text are quoted, numbers only when numeric', () => {
    expect(sqlLiteral('1; DROP TABLE x', 'integer')).toBe("'1; DROP TABLE x'");
    expect(sqlLiteral('+12.5e3', 'number')).toBe('12.5e3');
    expect(sqlLiteral('true', 'boolean')).toBe('TRUE');
    expect(sqlLiteral('2020-01-01T10:00', 'timestamp')).toBe("TIMESTAMP '2020-01-01 10:00'");
    const params = {
      filters: [
        { column: 'a"b', op: 'contains' as const, value: "x'y" },
        { column: 'n', op: 'in' as const, value: '1,2,x' },
        { column: 'n', op: 'isnull' as const, value: 'false' },
      ],
      limit: 5,
    };
    expect(
      equivalentSql('d-1', params, [
        { name: 'a"b', family: 'string' },
        { name: 'n', family: 'integer' },
      ]),
    ).toBe(
      ['SELECT *', 'FROM "d_1"', `WHERE contains(lower("a""b"), lower('x''y'))`, `  AND "n" IN (1, 2, 'x')`, '  AND "n" IS NOT NULL', 'LIMIT 5'].join('\n'),
    );
  });
});

describe('the query form', () => {
  it('shows three filter rows, every filled one, and one more when asked', () => {
    expect(parseQueryForm({}).filters).toHaveLength(3);
    expect(parseQueryForm({ col5: 'a', val5: '1' }).filters).toHaveLength(5);
    expect(parseQueryForm({ rows: '3', addRow: '1' }).filters).toHaveLength(4);
    expect(parseQueryForm({ rows: '99', addRow: '1' }).filters).toHaveLength(10);
  });

  it('sends rows that name a column; a missing value is reported by row', () => {
    const form = parseQueryForm({ col1: 'a', op1: 'gt', val1: '', col2: 'b', op2: 'isnull', col3: '', val3: 'ignored', op4: 'bogus' });
    const { filters, missing } = filtersOf(form.filters);
    expect(missing).toEqual([1]);
    expect(filters).toEqual([{ column: 'b', op: 'isnull', value: 'true', param: 'filter2' }]);
    expect(parseQueryForm({ limit: '5000' }).limit).toBe(1000);
  });

  it('ignores select when grouping (the API refuses both at once)', () => {
    const params = rowsParamsOf(parseQueryForm({ select: 'a', group: 'b' }));
    expect(params.select).toBeUndefined();
    expect(params.groupBy).toEqual(['b']);
  });
});
