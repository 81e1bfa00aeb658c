import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { SANDBOX_LIMITS } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { approveAnalyst } from '../../src/contexts/data/use-cases/approve-analyst.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * The known attacks on restricted data, each refused with its rule named (details.check), and legitimate
 * aggregates that still pass. The table (k = 10): 5 districts × 24 hours × 20 records, except 종로구 at hour 3,
 * which holds exactly 28 records: 5 aged 20-29 and 23 aged 40-59 (the 28 − 23 = 5). record_id is unique;
 * spend is near-unique (10 to 2,008, 1,999 distinct values: identifying, yet a measure that may be summed), except
 * one record of 중구 that spends 1,000,000 (a dominant contributor).
 * Each test uses its own analyst: the differencing ledger is per analyst.
 */
let t: TestContext;
type Json = Record<string, any>;

const BANDS = `['10-19', '20-29', '30-39', '40-59', '60-79']`;
const RECORDS = `SELECT row_number() OVER (ORDER BY district, hour, r) AS record_id, district, hour, age_band, sex,
    CASE WHEN district = '중구' AND hour = 5 AND r = 0 THEN 1000000 ELSE 10 + (row_number() OVER (ORDER BY district, hour, r) * 37) % 1999 END AS spend
  FROM (
    SELECT d.district, h.hour, r.range AS r, ${BANDS}[r.range % 5 + 1] AS age_band, CASE WHEN r.range % 2 = 0 THEN 'F' ELSE 'M' END AS sex
    FROM (VALUES ('종로구'), ('중구'), ('용산구'), ('마포구'), ('강남구')) d(district), range(24) h(hour), range(20) r
    WHERE NOT (d.district = '종로구' AND h.hour = 3)
    UNION ALL
    SELECT '종로구', 3, r.range, CASE WHEN r.range < 5 THEN '20-29' ELSE '40-59' END, CASE WHEN r.range % 2 = 0 THEN 'F' ELSE 'M' END
    FROM range(28) r
  )`;

let analysts = 0;
async function analyst() {
  const email = `analyst${++analysts}@attacks.kr`;
  const user = await createUser(t.services, system(), { email, password: 'attack suite password 1', role: 'citizen' });
  const key = (
    await createApiKey(t.services, { kind: 'user', user: { id: user.id, email, displayName: email, role: 'citizen', memberships: [] } }, { name: 'k' })
  ).secret;
  await approveAnalyst(t.services, system(), { datasetId: 'survey', email, projectNote: '출력 검사 공격 시험' });
  return async (text: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/data/sql', payload: { sql: text }, headers: { authorization: `Bearer ${key}` } });
    return { status: res.statusCode, body: res.json() as Json };
  };
}
const refusedBy = (r: { status: number; body: Json }) => [r.status, r.body.error?.code, r.body.error?.details?.check];

beforeAll(async () => {
  t = await createTestContext();
  await createFixtureDataset(t.services, 'survey', { restricted: true });
  await publishFixtureVersion(t.services, 'survey', { sql: RECORDS });
  SANDBOX_LIMITS.refreshMs = 0;
}, 120_000);
afterAll(() => t.close());

describe('differencing', () => {
  it("refuses the issue's attack: count for a filter (28), then the same AND age_band <> '20-29' (23)", async () => {
    const q = await analyst();
    const whole = await q(`SELECT count(*) AS n FROM survey WHERE district = '종로구' AND hour = 3`);
    expect([whole.status, whole.body.rows]).toEqual([200, [[28]]]);
    const minus = await q(`SELECT count(*) AS n FROM survey WHERE district = '종로구' AND hour = 3 AND age_band <> '20-29'`);
    expect(refusedBy(minus)).toEqual([400, 'data.sql_refused', 'tracker']);
    expect(minus.body.error.message).toContain('fewer than 10 records');
    expect(minus.body.error.message).not.toMatch(/\b(5|23)\b/);
  });

  it('refuses a breakdown that, with an earlier total, gives the hidden cell by subtraction (the ledger)', async () => {
    const q = await analyst();
    expect((await q(`SELECT count(*) AS n FROM survey WHERE district = '종로구' AND hour = 3`)).body.rows).toEqual([[28]]);
    const breakdown = await q(`SELECT age_band, count(*) AS n FROM survey WHERE district = '종로구' AND hour = 3 GROUP BY age_band`);
    expect(refusedBy(breakdown)).toEqual([400, 'data.sql_refused', 'differencing']);
    expect(breakdown.body.error.message).toMatch(/combined with a result you obtained earlier/);
  });

  it('refuses the total after a breakdown whose small cell was suppressed (complementary disclosure)', async () => {
    const q = await analyst();
    const breakdown = await q(`SELECT age_band, count(*) AS n FROM survey WHERE district = '종로구' AND hour = 3 GROUP BY age_band ORDER BY age_band`);
    expect(breakdown.status).toBe(200);
    expect(breakdown.body.rows).toEqual([
      [null, null],
      ['40-59', 23],
    ]);
    expect(breakdown.body.suppressed).toEqual([{ row: 0, columns: ['age_band', 'n'], reason: 'group of fewer than 10 records', rule: 'threshold' }]);
    expect(refusedBy(await q(`SELECT count(*) AS n FROM survey WHERE district = '종로구' AND hour = 3`))).toEqual([400, 'data.sql_refused', 'differencing']);
    // Another analyst, with no such history, gets the total.
    expect((await (await analyst())(`SELECT count(*) AS n FROM survey WHERE district = '종로구' AND hour = 3`)).body.rows).toEqual([[28]]);
  });
});

describe('trackers', () => {
  it("refuses the issue's tracker on record_id (an identifying column matched by value)", async () => {
    const q = await analyst();
    const r = await q(`SELECT count(*) AS n, avg(spend) AS spend FROM survey WHERE record_id BETWEEN 1 AND 10 OR (record_id = 500 AND sex = 'F')`);
    expect(refusedBy(r)).toEqual([400, 'data.sql_refused', 'identifying']);
    expect(r.body.error.message).toContain('"record_id"');
  });

  it('refuses a tracker made of ranges only, and one padded with quasi-identifiers', async () => {
    const q = await analyst();
    expect(refusedBy(await q(`SELECT count(*) AS n FROM survey WHERE record_id BETWEEN 1 AND 10 OR record_id BETWEEN 500 AND 500`))).toEqual([
      400,
      'data.sql_refused',
      'tracker',
    ]);
    const padded = await q(`SELECT avg(spend) AS spend FROM survey WHERE hour = 0 OR (district = '종로구' AND hour = 3 AND age_band = '20-29')`);
    expect(refusedBy(padded)).toEqual([400, 'data.sql_refused', 'tracker']);
    expect(padded.body.error.message).toContain("age_band = '20-29'");
  });

  it('refuses grouping by an identifying column and near-unique breakdowns', async () => {
    const q = await analyst();
    expect(refusedBy(await q('SELECT record_id, count(*) FROM survey GROUP BY record_id'))).toEqual([400, 'data.sql_refused', 'identifying']);
    expect(refusedBy(await q('SELECT record_id % 100 AS bucket, count(*) FROM survey GROUP BY 1'))).toEqual([400, 'data.sql_refused', 'identifying']);
    expect(refusedBy(await q('SELECT spend, count(*) FROM survey GROUP BY spend'))).toEqual([400, 'data.sql_refused', 'identifying']);
    expect(refusedBy(await q('SELECT count(*) FROM survey WHERE spend IN (1234, 1235)'))).toEqual([400, 'data.sql_refused', 'identifying']);
    const fine = await q('SELECT district, hour, age_band, sex, count(*) AS n FROM survey GROUP BY district, hour, age_band, sex');
    expect(refusedBy(fine)).toEqual([400, 'data.sql_refused', 'near_unique']);
  });
});

describe('averaging', () => {
  it('refuses sliding windows whose averages, subtracted, tie two records together', async () => {
    const q = await analyst();
    expect((await q('SELECT avg(spend) AS a FROM survey WHERE record_id BETWEEN 1 AND 20')).status).toBe(200);
    expect(refusedBy(await q('SELECT avg(spend) AS a FROM survey WHERE record_id BETWEEN 2 AND 21'))).toEqual([400, 'data.sql_refused', 'differencing']);
  });

  it('answers a repeated query identically: there is no noise to average away', async () => {
    const q = await analyst();
    const first = await q(
      "SELECT district, avg(spend) AS a FROM survey WHERE hour BETWEEN 9 AND 18 AND district <> '중구' GROUP BY district ORDER BY district",
    );
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        q("SELECT district, avg(spend) AS a FROM survey WHERE hour BETWEEN 9 AND 18 AND district <> '중구' GROUP BY district ORDER BY district"),
      ),
    );
    expect(first.status).toBe(200);
    for (const r of again) expect(r.body.rows).toEqual(first.body.rows);
  });
});

describe('dominance', () => {
  it('suppresses a total that one record dominates, keeping the others', async () => {
    const q = await analyst();
    const r = await q('SELECT district, sum(spend) AS spend, count(*) AS n FROM survey GROUP BY district ORDER BY district');
    expect(r.status).toBe(200);
    const i = r.body.rows.findIndex((row: unknown[]) => row[0] === null);
    expect(r.body.suppressed).toEqual([{ row: i, columns: ['district', 'spend', 'n'], reason: expect.stringContaining('dominance'), rule: 'dominance' }]);
    expect(r.body.rows.map((row: unknown[]) => row[0])).not.toContain('중구');
    expect(r.body.rows.filter((row: unknown[]) => row[0] !== null)).toHaveLength(4);
  });
});

describe('legitimate aggregates', () => {
  it('pass one after another: breakdowns by district, sex, hour and age, with ranges and repeats', async () => {
    const q = await analyst();
    const queries = [
      'SELECT district, count(*) AS n FROM survey GROUP BY district ORDER BY district',
      'SELECT district, sex, count(*) AS n FROM survey GROUP BY district, sex ORDER BY district, sex',
      'SELECT hour, count(*) AS n, avg(spend) AS spend FROM survey WHERE hour BETWEEN 9 AND 18 GROUP BY hour ORDER BY hour',
      "SELECT age_band, count(*) AS n FROM survey WHERE district = '강남구' GROUP BY age_band ORDER BY age_band",
      'SELECT district, hour, count(*) AS n FROM survey GROUP BY district, hour ORDER BY district, hour',
      'SELECT count(*) AS n, count(DISTINCT record_id) AS people FROM survey',
      "SELECT age_band, sum(spend) AS spend, avg(spend) AS mean FROM survey WHERE spend BETWEEN 100 AND 1500 AND district <> '중구' GROUP BY age_band ORDER BY age_band",
      'SELECT district, count(*) AS n FROM survey GROUP BY district ORDER BY district',
    ];
    const results = [];
    for (const text of queries) {
      const r = await q(text);
      expect([text, r.status, r.body.error?.message]).toEqual([text, 200, undefined]);
      results.push(r.body);
    }
    expect(results[0]!.rows).toEqual([
      ['강남구', 480],
      ['마포구', 480],
      ['용산구', 480],
      ['종로구', 488],
      ['중구', 480],
    ]);
    expect(results[4]!.rows).toHaveLength(120);
    expect(results[4]!.suppressed).toEqual([]);
    expect(results[5]!.rows).toEqual([[2408, 2408]]);
    expect(results[6]!.suppressed).toEqual([]);
    expect(results[7]!.rows).toEqual(results[0]!.rows);
  });

  it('records every refusal with its rule in the audit log', async () => {
    const audits = await t.services.db.selectFrom('core_audit').select('after_json').where('action', '=', 'data.restricted_query').execute();
    const rules = new Set(
      audits
        .map((a) => JSON.parse(a.after_json!))
        .filter((a) => a.outcome === 'refused')
        .map((a) => a.rule),
    );
    expect([...rules].sort()).toEqual(['differencing', 'identifying', 'near_unique', 'tracker']);
    const ledger = await t.services.db
      .selectFrom('data_disclosure_cell')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(ledger.n)).toBeGreaterThan(100);
  });
});
