import { positionsOnlyLeftOut } from '../../src/contexts/transit/interiors/derive-pilot-interiors.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGtfs } from '../../src/contexts/transit/gtfs/export-gtfs.js';
import { loadFeedRows } from '../../src/contexts/transit/store/feed.repository.js';
import { validateGtfs } from '../../src/contexts/transit/gtfs/validate-gtfs.js';
import { derivePilotInteriors, PILOT_FEED, type PilotReport } from '../../src/contexts/transit/interiors/derive-pilot-interiors.js';
import { DERIVED_METHOD } from '../../src/contexts/transit/interiors/derived-interior-model.js';
import { stationGraph } from '../../src/contexts/transit/store/station.repository.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

let t: TestContext;
let report: PilotReport;
beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
  report = await derivePilotInteriors(t.services);
}, 120_000);
afterAll(() => t.close());

describe('pilot station interiors (derived from the Seoul open data)', () => {
  it('derives levels, nodes and edges for at least five transfer stations', () => {
    const complete = report.stations.filter((s) => s.levels > 0 && s.nodes > 0 && s.edges > 0);
    expect(complete.length, JSON.stringify(report.stations.map((s) => [s.name, s.levels, s.nodes, s.edges]))).toBeGreaterThanOrEqual(5);
    expect(report.missing).toEqual([]);
  });

  it('stores only edges whose stops exist, every row marked as derived', async () => {
    const { levels, nodes, edges } = await loadFeedRows(t.services.db, PILOT_FEED);
    const stops = new Set(nodes.map((n) => n.stop_id));
    const levelIds = new Set(levels.map((l) => l.level_id));
    for (const e of edges) {
      expect(stops.has(e.from_stop_id), e.pathway_id).toBe(true);
      expect(stops.has(e.to_stop_id), e.pathway_id).toBe(true);
    }
    for (const n of nodes) if (n.level_id) expect(levelIds.has(n.level_id), n.stop_id).toBe(true);
    for (const row of [...nodes, ...edges]) {
      const p = JSON.parse(row.provenance) as { source: string; method: string; files: string[]; derivedAt: string };
      expect(p).toMatchObject({ source: 'derived', method: DERIVED_METHOD });
      expect(p.files.length).toBeGreaterThan(0);
      expect(typeof p.derivedAt).toBe('string');
    }
    // Elevators and escalators carry no invented time; transfer walkways carry the transfer table's values.
    expect(edges.filter((e) => e.pathway_mode === 5 || e.pathway_mode === 4).every((e) => e.traversal_time === null && e.length === null)).toBe(true);
    expect(edges.some((e) => e.pathway_mode === 5)).toBe(true);
    // Transfer walkways carry the transfer table's values; walks along a platform to a boarding area, and walks on a
    // platform's level to where the lifts stop (part of a transfer between levels), carry none.
    const extra = (e: { extra: string }) => JSON.parse(e.extra) as { mode_ext?: string; transferAccess?: boolean; levelChange?: string };
    const alongPlatform = (e: { extra: string }) => extra(e).mode_ext === 'platform_boarding';
    const access = edges.filter((e) => extra(e).transferAccess);
    const walkways = edges.filter((e) => e.pathway_mode === 1 && !alongPlatform(e) && !extra(e).transferAccess);
    expect(walkways.length).toBeGreaterThan(0);
    expect(access.length).toBeGreaterThan(0);
    expect([...edges.filter(alongPlatform), ...access].every((e) => e.length === null && e.traversal_time === null)).toBe(true);
    // A walkway whose ends are on different levels is always marked as a level change of unknown kind.
    const levelOf = new Map(nodes.map((n) => [n.stop_id, n.level_id]));
    const across = edges.filter((e) => e.pathway_mode === 1 && levelOf.get(e.from_stop_id) !== levelOf.get(e.to_stop_id));
    expect(across.length).toBeGreaterThan(0);
    for (const e of across) expect(extra(e).levelChange, e.pathway_id).toBe('unknown');
    for (const e of access) expect(levelOf.get(e.from_stop_id), e.pathway_id).toBe(levelOf.get(e.to_stop_id));
    for (const w of walkways) {
      const station = nodes.find((n) => n.stop_id === w.from_stop_id)!.station_id!;
      const transfers = await t.services.db.selectFrom('transit_transfer').selectAll().where('station_id', '=', station).execute();
      expect(
        transfers.some((x) => x.distance_m === w.length && x.time_s === w.traversal_time),
        w.pathway_id,
      ).toBe(true);
    }
  });

  it('is idempotent', async () => {
    const before = await loadFeedRows(t.services.db, PILOT_FEED);
    await derivePilotInteriors(t.services);
    const after = await loadFeedRows(t.services.db, PILOT_FEED);
    const ids = (r: typeof before) => [r.levels.map((l) => l.id).sort(), r.nodes.map((n) => n.id).sort(), r.edges.map((e) => e.id).sort()];
    expect(ids(after)).toEqual(ids(before));
  });

  it('is found by stationGraph on the Seoul station', async () => {
    const kyodae = report.stations.find((s) => s.name.startsWith('교대'))!;
    const graph = await stationGraph(t.services.db, kyodae.stationId);
    expect(graph.nodes.length).toBe(kyodae.nodes);
    expect(graph.edges.length).toBe(kyodae.edges);
    expect(graph.levels.length).toBe(kyodae.levels);
    // Line 2: one elevator per direction (side platforms); line 3: one elevator signed for both (island).
    expect(
      graph.nodes
        .filter((n) => n.location_type === 0)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['2호선 승강장 (강남 방면)', '2호선 승강장 (서초 방면)', '3호선 승강장']);
    const board = graph.nodes.find((n) => n.location_type === 4 && n.name === '강남 방면 8-4')!;
    expect(graph.nodes.find((n) => n.stop_id === board.parent_stop_id)!.name).toBe('2호선 승강장 (강남 방면)');
    const { boarding } = JSON.parse(board.extra) as { boarding: { car: number; door: number; toward: string; facilityId: string } };
    expect(boarding).toMatchObject({ car: 8, door: 4, toward: '강남' });
    const lift = await t.services.db
      .selectFrom('transit_facility')
      .select(['type', 'location'])
      .where('id', '=', boarding.facilityId)
      .executeTakeFirstOrThrow();
    expect(lift).toEqual({ type: 'elevator', location: '강남 방면8-4' });
    expect(
      graph.nodes
        .filter((n) => n.location_type === 4 && n.name?.startsWith('남부터미널'))
        .map((n) => n.name)
        .sort(),
    ).toEqual(['남부터미널 방면 7-3', '남부터미널 방면 8-3']);
  });

  it('places 종로3가\'s line-3 elevator "내부#1 B4-B2": its B2 stop is where the transfer from line 1 (B2) walks to', async () => {
    const jongno = report.stations.find((s) => s.name.startsWith('종로3가'))!;
    const lift = await t.services.db
      .selectFrom('transit_facility')
      .select(['id', 'name', 'levels'])
      .where('station_id', '=', jongno.stationId)
      .where('line_id', '=', '3')
      .where('type', '=', 'elevator')
      .where('levels', '=', 'B4-B2')
      .executeTakeFirstOrThrow();
    expect(lift.name).toBe('엘리베이터 내부#1');
    const graph = await stationGraph(t.services.db, jongno.stationId);
    const rides = graph.edges.filter((e) => JSON.parse(e.extra).facilityId === lift.id);
    expect(rides.map((e) => [e.from_stop_id, e.to_stop_id])).toEqual([[`${jongno.stationId}:platform:3:node`, `${jongno.stationId}:junction:B2`]]);
    const walkToLift = graph.edges.filter((e) => e.to_stop_id === `${jongno.stationId}:junction:B2` && JSON.parse(e.extra).transferAccess);
    expect(walkToLift.map((e) => e.from_stop_id).sort()).toEqual([
      `${jongno.stationId}:platform:1:seoul-152:node`,
      `${jongno.stationId}:platform:1:seoul-154:node`,
    ]);
    expect(jongno.unplaced.map((u) => u.facilityId)).not.toContain(lift.id);
  });

  it('has every elevator, escalator, lift and moving walkway of a pilot station in its graph or listed as unplaced, with the reason (API)', async () => {
    let listed = 0;
    for (const s of report.stations) {
      // Seoul City's points that may be a lift Seoul Metro lists are positions, not lifts of their own.
      const facilities = positionsOnlyLeftOut(
        await t.services.db
          .selectFrom('transit_facility')
          .select(['id', 'type', 'details'])
          .where('station_id', '=', s.stationId)
          .where('type', 'in', ['elevator', 'escalator', 'wheelchair_lift', 'moving_walkway'])
          .execute(),
      );
      const graph = await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${s.stationId}/graph` });
      expect(graph.statusCode).toBe(200);
      const body = graph.json() as {
        edges: Array<{ extra: string }>;
        unplaced: Array<{ facilityId: string; reason: string; message: { ko: string; en: string } }>;
      };
      const placed = new Set(body.edges.map((e) => (JSON.parse(e.extra) as { facilityId?: string }).facilityId));
      const unplaced = new Map(body.unplaced.map((u) => [u.facilityId, u]));
      for (const f of facilities) {
        expect(placed.has(f.id) !== unplaced.has(f.id), `${s.name} ${f.type} ${f.id}: in the graph xor unplaced`).toBe(true);
      }
      for (const u of body.unplaced) {
        expect(u.reason).not.toBe('not_in_interior'); // every reason comes from the derivation itself
        expect(u.message.ko.length).toBeGreaterThan(5);
        expect(u.message.en.length).toBeGreaterThan(5);
      }
      // The same list as the derivation's report, and as the interior endpoint gives.
      expect(body.unplaced.map((u) => u.facilityId).sort()).toEqual(s.unplaced.map((u) => u.facilityId).sort());
      const interior = await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${s.stationId}/interior` });
      expect((interior.json() as { unplaced: unknown[] }).unplaced).toEqual(body.unplaced);
      listed += body.unplaced.length;
    }
    expect(listed).toBeGreaterThan(0);
    const gyodae = report.stations.find((s) => s.name.startsWith('교대'))!;
    const lift = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${gyodae.stationId}/graph` })).json().unplaced;
    expect(lift).toEqual([expect.objectContaining({ type: 'wheelchair_lift', name: '휠체어리프트 내부1', levels: 'B1-B1', reason: 'ends_not_in_data' })]);
    expect(lift[0].message.en).toBe('Not in the interior map: the data does not say which places its two ends reach.');
    // A station without an interior lists nothing (it has no graph to be missing from).
    const plain = await t.services.db
      .selectFrom('transit_station')
      .select('id')
      .where('feed', '=', 'seoul')
      .where('name_ko', '=', '강남')
      .executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${plain.id}/graph` })).json().unplaced).toEqual([]);
  });

  it('exports as a GTFS feed the validator finds no error in', async () => {
    const dir = await fs.mkdtemp(path.join(t.dataDir, 'pilot-'));
    const exported = await exportGtfs(t.services, { dir, feed: PILOT_FEED });
    expect(exported.files['levels.txt']).toBeGreaterThan(0);
    const result = await validateGtfs(dir);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.errors).toBe(0);
  });

  it('serves the interior as IndoorGML (a layer per profile) and as GeoJSON per level', async () => {
    const station = report.stations.find((s) => s.edges > 0)!;
    const gml = await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${station.stationId}/indoorgml.json` });
    expect(gml.statusCode).toBe(200);
    const doc = gml.json();
    expect(doc.layers.map((l: { theme: string }) => l.theme)).toEqual([
      'TL-Walking',
      'TL-Wheelchair',
      'TL-PoweredWheelchair',
      'TL-Elderly',
      'TL-Stroller',
      'TL-Pregnant',
      'TL-LowVision',
    ]);
    const wheelchairModes = new Set(doc.layers[1].dualSpaceLayer.edgeMember.map((e: { mode: string }) => e.mode));
    expect(wheelchairModes.has('escalator')).toBe(false);
    const geo = await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${station.stationId}/interior.geojson` });
    expect(geo.json().every((fc: { type: string }) => fc.type === 'FeatureCollection')).toBe(true);
  });
});
