import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { SANDBOX_LIMITS, sandboxFor } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { approveAnalyst } from '../../src/contexts/data/use-cases/approve-analyst.js';
import { approvedRestrictedDatasets } from '../../src/contexts/data/store/analyst.repository.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * Restricted data: only approved analysts query it, only aggregates leave (the output check on the parse tree),
 * groups of fewer than DATA_MIN_CELL records are suppressed and listed, and every query is audited.
 * The restricted table has one row per record: 25 per (district, hour), except 종로구 at hour 3 with 3 records.
 */
let t: TestContext;
const keys = { analyst: '', other: '' };
type Json = Record<string, any>;

const DISTRICTS = ['종로구', '중구', '용산구'];
const RECORDS = `SELECT d.district, h.hour, r.range AS n FROM (VALUES ('종로구'), ('중구'), ('용산구')) d(district), range(24) h(hour), range(25) r
  WHERE NOT (d.district = '종로구' AND h.hour = 3 AND r.range >= 3)`;

const sql = (who: keyof typeof keys, text: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/data/sql',
    payload: { sql: text },
    headers: { authorization: `Bearer ${keys[who]}` },
  });
const audits = () => t.services.db.selectFrom('core_audit').selectAll().where('action', '=', 'data.restricted_query').orderBy('at').execute();

beforeAll(async () => {
  t = await createTestContext();
  const s = t.services;
  await createFixtureDataset(s, 'telecom-pop', { restricted: true });
  await publishFixtureVersion(s, 'telecom-pop', { sql: RECORDS });
  await createFixtureDataset(s, 'district-air');
  await publishFixtureVersion(s, 'district-air', { sql: `SELECT * FROM (VALUES ('종로구', 41.5), ('중구', 38.0), ('용산구', 35.25)) v(district, pm10)` });
  for (const who of ['analyst', 'other'] as const) {
    const user = await createUser(s, system(), { email: `${who}@restricted.kr`, password: 'restricted password 1', role: 'citizen' });
    keys[who] = (
      await createApiKey(
        s,
        { kind: 'user', user: { id: user.id, email: `${who}@restricted.kr`, displayName: who, role: 'citizen', memberships: [] } },
        { name: 'k' },
      )
    ).secret;
  }
  await approveAnalyst(s, system(), { datasetId: 'telecom-pop', email: 'analyst@restricted.kr', projectNote: '생활인구와 대기질 비교 (시험)' });
  SANDBOX_LIMITS.refreshMs = 0;
}, 120_000);
afterAll(() => t.close());

describe('restricted datasets', () => {
  it('are invisible to users who are not approved, and the attempt is audited', async () => {
    const res = await sql('other', 'SELECT district, count(*) AS people FROM telecom_pop GROUP BY district');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('data.sql_refused');
    const tables = await t.app.inject({ method: 'GET', url: '/api/v1/data/sql/tables', headers: { authorization: `Bearer ${keys.other}` } });
    expect(tables.json().map((x: Json) => x.dataset)).not.toContain('telecom-pop');
    expect((await sandboxFor(t.services).tables()).some((x) => x.restricted)).toBe(false);
    const last = (await audits()).at(-1)!;
    expect(JSON.parse(last.after_json!)).toMatchObject({ outcome: 'denied' });
  });

  it('refuse row-level output for approved analysts, with the refusal audited', async () => {
    const before = (await audits()).length;
    for (const text of [
      'SELECT * FROM telecom_pop',
      'SELECT district, hour FROM telecom_pop',
      "SELECT district, string_agg(n::VARCHAR, ',') FROM telecom_pop GROUP BY district",
      'SELECT district, sum(CASE WHEN n = 1 THEN hour END) FROM telecom_pop GROUP BY district',
      'SELECT district, count(*) FROM (SELECT * FROM telecom_pop) x GROUP BY district',
      'SELECT district, count(*) OVER () FROM telecom_pop',
      "SELECT district, count(*) FROM telecom_pop GROUP BY district UNION ALL SELECT 'x', 1",
    ]) {
      const res = await sql('analyst', text);
      expect([text, res.statusCode, res.json().error?.code]).toEqual([text, 400, 'data.sql_refused']);
    }
    const logged = (await audits()).slice(before);
    expect(logged).toHaveLength(7);
    expect(logged.every((a) => JSON.parse(a.after_json!).outcome === 'refused')).toBe(true);
  });

  it('suppresses a group of 3 records, states it, and audits the answer', async () => {
    const res = await sql(
      'analyst',
      'SELECT district, hour, count(*) AS people FROM telecom_pop WHERE hour IN (2, 3) GROUP BY district, hour ORDER BY district, hour',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Json;
    expect(body.columns.map((c: Json) => c.name)).toEqual(['district', 'hour', 'people']);
    expect(body.rows).toHaveLength(6);
    const i = body.rows.findIndex((r: unknown[]) => r.every((v) => v === null));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(body.rows.filter((r: unknown[]) => r[2] === 25)).toHaveLength(5);
    expect(body.rows.map((r: unknown[]) => r[2])).not.toContain(3);
    expect(body.suppressed).toEqual([{ row: i, columns: ['district', 'hour', 'people'], reason: 'group of fewer than 10 records', rule: 'threshold' }]);
    expect(body.download).toBeNull();
    const last = JSON.parse((await audits()).at(-1)!.after_json!);
    expect(last).toMatchObject({
      outcome: 'answered',
      suppressedRows: 1,
      suppressedCells: 3,
      datasets: [{ datasetId: 'telecom-pop', version: 1, restricted: true }],
    });
  });

  it('joins restricted and public data in one aggregate, counting records and not joined rows', async () => {
    const res = await sql(
      'analyst',
      `SELECT t.district, count(*) AS people, round(avg(a.pm10), 2) AS pm10
      FROM telecom_pop t JOIN district_air a ON a.district = t.district CROSS JOIN range(2) r GROUP BY t.district ORDER BY people DESC`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json() as Json;
    expect(body.suppressed).toEqual([]);
    expect(body.rows).toEqual(
      expect.arrayContaining([
        ['중구', 24 * 25 * 2, 38],
        ['용산구', 24 * 25 * 2, 35.25],
        ['종로구', (23 * 25 + 3) * 2, 41.5],
      ]),
    );
    // The same join on a single record per group is suppressed although the join repeats it: records, not rows, count.
    const small = await sql(
      'analyst',
      `SELECT t.district, count(*) AS c FROM telecom_pop t CROSS JOIN range(50) r WHERE t.n = 0 AND t.hour = 0 GROUP BY t.district`,
    );
    expect(small.json().suppressed).toHaveLength(3);
    expect(DISTRICTS).toHaveLength(3);
  });
});

describe('analysts of approved projects', () => {
  it('approves an analyst for an active civic project that names the dataset, and the approval lapses when the project pauses', async () => {
    const s = t.services;
    const at = new Date().toISOString();
    const analyst = await s.db.selectFrom('accounts_user').select('id').where('email', '=', 'other@restricted.kr').executeTakeFirstOrThrow();
    await s.db
      .insertInto('civic_project')
      .values({
        id: 'pop-air',
        title: '생활인구와 대기질',
        question: '사람이 많은 시간에 대기질이 나쁜가?',
        description: '시험 프로젝트',
        organisation_id: null,
        created_by: analyst.id,
        status: 'proposed',
        example: 0,
        repo_url: null,
        results_url: null,
        results: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await s.db.insertInto('civic_project_dataset').values({ project_id: 'pop-air', dataset_id: 'telecom-pop' }).execute();
    await s.db
      .insertInto('civic_member')
      .values({ project_id: 'pop-air', user_id: analyst.id, role: 'lead', state: 'active', message: '', accepted_by: null, accepted_at: at, created_at: at })
      .execute();
    const approve = () =>
      approveAnalyst(s, system(), { datasetId: 'telecom-pop', email: 'other@restricted.kr', projectNote: '프로젝트 분석', projectId: 'pop-air' });
    // A project that is only proposed is not approved yet: refused by field, nothing stored.
    await expect(approve()).rejects.toMatchObject({ code: 'validation.failed', status: 422 });
    expect(await approvedRestrictedDatasets(s.db, analyst.id)).toEqual([]);
    await s.db.updateTable('civic_project').set({ status: 'active' }).where('id', '=', 'pop-air').execute();
    await expect(
      approveAnalyst(s, system(), { datasetId: 'telecom-pop', email: 'other@restricted.kr', projectNote: 'x', projectId: 'no-such' }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await approve()).toMatchObject({ projectId: 'pop-air' });
    expect(await approvedRestrictedDatasets(s.db, analyst.id)).toEqual(['telecom-pop']);
    await s.db.updateTable('civic_project').set({ status: 'paused' }).where('id', '=', 'pop-air').execute();
    expect(await approvedRestrictedDatasets(s.db, analyst.id)).toEqual([]);
  });
});
