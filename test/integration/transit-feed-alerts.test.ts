import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATION, upkeepWorld, type Json } from '../support/transit-upkeep-world.js';

/**
 * GTFS-Realtime alerts an app developer can build on (issue 19), decoded with gtfs-realtime-bindings: English text
 * in English for every kind of alert, active_period from the outage's start to the expected return, informed_entity
 * down to the stops of the facility's pathways with the route, and no "citizen report <uuid>" for riders.
 */
const { transit_realtime: rt } = GtfsRealtimeBindings;
const w = upkeepWorld();
const { call, keys, clock, wheelchairRoute } = w;
const HANGUL = /[\uac00-\ud7a3]/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const ids = { lift: '', escalator: '', reported: '', partial: '' };
const expectedReturn = '2026-11-23T09:00:00.000Z';
beforeAll(async () => {
  ids.lift = (await wheelchairRoute()).dependsOn[0].facilityId as string;
  const db = w.t.services.db;
  ids.escalator = (
    await db
      .selectFrom('transit_facility')
      .select('id')
      .where('station_id', '=', STATION)
      .where('type', '=', 'escalator')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  const lifts = await db
    .selectFrom('transit_facility')
    .select('id')
    .where('station_id', '=', STATION)
    .where('type', '=', 'elevator')
    .where('id', '!=', ids.lift)
    .orderBy('id')
    .limit(2)
    .execute();
  [ids.reported, ids.partial] = [lifts[0]!.id, lifts[1]!.id];
  const res = await call('POST', '/api/v1/transit/facility-status', keys.metro, {
    statuses: [
      { facilityId: ids.lift, status: 'not_available', reason: '부품 교체 중', expectedReturn },
      { facilityId: ids.escalator, status: 'planned_outage', reason: '정기 점검' },
      { facilityId: ids.partial, status: 'partially_available' },
    ],
  });
  if (res.status !== 200) throw new Error(res.text);
  const report = await call('POST', `/api/v1/transit/stations/${STATION}/reports`, keys.volunteer, {
    problem: 'elevator_out',
    facilityId: ids.reported,
    note: '문이 안 열려요',
  });
  const resolved = await call('POST', `/api/v1/transit/reports/${report.body.id}/resolve`, keys.metro, {
    confirmed: true,
    reasons: '현장 확인',
    facilityStatus: 'not_available',
  });
  if (resolved.status !== 200) throw new Error(resolved.text);
});

const feed = async () => rt.FeedMessage.decode((await w.t.app.inject({ method: 'GET', url: '/api/v1/transit/alerts.pb' })).rawPayload);
const text = (t: GtfsRealtimeBindings.transit_realtime.ITranslatedString | null | undefined, lang: string) =>
  t!.translation!.find((x) => x.language === lang)!.text;

describe('GTFS-RT alerts, decoded', () => {
  it('has one alert per dated outage and none for statuses read from an undated file', async () => {
    const m = await feed();
    expect(m.header.gtfsRealtimeVersion).toBe('2.0');
    expect(m.entity.map((e) => e.id).sort()).toEqual([ids.escalator, ids.lift, ids.partial, ids.reported].map((id) => `facility:${id}`).sort());
  });

  it('English text in English for every kind, without report ids', async () => {
    const m = await feed();
    const byId = new Map(m.entity.map((e) => [e.id, e.alert!]));
    for (const a of byId.values()) {
      for (const t of [a.headerText, a.descriptionText]) {
        expect(text(t, 'en')).not.toMatch(HANGUL);
        expect(text(t, 'ko')).toMatch(HANGUL);
        expect(`${text(t, 'en')} ${text(t, 'ko')}`).not.toMatch(UUID);
        expect(text(t, 'en')).not.toContain('citizen report');
      }
    }
    expect(text(byId.get(`facility:${ids.lift}`)!.headerText, 'en')).toMatch(/Station \(Line [23]\): lift out of service$/);
    expect(text(byId.get(`facility:${ids.lift}`)!.descriptionText, 'en')).toMatch(
      /is out of service since 2026-11-23 10:00 KST\. Expected back 2026-11-23 18:00 KST\. The operator gave a reason in Korean\.$/,
    );
    expect(text(byId.get(`facility:${ids.lift}`)!.descriptionText, 'ko')).toContain('사유: 부품 교체 중');
    expect(text(byId.get(`facility:${ids.escalator}`)!.headerText, 'en')).toMatch(/escalator closed for planned works$/);
    expect(byId.get(`facility:${ids.escalator}`)!.cause).toBe(rt.Alert.Cause.MAINTENANCE);
    expect(text(byId.get(`facility:${ids.partial}`)!.descriptionText, 'en')).toContain('is only partly in service since');
    expect(text(byId.get(`facility:${ids.reported}`)!.descriptionText, 'en')).toContain("Confirmed by the operator after a rider's report.");
    expect(text(byId.get(`facility:${ids.reported}`)!.descriptionText, 'ko')).toContain('시민 제보를 운영기관이 확인했습니다');
  });

  it('active_period runs from the outage start to the expected return; a confirmation keeps the start', async () => {
    const start = clock.now.getTime() / 1000;
    const lift = (await feed()).entity.find((e) => e.id === `facility:${ids.lift}`)!.alert!;
    expect(lift.activePeriod).toHaveLength(1);
    expect(Number(lift.activePeriod![0]!.start)).toBe(start);
    expect(Number(lift.activePeriod![0]!.end)).toBe(Date.parse(expectedReturn) / 1000);
    clock.now = new Date(clock.now.getTime() + 10 * 60_000);
    await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId: ids.lift, status: 'not_available', expectedReturn }] });
    const again = (await feed()).entity.find((e) => e.id === `facility:${ids.lift}`)!.alert!;
    expect(Number(again.activePeriod![0]!.start)).toBe(start); // still the outage's start, not the last confirmation
    for (const e of (await feed()).entity) expect(e.alert!.activePeriod!.length).toBe(1);
  });

  it('informed_entity names the station, the stops at the ends of the pathways through the lift, and its route', async () => {
    const lift = (await feed()).entity.find((e) => e.id === `facility:${ids.lift}`)!.alert!;
    const json = ((await call('GET', '/api/v1/transit/alerts')).body.items as Json[]).find((a) => a.facilityId === ids.lift)!;
    expect(json.pathwayIds.length).toBeGreaterThan(0);
    const stops = lift.informedEntity!.map((e) => e.stopId);
    expect(stops[0]).toBe(json.stopId);
    expect(stops.slice(1).sort()).toEqual([...json.stopIds].sort());
    expect(stops.length).toBeGreaterThan(1);
    const graph = (await call('GET', `/api/v1/transit/stations/${STATION}/graph`)).body;
    const edge = (graph.edges as Json[]).find((e) => e.pathway_id === json.pathwayIds[0] || e.id === json.pathwayIds[0])!;
    expect(edge).toBeTruthy();
    const route = lift.informedEntity![0]!.routeId;
    expect(route).toMatch(/^[23]$/); // 교대: lines 2 and 3 (rider line ids, as /api/v1/transit/lines gives them)
    for (const e of lift.informedEntity!) expect(e.routeId).toBe(route);
  });
});
