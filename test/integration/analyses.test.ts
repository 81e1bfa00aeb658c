import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { SANDBOX_LIMITS } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { approveAnalyst } from '../../src/contexts/data/use-cases/approve-analyst.js';
import { decideOutputCheck } from '../../src/contexts/data/use-cases/decide-output-check.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * Analyses pinned to dataset versions: the figures stay after a new version, re-running on the latest shows what
 * changed and can re-pin; publish, fork, comments; bad input changes nothing; restricted data through the check.
 */
let t: TestContext;
const keys = { author: '', other: '', analyst: '' };
type Json = Record<string, any>;
type Who = keyof typeof keys | 'anonymous';

const call = async (who: Who, method: 'GET' | 'POST', url: string, payload?: Json) => {
  const res = await t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: who === 'anonymous' ? {} : { authorization: `Bearer ${keys[who]}` },
  });
  return { status: res.statusCode, body: res.json() as Json };
};
const count = async () =>
  Number(
    (
      await t.services.db
        .selectFrom('analyses_analysis')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const SQL = 'SELECT district, avg(pm10) AS pm10 FROM air_daily GROUP BY district ORDER BY district';
const V1 = `SELECT * FROM (VALUES ('강남구', DATE '2026-01-01', 40.0), ('강남구', DATE '2026-01-02', 50.0), ('종로구', DATE '2026-01-01', 30.0)) v(district, day, pm10)`;
const V2 = `SELECT * FROM (VALUES ('강남구', DATE '2026-01-01', 40.0), ('강남구', DATE '2026-01-02', 60.0), ('종로구', DATE '2026-01-01', 30.0), ('마포구', DATE '2026-01-01', 20.0)) v(district, day, pm10)`;
let id = '';

beforeAll(async () => {
  t = await createTestContext();
  const s = t.services;
  await createFixtureDataset(s, 'air-daily');
  await publishFixtureVersion(s, 'air-daily', { sql: V1 });
  await createFixtureDataset(s, 'phone-pop', { restricted: true });
  await publishFixtureVersion(s, 'phone-pop', { sql: `SELECT d.district, r.range AS n FROM (VALUES ('강남구'), ('종로구')) d(district), range(12) r` });
  for (const who of Object.keys(keys) as Array<keyof typeof keys>) {
    const user = await createUser(s, system(), { email: `${who}@analyses.kr`, password: 'analyses password 1', role: 'citizen' });
    keys[who] = (
      await createApiKey(
        s,
        { kind: 'user', user: { id: user.id, email: `${who}@analyses.kr`, displayName: who, role: 'citizen', memberships: [] } },
        { name: 'k' },
      )
    ).secret;
  }
  await approveAnalyst(s, system(), { datasetId: 'phone-pop', email: 'analyst@analyses.kr', projectNote: '시험 프로젝트' });
  SANDBOX_LIMITS.refreshMs = 0;
}, 120_000);
afterAll(() => t.close());

describe('analyses', () => {
  it('saves an analysis pinned to the versions it reads, with its first result', async () => {
    const res = await call('author', 'POST', '/api/v1/analyses', {
      title: '구별 미세먼지 평균',
      sql: SQL,
      narrative: '## 결과\n**강남구**가 높습니다.',
      chart: { type: 'bar', x: 'district', y: 'pm10' },
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ status: 'draft', pins: { 'air-daily': 1 }, behind: [], chart: { type: 'bar', x: 'district', y: 'pm10' } });
    expect(res.body.result).toMatchObject({
      rows: [
        ['강남구', 45],
        ['종로구', 30],
      ],
      rowCount: 2,
      pins: { 'air-daily': 1 },
    });
  });

  it('keeps its figures after version 2 is published, says it is behind, and re-runs on the latest with the changes', async () => {
    await publishFixtureVersion(t.services, 'air-daily', { sql: V2 });
    const got = await call('author', 'GET', `/api/v1/analyses/${id}`);
    expect(got.body.behind).toEqual([{ datasetId: 'air-daily', pinned: 1, latest: 2 }]);
    const run = await call('author', 'POST', `/api/v1/analyses/${id}/run`);
    expect(run.status).toBe(200);
    expect(run.body.result.rows).toEqual([
      ['강남구', 45],
      ['종로구', 30],
    ]);
    const rerun = await call('author', 'POST', `/api/v1/analyses/${id}/rerun`, {});
    expect(rerun.status).toBe(200);
    expect(rerun.body.result.rows).toEqual([
      ['강남구', 50],
      ['마포구', 20],
      ['종로구', 30],
    ]);
    expect(rerun.body.diff).toMatchObject({
      versions: [{ datasetId: 'air-daily', before: 1, after: 2 }],
      rowCount: { before: 2, after: 3 },
      matchedBy: 'key',
      changedCells: 1,
      changes: [{ key: '강남구', column: 'pm10', before: 45, after: 50 }],
      addedRows: 1,
      removedRows: 0,
    });
    expect((await call('author', 'GET', `/api/v1/analyses/${id}`)).body.pins).toEqual({ 'air-daily': 1 });
    expect((await call('other', 'POST', `/api/v1/analyses/${id}/rerun`, { repin: true })).status).toBe(403);
    const repinned = await call('author', 'POST', `/api/v1/analyses/${id}/rerun`, { repin: true });
    expect(repinned.body.repinned).toBe(true);
    const after = await call('author', 'GET', `/api/v1/analyses/${id}`);
    expect([after.body.pins, after.body.behind, after.body.result.rowCount]).toEqual([{ 'air-daily': 2 }, [], 3]);
  });

  it('pins an explicit "<dataset>@vN" view to that version', async () => {
    const res = await call('author', 'POST', '/api/v1/analyses', { title: 'v1 합계', sql: 'SELECT sum(pm10)::DOUBLE AS total FROM "air-daily@v1"' });
    expect(res.body.pins).toEqual({ 'air-daily': 1 });
    expect(res.body.result.rows).toEqual([[120]]);
  });

  it('publishes: drafts are private, published analyses are public; only the author publishes', async () => {
    expect((await call('anonymous', 'GET', `/api/v1/analyses/${id}`)).status).toBe(404);
    expect((await call('other', 'POST', `/api/v1/analyses/${id}/run`)).status).toBe(403);
    expect((await call('other', 'POST', `/api/v1/analyses/${id}/publish`, {})).status).toBe(403);
    const pub = await call('author', 'POST', `/api/v1/analyses/${id}/publish`, {});
    expect(pub.body.status).toBe('published');
    const anon = await call('anonymous', 'GET', `/api/v1/analyses/${id}`);
    expect(anon.status).toBe(200);
    expect((await call('anonymous', 'GET', '/api/v1/analyses')).body.map((a: Json) => a.id)).toEqual([id]);
  });

  it('forks to the forker as a draft, and takes comments from signed-in readers', async () => {
    const fork = await call('other', 'POST', `/api/v1/analyses/${id}/fork`);
    expect(fork.status).toBe(201);
    expect(fork.body).toMatchObject({ status: 'draft', forkedFrom: id, pins: { 'air-daily': 2 }, author: { name: 'other' } });
    expect([401, 403]).toContain((await call('anonymous', 'POST', `/api/v1/analyses/${id}/comments`, { body: '좋아요' })).status); // CSRF or sign-in
    expect((await call('other', 'POST', `/api/v1/analyses/${id}/comments`, { body: '마포구가 새로 들어왔네요' })).status).toBe(201);
    expect((await call('anonymous', 'GET', `/api/v1/analyses/${id}`)).body.comments).toMatchObject([{ body: '마포구가 새로 들어왔네요', author: 'other' }]);
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const before = await count();
    const cases: Array<[Json, number, string]> = [
      [{ title: '제한 데이터', sql: 'SELECT district, count(*) AS n FROM phone_pop GROUP BY district' }, 403, 'analysis.dataset_unreadable'],
      [{ title: '쓰기', sql: 'DELETE FROM air_daily' }, 400, 'data.sql_refused'],
      [{ title: '복사', sql: "COPY (SELECT 1) TO '/tmp/x.csv'" }, 400, 'data.sql_refused'],
      [{ title: '   ', sql: SQL }, 422, 'validation.failed'],
      [{ title: '차트', sql: SQL, chart: { type: 'bar', x: 'nope', y: 'pm10' } }, 422, 'validation.failed'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await call('other', 'POST', '/api/v1/analyses', payload);
      expect([payload.title, res.status, res.body.error?.code]).toEqual([payload.title, status, code]);
    }
    expect(await count()).toBe(before);
  });

  it('joins restricted and public data for an approved analyst; published only after the output check approves it; others cannot run it', async () => {
    const res = await call('analyst', 'POST', '/api/v1/analyses', {
      title: '인구와 미세먼지',
      sql: 'SELECT p.district, count(*) AS people, avg(a.pm10) AS pm10 FROM phone_pop p JOIN air_daily a ON a.district = p.district GROUP BY p.district ORDER BY p.district',
    });
    expect(res.status).toBe(201);
    expect(res.body.pins).toEqual({ 'phone-pop': 1, 'air-daily': 2 });
    expect(res.body.result.rows).toEqual([
      ['강남구', 24, 50],
      ['종로구', 12, 30],
    ]);
    expect(res.body.result.suppressed).toEqual([]);
    // Restricted data leaves only through the human output check: the first publish asks for one.
    const asked = await call('analyst', 'POST', `/api/v1/analyses/${res.body.id}/publish`, {});
    expect([asked.status, asked.body.error.code]).toEqual([409, 'analysis.output_check_pending']);
    expect((await call('anonymous', 'GET', `/api/v1/analyses/${res.body.id}`)).status).toBe(404);
    const reviewer = await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', 'author@analyses.kr').executeTakeFirstOrThrow();
    await decideOutputCheck(
      t.services,
      { kind: 'user', user: { id: reviewer.id, email: 'author@analyses.kr', displayName: 'reviewer', role: 'admin', memberships: [] } },
      asked.body.error.details.outputCheck,
      { decision: 'approved', reason: '자치구 합계: 반출 가능' },
    );
    expect((await call('analyst', 'POST', `/api/v1/analyses/${res.body.id}/publish`, {})).status).toBe(200);
    expect((await call('anonymous', 'GET', `/api/v1/analyses/${res.body.id}`)).body.result.rows).toHaveLength(2);
    const run = await call('other', 'POST', `/api/v1/analyses/${res.body.id}/run`);
    expect([run.status, run.body.error.code]).toEqual([403, 'analysis.dataset_unreadable']);
    const rowLevel = await call('analyst', 'POST', '/api/v1/analyses', { title: '행 단위', sql: 'SELECT * FROM phone_pop' });
    expect([rowLevel.status, rowLevel.body.error.code]).toEqual([400, 'data.sql_refused']);
  });
});
