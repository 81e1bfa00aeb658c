import { system } from '../../src/core/auth/actor.js';
import type { Services } from '../../src/core/context.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { createFixtureDataset, publishFixtureVersion } from './lake-fixtures.js';
import type { TestContext } from './test-app.js';

/**
 * The lake of the rows API and SQL sandbox tests (data-query, data-sql-sandbox): `riders`, a generated table of
 * 25,000 rows (version 2, published 2026-06-01) over a 5-row version 1 (2026-01-01), and `secret-data`, a
 * restricted dataset; with a citizen's API key for the SQL API. Expected values come from `ridersModel`, a JS
 * model of the generated table, not from the code under test.
 */
export type Json = Record<string, any>;

const STATIONS = ['강남', '서울역', '잠실', '홍대입구', '신도림', '교대', '왕십리', '충무로', '종로3가'];
export const RIDERS_N = 25_000;
const TABLE_SQL = `SELECT range AS id,
  CASE WHEN range % 10 = 9 THEN NULL ELSE (${JSON.stringify(STATIONS).replace(/"/g, "'")})[range % 10 + 1] END AS station,
  (range * 7919) % 1000 AS riders, (range % 97) / 4.0 AS ratio, DATE '2024-01-01' + (range % 366)::INT AS day,
  range % 3 = 0 AS open, 'Line ' || (range % 9 + 1) || ', "exit" ' || range AS note FROM range(${RIDERS_N})`;
export const ridersModel = Array.from({ length: RIDERS_N }, (_, i) => {
  const d = new Date(Date.UTC(2024, 0, 1 + (i % 366)));
  return {
    id: i,
    station: i % 10 === 9 ? null : STATIONS[i % 10]!,
    riders: (i * 7919) % 1000,
    ratio: (i % 97) / 4,
    day: d.toISOString().slice(0, 10),
    open: i % 3 === 0,
    note: `Line ${(i % 9) + 1}, "exit" ${i}`,
  };
});
export type RiderRow = (typeof ridersModel)[number];

/** Publishes `riders` (two versions) and `secret-data`, and returns the API key of a signed-in citizen. */
export async function seedRidersLake(s: Services): Promise<{ key: string }> {
  await createFixtureDataset(s, 'riders');
  await publishFixtureVersion(s, 'riders', { sql: `SELECT range AS id, '옛 역' AS station FROM range(5)`, publishedAt: '2026-01-01T00:00:00.000Z' });
  await publishFixtureVersion(s, 'riders', { sql: TABLE_SQL, publishedAt: '2026-06-01T00:00:00.000Z' });
  await createFixtureDataset(s, 'secret-data', { restricted: true });
  await publishFixtureVersion(s, 'secret-data', { sql: `SELECT 'hidden' AS x` });
  const user = await createUser(s, system(), { email: 'analyst@example.kr', password: 'analyst password 1', role: 'citizen' });
  const actor = {
    kind: 'user' as const,
    user: { id: user.id, email: 'analyst@example.kr', displayName: 'analyst', role: 'citizen' as const, memberships: [] },
  };
  return { key: (await createApiKey(s, actor, { name: 'sql' })).secret };
}

/** GET through the app: the status, the JSON body (or {} for another type) and the raw response. */
export function getter(t: TestContext) {
  return async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? (res.json() as Json) : ({} as Json), res };
  };
}
