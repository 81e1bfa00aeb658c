import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createOrganisation } from '../../src/contexts/accounts/use-cases/create-organisation.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { SANDBOX_LIMITS } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { approveAnalyst } from '../../src/contexts/data/use-cases/approve-analyst.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * The human output check: an approved analyst's result over restricted data (or an analysis built on it) waits
 * for a reviewer of the data owner (a member of the publishing organisation, never the analyst), who approves or
 * rejects it with a reason; every step is audited, and approved cells count in everyone's differencing guard.
 */
let t: TestContext;
type Json = Record<string, any>;
const keys: Record<'analyst' | 'second' | 'reviewer' | 'outsider', string> = { analyst: '', second: '', reviewer: '', outsider: '' };
const RECORDS = `SELECT d.district, h.hour, r.range AS n FROM (VALUES ('종로구'), ('중구'), ('용산구')) d(district), range(24) h(hour), range(25) r
  WHERE NOT (d.district = '종로구' AND h.hour = 3 AND r.range >= 3)`;

const call = async (who: keyof typeof keys, method: 'GET' | 'POST', url: string, payload?: Json) => {
  const res = await t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${keys[who]}` } });
  return { status: res.statusCode, body: res.json() as Json };
};
const audits = (action: string) => t.services.db.selectFrom('core_audit').selectAll().where('action', '=', action).execute();

beforeAll(async () => {
  t = await createTestContext();
  const s = t.services;
  const org = await createOrganisation(s, system(), { type: 'city_department', nameKo: '서울 빅데이터 캠퍼스', nameEn: 'Seoul Big Data Campus' });
  await createFixtureDataset(s, 'campus-pop', { restricted: true });
  await s.db.updateTable('data_dataset').set({ publisher_id: org.id }).where('id', '=', 'campus-pop').execute();
  await publishFixtureVersion(s, 'campus-pop', { sql: RECORDS });
  await createFixtureDataset(s, 'open-air');
  await publishFixtureVersion(s, 'open-air', { sql: `SELECT * FROM (VALUES ('종로구', 41.5), ('중구', 38.0)) v(district, pm10)` });
  for (const who of Object.keys(keys) as Array<keyof typeof keys>) {
    const email = `${who}@campus.kr`;
    const user = await createUser(s, system(), { email, password: 'campus password 1', role: 'citizen' });
    keys[who] = (
      await createApiKey(s, { kind: 'user', user: { id: user.id, email, displayName: who, role: 'citizen', memberships: [] } }, { name: 'k' })
    ).secret;
  }
  await addOrganisationMember(s, system(), { organisation: org.id, email: 'reviewer@campus.kr', role: 'member' });
  for (const who of ['analyst', 'second'] as const)
    await approveAnalyst(s, system(), { datasetId: 'campus-pop', email: `${who}@campus.kr`, projectNote: '생활인구 분석 (시험)' });
  SANDBOX_LIMITS.refreshMs = 0;
}, 120_000);
afterAll(() => t.close());

const BY_DISTRICT = 'SELECT district, count(*) AS people FROM campus_pop GROUP BY district ORDER BY district';

describe('asking for an output check', () => {
  it("stores the checked result as pending, with each rule's result and the ledger's facts", async () => {
    const res = await call('analyst', 'POST', '/api/v1/data/outputs', { sql: BY_DISTRICT, title: '자치구별 생활인구', purpose: '구별 비교 보고서' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'query',
      state: 'pending',
      datasets: [{ datasetId: 'campus-pop', version: 1 }],
      ledger: { cells: 3, smallest: 578 },
      reason: null,
    });
    expect(res.body.result.rows).toEqual([
      ['용산구', 600],
      ['종로구', 578],
      ['중구', 600],
    ]);
    expect(res.body.rules.map((r: Json) => `${r.rule}:${r.outcome}`)).toEqual([
      'identifying:passed',
      'shape:passed',
      'aggregate:passed',
      'threshold:passed',
      'dominance:passed',
      'near_unique:passed',
      'tracker:passed',
      'differencing:passed',
    ]);
    const mine = await call('analyst', 'GET', '/api/v1/data/outputs');
    expect(mine.body.map((o: Json) => [o.title, o.state])).toEqual([['자치구별 생활인구', 'pending']]);
    expect((await audits('output.request')).length).toBe(1);
  });

  it('refuses what the rules refuse, and public data (which needs no check)', async () => {
    const refused = await call('analyst', 'POST', '/api/v1/data/outputs', { sql: 'SELECT district, hour FROM campus_pop', title: '행 목록', purpose: 'x' });
    expect([refused.status, refused.body.error.code, refused.body.error.details.check]).toEqual([400, 'data.sql_refused', 'aggregate']);
    const open = await call('analyst', 'POST', '/api/v1/data/outputs', { sql: 'SELECT avg(pm10) FROM open_air', title: '대기질', purpose: 'x' });
    expect([open.status, open.body.error.code]).toEqual([409, 'output.not_restricted']);
    const blank = await call('analyst', 'POST', '/api/v1/data/outputs', { sql: BY_DISTRICT, title: '', purpose: '' });
    expect(blank.status).toBe(422);
    expect((await call('analyst', 'GET', '/api/v1/data/outputs')).body).toHaveLength(1);
  });
});

describe("the reviewer's decision", () => {
  it("is the data owner's: outsiders see nothing, the analyst cannot approve their own output", async () => {
    const output = (await call('analyst', 'GET', '/api/v1/data/outputs')).body[0];
    expect((await call('outsider', 'GET', `/api/v1/data/outputs/${output.id}`)).status).toBe(404);
    expect((await call('outsider', 'POST', `/api/v1/data/outputs/${output.id}/decision`, { decision: 'approved', reason: 'ok' })).status).toBe(403);
    expect((await call('outsider', 'POST', '/api/v1/data/outputs', { sql: BY_DISTRICT, title: '외부인', purpose: 'x' })).status).toBe(403);
    expect((await call('outsider', 'GET', '/api/v1/data/outputs/review')).body).toEqual([]);
    expect((await call('analyst', 'GET', '/api/v1/data/outputs/review')).body).toEqual([]);
    expect((await call('analyst', 'POST', `/api/v1/data/outputs/${output.id}/decision`, { decision: 'approved', reason: 'ok' })).status).toBe(403);
    const seen = await call('analyst', 'GET', `/api/v1/data/outputs/${output.id}`);
    expect([seen.status, seen.body.canReview]).toEqual([200, false]);
  });

  it('needs a reason, is taken once, and is audited', async () => {
    const queue = await call('reviewer', 'GET', '/api/v1/data/outputs/review');
    expect(queue.body.map((o: Json) => o.title)).toEqual(['자치구별 생활인구']);
    const id = queue.body[0].id;
    expect((await call('reviewer', 'GET', `/api/v1/data/outputs/${id}`)).body.canReview).toBe(true);
    expect((await call('reviewer', 'POST', `/api/v1/data/outputs/${id}/decision`, { decision: 'approved', reason: '' })).status).toBe(422);
    expect((await call('reviewer', 'POST', `/api/v1/data/outputs/${id}/decision`, { decision: 'maybe', reason: 'x' })).status).toBe(400);
    const ok = await call('reviewer', 'POST', `/api/v1/data/outputs/${id}/decision`, { decision: 'approved', reason: '구 단위 합계, 최소 578명: 반출 가능' });
    expect(ok.body).toMatchObject({ state: 'approved', decidedBy: 'reviewer', reason: '구 단위 합계, 최소 578명: 반출 가능' });
    const again = await call('reviewer', 'POST', `/api/v1/data/outputs/${id}/decision`, { decision: 'rejected', reason: '다시' });
    expect([again.status, again.body.error.code]).toEqual([409, 'output.decided']);
    expect((await call('reviewer', 'GET', '/api/v1/data/outputs/review')).body).toEqual([]);
    const [audit] = await audits('output.approve');
    expect(JSON.parse(audit!.after_json!)).toEqual({ state: 'approved', reason: '구 단위 합계, 최소 578명: 반출 가능' });
  });

  it('makes approved cells known to every analyst: the differencing guard counts them', async () => {
    // The second analyst never asked for the 종로구 total, but it left approved (578): a breakdown whose released
    // cell is 575 would give the hidden hour-3 cell (3 records) by subtraction, so it is refused.
    const fine = await call('second', 'POST', '/api/v1/data/sql', {
      sql: "SELECT hour < 12 AS morning, count(*) AS n FROM campus_pop WHERE district = '중구' GROUP BY 1",
    });
    expect(fine.status).toBe(200);
    const breakdown = await call('second', 'POST', '/api/v1/data/sql', {
      sql: "SELECT hour = 3 AS h3, count(*) AS n FROM campus_pop WHERE district = '종로구' GROUP BY 1",
    });
    expect([breakdown.status, breakdown.body.error?.details?.check]).toEqual([400, 'differencing']);
  });
});

describe('analyses built on restricted data', () => {
  it('are published only after the output check approves them; rejection keeps them draft, with the reason', async () => {
    const created = await call('analyst', 'POST', '/api/v1/analyses', {
      title: '시간대별 생활인구',
      sql: 'SELECT hour, count(*) AS people FROM campus_pop GROUP BY hour ORDER BY hour',
      narrative: '시간대 비교',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const first = await call('analyst', 'POST', `/api/v1/analyses/${id}/publish`, { published: true });
    expect([first.status, first.body.error.code, first.body.error.details.state]).toEqual([409, 'analysis.output_check_pending', 'pending']);
    const check = first.body.error.details.outputCheck;
    const twice = await call('analyst', 'POST', `/api/v1/analyses/${id}/publish`, { published: true });
    expect(twice.body.error.details.outputCheck).toBe(check);
    expect((await call('outsider', 'GET', `/api/v1/analyses/${id}`)).status).toBe(404);
    const queue = await call('reviewer', 'GET', '/api/v1/data/outputs/review');
    expect(queue.body.map((o: Json) => [o.kind, o.analysisId])).toEqual([['analysis', id]]);
    await call('reviewer', 'POST', `/api/v1/data/outputs/${check}/decision`, { decision: 'approved', reason: '시간대 합계만: 반출 가능' });
    const published = await call('analyst', 'POST', `/api/v1/analyses/${id}/publish`, { published: true });
    expect([published.status, published.body.status]).toEqual([200, 'published']);
    expect((await call('outsider', 'GET', `/api/v1/analyses/${id}`)).body.result.rows).toHaveLength(24);
    const repin = await call('analyst', 'POST', `/api/v1/analyses/${id}/rerun`, { repin: true });
    expect([repin.status, repin.body.error.code]).toEqual([409, 'analysis.unpublish_first']);

    const other = await call('analyst', 'POST', '/api/v1/analyses', { title: '구별 합계', sql: BY_DISTRICT });
    const asked = await call('analyst', 'POST', `/api/v1/analyses/${other.body.id}/publish`, {});
    const rejected = await call('reviewer', 'POST', `/api/v1/data/outputs/${asked.body.error.details.outputCheck}/decision`, {
      decision: 'rejected',
      reason: '목적이 적혀 있지 않습니다',
    });
    expect(rejected.body.state).toBe('rejected');
    const mine = (await call('analyst', 'GET', '/api/v1/data/outputs')).body.find((o: Json) => o.analysisId === other.body.id);
    expect([mine.state, mine.reason]).toEqual(['rejected', '목적이 적혀 있지 않습니다']);
    // The analyst may withdraw a pending request (once); it leaves the queue.
    const pending = await call('analyst', 'POST', '/api/v1/data/outputs', { sql: BY_DISTRICT, title: '철회할 신청', purpose: '시험' });
    expect((await call('reviewer', 'POST', `/api/v1/data/outputs/${pending.body.id}/withdraw`, {})).status).toBe(403);
    expect((await call('analyst', 'POST', `/api/v1/data/outputs/${pending.body.id}/withdraw`, {})).body.state).toBe('withdrawn');
    expect((await call('analyst', 'POST', `/api/v1/data/outputs/${pending.body.id}/withdraw`, {})).status).toBe(409);
    expect((await call('reviewer', 'GET', '/api/v1/data/outputs/review')).body.map((o: Json) => o.title)).not.toContain('철회할 신청');
    // Publishing again asks for a new check rather than reusing the rejected one.
    const retry = await call('analyst', 'POST', `/api/v1/analyses/${other.body.id}/publish`, {});
    expect(retry.body.error.details.outputCheck).not.toBe(asked.body.error.details.outputCheck);
    expect((await call('analyst', 'GET', `/api/v1/analyses/${other.body.id}`)).body.status).toBe('draft');
  });
});
