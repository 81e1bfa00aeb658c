import { randomUUID } from 'node:crypto';
import { hashToken } from '../../../src/core/auth/secrets.js';
import { Agent } from '../../support/agent.js';
import { type Case, PASSWORD, everyone, ids, signedIn, t, uniq } from './fixture.js';

/** A key owned by the target user, made fresh for each attempt. */
async function targetKey() {
  const id = randomUUID();
  await t.services.db
    .insertInto('accounts_api_key')
    .values({
      id,
      user_id: ids.targetUserId,
      name: 'k',
      prefix: 'os_x',
      key_hash: hashToken(id),
      created_at: new Date().toISOString(),
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return id;
}

async function resetToken() {
  const token = randomUUID();
  await t.services.db
    .insertInto('accounts_password_reset')
    .values({
      token_hash: hashToken(token),
      user_id: ids.targetUserId,
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 60_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

export const accountsCases: Case[] = [
  {
    method: 'POST',
    route: '/sign-up',
    allowed: everyone,
    send: (a) => a.post('/sign-up', { email: `${uniq()}@new.kr`, password: PASSWORD, displayName: '새 사람' }),
  },
  { method: 'POST', route: '/sign-in', allowed: everyone, send: (a) => a.post('/sign-in', { email: 'target@matrix.kr', password: PASSWORD }) },
  {
    method: 'POST',
    route: '/sign-out',
    allowed: everyone,
    send: async (_a, role) => {
      const own = new Agent(t.app); // its own session, so the shared ones stay signed in
      if (role !== 'anonymous') await own.signIn(`${role.toLowerCase()}@matrix.kr`, PASSWORD);
      return own.post('/sign-out', {});
    },
  },
  { method: 'POST', route: '/password-reset', allowed: everyone, send: (a) => a.post('/password-reset', { email: 'target@matrix.kr' }) },
  {
    method: 'POST',
    route: '/password-reset/:token',
    allowed: everyone,
    send: async (a) => a.post(`/password-reset/${await resetToken()}`, { password: PASSWORD }),
  },
  { method: 'POST', route: '/account/api-keys', allowed: signedIn, send: (a) => a.post('/account/api-keys', { name: 'app' }) },
  { method: 'POST', route: '/account/api-keys/:id/revoke', allowed: ['admin'], send: async (a) => a.post(`/account/api-keys/${await targetKey()}/revoke`, {}) },
  { method: 'POST', route: '/organisations', allowed: signedIn, send: (a) => a.post('/organisations', { type: 'ngo', nameKo: `단체 ${uniq()}` }) },
  {
    method: 'POST',
    route: '/organisations',
    label: 'city department',
    allowed: ['admin'],
    send: (a) => a.post('/organisations', { type: 'city_department', nameKo: `부서 ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/organisations/:slug/members',
    allowed: ['orgAdmin', 'admin'],
    send: (a) => a.post(`/organisations/${ids.ngoSlug}/members`, { email: 'target@matrix.kr', role: 'member' }),
  },
  { method: 'POST', route: '/admin/users/:id/role', allowed: ['admin'], send: (a) => a.post(`/admin/users/${ids.targetUserId}/role`, { role: 'citizen' }) },
  {
    method: 'POST',
    route: '/api/v1/organisations',
    allowed: signedIn,
    send: (a) => a.api('POST', '/api/v1/organisations', { type: 'startup', nameEn: `Startup ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations',
    label: 'transit operator',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/organisations', { type: 'transit_operator', nameEn: `Operator ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/members',
    allowed: ['orgAdmin', 'admin'],
    send: (a) => a.api('POST', `/api/v1/organisations/${ids.ngoId}/members`, { email: 'target@matrix.kr', role: 'member' }),
  },
  { method: 'POST', route: '/api/v1/api-keys', allowed: signedIn, send: (a) => a.api('POST', '/api/v1/api-keys', { name: 'app' }) },
  { method: 'DELETE', route: '/api/v1/api-keys/:id', allowed: ['admin'], send: async (a) => a.api('DELETE', `/api/v1/api-keys/${await targetKey()}`) },
  {
    method: 'POST',
    route: '/api/v1/users',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/users', { email: `${uniq()}@made.kr`, password: PASSWORD, role: 'reviewer' }),
  },
  { method: 'PATCH', route: '/api/v1/users/:id', allowed: ['admin'], send: (a) => a.api('PATCH', `/api/v1/users/${ids.targetUserId}`, { role: 'citizen' }) },
  {
    method: 'PUT',
    route: '/api/v1/transit/facilities/:id/status',
    allowed: ['admin'],
    send: (a) => a.api('PUT', `/api/v1/transit/facilities/${ids.facilityId}/status`, { status: 'available' }),
  },
];
