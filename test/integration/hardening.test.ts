import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const EVIL_NEXT = [
  '/\\evil.example/x',
  '/%5Cevil.example',
  '/%09/evil.example',
  '//evil.example',
  'https://evil.example/',
  '/%2F%2Fevil.example',
  'javascript:alert(1)',
];

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

  it("the issue's raw query strings go home too", async () => {
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
    for (const [method, url] of [
      ['POST', '/sign-in'],
      ['POST', '/api/v1/projects'],
      ['PATCH', '/api/v1/me'],
      ['PUT', '/api/v1/me/notifications'],
      ['POST', '/api/v1/demand/requests'],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        payload: 'not multipart at all',
        headers: { cookie: a.cookieHeader, 'content-type': 'multipart/form-data; boundary=zzz' },
      });
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      if (res.statusCode === 400) expect(res.body).toMatch(/request\.malformed_multipart|request\.|csrf/);
    }
    const bad = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz', accept: 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.malformed_multipart');
  });

  it('a NUL character in a path, a query string, a JSON body or a form field is a 400 (PostgreSQL cannot store it), never a 500', async () => {
    const a = new Agent(t.app);
    await a.signUp('nul@example.kr');
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/v1/transit/lines/%F0%A0%98%B4%00/stations' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/transit/stations?q=%E5%AD%97%00' }),
      await a.api('POST', '/api/v1/demand/requests', { title: '자전거\u0000', why: 'x', useType: 'research' }),
      await a.post('/sign-in', { email: 'nul@example.kr\u0000', password: 'x' }),
    ];
    const code = (res: (typeof answers)[number]) =>
      String(res.headers['content-type']).includes('json') ? res.json().error?.code : (/request\.nul_character/.exec(res.body)?.[0] ?? res.body.slice(0, 80));
    for (const res of answers) expect([res.statusCode, code(res)]).toEqual([400, 'request.nul_character']);
    // Multipart forms are checked field by field (their parts point at the whole form: no endless walk).
    const boundary = 'nulboundary';
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await a.get('/startups')).body)?.[1] ?? '';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = `${part('_csrf', csrf)}${part('titleKo', '이름\u0000')}--${boundary}--\r\n`;
    const multi = await t.app.inject({
      method: 'POST',
      url: '/api/v1/startups/x/solutions',
      payload: body,
      headers: { cookie: a.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' },
    });
    expect([multi.statusCode, multi.json().error.code]).toEqual([400, 'request.nul_character']);
  });

  it.each(['1e308', '-1', '9007199254740993', '1e20', '-1e308', '0.5', 'NaN', 'Infinity'])('offset=%s on every list route is a 400', async (offset) => {
    for (const url of [
      '/api/v1/organisations',
      '/api/v1/users',
      '/api/v1/transit/stations',
      '/api/v1/data/datasets',
      '/api/v1/demand/requests',
      '/api/v1/analyses',
      '/api/v1/projects',
      '/api/v1/showcase',
      '/api/v1/audit',
      '/api/v1/search?q=x',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}offset=${encodeURIComponent(offset)}` });
      expect(res.statusCode, `${url} offset=${offset}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      if (res.statusCode !== 401 && res.statusCode !== 403) expect(res.statusCode, `${url} offset=${offset}`).toBe(400);
    }
  });
});

describe(`sign-in throttling on ${dialect}`, () => {
  it('40 wrong passwords, then the right one: refused while throttled, the account locks and its owner gets a mail; failures are in the audit log', async () => {
    const owner = new Agent(t.app);
    await owner.signUp('guessed@example.kr', 'the real password 1');
    await owner.post('/sign-out', {});
    const clock = { now: new Date() };
    const realNow = t.services.now;
    t.services.now = () => clock.now;
    try {
      const attacker = new Agent(t.app);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await attacker.post('/sign-in', { email: 'guessed@example.kr', password: `guess number ${i}` });
        statuses.push(res.statusCode);
        // A patient attacker waits as long as asked (within the window): still no more than 10 real guesses.
        const wait = Number(res.headers['retry-after'] ?? 0);
        if (wait && wait < 120) clock.now = new Date(clock.now.getTime() + wait * 1000);
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      const right = await attacker.post('/sign-in', { email: 'guessed@example.kr', password: 'the real password 1' });
      expect(right.statusCode).toBe(429);
      expect(right.headers['retry-after']).toBeDefined();
      expect(right.body).toContain('로그인 실패가 너무 많습니다');
      const mails = await t.services.mailer.outbox(50);
      expect(JSON.stringify(mails)).toContain('guessed@example.kr');
      const audit = await t.services.db.selectFrom('core_audit').select(['action', 'after_json']).where('action', '=', 'user.sign_in_failed').execute();
      expect(audit.filter((a) => a.after_json?.includes('guessed@example.kr'))).toHaveLength(10);
      expect(audit[0]!.after_json).toContain('"client":"127.0.0.1"');
      // After the lock the owner gets in, and the count starts again.
      clock.now = new Date(clock.now.getTime() + 16 * 60_000);
      const later = await attacker.post('/sign-in', { email: 'guessed@example.kr', password: 'the real password 1' });
      expect(later.statusCode).toBe(303);
    } finally {
      t.services.now = realNow;
    }
  });

  it('a few mistakes cost nothing, and throttling one account leaves the others alone', async () => {
    const a = new Agent(t.app);
    await a.signUp('careless@example.kr', 'the real password 2');
    await a.post('/sign-out', {});
    for (let i = 0; i < 3; i++) expect((await a.post('/sign-in', { email: 'careless@example.kr', password: 'typo typo typo' })).statusCode).toBe(401);
    expect((await a.post('/sign-in', { email: 'careless@example.kr', password: 'the real password 2' })).statusCode).toBe(303);
  });
});

/** A failed sign-in sent with an X-Forwarded-For header, like a browser behind a proxy (or a forger). */
async function failSignIn(app: TestContext['app'], forwardedFor: string) {
  const page = await app.inject({ method: 'GET', url: '/sign-in', headers: { accept: 'text/html' } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: new URLSearchParams({ email: 'nobody@example.kr', password: 'wrong password', _csrf: csrf }).toString(),
    headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
  });
}

const failedClients = async (p: TestContext) =>
  (await p.services.db.selectFrom('core_audit').select('after_json').where('action', '=', 'user.sign_in_failed').execute()).map(
    (r) => (JSON.parse(r.after_json ?? '{}') as { client?: string }).client,
  );

describe(`X-Forwarded-For on ${dialect}`, () => {
  const production = {
    NODE_ENV: 'production',
    OPEN_SEOUL_SECRET: 'a-production-secret-of-enough-length-0000',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '20',
  };

  it('is not believed by default, in production too: 25 requests with a varying header cannot pass a limit of 20, and the audit log has the real address', async () => {
    const p = await createTestContext(production);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++)
        statuses.push((await p.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { 'x-forwarded-for': `203.0.113.${i}` } })).statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    } finally {
      await p.close();
    }
    const q = await createTestContext({ ...production, RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      expect((await failSignIn(q.app, '198.51.100.7')).statusCode).toBe(401);
      expect(await failedClients(q)).toEqual(['127.0.0.1']);
    } finally {
      await q.close();
    }
  });

  it('is believed only from the proxies named in TRUST_PROXY', async () => {
    const p = await createTestContext({ ...production, RATE_LIMIT_PER_MINUTE: '100000', TRUST_PROXY: '127.0.0.1' });
    try {
      expect((await failSignIn(p.app, '198.51.100.7')).statusCode).toBe(401);
      expect(await failedClients(p)).toEqual(['198.51.100.7']);
    } finally {
      await p.close();
    }
  });
});

describe(`security headers on ${dialect}`, () => {
  it('every response carries nosniff, a Referrer-Policy and a CSP whose scripts come only from the site; no HSTS outside production', async () => {
    for (const url of ['/', '/sign-in', '/no-such-page', '/assets/site.css', '/api/v1/transit/stations/no-such-station/transfer-map.svg']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: url.startsWith('/api') ? 'application/json' : 'text/html' } });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).toContain("frame-ancestors 'self'");
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('a JSON answer of the API is no document: nothing loads from it or frames it, with nosniff and the Referrer-Policy', async () => {
    for (const url of ['/api/v1/organisations', '/api/v1/no-such-route', '/api/v1/data/datasets/no-such-dataset']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
      expect(String(res.headers['content-type']), url).toMatch(/^application\/json/);
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('cross-origin');
      expect(res.headers['x-xss-protection'], url).toBeUndefined();
    }
  });

  it('production adds HSTS', async () => {
    const p = await createTestContext({ NODE_ENV: 'production', OPEN_SEOUL_SECRET: 'a-production-secret-of-enough-length-0000', LOG_LEVEL: 'silent' });
    try {
      const res = await p.app.inject({ method: 'GET', url: '/' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      const json = await p.app.inject({ method: 'GET', url: '/api/v1/organisations' });
      expect(json.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await p.close();
    }
  });

  it('free text with active markup is refused with 422 validation.script, as the README says', async () => {
    const a = new Agent(t.app);
    await a.signUp('markup@example.kr');
    const res = await a.post('/sign-up', { email: 'markup2@example.kr', password: 'correct horse battery', displayName: '<img src=x onerror=alert(1)>' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('스크립트나 HTML 태그는 넣을 수 없습니다');
  });
});
