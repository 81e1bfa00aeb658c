import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { deliverDueWebhooks } from '../../src/contexts/upkeep/use-cases/deliver-webhooks.js';
import { verifySignature } from '../../src/contexts/upkeep/use-cases/webhook-signature.js';
import { Agent } from '../support/agent.js';
import { parseAtom } from '../support/atom.js';
import { FROM, PASSAGE, STATION, TO, upkeepWorld, type Json } from '../support/transit-upkeep-world.js';

/**
 * Keeping the maps true on the real Seoul network and the derived 교대 interior: a volunteer's survey, review
 * by the steward of what it touches, the wheelchair route changing, the change feed and its signed webhooks,
 * revert, conflicts, the no-JS survey, and bad input changing nothing. (Live status: transit-upkeep-live.test.ts.)
 */
const w = upkeepWorld();
const { call, wheelchairRoute, counts, keys, clock, receiver } = w;
const survey = (slope: number, width = 1.8) => ({
  startStopId: `${FROM}:node`,
  steps: [{ kind: 'ramp', toStopId: `${TO}:node`, slopePercent: slope, widthM: width, lengthM: 75 }],
  note: '2호선→3호선 환승 통로: 경사로, 손으로 잰 값',
  surveyedAt: '2026-11-23T00:30:00Z',
});

describe('survey → review → route → feed → revert', () => {
  let proposalId = '';
  let secret = '';

  it('subscribes Seoul Metro to the change feed (private webhooks: operators and stewards only)', async () => {
    expect((await call('POST', '/api/v1/transit/webhooks', keys.volunteer, { url: receiver.url, scope: 'organisation' })).status).toBe(403);
    const res = await call('POST', '/api/v1/transit/webhooks', keys.metro, { url: receiver.url });
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
    expect(fields).toEqual(
      expect.arrayContaining([
        ['mode', 'walkway', 'ramp'],
        ['maxSlope', null, 0.05],
        ['minWidth', null, 1.8],
      ]),
    );
    expect(res.body.review).toEqual([
      expect.objectContaining({ attribute: 'accessibility', steward: expect.objectContaining({ nameKo: '무의' }), approvedAt: null }),
    ]);
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
    // Only what the approved survey wrote is "surveyed"; the rest of the route is still derived, and so is the whole answer.
    expect(after.steps.find((s: Json) => s.mode === 'ramp').source).toBe('surveyed');
    expect(after.steps.filter((s: Json) => s.mode !== 'ramp').every((s: Json) => s.source === 'derived')).toBe(true);
    expect(after.assurance).toBe('derived');
    const versions = (await call('GET', `/api/v1/transit/stations/${STATION}/versions`)).body;
    expect(versions[0]).toMatchObject({ version: 2, kind: 'proposal', verifiedAt: '2026-11-23T00:30:00.000Z', verifiedBy: '무의' });
    const coverage = (await call('GET', '/api/v1/transit/coverage')).body;
    expect(coverage.totals.verified).toBe(1);
    expect(coverage.stations.find((s: Json) => s.stationId === STATION)).toMatchObject({ version: 2, stale: false });
  });

  it('the change feed delivers a signed webhook that verifies, once', async () => {
    const feed = (await call('GET', `/api/v1/transit/changes?station=${STATION}`)).body.items;
    expect(feed.at(-1)).toMatchObject({ kind: 'station_version', ref: `${STATION}@v2` });
    const report = await deliverDueWebhooks(w.t.services);
    expect(report).toMatchObject({ delivered: 1, failed: 0 });
    const got = receiver.received.at(-1)!;
    expect(verifySignature(secret, got.signature, got.body, clock.now)).toEqual({ ok: true });
    expect(verifySignature('0'.repeat(64), got.signature, got.body, clock.now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(secret, got.signature, got.body.replace('"version":2', '"version":3'), clock.now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(JSON.parse(got.body)).toMatchObject({ kind: 'station_version', stationId: STATION, data: { version: 2 } });
    expect((await deliverDueWebhooks(w.t.services)).attempted).toBe(0);
    const atom = await call('GET', '/transit/changes.atom');
    expect(parseAtom(atom.text).entries.flatMap((e) => e.categories)).toContainEqual({ term: 'station_version' });
  });

  it('the steward reverts it: version 3 restores version 1 and the route goes back to the elevators', async () => {
    expect((await call('POST', `/api/v1/transit/stations/${STATION}/versions/2/revert`, keys.volunteer, { reason: '측정 오류 확인' })).status).toBe(403);
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/versions/2/revert`, keys.muui, { reason: '측정 오류 확인' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 3, restoredVersion: 1 });
    const reverted = await wheelchairRoute();
    expect(reverted.steps.map((s: Json) => s.mode)).toContain('elevator');
    expect(reverted.steps.some((s: Json) => s.source === 'surveyed')).toBe(false);
    const v3 = (await call('GET', `/api/v1/transit/stations/${STATION}/versions/3`)).body;
    expect(v3.diff.filter((d: Json) => d.id === PASSAGE).map((d: Json) => d.field)).toEqual(expect.arrayContaining(['mode', 'maxSlope', 'minWidth']));
    // Reverting something that is not the latest version is refused clearly.
    expect((await call('POST', `/api/v1/transit/stations/${STATION}/versions/2/revert`, keys.muui, { reason: '다시 되돌리기' })).status).toBe(409);
    expect((await deliverDueWebhooks(w.t.services)).delivered).toBe(1);
  });
});

describe('conflicting proposals', () => {
  it('a proposal on an old version is rebased when it touches nothing that moved, and refused when it does', async () => {
    const base = (await call('GET', `/api/v1/transit/stations/${STATION}/interior`)).body.baseVersion;
    const edit = (pathwayId: string, set: Json, title: string) =>
      call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, { title, ops: [{ op: 'update_edge', pathwayId, set }] });
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
      title: '새 안내 지점과 폭',
      ops: [
        { op: 'add_node', node: { stopId: `${STATION}:edit:kiosk`, name: '안내소', locationType: 3, levelId: 'seoul-330:LB1' } },
        {
          op: 'add_edge',
          edge: { pathwayId: `${STATION}:edit:kiosk-walk`, from: 'seoul-330:concourse', to: `${STATION}:edit:kiosk`, mode: 'walkway', minWidth: 2 },
        },
        {
          op: 'add_edge',
          edge: { pathwayId: `${STATION}:edit:kiosk-walk-2`, from: `${STATION}:edit:kiosk`, to: 'seoul-330:concourse', mode: 'walkway', bidirectional: false },
        },
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
      title: '엘리베이터 삭제',
      ops: [{ op: 'remove_node', stopId: 'seoul-330:concourse' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('transit.proposal_breaks_graph');
    expect(res.body.error.message).toContain('pathway_unreachable_location');
    expect(await counts()).toEqual(before);
  });

  it('names every wrong field of every operation', async () => {
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, {
      title: '잘못된 값',
      ops: [
        { op: 'update_edge', pathwayId: PASSAGE, set: { maxSlope: 3, colour: 'red' } },
        { op: 'add_node', node: { stopId: 'elsewhere:1', locationType: 3, levelId: 'seoul-330:LB1' } },
        { op: 'update_edge', pathwayId: 'seoul-330:nope', set: { minWidth: 1 } },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: Json) => d.path)).toEqual(['ops[0].set.maxSlope', 'ops[0].set.colour']);
    const second = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, {
      title: '남의 아이디',
      ops: [
        { op: 'add_node', node: { stopId: 'elsewhere:1', locationType: 3, levelId: 'seoul-330:LB1' } },
        { op: 'update_edge', pathwayId: 'seoul-330:nope', set: { minWidth: 1 } },
      ],
    });
    expect(second.body.error.details).toEqual([{ path: 'ops[0].node.stopId', message: 'a new id must start with "seoul-330:"' }]);
    const third = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, keys.volunteer, {
      title: '없는 통로',
      ops: [{ op: 'update_edge', pathwayId: 'seoul-330:nope', set: { minWidth: 1 } }],
    });
    expect(third.body.error.details).toEqual([{ path: 'ops[0].pathwayId', message: 'no pathway "seoul-330:nope" in this station' }]);
  });

  it('refuses a photo that is not an image, or is huge, and keeps nothing', async () => {
    const before = await counts();
    const upload = async (data: Buffer, name: string) => {
      const boundary = 'x-boundary-1';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await w.t.app.inject({
        method: 'POST',
        url: `/api/v1/transit/stations/${STATION}/photos`,
        payload: body,
        headers: { authorization: `Bearer ${keys.volunteer}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      return { status: res.statusCode, body: res.json() as Json };
    };
    const fake = await upload(Buffer.from('%PDF-1.4 not a photo at all'), 'photo.jpg');
    expect(fake.status).toBe(415);
    expect(fake.body.error.message).toContain('not a PNG, JPEG or WebP');
    const huge = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(6 * 1024 * 1024)]), 'huge.jpg');
    expect(huge.status).toBe(413);
    const png = await sharp({ create: { width: 1, height: 1, channels: 4, background: '#000' } })
      .png()
      .toBuffer(); // a real image (it is decoded)
    const ok = await upload(png, 'dot.png');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ mime: 'image/png', width: 1, height: 1 });
    expect((await counts()).photos).toBe(before.photos + 1);
  });
});

describe('graph checks see only what a change breaks', () => {
  it('removing one of several elevator pathways is checked on its own merits, and the station GTFS export follows the approved version', async () => {
    const preview = await call('POST', `/api/v1/transit/stations/${STATION}/proposals/preview`, keys.volunteer, {
      ops: [{ op: 'update_edge', pathwayId: 'seoul-330:elevator:12', set: { traversalTime: 40 } }],
    });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.attributes).toEqual(['accessibility']);
    const removal = await call('POST', `/api/v1/transit/stations/${STATION}/proposals/preview`, keys.volunteer, {
      ops: [{ op: 'remove_edge', pathwayId: 'seoul-330:elevator:12' }],
    });
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
    const agent = new Agent(w.t.app);
    await agent.signUp('phone-volunteer@example.kr', 'long enough password 1');
    const page = await agent.get(`/transit/stations/${STATION}/survey`);
    expect(page.body).toContain('name="s1_kind"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const clientId = /name="clientId" value="([^"]+)"/.exec(page.body)![1]!;
    const post = (photo: Buffer) => {
      const b = `survey${Date.now()}`;
      const field = (name: string, value: string) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
      const payload = Buffer.concat([
        field('_csrf', csrf),
        field('clientId', clientId),
        field('startStopId', `${FROM}:node`),
        field('s1_kind', 'door'),
        field('s1_to', `${TO}:node`),
        field('s1_door', '90'),
        field('note', '문 폭 90cm'),
        field('surveyedAt', '2026-11-23T10:15'),
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="s1_photo"; filename="door.png"\r\nContent-Type: image/png\r\n\r\n`),
        photo,
        Buffer.from(`\r\n--${b}--\r\n`),
      ]);
      return w.t.app.inject({
        method: 'POST',
        url: `/transit/stations/${STATION}/survey`,
        payload,
        headers: { cookie: agent.cookieHeader, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${b}` },
      });
    };
    const before = await counts();
    const bad = await post(Buffer.from('GIF89a not accepted'));
    expect(bad.statusCode).toBe(415);
    expect(bad.body).toContain('s1_photo');
    expect(bad.body).toContain('value="90"'); // what was typed is kept
    expect(await counts()).toEqual(before);
    const png = await sharp({ create: { width: 3, height: 2, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const ok = await post(png);
    expect(ok.statusCode).toBe(303);
    const id = /\/transit\/proposals\/([0-9a-f-]{36})/.exec(String(ok.headers.location))![1]!;
    const proposal = (await call('GET', `/api/v1/transit/proposals/${id}`)).body;
    expect(proposal).toMatchObject({ source: 'survey', evidence: { note: '문 폭 90cm', surveyedAt: '2026-11-23T01:15:00.000Z' } });
    expect(proposal.evidence.photos).toHaveLength(1);
    expect(proposal.diff.filter((d: Json) => d.id === PASSAGE).map((d: Json) => [d.field, d.after])).toEqual(
      expect.arrayContaining([
        ['minWidth', 0.9],
        ['doorWidthCm', 90],
      ]),
    );
    // Sent twice (a double tap, or the outbox after a lost answer): still one proposal.
    const photos = (await counts()).photos;
    expect((await post(png)).headers.location).toBe(ok.headers.location);
    expect((await counts()).photos).toBe(photos);
    const photo = await w.t.app.inject({ method: 'GET', url: proposal.evidence.photos[0].url, headers: { cookie: agent.cookieHeader } }); // the uploader
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await w.t.app.inject({ method: 'GET', url: proposal.evidence.photos[0].url })).statusCode).toBe(401); // private until approved
  });
});
