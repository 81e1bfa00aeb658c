import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system, type Actor } from '../../src/core/auth/actor.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { equivalentSql } from '../../src/contexts/data/pages/equivalent-sql.js';
import { parseQueryForm, rowsParamsOf } from '../../src/contexts/data/pages/query-form.js';
import { openVersion, queryRows } from '../../src/contexts/data/query/query-rows.js';
import { SANDBOX_LIMITS } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { runSql } from '../../src/contexts/data/query/sandbox/run-sql.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * The query builder's promise: the SQL it shows, run in the SQL sandbox, answers exactly what the rows API
 * answers for the same form. Each case is a query-builder form (as its GET parameters); sorts are on unique
 * keys, so both sides have one right order.
 */
let t: TestContext;
let actor: Actor;

const TABLE = `SELECT range AS id,
  CASE WHEN range % 7 = 6 THEN NULL ELSE (['강남', '서울역', '잠실', '홍대입구', '신도림', 'O''Hare'])[range % 7 + 1] END AS "역 이름",
  (range * 37) % 500 AS riders, (range % 40) / 8.0 AS "비율(%)", DATE '2024-01-01' + (range % 90)::INT AS day, range % 4 = 0 AS open
  FROM range(2000)`;

beforeAll(async () => {
  t = await createTestContext();
  await createFixtureDataset(t.services, 'equivalence-demo');
  await publishFixtureVersion(t.services, 'equivalence-demo', { sql: 'SELECT range AS id, 1 AS riders FROM range(3)' });
  await publishFixtureVersion(t.services, 'equivalence-demo', { sql: TABLE });
  const user = await createUser(t.services, system(), { email: 'learner@example.kr', password: 'learner password 1', role: 'citizen' });
  actor = { kind: 'user', user: { id: user.id, email: user.email, displayName: 'learner', role: 'citizen', memberships: [] } };
  SANDBOX_LIMITS.refreshMs = 0;
}, 120_000);
afterAll(() => t.close());

const normalise = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v);

const FORMS: Array<[string, Record<string, string | string[]>]> = [
  [
    'equality on text, chosen columns, sorted',
    { col1: '역 이름', op1: 'eq', val1: '잠실', select: ['id', '역 이름', 'riders'], sort: 'id', dir: 'desc', limit: '15' },
  ],
  [
    'a quote in a value, dates and numbers',
    {
      col1: '역 이름',
      op1: 'eq',
      val1: "O'Hare",
      col2: 'day',
      op2: 'gte',
      val2: '2024-02-15',
      col3: '비율(%)',
      op3: 'lt',
      val3: '2.5',
      sort: 'id',
      limit: '50',
    },
  ],
  [
    'not equal keeps the empty values; lists of integers',
    { col1: '역 이름', op1: 'ne', val1: '강남', col2: 'riders', op2: 'in', val2: '0,37,74,111,148', sort: 'id', limit: '100' },
  ],
  ['empty values, booleans', { col1: '역 이름', op1: 'isnull', val1: 'true', col2: 'open', op2: 'eq', val2: 'true', sort: 'id', limit: '40' }],
  [
    'contains and starts with ignore case',
    { col1: '역 이름', op1: 'contains', val1: 'hare', col2: '역 이름', op2: 'startswith', val2: 'o', sort: 'id', limit: '30' },
  ],
  [
    'groups with aggregates, sorted by one',
    { col1: 'day', op1: 'lt', val1: '2024-03-01', group: '역 이름', fn1: 'avg', of1: '비율(%)', fn2: 'count', sort: '비율(%)__avg', dir: 'desc', limit: '10' },
  ],
  ['groups on two columns, in group order', { group: ['open', '역 이름'], fn1: 'sum', of1: 'riders', fn2: 'max', of2: 'day', limit: '20' }],
  ['an aggregate of the whole table', { fn1: 'min', of1: 'riders', fn2: 'max', of2: 'riders' }],
  ['an older version, by its view name', { version: '1', sort: 'id', dir: 'desc' }],
];

describe('the query builder shows SQL that answers like the rows API', () => {
  for (const [name, form] of FORMS) {
    it(name, async () => {
      const params = rowsParamsOf(parseQueryForm(form));
      const api = await queryRows(t.services, 'equivalence-demo', params);
      const { table } = await openVersion(t.services, 'equivalence-demo', { version: params.version });
      const sql = equivalentSql('equivalence-demo', params, table.columns);
      const sandbox = await runSql(t.services, actor, { sql });
      expect(
        sandbox.columns.map((c) => c.name),
        sql,
      ).toEqual(api.fields.map((f) => f.name));
      expect(
        sandbox.rows.map((r) => r.map(normalise)),
        sql,
      ).toEqual(api.rows.map((r) => api.fields.map((f) => normalise(r[f.name]))));
      expect(api.rows.length, 'the case selects something').toBeGreaterThan(0);
    });
  }
});
