import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { createTestContext, type TestContext } from './test-app.js';

/**
 * The world of the transit upkeep tests: the real Seoul network with the derived 교대 interior, a clock the tests
 * move, a volunteer, a Muui verifier, a Seoul Metro official and a GIS Division official (each with an API key),
 * and a webhook receiver that records every delivery and answers 500 to the first `failFirst` calls.
 */
export type Json = Record<string, any>;
export const STATION = 'seoul-330'; // 교대
export const PASSAGE = 'seoul-330:transfer:2-3:seoul-224:shared';
export const FROM = 'seoul-330:platform:2:seoul-224';
export const TO = 'seoul-330:platform:3';

export function upkeepWorld() {
  const w = {
    t: undefined as unknown as TestContext,
    clock: { now: new Date('2026-11-23T01:00:00Z') }, // Monday 10:00 in Seoul
    keys: { volunteer: '', muui: '', metro: '', gis: '' },
    receiver: { url: '', failFirst: 0, received: [] as Array<{ body: string; signature: string; delivery: string }> },
    async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, key?: string, payload?: unknown) {
      const res = await w.t.app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
        headers: key ? { authorization: `Bearer ${key}` } : {},
      });
      return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? (res.json() as Json) : ({} as Json), text: res.body };
    },
    wheelchairRoute: async () =>
      (await w.call('GET', `/api/v1/transit/stations/${STATION}/routes?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}&profile=wheelchair`)).body,
    async counts() {
      const db = w.t.services.db;
      const n = async (table: 'transit_proposal' | 'transit_station_version' | 'transit_photo' | 'transit_change') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        proposals: await n('transit_proposal'),
        versions: await n('transit_station_version'),
        photos: await n('transit_photo'),
        changes: await n('transit_change'),
      };
    },
  };
  let server: Server;
  beforeAll(async () => {
    w.t = await createTestContext({ TRANSIT_STATUS_STALE_MINUTES: '30' }, { withSeoulNetwork: true });
    w.t.services.now = () => w.clock.now;
    const s = w.t.services;
    const user = async (email: string, role: 'citizen' | 'official', org?: string) => {
      const u = await createUser(s, system(), { email, password: 'long enough password 1', role });
      if (org) await addOrganisationMember(s, system(), { organisation: org, email, role: 'member' });
      return (await createApiKey(s, { kind: 'user', user: { id: u.id, email, displayName: email, role, memberships: [] } }, { name: 'test' })).secret;
    };
    w.keys.volunteer = await user('volunteer@example.kr', 'citizen');
    w.keys.muui = await user('verifier@muui.kr', 'citizen', 'muui');
    w.keys.metro = await user('lift@seoulmetro.kr', 'official', 'seoul-metro');
    w.keys.gis = await user('gis@seoul.go.kr', 'official', 'smg-gis-division');
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        w.receiver.received.push({
          body,
          signature: String(req.headers['x-open-seoul-signature'] ?? ''),
          delivery: String(req.headers['x-open-seoul-delivery'] ?? ''),
        });
        if (w.receiver.failFirst > 0) {
          w.receiver.failFirst--;
          res.writeHead(500).end('not now');
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    w.receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await w.t.close();
  });
  return w;
}
