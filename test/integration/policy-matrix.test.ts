import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { hashToken } from '../../src/core/auth/secrets.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createOrganisation } from '../../src/contexts/accounts/use-cases/create-organisation.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import type { Actor } from '../../src/core/auth/actor.js';
import { answerItem } from '../../src/contexts/accountability/use-cases/answer-item.js';
import { pauseClock } from '../../src/contexts/accountability/use-cases/manage-clock.js';
import { disputeAnswer } from '../../src/contexts/accountability/use-cases/respond-to-answer.js';
import { openCall } from '../../src/contexts/plan/use-cases/open-call.js';
import { submitSuggestion } from '../../src/contexts/plan/use-cases/submit-suggestion.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * Walks every mutating route with every role and asserts who may and who may not.
 * A new mutating route without a row here fails the "covers every route" test.
 */
const ROLES = ['anonymous', 'citizen', 'orgMember', 'orgAdmin', 'official', 'reviewer', 'admin'] as const;
type Role = (typeof ROLES)[number];
const PASSWORD = 'matrix password 123';

let t: TestContext;
const agents = {} as Record<Role, Agent>;
const ids = { facilityId: 'matrix-lift', ngoId: '', ngoSlug: '', ownerKeyId: '', targetUserId: '', callId: '', milestoneId: '' };
let target: Actor;
let adminActor: Actor;

async function user(email: string, role: 'citizen' | 'official' | 'reviewer' | 'admin') {
  return createUser(t.services, system(), { email, password: PASSWORD, role });
}

beforeAll(async () => {
  t = await createTestContext();
  const s = t.services;
  const ngo = await createOrganisation(s, system(), { type: 'ngo', nameKo: '매트릭스 단체', nameEn: 'Matrix NGO' });
  ids.ngoId = ngo.id;
  ids.ngoSlug = ngo.slug;
  for (const [role, platformRole] of [['citizen', 'citizen'], ['orgMember', 'citizen'], ['orgAdmin', 'citizen'], ['official', 'official'], ['reviewer', 'reviewer'], ['admin', 'admin']] as const) {
    await user(`${role.toLowerCase()}@matrix.kr`, platformRole);
  }
  await addOrganisationMember(s, system(), { organisation: ngo.id, email: 'orgmember@matrix.kr', role: 'member' });
  await addOrganisationMember(s, system(), { organisation: ngo.id, email: 'orgadmin@matrix.kr', role: 'admin' });
  await addOrganisationMember(s, system(), { organisation: 'smg-gis-division', email: 'official@matrix.kr', role: 'member' });
  ids.targetUserId = (await user('target@matrix.kr', 'citizen')).id;
  target = { kind: 'user', user: { id: ids.targetUserId, email: 'target@matrix.kr', displayName: 'target', role: 'citizen', memberships: [] } };
  const adminId = (await s.db.selectFrom('accounts_user').select('id').where('email', '=', 'admin@matrix.kr').executeTakeFirstOrThrow()).id;
  adminActor = { kind: 'user', user: { id: adminId, email: 'admin@matrix.kr', displayName: 'admin', role: 'admin', memberships: [] } };
  const today = new Date().toISOString().slice(0, 10);
  ids.callId = (await openCall(s, system(), { titleKo: '매트릭스 공모', opensOn: '2000-01-01', closesOn: `${Number(today.slice(0, 4)) + 1}-12-31`, organisation: 'smg-gis-division' })).id;
  ids.milestoneId = (await s.db.selectFrom('plan_milestone as m').innerJoin('plan_commitment as c', 'c.id', 'm.commitment_id').select('m.id').where('c.slug', '=', 'subway-transfer-maps').executeTakeFirstOrThrow()).id;
  const at = new Date().toISOString();
  await s.db.insertInto('transit_station').values({ id: 'matrix-station', feed: 'seoul', gtfs_stop_id: null, name_ko: '매트릭스역', name_en: null, name_zh: null, name_ja: null, name_romanised: null, lat: null, lon: null, wheelchair_boarding: null, codes: '{}', provenance: '{}', extra: '{}', created_at: at, updated_at: at }).execute();
  await s.db.insertInto('transit_facility').values({ id: ids.facilityId, station_id: 'matrix-station', line_id: '2', type: 'elevator', name: '엘리베이터', status: 'available', location: null, levels: null, exit_no: null, details: '{}', source: 'test', source_row: 1, updated_at: at }).execute();
  for (const role of ROLES) {
    agents[role] = new Agent(t.app);
    if (role !== 'anonymous') await agents[role].signIn(`${role.toLowerCase()}@matrix.kr`, PASSWORD);
  }
});
afterAll(() => t.close());

/** A key owned by the target user, made fresh for each attempt. */
async function targetKey() {
  const id = randomUUID();
  await t.services.db.insertInto('accounts_api_key').values({
    id, user_id: ids.targetUserId, name: 'k', prefix: 'os_x', key_hash: hashToken(id), created_at: new Date().toISOString(), revoked_at: null, last_used_at: null,
  }).execute();
  return id;
}

async function resetToken() {
  const token = randomUUID();
  await t.services.db.insertInto('accounts_password_reset').values({
    token_hash: hashToken(token), user_id: ids.targetUserId, created_at: new Date().toISOString(),
    expires_at: new Date(Date.now() + 60_000).toISOString(), used_at: null,
  }).execute();
  return token;
}

/** A fresh suggestion by the target user to the GIS Division's call, and its accountability item. */
async function freshItem(stage: 'received' | 'paused' | 'answered' | 'disputed' = 'received') {
  const suggestion = await submitSuggestion(t.services, target, { callId: ids.callId, title: `제안 ${randomUUID()}`, body: '매트릭스 시험용 제안입니다.' });
  const item = await t.services.db.selectFrom('accountability_item').select('id').where('subject_id', '=', suggestion.id).executeTakeFirstOrThrow();
  if (stage === 'paused') await pauseClock(t.services, adminActor, { itemId: item.id, reason: '보완 요청' });
  if (stage === 'answered' || stage === 'disputed') await answerItem(t.services, adminActor, { itemId: item.id, decision: '검토', reasons: '이유', nextSteps: '', publish: true });
  if (stage === 'disputed') await disputeAnswer(t.services, target, { itemId: item.id, reason: '동의하지 않음' });
  return { suggestionId: suggestion.id, itemId: item.id };
}

interface Case {
  method: string;
  route: string;
  label?: string;
  allowed: readonly Role[];
  send(agent: Agent, role: Role): Promise<{ statusCode: number }>;
}
const everyone = ROLES;
const signedIn = ROLES.filter((r) => r !== 'anonymous');
const uniq = () => randomUUID().slice(0, 8);

const CASES: Case[] = [
  { method: 'POST', route: '/sign-up', allowed: everyone, send: (a) => a.post('/sign-up', { email: `${uniq()}@new.kr`, password: PASSWORD, displayName: '새 사람' }) },
  { method: 'POST', route: '/sign-in', allowed: everyone, send: (a) => a.post('/sign-in', { email: 'target@matrix.kr', password: PASSWORD }) },
  {
    method: 'POST', route: '/sign-out', allowed: everyone,
    send: async (_a, role) => {
      const own = new Agent(t.app); // its own session, so the shared ones stay signed in
      if (role !== 'anonymous') await own.signIn(`${role.toLowerCase()}@matrix.kr`, PASSWORD);
      return own.post('/sign-out', {});
    },
  },
  { method: 'POST', route: '/password-reset', allowed: everyone, send: (a) => a.post('/password-reset', { email: 'target@matrix.kr' }) },
  { method: 'POST', route: '/password-reset/:token', allowed: everyone, send: async (a) => a.post(`/password-reset/${await resetToken()}`, { password: PASSWORD }) },
  { method: 'POST', route: '/account/api-keys', allowed: signedIn, send: (a) => a.post('/account/api-keys', { name: 'app' }) },
  { method: 'POST', route: '/account/api-keys/:id/revoke', allowed: ['admin'], send: async (a) => a.post(`/account/api-keys/${await targetKey()}/revoke`, {}) },
  { method: 'POST', route: '/organisations', allowed: signedIn, send: (a) => a.post('/organisations', { type: 'ngo', nameKo: `단체 ${uniq()}` }) },
  { method: 'POST', route: '/organisations', label: 'city department', allowed: ['admin'], send: (a) => a.post('/organisations', { type: 'city_department', nameKo: `부서 ${uniq()}` }) },
  { method: 'POST', route: '/organisations/:slug/members', allowed: ['orgAdmin', 'admin'], send: (a) => a.post(`/organisations/${ids.ngoSlug}/members`, { email: 'target@matrix.kr', role: 'member' }) },
  { method: 'POST', route: '/admin/users/:id/role', allowed: ['admin'], send: (a) => a.post(`/admin/users/${ids.targetUserId}/role`, { role: 'citizen' }) },
  { method: 'POST', route: '/api/v1/organisations', allowed: signedIn, send: (a) => a.api('POST', '/api/v1/organisations', { type: 'startup', nameEn: `Startup ${uniq()}` }) },
  { method: 'POST', route: '/api/v1/organisations', label: 'transit operator', allowed: ['admin'], send: (a) => a.api('POST', '/api/v1/organisations', { type: 'transit_operator', nameEn: `Operator ${uniq()}` }) },
  { method: 'POST', route: '/api/v1/organisations/:id/members', allowed: ['orgAdmin', 'admin'], send: (a) => a.api('POST', `/api/v1/organisations/${ids.ngoId}/members`, { email: 'target@matrix.kr', role: 'member' }) },
  { method: 'POST', route: '/api/v1/api-keys', allowed: signedIn, send: (a) => a.api('POST', '/api/v1/api-keys', { name: 'app' }) },
  { method: 'DELETE', route: '/api/v1/api-keys/:id', allowed: ['admin'], send: async (a) => a.api('DELETE', `/api/v1/api-keys/${await targetKey()}`) },
  { method: 'POST', route: '/api/v1/users', allowed: ['admin'], send: (a) => a.api('POST', '/api/v1/users', { email: `${uniq()}@made.kr`, password: PASSWORD, role: 'reviewer' }) },
  { method: 'PATCH', route: '/api/v1/users/:id', allowed: ['admin'], send: (a) => a.api('PATCH', `/api/v1/users/${ids.targetUserId}`, { role: 'citizen' }) },
  { method: 'PUT', route: '/api/v1/transit/facilities/:id/status', allowed: ['admin'], send: (a) => a.api('PUT', `/api/v1/transit/facilities/${ids.facilityId}/status`, { status: 'available' }) },
  { method: 'POST', route: '/plan/calls', allowed: ['admin'], send: (a) => a.post('/plan/calls', { titleKo: `공모 ${uniq()}`, opensOn: '2026-01-01', closesOn: '2026-12-31', organisation: 'smg-gis-division' }) },
  { method: 'POST', route: '/plan/calls/:id/suggestions', allowed: signedIn, send: (a) => a.post(`/plan/calls/${ids.callId}/suggestions`, { title: `제안 ${uniq()}`, body: '지하철 환승 지도를 더 많은 역으로 넓혀 주세요.' }) },
  { method: 'POST', route: '/plan/suggestions/:id/support', allowed: signedIn, send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/support`, {}) },
  { method: 'POST', route: '/plan/suggestions/:id/comments', allowed: signedIn, send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/comments`, { body: '좋은 제안입니다' }) },
  { method: 'POST', route: '/plan/suggestions/:id/outcome', allowed: ['official', 'admin'], send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/outcome`, { outcome: 'declined', reason: '이미 추진 중' }) },
  { method: 'POST', route: '/plan/commitments/:slug/comments', allowed: signedIn, send: (a) => a.post('/plan/commitments/subway-transfer-maps/comments', { body: `의견 ${uniq()}` }) },
  { method: 'POST', route: '/plan/commitments/:slug/assessment', allowed: ['reviewer', 'admin'], send: (a) => a.post('/plan/commitments/subway-transfer-maps/assessment', { verifiable: 'yes' }) },
  { method: 'POST', route: '/plan/milestones/:id/progress', allowed: ['official', 'admin'], send: (a) => a.post(`/plan/milestones/${ids.milestoneId}/progress`, { text: '진행', completion: '10', status: 'in_progress' }) },
  { method: 'POST', route: '/plan/committee/members', allowed: ['admin'], send: (a) => a.post('/plan/committee/members', { name: '위원', affiliation: '무의', sector: 'civil_society' }) },
  { method: 'POST', route: '/plan/committee/meetings', allowed: ['admin'], send: (a) => a.post('/plan/committee/meetings', { heldOn: '2018-07-10', title: '회의', agenda: '안건' }) },
  { method: 'POST', route: '/accountability/items/:id/answer', allowed: ['official', 'admin'], send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/answer`, { decision: '반영', reasons: '이유', nextSteps: '', publish: '1' }) },
  { method: 'POST', route: '/accountability/items/:id/assign', allowed: ['official', 'admin'], send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/assign`, {}) },
  { method: 'POST', route: '/accountability/items/:id/pause', allowed: ['official', 'admin'], send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/pause`, { reason: '보완 요청' }) },
  { method: 'POST', route: '/accountability/items/:id/resume', allowed: ['official', 'admin'], send: async (a) => a.post(`/accountability/items/${(await freshItem('paused')).itemId}/resume`, {}) },
  { method: 'POST', route: '/accountability/items/:id/extend', allowed: ['official', 'admin'], send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/extend`, { days: '3', reason: '협의' }) },
  { method: 'POST', route: '/accountability/items/:id/confirm', label: 'author only', allowed: [], send: async (a) => a.post(`/accountability/items/${(await freshItem('answered')).itemId}/confirm`, {}) },
  { method: 'POST', route: '/accountability/items/:id/dispute', label: 'author only', allowed: [], send: async (a) => a.post(`/accountability/items/${(await freshItem('answered')).itemId}/dispute`, { reason: '아님' }) },
  { method: 'POST', route: '/accountability/items/:id/escalate', allowed: ['admin'], send: async (a) => a.post(`/accountability/items/${(await freshItem('disputed')).itemId}/escalate`, {}) },
  { method: 'PATCH', route: '/api/v1/accountability/kinds/:id', allowed: ['admin'], send: (a) => a.api('PATCH', '/api/v1/accountability/kinds/plan.comment', { days: 14 }) },
];

describe(`every mutating route with every role (${dialect})`, () => {
  it('covers every mutating route the app registers', () => {
    const mutating = t.app.routeTable.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method)).map((r) => `${r.method} ${r.url}`);
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    expect(mutating.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.route}${c.label ? ` (${c.label})` : ''}: allowed for ${c.allowed.join(', ') || 'nobody here'}`, async () => {
      const outcome: Record<string, number> = {};
      for (const role of ROLES) outcome[role] = (await c.send(agents[role].clone(), role)).statusCode;
      const expected = Object.fromEntries(ROLES.map((role) => [role, c.allowed.includes(role) ? 'ok' : role === 'anonymous' ? 401 : 403]));
      const actual = Object.fromEntries(ROLES.map((role) => [role, outcome[role]! < 400 ? 'ok' : outcome[role]]));
      expect(actual).toEqual(expected);
    });
  }
});
