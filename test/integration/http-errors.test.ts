import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
let agent: Agent;
beforeAll(async () => {
  t = await createTestContext({ BODY_LIMIT_BYTES: '4096' });
  agent = new Agent(t.app);
  await agent.signUp('errors@example.kr');
});
afterAll(() => t.close());

const expectError = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
};

describe(`bad input gets a clear 4xx in the one error shape (${dialect})`, () => {
  it('malformed JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: '{"type": "ngo",',
      headers: { 'content-type': 'application/json', cookie: agent.cookieHeader },
    });
    expectError(res, 400, 'request.malformed_json');
  });

  it('wrong types, named by field', async () => {
    const res = await agent.api('POST', '/api/v1/organisations', { type: 'ngo', nameKo: 42 });
    expectError(res, 400, 'request.invalid');
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', field: 'nameKo' })]));
  });

  it('unknown fields are rejected, not dropped', async () => {
    const res = await agent.api('POST', '/api/v1/organisations', { type: 'ngo', nameKo: '단체', isAdmin: true });
    expectError(res, 400, 'request.invalid');
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'isAdmin', message: 'is not an accepted field' })]);
  });

  it('invalid values from the domain validator come back per field with 422', async () => {
    const res = await agent.api('POST', '/api/v1/organisations', { type: 'ngo', website: 'ftp://x' });
    expectError(res, 422, 'validation.failed');
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(['nameKo', 'website']);
  });

  it('oversize bodies', async () => {
    const res = await agent.api('POST', '/api/v1/organisations', { type: 'ngo', nameKo: '가'.repeat(5000) });
    expectError(res, 413, 'request.too_large');
  });

  it('wrong CSRF token on a form and on a cookie-authenticated API call', async () => {
    const form = await agent.post('/organisations', { type: 'ngo', nameKo: '단체' }, { csrf: 'forged', accept: 'application/json' });
    expectError(form, 403, 'csrf.invalid');
    const missing = await agent.post('/sign-out', {}, { csrf: null, accept: 'application/json' });
    expectError(missing, 403, 'csrf.invalid');
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { type: 'ngo', nameKo: '단체' },
      headers: { cookie: agent.cookieHeader, 'x-csrf-token': 'nope' },
    });
    expectError(api, 403, 'csrf.invalid');
    const count = await t.services.db
      .selectFrom('accounts_organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name_ko', '=', '단체')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('a browser gets the CSRF error as a page in its language', async () => {
    const res = await agent.post('/organisations', { type: 'ngo', nameKo: '단체' }, { csrf: 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('양식이 만료되었습니다');
  });

  it('bad session cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: 'os_session=forged-or-expired' } });
    expectError(res, 401, 'auth.session_invalid');
    expect(res.cookies.find((c) => c.name === 'os_session')?.value).toBe('');
  });

  it('bad API key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer os_not-a-key' } });
    expectError(res, 401, 'auth.api_key_invalid');
  });

  it('wrong query types and unknown routes', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/organisations?limit=lots' }), 400, 'request.invalid');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'route.not_found');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/organisations/no-such-org' }), 404, 'organisation.not_found');
  });

  it('unsupported content type', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: '<xml/>',
      headers: { 'content-type': 'application/xml', cookie: agent.cookieHeader, 'x-csrf-token': 'x' },
    });
    expectError(res, 415, 'request.unsupported_media_type');
  });
});

describe(`platform endpoints (${dialect})`, () => {
  it('GET /health says the process is alive; GET /ready checks the database, the data dir and the file store', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: 'ok', dialect, dataDir: 'ok', storage: 'ok', storageKind: 'local' });
  });
  it('GET /metrics speaks Prometheus and counts requests by route', async () => {
    await t.app.inject({ method: 'GET', url: '/health' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/open_seoul_http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
  });
  it('CORS is open for GET and closed for writes', async () => {
    const get = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { origin: 'https://app.example' } });
    expect(get.headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/organisations',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(String(preflight.headers['access-control-allow-methods'])).not.toContain('POST');
  });
  it('every response carries a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-123' } });
    expect(res.statusCode).toBe(200);
  });
});
