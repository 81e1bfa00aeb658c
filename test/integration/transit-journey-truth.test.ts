import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVENANCES, weakest } from '../../src/contexts/transit/domain/provenance.js';
import { routingFor } from '../../src/contexts/transit/routing/routing-service.js';
import { streetAccess } from '../../src/contexts/transit/routing/street-access.js';
import { endAccess } from '../../src/contexts/transit/use-cases/journey-ends.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * What a journey tells people is true: every part says how we know it, both ends are checked from the
 * street, an outage at the origin changes the answer, a failure names its real cause, and a station whose
 * lifts no source lists is said to be unknown, never "no lift needed".
 */
let t: TestContext;
type Json = Record<string, any>;
const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Json };
};
const journey = (from: string, to: string, profile: string) =>
  get(`/api/v1/transit/journeys?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&profile=${profile}`);
const ids = { gyodae: '', yeouido: '', express: '' };

beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
  const byName = (name: string) =>
    t.services.db
      .selectFrom('transit_station')
      .select('id')
      .where('feed', '=', 'seoul')
      .where('name_ko', 'like', `${name}%`)
      .orderBy('name_ko')
      .executeTakeFirstOrThrow();
  ids.gyodae = (await byName('교대')).id;
  ids.yeouido = (await t.services.db.selectFrom('transit_station').select('id').where('name_ko', '=', '여의도').executeTakeFirstOrThrow()).id;
  ids.express = (await byName('고속터미널')).id;
}, 120_000);
afterAll(() => t.close());

describe(`journey truth (${dialect})`, () => {
  it('교대 → 여의도 (wheelchair): the line-9 end with no lift data is said at the destination, with the phone, and the answer is not sure', async () => {
    const { status, body } = await journey(ids.gyodae, ids.yeouido, 'wheelchair');
    expect(status).toBe(200);
    const end = body.access.destination;
    expect(end).toMatchObject({ stationId: ids.yeouido, direction: 'out' });
    if (end.lifts.length === 0) {
      // No source lists a lift for this line here: unknown, in words, beside the destination.
      expect(end).toMatchObject({ state: 'unknown', cause: 'no_lift_data', source: 'unknown' });
      expect(end.warning.ko).toContain('엘리베이터 정보가 없습니다');
    } else {
      // A source lists lifts (Seoul City's elevator points): the way from them to the platform is still not known.
      expect(['lifts_listed', 'unknown']).toContain(end.state);
      expect(end.warning.en).toMatch(/not surveyed|not known/);
    }
    expect(end.warning.ko).toMatch(/\d{2,3}-\d{3,4}-\d{4}|전화번호는 자료에 없습니다/);
    expect(body.warnings).toContainEqual(expect.objectContaining({ at: 'destination', step: null, message: end.warning }));
    expect(['unknown', 'estimated']).toContain(body.assurance);
  });

  it('gives every leg, step and end a provenance from the one vocabulary, and the answer the weakest of them', async () => {
    for (const [from, to, profile] of [
      [ids.gyodae, ids.yeouido, 'wheelchair'],
      [ids.express, ids.gyodae, 'low_vision'],
      [ids.yeouido, ids.express, 'walking'],
    ] as const) {
      const { body } = await journey(from, to, profile);
      expect(body.feasible).toBe(true);
      const parts: string[] = [];
      for (const leg of body.legs) {
        expect(PROVENANCES).toContain(leg.source);
        parts.push(leg.source);
        for (const step of leg.route?.steps ?? []) expect(PROVENANCES).toContain(step.source);
        if (leg.kind === 'transfer') expect(leg.surveyed).toBe(leg.source === 'surveyed');
      }
      for (const end of [body.access.origin, body.access.destination]) {
        expect(PROVENANCES).toContain(end.source);
        if (end.state !== 'not_needed') parts.push(end.source);
        if (end.route) parts.push(end.route.assurance);
      }
      expect(body.assurance).toBe(weakest(parts as never));
    }
  });

  it("says, at the transfer, that a lift of the station is not in its interior map (교대's wheelchair lift)", async () => {
    const { body } = await journey('강남', ids.express, 'wheelchair');
    const i = body.legs.findIndex((l: Json) => l.kind === 'transfer' && l.station.id === ids.gyodae);
    expect(i).toBeGreaterThan(-1);
    const w = body.warnings.find((x: Json) => x.code === 'interior.unplaced_lifts');
    expect(w).toMatchObject({ at: `leg:${i}`, step: null });
    expect(w.message.ko).toContain('휠체어리프트');
    expect(w.message.en).toContain('not in its interior map');
  });

  it('takes station names as well as ids, and refuses a name that means several stations with the choices', async () => {
    const byName = await journey('교대', '여의도', 'wheelchair');
    const byId = await journey(ids.gyodae, ids.yeouido, 'wheelchair');
    expect(byName.status).toBe(200);
    expect(byName.body.legs).toEqual(byId.body.legs);
    const twins = await t.services.db
      .selectFrom('transit_station')
      .select('name_ko')
      .where('feed', '=', 'seoul')
      .groupBy('name_ko')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(twins.length).toBeGreaterThan(0);
    const twin = twins[0]!.name_ko!;
    const ambiguous = await journey(twin, '여의도', 'walking');
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.body.error.code).toBe('transit.journey.ambiguous_station');
    expect(ambiguous.body.error.details.choices.length).toBeGreaterThan(1);
  });

  it("checks the origin against outages: 교대's line-3 lifts out of service change the journey from 교대", async () => {
    const before = (await journey(ids.gyodae, ids.express, 'wheelchair')).body;
    expect(before.feasible).toBe(true);
    expect(before.access.origin).toMatchObject({ stationId: ids.gyodae, line: '3', state: 'route' });
    const used = before.access.origin.route.dependsOn.map((d: Json) => d.facilityId) as string[];
    expect(used.length).toBeGreaterThan(0);
    const saved = await t.services.db.selectFrom('transit_facility').select(['id', 'status']).where('id', 'in', used).execute();
    try {
      await t.services.db.updateTable('transit_facility').set({ status: 'not_available' }).where('id', 'in', used).execute();
      routingFor(t.services).invalidateAll();
      const after = (await journey(ids.gyodae, ids.express, 'wheelchair')).body;
      const usesDown = [...(after.access.origin.route?.dependsOn ?? []), ...after.dependsOn].some((d: Json) => used.includes(d.facilityId));
      expect(usesDown).toBe(false);
      if (after.feasible) {
        // Another way in (another platform or line) and the outage is said.
        expect(after.legs[0].line).not.toBe('3');
        expect(after.disruption?.outOfService.map((d: Json) => d.facilityId)).toEqual(expect.arrayContaining([used[0]]));
        expect(after.warnings).toContainEqual(expect.objectContaining({ code: 'journey.outage_changed_route' }));
      } else {
        expect(after.access.origin).toMatchObject({ state: 'blocked', cause: 'outage' });
        expect(after.reason.en).toContain('out of service');
      }
      // Walking is not stopped by a lift.
      expect((await journey(ids.gyodae, ids.express, 'walking')).body.feasible).toBe(true);
    } finally {
      for (const f of saved) await t.services.db.updateTable('transit_facility').set({ status: f.status }).where('id', '=', f.id).execute();
      routingFor(t.services).invalidateAll();
    }
  });

  it('names the true cause when a platform has no step-free way out with every lift working: the layout, never an outage', async () => {
    const rows = await t.services.db
      .selectFrom('transit_node')
      .select(['station_id', 'stop_id', 'platform_code'])
      .where('location_type', '=', 0)
      .where('feed', '=', 'seoul-pilot')
      .execute();
    const cases: Array<{ stationId: string; stopId: string; line: string }> = [];
    for (const r of rows) {
      const station = await routingFor(t.services).station(r.station_id!);
      if (station && streetAccess(station.nominal, 'wheelchair', r.stop_id, 'out').costS === Infinity)
        cases.push({ stationId: r.station_id!, stopId: r.stop_id, line: r.platform_code ?? '' });
    }
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const end = await endAccess(t.services, { ...c, name: c.stationId, direction: 'out', profile: 'wheelchair', route: null, blocked: true });
      expect(end.state).toBe('blocked');
      expect(['unknown_layout', 'no_lift', 'barrier']).toContain(end.cause);
      expect(end.warning!.ko).not.toContain('운행이 중단된');
      expect(end.outOfService).toEqual([]);
    }
  });
});
