import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';
import { guardedRequest, isPublicAddress, OutboundRefused } from '../../src/core/http/outbound.js';
import { deliverDueWebhooks } from '../../src/contexts/upkeep/use-cases/deliver-webhooks.js';
import { recordChange } from '../../src/contexts/upkeep/use-cases/record-change.js';

/** A receiver on loopback that counts what reaches it; `redirectTo` makes it answer 302. */
function receiver(host = '127.0.0.1') {
  const state = { hits: 0, redirectTo: '' };
  const server = http.createServer((req, res) => {
    state.hits++;
    req.resume();
    if (state.redirectTo) res.writeHead(302, { location: state.redirectTo }).end();
    else res.writeHead(204).end();
  });
  return new Promise<{ state: typeof state; port: number; close(): Promise<void> }>((resolve) =>
    server.listen(0, host, () =>
      resolve({
        state,
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

let inside: Awaited<ReturnType<typeof receiver>>;
let other: Awaited<ReturnType<typeof receiver>>;
let t: TestContext;
beforeAll(async () => {
  inside = await receiver();
  other = await receiver('127.0.0.2');
  t = await createTestContext({ WEBHOOK_ALLOW_PRIVATE: 'false' });
});
afterAll(async () => {
  await t.close();
  await inside.close();
  await other.close();
});

const ISSUE_URLS = (port: number) => [
  `http://[::ffff:127.0.0.1]:${port}/`,
  'http://[::ffff:a9fe:a9fe]/',
  `http://[::]:${port}/`,
  `http://${os.hostname()}:${port}/`,
  'http://100.64.0.1/',
  `http://127.0.0.1:${port}/`,
  `http://localhost:${port}/`,
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]/',
  'http://0.0.0.0/',
  'http://10.1.2.3/',
  'http://[fe80::1]/',
  'http://[fd00::1]/',
  'http://[::ffff:7f00:1]/',
  'http://[64:ff9b::7f00:1]/',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://127.1/',
];

describe('the address check', () => {
  it.each([
    '127.0.0.1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '::',
    '0.0.0.0',
    '100.64.0.1',
    '100.127.255.254',
    '169.254.169.254',
    '10.0.0.1',
    '172.16.0.1',
    '192.168.1.1',
    '::1',
    'fe80::1',
    'fc00::1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '224.0.0.1',
    'not-an-ip',
  ])('%s is not public', (a) => {
    expect(isPublicAddress(a)).toBe(false);
  });
  it.each(['8.8.8.8', '211.234.10.1', '100.128.0.1', '2001:4860:4860::8888'])('%s is public', (a) => {
    expect(isPublicAddress(a)).toBe(true);
  });
});

describe('the guarded client', () => {
  it.each(ISSUE_URLS(0))('refuses %s without connecting', async (raw) => {
    const url = raw.replace(':0/', `:${inside.port}/`);
    const before = inside.state.hits;
    await expect(guardedRequest(url, { method: 'POST', body: '{}' }, { allowPrivate: false, timeoutMs: 3000 })).rejects.toBeInstanceOf(OutboundRefused);
    expect(inside.state.hits).toBe(before);
  });

  it('development and tests may deliver to loopback when allowPrivate is set explicitly', async () => {
    const before = inside.state.hits;
    expect((await guardedRequest(`http://127.0.0.1:${inside.port}/`, { method: 'POST', body: '{}' }, { allowPrivate: true })).status).toBe(204);
    expect(inside.state.hits).toBe(before + 1);
  });

  it('checks every redirect: a receiver allowed as if public that redirects inside is refused there', async () => {
    inside.state.redirectTo = `http://127.0.0.2:${other.port}/metadata`;
    try {
      const policy = { allowPrivate: false, maxRedirects: 3, isAllowed: (a: string) => a === '127.0.0.1' };
      await expect(guardedRequest(`http://127.0.0.1:${inside.port}/`, { method: 'GET' }, policy)).rejects.toBeInstanceOf(OutboundRefused);
      expect(other.state.hits).toBe(0);
      // With no redirects followed, the 302 is the answer and nothing else is asked.
      expect((await guardedRequest(`http://127.0.0.1:${inside.port}/`, { method: 'GET' }, { ...policy, maxRedirects: 0 })).status).toBe(302);
      expect(other.state.hits).toBe(0);
    } finally {
      inside.state.redirectTo = '';
    }
  });
});

describe(`webhooks in production mode on ${dialect}`, () => {
  it("refuses to register the issue's URLs", async () => {
    const a = new Agent(t.app);
    await a.signUp('hooks-admin@example.kr');
    await t.services.db.updateTable('accounts_user').set({ role: 'admin' }).where('email', '=', 'hooks-admin@example.kr').execute();
    await a.get('/account');
    const before = inside.state.hits;
    for (const url of ISSUE_URLS(inside.port)) {
      const res = await a.api('POST', '/api/v1/transit/webhooks', { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details?.[0]?.field, url).toBe('url');
    }
    expect(inside.state.hits).toBe(before);
  });

  it('checks again at every delivery, and what callers read names no internal detail', async () => {
    // A webhook saved when its name pointed outside (or before the guard): the delivery must still be refused.
    const owner = await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', 'hooks-admin@example.kr').executeTakeFirstOrThrow();
    const urls = [`http://[::ffff:127.0.0.1]:${inside.port}/`, `http://localhost:${inside.port}/`, `http://${os.hostname()}:${inside.port}/`];
    for (const [i, url] of urls.entries()) {
      await t.services.db
        .insertInto('transit_webhook')
        .values({
          id: `hook-${i}`,
          organisation_id: null,
          owner_id: owner.id,
          url,
          secret: 'x'.repeat(64),
          active: 1,
          created_at: t.services.now().toISOString(),
        })
        .execute();
    }
    await t.services.db
      .transaction()
      .execute((tx) =>
        recordChange(tx, t.services.dialect, { kind: 'facility_status', stationId: 'S1', ref: 'r1', payload: {}, at: t.services.now().toISOString() }),
      );
    const before = inside.state.hits;
    const report = await deliverDueWebhooks(t.services);
    expect(report).toMatchObject({ attempted: 3, delivered: 0, failed: 3 });
    expect(inside.state.hits).toBe(before);
    const a = new Agent(t.app);
    await a.signIn('hooks-admin@example.kr');
    await a.get('/account');
    const listed = (await a.api('GET', '/api/v1/transit/webhooks')).json();
    const deliveries = (listed.items ?? listed).flatMap((h: { deliveries: Array<{ last_status: unknown; last_error: string }> }) => h.deliveries);
    expect(deliveries).toHaveLength(3);
    for (const d of deliveries) {
      expect(d.last_status).toBeNull();
      expect(d.last_error).toBe('refused: the address is not public');
    }
  });
});
