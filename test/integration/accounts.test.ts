import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe(`accounts on ${dialect}`, () => {
  it('signs up, signs out, signs in; the session is an httpOnly SameSite cookie', async () => {
    const a = new Agent(t.app);
    const res = await a.signUp('minji@example.kr', 'correct horse battery', '김민지');
    const cookie = res.cookies.find((c) => c.name === 'os_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await a.api('GET', '/api/v1/me')).json()).toMatchObject({ email: 'minji@example.kr', displayName: '김민지', role: 'citizen' });
    await a.post('/sign-out', {});
    expect((await a.api('GET', '/api/v1/me')).statusCode).toBe(401);
    await a.signIn('MINJI@example.kr');
    expect((await a.api('GET', '/api/v1/me')).statusCode).toBe(200);
    const row = await t.services.db.selectFrom('accounts_user').select('password_hash').where('email', '=', 'minji@example.kr').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
  });

  it('shows every field problem at once, refuses a taken email, and writes nothing', async () => {
    const a = new Agent(t.app);
    await a.signUp('taken@example.kr');
    const b = new Agent(t.app);
    const res = await b.post('/sign-up', { email: 'not-an-email', password: 'short', displayName: '' });
    expect(res.statusCode).toBe(422);
    for (const field of ['email', 'password', 'displayName']) expect(res.body).toContain(`href="#f-${field}"`);
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('10자 이상');
    const taken = await b.post('/sign-up', { email: 'taken@example.kr', password: 'long enough password', displayName: '둘째' });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('이미 가입된 이메일');
    expect(taken.cookies.find((c) => c.name === 'os_session')).toBeUndefined();
    const users = await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', 'taken@example.kr').execute();
    expect(users).toHaveLength(1);
  });

  it('two sign-ups racing for one email: one account, one clear field error, never a 500', async () => {
    const [a, b] = [new Agent(t.app), new Agent(t.app)];
    await Promise.all([a.get('/sign-in'), b.get('/sign-in')]);
    const form = { email: 'race@example.kr', password: 'correct horse battery', displayName: '경주' };
    const codes = (await Promise.all([a.post('/sign-up', form), b.post('/sign-up', form)])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([303, 422]);
    const users = await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', 'race@example.kr').execute();
    expect(users).toHaveLength(1);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const a = new Agent(t.app);
    await a.signUp('probe@example.kr');
    const b = new Agent(t.app);
    const wrong = await b.post('/sign-in', { email: 'probe@example.kr', password: 'wrong password!' });
    const unknown = await b.post('/sign-in', { email: 'nobody@example.kr', password: 'wrong password!' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body.replace(/value="[^"]*"/g, '')).toBe(unknown.body.replace(/value="[^"]*"/g, ''));
  });

  it('resets a password by an emailed one-time link and ends other sessions', async () => {
    const a = new Agent(t.app);
    await a.signUp('reset@example.kr', 'old password 123');
    const other = new Agent(t.app);
    const asked = await other.post('/password-reset', { email: 'reset@example.kr' });
    expect(asked.statusCode).toBe(200);
    const outbox = await fs.readdir(path.join(t.dataDir, 'outbox'));
    const mails = await Promise.all(outbox.map(async (f) => JSON.parse(await fs.readFile(path.join(t.dataDir, 'outbox', f), 'utf8'))));
    const mail = mails.find((m) => m.to === 'reset@example.kr');
    const link = /\/password-reset\/[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    expect((await other.get(link!)).statusCode).toBe(200);
    expect((await other.post(link!, { password: 'brand new password' })).statusCode).toBe(303);
    expect((await other.post(link!, { password: 'another new password' })).statusCode).toBe(400);
    expect((await a.api('GET', '/api/v1/me')).statusCode).toBe(401);
    await other.signIn('reset@example.kr', 'brand new password');
  });

  it('answers a reset request for an unknown email the same way, sending nothing', async () => {
    const a = new Agent(t.app);
    const before = await fs.readdir(path.join(t.dataDir, 'outbox')).catch(() => []);
    const res = await a.post('/password-reset', { email: 'ghost@example.kr' });
    expect(res.statusCode).toBe(200);
    expect(await fs.readdir(path.join(t.dataDir, 'outbox')).catch(() => [])).toHaveLength(before.length);
  });

  it('creates an API key shown once, stores only its hash, authenticates with it, and revokes it', async () => {
    const a = new Agent(t.app);
    await a.signUp('dev@example.kr');
    const created = await a.api('POST', '/api/v1/api-keys', { name: '지하철 앱' });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    const stored = await t.services.db.selectFrom('accounts_api_key').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
    expect(me.json()).toMatchObject({ email: 'dev@example.kr' });
    const keyCannotMakeKeys = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'x' },
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(keyCannotMakeKeys.statusCode).toBe(403);
    expect((await a.api('DELETE', `/api/v1/api-keys/${id}`)).json().revokedAt).toEqual(expect.any(String));
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
    expect(after.statusCode).toBe(401);
  });

  it('lets a citizen register an NGO (becoming its admin) but not a city department', async () => {
    const a = new Agent(t.app);
    await a.signUp('ngo@example.kr');
    const ngo = await a.api('POST', '/api/v1/organisations', { type: 'ngo', nameKo: '서울 휠체어 모임', nameEn: 'Seoul Wheelchair Club' });
    expect(ngo.statusCode).toBe(201);
    expect((await a.api('GET', '/api/v1/me')).json().memberships).toEqual([{ organisationId: ngo.json().id, organisationType: 'ngo', role: 'admin' }]);
    const dept = await a.api('POST', '/api/v1/organisations', { type: 'city_department', nameKo: '가짜 부서' });
    expect(dept.statusCode).toBe(403);
    const page = await a.get(`/organisations/${ngo.json().slug}`);
    expect(page.body).toContain('서울 휠체어 모임');
  });

  it('rate-limits per client', async () => {
    const limited = await createTestContext({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/v1/organisations' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const res = await limited.app.inject({ method: 'GET', url: '/api/v1/organisations' });
      expect(res.json().error.code).toBe('request.rate_limited');
    } finally {
      await limited.close();
    }
  });
});
