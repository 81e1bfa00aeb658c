import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverDueWebhooks } from '../../src/contexts/upkeep/use-cases/deliver-webhooks.js';
import { STATION, upkeepWorld, type Json } from '../support/transit-upkeep-world.js';
import { parseAtom } from '../support/atom.js';

/**
 * Staleness is an event (issue 19): when an operator's live status is not confirmed for TRANSIT_STATUS_STALE_MINUTES
 * (30 here), the facility API, the station page, the change feed (JSON and Atom), the webhooks and the GTFS-RT
 * alerts all say "unknown since" the same moment, and the moment is recorded once.
 */
const { transit_realtime: rt } = GtfsRealtimeBindings;
const w = upkeepWorld();
const { call, keys, clock, receiver, wheelchairRoute } = w;
let facilityId = '';
beforeAll(async () => {
  facilityId = (await wheelchairRoute()).dependsOn[0].facilityId as string; // an elevator on the wheelchair route, in the interior graph
  // An app developer with nothing but an API key follows the public changes.
  const hook = await call('POST', '/api/v1/transit/webhooks', keys.volunteer, { url: receiver.url });
  if (hook.status !== 201) throw new Error(hook.text);
});

const decodeAlerts = async () => {
  const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/transit/alerts.pb' });
  return rt.FeedMessage.decode(res.rawPayload);
};
const facility = async () =>
  ((await call('GET', `/api/v1/transit/stations/${STATION}/facilities`)).body as unknown as Json[]).find((f) => f.id === facilityId)!;
const changesFor = async () =>
  ((await call('GET', `/api/v1/transit/changes?station=${STATION}&limit=1000`)).body.items as Json[]).filter((c) => c.ref === facilityId);

describe('going stale reaches all five channels at the same moment, once', () => {
  it('says unknown since observedAt + 30 minutes everywhere', async () => {
    const observedAt = new Date(clock.now.getTime() - 5 * 60_000).toISOString(); // the source saw it 5 minutes ago
    const expectedReturn = new Date(clock.now.getTime() + 6 * 3_600_000).toISOString();
    const push = await call('POST', '/api/v1/transit/facility-status', keys.metro, {
      statuses: [{ facilityId, status: 'not_available', reason: '부품 교체', expectedReturn, observedAt }],
    });
    expect(push.status, push.text).toBe(200);
    expect(await facility()).toMatchObject({ status: 'not_available', statusBasis: { kind: 'live', observedAt, stale: false, unknownSince: null } });
    await deliverDueWebhooks(w.t.services);
    const before = receiver.received.length;

    clock.now = new Date(Date.parse(observedAt) + 30 * 60_000 - 1000); // one second before it goes stale
    expect((await facility()).status).toBe('not_available');
    expect((await changesFor()).filter((c) => c.data.stale)).toHaveLength(0);

    const unknownSince = new Date(Date.parse(observedAt) + 30 * 60_000).toISOString();
    clock.now = new Date(unknownSince); // the moment itself
    // 1. the facility API
    const f = await facility();
    expect(f).toMatchObject({ status: 'unknown', reportedStatus: 'not_available', statusBasis: { kind: 'live', stale: true, unknownSince, observedAt } });
    expect(f.statusBasis.said.en).toContain('Unknown since 2026-11-23');
    // 2. the station page
    const page = (await call('GET', `/transit/stations/${STATION}`)).text;
    expect(page).toContain(`data-unknown-since="${unknownSince}"`);
    expect(page).toContain('부터 상태 모름');
    // 3. the change feed, JSON and Atom
    const stale = (await changesFor()).filter((c) => c.data.stale);
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ at: unknownSince, data: { status: 'unknown', previous: 'not_available', unknownSince, observedAt } });
    const atom = (await call('GET', '/transit/changes.atom')).text;
    expect(parseAtom(atom).entries.map((e) => e.title)).toContainEqual(
      expect.stringMatching(
        /^교대\(법원.검찰청\)역 엘리베이터 [^<]*: 2026-11-23 10:25부터 상태 모름 \(운영기관 확인 끊김, 마지막 상태 사용 불가\) · [^<]+ Station inside lift \d: status unknown since 2026-11-23 10:25 KST \(the operator stopped confirming; last said out of service\)$/,
      ),
    );
    expect(atom).not.toMatch(/not_available|→ unknown/);
    // 4. the webhooks (the developer's public one and Seoul Metro's)
    await deliverDueWebhooks(w.t.services);
    const sent = receiver.received
      .slice(before)
      .map((r) => JSON.parse(r.body) as Json)
      .filter((b) => b.ref === facilityId && b.data.stale);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent[0]).toMatchObject({ kind: 'facility_status', at: unknownSince, data: { status: 'unknown', unknownSince } });
    // 5. the GTFS-RT alerts
    const entity = (await decodeAlerts()).entity.find((e) => e.id === `facility:${facilityId}`)!;
    expect(entity.alert!.effect).toBe(rt.Alert.Effect.UNKNOWN_EFFECT);
    expect(Number(entity.alert!.activePeriod![0]!.start)).toBe(Date.parse(unknownSince) / 1000);
    const en = entity.alert!.descriptionText!.translation!.find((t) => t.language === 'en')!.text;
    expect(en).toContain('status unknown since');
    expect(en).not.toMatch(/[\uac00-\ud7a3]/);

    // Recorded once: reading the feed and sending webhooks again adds nothing.
    await changesFor();
    await deliverDueWebhooks(w.t.services);
    expect((await changesFor()).filter((c) => c.data.stale)).toHaveLength(1);
    expect(await w.t.services.db.selectFrom('transit_status_stale').selectAll().where('facility_id', '=', facilityId).execute()).toHaveLength(1);
  });

  it('a confirmation after it went stale is a change back from unknown, and the outage keeps no false start', async () => {
    const res = await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId, status: 'not_available' }] });
    expect(res.body).toMatchObject({ changed: 1 });
    const last = (await changesFor()).at(-1)!;
    expect(last.data).toMatchObject({ previous: 'unknown', status: 'not_available' });
    expect((await facility()).statusBasis).toMatchObject({ stale: false, kind: 'live', since: clock.now.toISOString() });
  });

  it('staff statuses do not go stale; a snapshot status is labelled with its file and "date unknown", never now', async () => {
    const all = (await call('GET', `/api/v1/transit/stations/${STATION}/facilities`)).body as unknown as Json[];
    const snap = all.find((x) => x.statusBasis.kind === 'snapshot' && x.source.file.includes('가동현황'))!;
    expect(snap.statusBasis).toMatchObject({
      observedAt: null,
      snapshot: { date: null },
      said: { en: 'Status in a file of unknown date; it may not be the status now' },
    });
    const dated = all.find((x) => x.statusBasis.kind === 'snapshot' && /_20\d{6}\./.test(x.source.file));
    if (dated) expect(dated.statusBasis.snapshot.date).toMatch(/^20\d\d-\d\d-\d\d$/);
    const page = (await call('GET', `/transit/stations/${STATION}?lang=en`)).text;
    expect(page).toContain('data-status-basis="snapshot"');
    expect(page).toContain('Status in a file of unknown date; it may not be the status now');
    expect((await call('GET', `/transit/stations/${STATION}`)).text).toContain('기준일을 알 수 없는 자료의 상태입니다');
  });
});
