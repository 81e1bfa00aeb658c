import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { backup, restore } from '../../src/core/backup/backup.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
let admin: Agent;
let citizen: Agent;
beforeAll(async () => {
  t = await createTestContext();
  await createUser(t.services, system(), { email: 'root@audit.kr', password: 'audit password 1', role: 'admin' });
  admin = new Agent(t.app);
  await admin.signIn('root@audit.kr', 'audit password 1');
  citizen = new Agent(t.app);
  await citizen.signUp('citizen@audit.kr');
});
afterAll(() => t.close());

describe(`audit log (${dialect})`, () => {
  it('records who did what, with before and after, and never a secret', async () => {
    const org = (await citizen.api('POST', '/api/v1/organisations', { type: 'ngo', nameKo: '감사 단체' })).json();
    const key = (await citizen.api('POST', '/api/v1/api-keys', { name: '앱' })).json();
    const entries = (await admin.api('GET', '/api/v1/audit?limit=50')).json() as Array<Record<string, unknown>>;
    const created = entries.find((e) => e.action === 'organisation.create' && e.entityId === org.id);
    expect(created).toMatchObject({ actorLabel: 'citizen@audit.kr', entityType: 'organisation', before: null, after: { name: { ko: '감사 단체' } } });
    expect(created?.requestId).toEqual(expect.any(String));
    const roleChange = await admin.api('PATCH', `/api/v1/users/${(await citizen.api('GET', '/api/v1/me')).json().id}`, { role: 'reviewer' });
    expect(roleChange.statusCode).toBe(200);
    const after = (await admin.api('GET', '/api/v1/audit?action=user.change_role')).json();
    expect(after[0]).toMatchObject({ before: { role: 'citizen' }, after: { role: 'reviewer' }, actorLabel: 'root@audit.kr' });
    const all = JSON.stringify(entries);
    expect(all).not.toContain(key.secret);
    expect(all).not.toContain('scrypt$');
  });

  it('exports as CSV for admins only', async () => {
    const csv = await admin.api('GET', '/api/v1/audit?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFid,at,actorId,actorLabel,action,entityType,entityId,before,after,requestId');
    expect(csv.body).toContain('organisation.create');
    expect((await citizen.api('GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });

  it('shows the log and the outbox to admins as pages', async () => {
    expect((await admin.get('/admin/audit')).body).toContain('organisation.create');
    await new Agent(t.app).post('/password-reset', { email: 'citizen@audit.kr' });
    expect((await admin.get('/admin/outbox')).body).toContain('/password-reset/');
    expect((await citizen.get('/admin/audit')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/admin/audit')).headers.location).toBe('/sign-in?next=%2Fadmin%2Faudit');
  });
});

describe(`backup and restore (${dialect})`, () => {
  it('round-trips the database and the data files, and a bad archive changes nothing', async () => {
    await fs.writeFile(path.join(t.dataDir, 'lake-sample.parquet'), 'PAR1-test-bytes');
    const file = path.join(t.dataDir, 'snapshot.tar.gz');
    const manifest = await backup(t.services, file);
    const users = manifest.tables.find((x) => x.name === 'accounts_user');
    expect(users?.rows).toBeGreaterThanOrEqual(2);

    await citizen.api('POST', '/api/v1/organisations', { type: 'ngo', nameKo: '백업 뒤에 생긴 단체' });
    await fs.writeFile(path.join(t.dataDir, 'lake-sample.parquet'), 'changed');
    const garbage = path.join(t.dataDir, 'garbage.tar.gz');
    await fs.writeFile(garbage, 'not a tarball');
    await expect(restore(t.services, garbage)).rejects.toThrow(/not a readable backup|no manifest/);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('백업')}` })).json().total).toBe(1);

    await restore(t.services, file);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('백업')}` })).json().total).toBe(0);
    expect(await fs.readFile(path.join(t.dataDir, 'lake-sample.parquet'), 'utf8')).toBe('PAR1-test-bytes');
    const fresh = new Agent(t.app);
    await fresh.signIn('root@audit.kr', 'audit password 1');
    expect((await fresh.api('GET', '/api/v1/me')).json().role).toBe('admin');
  });
});
