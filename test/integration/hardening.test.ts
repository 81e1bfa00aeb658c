import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const EVIL_NEXT = ['/\\evil.example/x', '/%5Cevil.example', '/%09/evil.example', '//evil.example', 'https://evil.example/', '/%2F%2Fevil.example', 'javascript:alert(1)'];

describe(`open redirects on ${dialect}`, () => {
  it.each(EVIL_NEXT)('sign-in with next=%j goes to the account page', async (next) => {
    const a = new Agent(t.app);
    await a.signUp(`redirect-${EVIL_NEXT.indexOf(next)}@example.kr`);
    await a.post('/sign-out', {});
    const page = await a.get(`/sign-in?next=${encodeURIComponent(next)}`);
    expect(page.body).toContain('name="next" value=""');
    const res = await a.post('/sign-in', { email: `redirect-${EVIL_NEXT.indexOf(next)}@example.kr`, password: 'correct horse battery', next });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account');
  });

  it.each(EVIL_NEXT)('the language switch with next=%j goes home', async (next) => {
    const res = await t.app.inject({ method: 'GET', url: `/lang/en?next=${encodeURIComponent(next)}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
  });

  it('the issue\'s raw query strings go home too', async () => {
    for (const query of ['next=/%5Cevil.example', 'next=/%09/evil.example', 'next=/\\evil.example/x']) {
      const res = await t.app.inject({ method: 'GET', url: `/lang/en?${query}` });
      expect(res.headers.location, query).toBe('/');
    }
  });

  it('a same-origin next is kept', async () => {
    const a = new Agent(t.app);
    await a.signUp('redirect-ok@example.kr');
    await a.post('/sign-out', {});
    const res = await a.post('/sign-in', { email: 'redirect-ok@example.kr', password: 'correct horse battery', next: '/plan/commitments?x=1' });
    expect(res.headers.location).toBe('/plan/commitments?x=1');
    const lang = await t.app.inject({ method: 'GET', url: `/lang/en?next=${encodeURIComponent('/transit/stations/0150')}` });
    expect(lang.headers.location).toBe('/transit/stations/0150');
  });
});

describe(`client mistakes are 4xx on ${dialect}`, () => {
  it('a POST, PUT or PATCH declared multipart/form-data whose body is not multipart is a 400 with a clear code', async () => {
    const a = new Agent(t.app);
    await a.signUp('multipart@example.kr');
    await a.get('/account');
    for (const [method, url] of [['POST', '/sign-in'], ['POST', '/api/v1/projects'], ['PATCH', '/api/v1/me'], ['PUT', '/api/v1/me/notifications'], ['POST', '/api/v1/demand/requests']] as const) {
      const res = await t.app.inject({ method, url, payload: 'not multipart at all', headers: { cookie: a.cookieHeader, 'content-type': 'multipart/form-data; boundary=zzz' } });
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      if (res.statusCode === 400) expect(res.body).toMatch(/request\.malformed_multipart|request\.|csrf/);
    }
    const bad = await t.app.inject({ method: 'POST', url: '/sign-in', payload: 'x', headers: { 'content-type': 'multipart/form-data; boundary=zzz', accept: 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.malformed_multipart');
  });

  it.each(['1e308', '-1', '9007199254740993', '1e20', '-1e308', '0.5', 'NaN', 'Infinity'])('offset=%s on every list route is a 400', async (offset) => {
    for (const url of ['/api/v1/organisations', '/api/v1/users', '/api/v1/transit/stations', '/api/v1/data/datasets', '/api/v1/demand/requests', '/api/v1/analyses', '/api/v1/projects', '/api/v1/showcase', '/api/v1/audit', '/api/v1/search?q=x']) {
      const res = await t.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}offset=${encodeURIComponent(offset)}` });
      expect(res.statusCode, `${url} offset=${offset}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      if (res.statusCode !== 401 && res.statusCode !== 403) expect(res.statusCode, `${url} offset=${offset}`).toBe(400);
    }
  });
});
