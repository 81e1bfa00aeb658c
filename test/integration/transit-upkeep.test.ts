import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.js';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { deliverDueWebhooks } from '../../src/contexts/transit/upkeep/deliver-webhooks.js';
import { signPayload, verifySignature } from '../../src/contexts/transit/upkeep/webhook-signature.js';
import { Agent } from '../support/agent.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * Keeping the maps true on the real Seoul network and the derived 교대 interior: a volunteer's survey, review
 * by the steward of what it touches, the wheelchair route changing, the change feed and its signed webhooks,
 * revert, conflicts, stale operator status, and bad input changing nothing.
 */
let t: TestContext;
let now = new Date('2026-11-23T01:00:00Z'); // Monday 10:00 in Seoul
type Json = Record<string, any>;
const keys = { volunteer: '', muui: '', metro: '', gis: '' };
const STATION = 'seoul-330'; // 교대
const PASSAGE = 'seoul-330:transfer:2-3:seoul-224:shared';
const FROM = 'seoul-330:platform:2:seoul-224';
const TO = 'seoul-330:platform:3';

const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, key?: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() as Json : {} as Json, text: res.body };
};
const wheelchairRoute = async () => (await call('GET', `/api/v1/transit/stations/${STATION}/routes?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}&profile=wheelchair`)).body;
const counts = async () => {
  const db = t.services.db;
  const n = async (table: 'transit_proposal' | 'transit_station_version' | 'transit_photo' | 'transit_change') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { proposals: await n('transit_proposal'), versions: await n('transit_station_version'), photos: await n('transit_photo'), changes: await n('transit_change') };
};
const survey = (slope: number, width = 1.8) => ({
  startStopId: `${FROM}:node`, steps: [{ kind: 'ramp', toStopId: `${TO}:node`, slopePercent: slope, widthM: width, lengthM: 75 }],
  note: '2호선→3호선 환승 통로: 경사로, 손으로 잰 값', surveyedAt: '2026-11-23T00:30:00Z',
});

// A test receiver: records every delivery; answers 500 to the first `failFirst` calls.
const received: Array<{ body: string; signature: string; delivery: string }> = [];
let failFirst = 0;
let receiver: Server;
let receiverUrl = '';

beforeAll(async () => {
  t = await createTestContext({ TRANSIT_STATUS_STALE_MINUTES: '30' }, { withSeoulNetwork: true });
  t.services.now = () => now;
  const s = t.services;
  const user = async (email: string, role: 'citizen' | 'official', org?: string) => {
    const u = await createUser(s, system(), { email, password: 'long enough password 1', role });
    if (org) await addOrganisationMember(s, system(), { organisation: org, email, role: 'member' });
    return (await createApiKey(s, { kind: 'user', user: { id: u.id, email, displayName: email, role, memberships: [] } }, { name: 'test' })).secret;
  };
  keys.volunteer = await user('volunteer@example.kr', 'citizen');
  keys.muui = await user('verifier@muui.kr', 'citizen', 'muui');
  keys.metro = await user('lift@seoulmetro.kr', 'official', 'seoul-metro');
  keys.gis = await user('gis@seoul.go.kr', 'official', 'smg-gis-division');
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-open-seoul-signature'] ?? ''), delivery: String(req.headers['x-open-seoul-delivery'] ?? '') });
      if (failFirst > 0) { failFirst--; res.writeHead(500).end('not now'); } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
}, 120_000);
afterAll(async () => {
  await new Promise((r) => receiver.close(r));
  await t.close();
});

describe('survey → review → route → feed → revert', () => {
  let proposalId = '';
  let secret = '';

  it('subscribes Seoul Metro to the change feed (operators and stewards only)', async () => {
    expect((await call('POST', '/api/v1/transit/webhooks', keys.volunteer, { url: receiverUrl })).status).toBe(403);
    const res = await call('POST', '/api/v1/transit/webhooks', keys.metro, { url: receiverUrl });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^[0-9a-f]{64}$/);
    secret = res.body.secret;
  });

  it('a volunteer surveys the 2→3 transfer passage; it becomes a proposal with a readable diff for Muui to review', async () => {
    const before = await wheelchairRoute();
    expect(before.feasible).toBe(true);
    expect(before.steps.map((s: Json) => s.mode)).toContain('elevator');
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/surveys`, keys.volunteer, survey(5));
    expect(res.status).toBe(201);
    proposalId = res.body.id;
    expect(res.body).toMatchObject({ status: 'pending', source: 'survey', baseVersion: 1 });
    const fields = res.body.diff.filter((d: Json) => d.id === PASSAGE).map((d: Json) => [d.field, d.before, d.after]);
    expect(fields).toEqual(expect.arrayContaining([['mode', 'walkway', 'ramp'], ['maxSlope', null, 0.05], ['minWidth', null, 1.8]]));
    expect(res.body.review).toEqual([expect.objectContaining({ attribute: 'accessibility', steward: expect.objectContaining({ nameKo: '무의' }), approvedAt: null })]);
    // Nothing changes for travellers until a steward approves.
    expect((await wheelchairRoute()).steps.map((s: Json) => s.mode)).toContain('elevator');
  });

  it('only the steward of what a proposal touches may review it', async () => {
    const metro = await call('POST', `/api/v1/transit/proposals/${proposalId}/review`, keys.metro, { decision: 'approve' });
    expect(metro.status).toBe(403);
    expect(metro.body.error.message).toContain('Muui');
    expect((await call('POST', `/api/v1/transit/proposals/${proposalId}/review`, keys.volunteer, { decision: 'approve' })).status).toBe(403);
    expect((await call('POST', `/api/v1/transit/proposals/${proposalId}/review`, keys.muui, { decision: 'reject' })).status).toBe(400); // a reason is required
  });

  it('Muui approves: version 2, field-verified, and the wheelchair route takes the ramp at once', async () => {
    const res = await call('POST', `/api/v1/transit/proposals/${proposalId}/review`, keys.muui, { decision: 'approve' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', resultVersion: 2 });
    const after = await wheelchairRoute();
    expect(after.feasible).toBe(true);
    expect(after.steps.map((s: Json) => s.mode)).not.toContain('elevator');
    expect(after.steps.some((s: Json) => s.mode === 'ramp')).toBe(true);
    const versions = (await call('GET', `/api/v1/transit/stations/${STATION}/versions`)).body;
    expect(versions[0]).toMatchObject({ version: 2, kind: 'proposal', verifiedAt: '2026-11-23T00:30:00.000Z', verifiedBy: '무의' });
    const coverage = (await call('GET', '/api/v1/transit/coverage')).body;
    expect(coverage.totals.verified).toBe(1);
    expect(coverage.stations.find((s: Json) => s.stationId === STATION)).toMatchObject({ version: 2, stale: false });
  });

  it('the change feed delivers a signed webhook that verifies, once', async () => {
    const feed = (await call('GET', `/api/v1/transit/changes?station=${STATION}`)).body.items;
    expect(feed.at(-1)).toMatchObject({ kind: 'station_version', ref: `${STATION}@v2` });
    const report = await deliverDueWebhooks(t.services);
    expect(report).toMatchObject({ delivered: 1, failed: 0 });
    const got = received.at(-1)!;
    expect(verifySignature(secret, got.signature, got.body, now)).toEqual({ ok: true });
    expect(verifySignature('0'.repeat(64), got.signature, got.body, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(secret, got.signature, got.body.replace('"version":2', '"version":3'), now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(JSON.parse(got.body)).toMatchObject({ kind: 'station_version', stationId: STATION, data: { version: 2 } });
    expect((await deliverDueWebhooks(t.services)).attempted).toBe(0);
    const atom = await call('GET', '/transit/changes.atom');
    expect(atom.text).toContain('<category term="station_version"/>');
  });

  it('the steward reverts it: version 3 restores version 1 and the route goes back to the elevators', async () => {
    expect((await call('POST', `/api/v1/transit/stations/${STATION}/versions/2/revert`, keys.volunteer, { reason: '측정 오류 확인' })).status).toBe(403);
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/versions/2/revert`, keys.muui, { reason: '측정 오류 확인' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 3, restoredVersion: 1 });
    expect((await wheelchairRoute()).steps.map((s: Json) => s.mode)).toContain('elevator');
    const v3 = (await call('GET', `/api/v1/transit/stations/${STATION}/versions/3`)).body;
    expect(v3.diff.filter((d: Json) => d.id === PASSAGE).map((d: Json) => d.field)).toEqual(expect.arrayContaining(['mode', 'maxSlope', 'minWidth']));
    // Reverting something that is not the latest version is refused clearly.
    expect((await call('POST', `/api/v1/transit/stations/${STATION}/versions/2/revert`, keys.muui, { reason: '다시 되돌리기' })).status).toBe(409);
    expect((await deliverDueWebhooks(t.services)).delivered).toBe(1);
  });
});

describe('conflicting proposals', () => {
  it('a proposal on an old version is rebased when it touches nothing that moved, and refused when it does', async () => {
    const base = (await call('GET', `/api/v1/transit/stations/${STATION}/interior`)).body.baseVersion;
    const edit = (pathwayId: string, set: Json, title: string) => call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, { title, ops: [{ op: 'update_edge', pathwayId, set }] });
    const a = (await edit(PASSAGE, { minWidth: 1.5 }, '폭 1.5m')).body;
    const b = (await edit(PASSAGE, { minWidth: 1.2 }, '폭 1.2m')).body;
    const c = (await edit('seoul-330:transfer:2-3:seoul-4307:shared', { minWidth: 1.6 }, '다른 통로 폭')).body;
    expect([a.baseVersion, b.baseVersion, c.baseVersion]).toEqual([base, base, base]);
    expect((await call('POST', `/api/v1/transit/proposals/${a.id}/review`, keys.muui, { decision: 'approve' })).body.resultVersion).toBe(base + 1);
    const clash = await call('POST', `/api/v1/transit/proposals/${b.id}/review`, keys.muui, { decision: 'approve' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('transit.proposal_conflict');
    expect(clash.body.error.message).toContain(`edge:${PASSAGE}:minWidth`);
    expect((await call('GET', `/api/v1/transit/proposals/${b.id}`)).body.status).toBe('pending');
    const rebased = await call('POST', `/api/v1/transit/proposals/${c.id}/review`, keys.muui, { decision: 'approve' });
    expect(rebased.status).toBe(200);
    expect(rebased.body.resultVersion).toBe(base + 2);
    const interior = (await call('GET', `/api/v1/transit/stations/${STATION}/interior`)).body.interior;
    const width = (id: string) => interior.edges.find((e: Json) => e.pathwayId === id).minWidth;
    expect([width(PASSAGE), width('seoul-330:transfer:2-3:seoul-4307:shared')]).toEqual([1.5, 1.6]);
  });

  it('a proposal touching two stewards waits for both', async () => {
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, {
      title: '새 안내 지점과 폭', ops: [
        { op: 'add_node', node: { stopId: `${STATION}:edit:kiosk`, name: '안내소', locationType: 3, levelId: 'seoul-330:LB1' } },
        { op: 'add_edge', edge: { pathwayId: `${STATION}:edit:kiosk-walk`, from: 'seoul-330:concourse', to: `${STATION}:edit:kiosk`, mode: 'walkway', minWidth: 2 } },
        { op: 'add_edge', edge: { pathwayId: `${STATION}:edit:kiosk-walk-2`, from: `${STATION}:edit:kiosk`, to: 'seoul-330:concourse', mode: 'walkway', bidirectional: false } },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.review.map((r: Json) => r.attribute)).toEqual(['geometry', 'accessibility', 'instructions']);
    const first = await call('POST', `/api/v1/transit/proposals/${res.body.id}/review`, keys.muui, { decision: 'approve' });
    expect(first.body).toMatchObject({ status: 'pending', waitingFor: ['geometry', 'instructions'] });
    const second = await call('POST', `/api/v1/transit/proposals/${res.body.id}/review`, keys.gis, { decision: 'approve' });
    expect(second.body.status).toBe('approved');
  });
});

describe('bad input changes nothing', () => {
  it('refuses a change that breaks the graph, with the GTFS rule and where', async () => {
    const before = await counts();
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, {
      title: '엘리베이터 삭제', ops: [{ op: 'remove_node', stopId: 'seoul-330:concourse' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('transit.proposal_breaks_graph');
    expect(res.body.error.message).toContain('pathway_unreachable_location');
    expect(await counts()).toEqual(before);
  });

  it('names every wrong field of every operation', async () => {
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, {
      title: '잘못된 값', ops: [
        { op: 'update_edge', pathwayId: PASSAGE, set: { maxSlope: 3, colour: 'red' } },
        { op: 'add_node', node: { stopId: 'elsewhere:1', locationType: 3, levelId: 'seoul-330:LB1' } },
        { op: 'update_edge', pathwayId: 'seoul-330:nope', set: { minWidth: 1 } },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: Json) => d.path)).toEqual(['ops[0].set.maxSlope', 'ops[0].set.colour']);
    const second = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, {
      title: '남의 아이디', ops: [{ op: 'add_node', node: { stopId: 'elsewhere:1', locationType: 3, levelId: 'seoul-330:LB1' } }, { op: 'update_edge', pathwayId: 'seoul-330:nope', set: { minWidth: 1 } }],
    });
    expect(second.body.error.details).toEqual([{ path: 'ops[0].node.stopId', message: 'a new id must start with "seoul-330:"' }]);
    const third = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, { title: '없는 통로', ops: [{ op: 'update_edge', pathwayId: 'seoul-330:nope', set: { minWidth: 1 } }] });
    expect(third.body.error.details).toEqual([{ path: 'ops[0].pathwayId', message: 'no pathway "seoul-330:nope" in this station' }]);
  });

  it('refuses a photo that is not an image, or is huge, and keeps nothing', async () => {
    const before = await counts();
    const upload = async (data: Buffer, name: string) => {
      const boundary = 'x-boundary-1';
      const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/transit/stations/${STATION}/photos`, payload: body, headers: { authorization: `Bearer ${keys.volunteer}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
      return { status: res.statusCode, body: res.json() as Json };
    };
    const fake = await upload(Buffer.from('%PDF-1.4 not a photo at all'), 'photo.jpg');
    expect(fake.status).toBe(415);
    expect(fake.body.error.message).toContain('not a PNG, JPEG or WebP');
    const huge = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(6 * 1024 * 1024)]), 'huge.jpg');
    expect(huge.status).toBe(413);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'.padEnd(80, '0'), 'hex');
    const ok = await upload(png, 'dot.png');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ mime: 'image/png', width: 1, height: 1 });
    expect((await counts()).photos).toBe(before.photos + 1);
  });
});

describe('live status: operator feed, staleness, reports', () => {
  const elevator = async () => (await t.services.db.selectFrom('transit_facility').select(['id', 'status']).where('station_id', '=', STATION).where('type', '=', 'elevator').orderBy('id').executeTakeFirstOrThrow());

  it('an operator feed is all or nothing', async () => {
    const { id } = await elevator();
    const bad = await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId: id, status: 'not_available' }, { facilityId: 'no-such-lift', status: 'available' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('statuses[1].facilityId');
    expect((await elevator()).status).not.toBe('not_available');
    expect((await call('POST', '/api/v1/transit/facility-status', keys.volunteer, { statuses: [{ facilityId: id, status: 'available' }] })).status).toBe(403);
  });

  it('an operator status not confirmed in time is treated as unknown; confirming it makes it fresh again', async () => {
    const id = (await wheelchairRoute()).dependsOn[0].facilityId as string; // an elevator the wheelchair route needs
    const ok = await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId: id, status: 'available' }] });
    expect(ok.body).toMatchObject({ received: 1 });
    const statusOf = async () => (await wheelchairRoute()).dependsOn.find((d: Json) => d.facilityId === id)?.status;
    expect(await statusOf()).toBe('available');
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await statusOf()).toBe('available');
    now = new Date(now.getTime() + 2 * 60_000);
    expect(await statusOf()).toBe('unknown');
    const page = await call('GET', `/transit/stations/${STATION}`);
    expect(page.text).toContain('30분 넘게 갱신되지 않아');
    await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId: id, status: 'available' }] });
    expect(await statusOf()).toBe('available');
    expect((await call('GET', `/transit/stations/${STATION}`)).text).not.toContain('30분 넘게 갱신되지 않아');
  });

  it('a citizen report becomes an answerable item; the confirmed status changes routing and raises a GTFS-RT alert', async () => {
    const facilityId = (await wheelchairRoute()).dependsOn[0].facilityId as string;
    const usualTime = (await wheelchairRoute()).timeS as number;
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/reports`, keys.volunteer, { problem: 'elevator_out', facilityId, note: '문이 열리지 않아요' });
    expect(res.status).toBe(201);
    expect(res.body.organisation.nameKo).toBe('서울교통공사');
    const item = await t.services.db.selectFrom('accountability_item').selectAll().where('subject_id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ kind_id: 'transit.station_report', state: 'received' });
    const stewardPage = (await call('GET', `/transit/reports/${res.body.id}`, keys.metro)).text;
    expect(stewardPage).toContain(`action="/transit/reports/${res.body.id}/resolve"`); // the structured answer that can set the status
    expect(stewardPage).toContain(`action="/accountability/items/${item.id}/pause"`); // the engine's clock stays in the steward's hands
    expect(stewardPage).not.toContain(`action="/accountability/items/${item.id}/answer"`);
    expect((await call('POST', `/api/v1/transit/reports/${res.body.id}/resolve`, keys.gis, { confirmed: true, reasons: '확인', facilityStatus: 'not_available' })).status).toBe(403);
    const resolved = await call('POST', `/api/v1/transit/reports/${res.body.id}/resolve`, keys.metro, { confirmed: true, reasons: '현장 확인, 수리 중', facilityStatus: 'not_available' });
    expect(resolved.status).toBe(200);
    const detour = await wheelchairRoute();
    expect(detour.dependsOn.map((d: Json) => d.facilityId)).not.toContain(facilityId);
    if (detour.feasible) expect(detour.timeS).toBeGreaterThan(usualTime);
    const alerts = (await call('GET', '/api/v1/transit/alerts')).body.items;
    expect(alerts.find((a: Json) => a.facilityId === facilityId)).toMatchObject({ stationId: STATION, status: 'not_available' });
    const coverage = (await call('GET', '/api/v1/transit/coverage')).body;
    expect(coverage.organisations.find((o: Json) => o.slug === 'seoul-metro')).toMatchObject({ reportsResolved: 1, reportsOpen: 0 });
    expect((await call('POST', `/api/v1/transit/reports/${res.body.id}/resolve`, keys.metro, { confirmed: true, reasons: '두 번' })).status).toBe(409);
  });
});

describe('webhook retries', () => {
  it('backs off after failures, delivers once, and never again after a restart', async () => {
    await deliverDueWebhooks(t.services); // anything left from before
    const start = received.length;
    failFirst = 2;
    const { id } = await t.services.db.selectFrom('transit_facility').select('id').where('station_id', '=', STATION).where('type', '=', 'escalator').orderBy('id').executeTakeFirstOrThrow();
    await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId: id, status: 'planned_outage', reason: '정기 점검' }] });
    expect(await deliverDueWebhooks(t.services)).toMatchObject({ attempted: 1, failed: 1 });
    expect((await deliverDueWebhooks(t.services)).attempted).toBe(0); // waiting 30 s
    now = new Date(now.getTime() + 31_000);
    expect(await deliverDueWebhooks(t.services)).toMatchObject({ attempted: 1, failed: 1 });
    now = new Date(now.getTime() + 31_000);
    expect((await deliverDueWebhooks(t.services)).attempted).toBe(0); // now waiting 60 s
    now = new Date(now.getTime() + 30_000);
    expect(await deliverDueWebhooks(t.services)).toMatchObject({ attempted: 1, delivered: 1 });
    const deliveries = received.slice(start);
    expect(deliveries).toHaveLength(3);
    expect(new Set(deliveries.map((d) => d.delivery)).size).toBe(1); // the same delivery id, so receivers can drop repeats
    // A restarted server (new services on the same database) sends nothing again.
    const restarted = createServices(t.services.config);
    restarted.now = () => new Date(now.getTime() + 3_600_000);
    try {
      expect((await deliverDueWebhooks(restarted)).attempted).toBe(0);
    } finally {
      await restarted.close();
    }
    expect(received.length).toBe(start + 3);
  });
});

describe('signed status pushes from an operator\'s system', () => {
  it('accepts a push signed with the shared secret, and refuses a forged, altered, replayed or unsigned one without changing anything', async () => {
    const admin = await createUser(t.services, system(), { email: 'feed-admin@seoulmetro.kr', password: 'long enough password 1', role: 'citizen' });
    await addOrganisationMember(t.services, system(), { organisation: 'seoul-metro', email: 'feed-admin@seoulmetro.kr', role: 'admin' });
    const adminKey = (await createApiKey(t.services, { kind: 'user', user: { id: admin.id, email: 'feed-admin@seoulmetro.kr', displayName: 'a', role: 'citizen', memberships: [] } }, { name: 'feed' })).secret;
    expect((await call('POST', '/api/v1/transit/operators/seoul-metro/status-feed/secret', keys.metro)).status).toBe(403); // a member, not an admin of it
    const { secret } = (await call('POST', '/api/v1/transit/operators/seoul-metro/status-feed/secret', adminKey)).body;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const { id } = await t.services.db.selectFrom('transit_facility').select('id').where('station_id', '=', 'seoul-423').where('type', '=', 'elevator').orderBy('id').executeTakeFirstOrThrow();
    const status = async () => (await t.services.db.selectFrom('transit_facility').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const push = (body: string, signature?: string) => t.app.inject({
      method: 'POST', url: '/api/v1/transit/operators/seoul-metro/status-feed', payload: body,
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-open-seoul-signature': signature } : {}) },
    });
    const body = JSON.stringify({ statuses: [{ facilityId: id, status: 'not_available', reason: '점검' }] });
    const before = await status();
    const refused = async (res: Awaited<ReturnType<typeof push>>, reason: string) => {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'transit.signature_invalid', details: { reason } });
      expect(await status()).toBe(before);
    };
    await refused(await push(body), 'missing');
    await refused(await push(body, signPayload('0'.repeat(64), body, now)), 'mismatch');
    await refused(await push(body.replace('not_available', 'available'), signPayload(secret, body, now)), 'mismatch');
    await refused(await push(body, signPayload(secret, body, new Date(now.getTime() - 10 * 60_000))), 'expired');
    await refused(await push(body, 't=abc,v1=zz'), 'malformed');
    const ok = await push(body, signPayload(secret, body, now));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ operator: 'seoul-metro', received: 1, changed: 1 });
    expect(await status()).toBe('not_available');
    const back = JSON.stringify({ statuses: [{ facilityId: id, status: 'available' }] });
    expect((await push(back, signPayload(secret, back, now))).statusCode).toBe(200);
  });
});

describe('graph checks see only what a change breaks', () => {
  it('removing one of several elevator pathways is checked on its own merits, and the station GTFS export follows the approved version', async () => {
    const preview = await call('POST', `/api/v1/transit/stations/${STATION}/proposals/preview`, keys.volunteer, { ops: [{ op: 'update_edge', pathwayId: 'seoul-330:elevator:12', set: { traversalTime: 40 } }] });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.attributes).toEqual(['accessibility']);
    const removal = await call('POST', `/api/v1/transit/stations/${STATION}/proposals/preview`, keys.volunteer, { ops: [{ op: 'remove_edge', pathwayId: 'seoul-330:elevator:12' }] });
    expect(removal.status, removal.text).toBe(200);
    const csv = await call('GET', `/api/v1/transit/stations/${STATION}/gtfs/pathways.txt`);
    expect(csv.text.split('\n')[0]).toContain('pathway_id,from_stop_id,to_stop_id,pathway_mode,is_bidirectional');
    expect(csv.text).toContain(`${PASSAGE},`);
    expect(csv.text).toContain('1.5'); // the width approved earlier
    const stops = await call('GET', `/api/v1/transit/stations/${STATION}/gtfs/stops.txt`);
    expect(stops.text).toContain('seoul-330:platform:3,');
  });
});

describe('the survey form without JavaScript', () => {
  it('posts the walked steps with a photo as a proposal, and a bad photo changes nothing', async () => {
    const agent = new Agent(t.app);
    await agent.signUp('phone-volunteer@example.kr', 'long enough password 1');
    const page = await agent.get(`/transit/stations/${STATION}/survey`);
    expect(page.body).toContain('name="s1_kind"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const clientId = /name="clientId" value="([^"]+)"/.exec(page.body)![1]!;
    const post = (photo: Buffer) => {
      const b = `survey${Date.now()}`;
      const field = (name: string, value: string) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
      const payload = Buffer.concat([
        field('_csrf', csrf), field('clientId', clientId), field('startStopId', `${FROM}:node`), field('s1_kind', 'door'), field('s1_to', `${TO}:node`),
        field('s1_door', '90'), field('note', '문 폭 90cm'), field('surveyedAt', '2026-11-23T10:15'),
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="s1_photo"; filename="door.png"\r\nContent-Type: image/png\r\n\r\n`), photo, Buffer.from(`\r\n--${b}--\r\n`),
      ]);
      return t.app.inject({ method: 'POST', url: `/transit/stations/${STATION}/survey`, payload, headers: { cookie: agent.cookieHeader, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${b}` } });
    };
    const before = await counts();
    const bad = await post(Buffer.from('GIF89a not accepted'));
    expect(bad.statusCode).toBe(415);
    expect(bad.body).toContain('s1_photo');
    expect(bad.body).toContain('value="90"'); // what was typed is kept
    expect(await counts()).toEqual(before);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'.padEnd(80, '0'), 'hex');
    const ok = await post(png);
    expect(ok.statusCode).toBe(303);
    const id = /\/transit\/proposals\/([0-9a-f-]{36})/.exec(String(ok.headers.location))![1]!;
    const proposal = (await call('GET', `/api/v1/transit/proposals/${id}`)).body;
    expect(proposal).toMatchObject({ source: 'survey', evidence: { note: '문 폭 90cm', surveyedAt: '2026-11-23T01:15:00.000Z' } });
    expect(proposal.evidence.photos).toHaveLength(1);
    expect(proposal.diff.filter((d: Json) => d.id === PASSAGE).map((d: Json) => [d.field, d.after])).toEqual(expect.arrayContaining([['minWidth', 0.9], ['doorWidthCm', 90]]));
    // Sent twice (a double tap, or the outbox after a lost answer): still one proposal.
    const photos = (await counts()).photos;
    expect((await post(png)).headers.location).toBe(ok.headers.location);
    expect((await counts()).photos).toBe(photos);
    const photo = await t.app.inject({ method: 'GET', url: proposal.evidence.photos[0].url });
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/png']);
  });
});
