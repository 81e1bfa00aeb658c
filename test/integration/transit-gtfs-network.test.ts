import fs from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from '../support/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerGtfsCommands } from '../../src/contexts/transit/gtfs/cli.js';
import { exportGtfs } from '../../src/contexts/transit/gtfs/export-gtfs.js';
import { loadFeedRows } from '../../src/contexts/transit/store/feed.repository.js';
import { importGtfs } from '../../src/contexts/transit/gtfs/import-gtfs.js';
import { readGtfsFeed } from '../../src/contexts/transit/gtfs/read-gtfs-feed.js';
import { validateGtfs } from '../../src/contexts/transit/gtfs/validate-gtfs.js';
import type { EdgeRow, LevelRow, NodeRow, StationRow } from '../../src/contexts/transit/store/tables.js';
import { commitVersion } from '../../src/contexts/upkeep/use-cases/commit-version.js';
import { ensureBaseline, loadStationRows } from '../../src/contexts/upkeep/use-cases/interior-store.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * `gtfs export --feed seoul`: the whole network (every station of the Seoul import, every interior hanging off
 * one) as GTFS that our validator passes, and that imported again gives the same graph.
 */
const GYODAE = 'seoul-330'; // 교대: one platform gets surveyed coordinates, another edited ones
const SURVEYED = 'seoul-330:platform:3';
const EDITED = 'seoul-330:platform:2:seoul-224';
const PASSAGE = 'seoul-330:transfer:2-3:seoul-224:shared';

let t: TestContext;
let work: string;
let out: string;

/** Two versions of 교대 as the upkeep workflow writes them: a field survey sets one platform's position, a desk edit another's and a passage's details. */
async function editGyodae() {
  const db = t.services.db;
  await db.transaction().execute(async (tx) => {
    await ensureBaseline(tx, GYODAE, '2026-11-20T00:00:00.000Z');
    const { feed, rows } = await loadStationRows(tx, GYODAE);
    const surveyed = { ...rows, nodes: rows.nodes.map((n) => (n.stop_id === SURVEYED ? { ...n, lat: 37.49341, lon: 127.01407 } : n)) };
    await commitVersion(tx, t.services, {
      stationId: GYODAE,
      feed,
      rows: surveyed,
      kind: 'proposal',
      summary: 'surveyed',
      verified: { at: '2026-11-21T00:00:00.000Z', organisationId: null },
      createdBy: null,
      at: '2026-11-21T00:00:00.000Z',
    });
    const edited = {
      ...surveyed,
      nodes: surveyed.nodes.map((n) => (n.stop_id === EDITED ? { ...n, lat: 37.4935, lon: 127.0142 } : n)),
      edges: surveyed.edges.map((e) =>
        e.pathway_id === PASSAGE
          ? {
              ...e,
              min_width: 1.5,
              extra: JSON.stringify({ ...(JSON.parse(e.extra) as object), step_height_cm: 2, wide_gate: true, handrail: false, photos: ['a', 'b'] }),
            }
          : e,
      ),
    };
    await commitVersion(tx, t.services, {
      stationId: GYODAE,
      feed,
      rows: edited,
      kind: 'proposal',
      summary: 'desk edit',
      verified: null,
      createdBy: null,
      at: '2026-11-22T00:00:00.000Z',
    });
  });
}

beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
  work = await fs.mkdtemp(path.join(t.dataDir, 'gtfs-network-'));
  out = path.join(work, 'seoul');
  await editGyodae();
}, 120_000);
afterAll(() => t.close());

/** The network as stored, read independently of the export: Seoul stations, and the nodes, levels and pathways of their interiors. */
async function storedNetwork() {
  const db = t.services.db;
  const stations = await db.selectFrom('transit_station').selectAll().where('feed', '=', 'seoul').execute();
  const ids = new Set(stations.map((s) => s.id));
  const nodes = (await db.selectFrom('transit_node').selectAll().where('location_type', '!=', 1).execute()).filter(
    (n) => n.station_id && ids.has(n.station_id),
  );
  const feeds = new Set(nodes.map((n) => n.feed));
  const stops = new Set(nodes.map((n) => `${n.feed}|${n.stop_id}`));
  const levels = (await db.selectFrom('transit_level').selectAll().execute()).filter((l) => l.station_id && ids.has(l.station_id) && feeds.has(l.feed));
  const edges = (await db.selectFrom('transit_edge').selectAll().execute()).filter((e) => stops.has(`${e.feed}|${e.from_stop_id}`));
  return { stations, nodes, levels, edges };
}

/** A graph in plain fields, ids without the feed prefix, JSON parsed: what must survive export and import. */
function graphOf(feed: string | null, g: { stations: StationRow[]; nodes: NodeRow[]; levels: LevelRow[]; edges: EdgeRow[] }) {
  const local = (id: string | null) => (id === null || feed === null ? id : id.slice(feed.length + 1));
  const byKey = <T>(list: T[], key: (x: T) => string): Record<string, T> =>
    Object.fromEntries(list.map((x) => [key(x), x] as const).sort(([a], [b]) => a.localeCompare(b)));
  const node = (n: Omit<NodeRow, 'id' | 'feed' | 'provenance'>) => ({
    stop_id: n.stop_id,
    station_id: local(n.station_id),
    location_type: n.location_type,
    parent_stop_id: n.parent_stop_id,
    level_id: n.level_id,
    name: n.name,
    code: n.code,
    platform_code: n.platform_code,
    lat: n.lat,
    lon: n.lon,
    wheelchair_boarding: n.wheelchair_boarding,
    extra: JSON.parse(n.extra) as unknown,
  });
  // A station is one stop in GTFS: the station row stands for it (an interior's own station node gives way to it).
  const stationNodes = g.stations.map((s) =>
    node({
      station_id: s.id,
      stop_id: s.gtfs_stop_id ?? s.id,
      location_type: 1,
      parent_stop_id: null,
      level_id: null,
      name: s.name_ko,
      code: null,
      platform_code: null,
      lat: s.lat,
      lon: s.lon,
      wheelchair_boarding: s.wheelchair_boarding,
      extra: '{}',
    }),
  );
  return {
    stations: byKey(
      g.stations.map((s) => ({ id: local(s.id), name_ko: s.name_ko, lat: s.lat, lon: s.lon, wheelchair_boarding: s.wheelchair_boarding })),
      (s) => s.id!,
    ),
    nodes: byKey([...stationNodes, ...g.nodes.filter((n) => n.location_type !== 1).map(node)], (n) => n.stop_id),
    levels: byKey(
      g.levels.map(({ id: _i, feed: _f, station_id, extra, ...l }) => ({ ...l, station_id: local(station_id), extra: JSON.parse(extra) as unknown })),
      (l) => l.level_id,
    ),
    edges: byKey(
      g.edges.map(({ id: _i, feed: _f, provenance: _p, extra, ...e }) => ({ ...e, extra: JSON.parse(extra) as unknown })),
      (e) => e.pathway_id,
    ),
  };
}

describe(`GTFS export of the whole Seoul network (${dialect})`, () => {
  it('writes every station, entrance, level and pathway, with coordinates wherever GTFS requires them, and passes our validator', async () => {
    const stored = await storedNetwork();
    const report = await exportGtfs(t.services, { dir: out, feed: 'seoul' });
    const count = (type: number) => stored.nodes.filter((n) => n.location_type === type).length;
    expect(stored.stations.length).toBeGreaterThan(600);
    expect(count(2)).toBeGreaterThan(10); // the pilot interiors' entrances
    expect(report.files).toEqual({
      'stops.txt': stored.stations.length + stored.nodes.length,
      'levels.txt': stored.levels.length,
      'pathways.txt': stored.edges.length,
      'feed_info.txt': 1,
    });
    expect(report.locationTypes).toEqual({ 0: count(0), 1: stored.stations.length, 2: count(2), 3: count(3), 4: count(4) });
    expect(report.unplaced).toEqual([]);

    const validation = await validateGtfs(out);
    expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(validation.errors).toBe(0);

    // Coordinates: a station's own; a derived place's are unknown, and for platforms and entrances its station's, said so.
    const { feed, lang } = await readGtfsFeed(out);
    expect(lang).toBe('ko');
    const stops = new Map(feed.stops.map((s) => [s.stop_id, s]));
    const stationOf = new Map(stored.stations.map((s) => [s.id, s]));
    for (const s of feed.stops) {
      const source = s.extra.position_source;
      if (s.location_type === 1) {
        expect([s.stop_lat, s.stop_lon, source]).toEqual([stationOf.get(s.stop_id)!.lat, stationOf.get(s.stop_id)!.lon, 'derived']);
      } else if (s.stop_id === SURVEYED || s.stop_id === EDITED) {
        expect(source).toBe(s.stop_id === SURVEYED ? 'surveyed' : 'estimated');
        expect(s.stop_lat).not.toBe(stops.get(GYODAE)!.stop_lat);
      } else {
        expect(source).toBe('unknown');
        const station = stationOf.get(stored.nodes.find((n) => n.stop_id === s.stop_id)!.station_id!)!;
        expect([s.stop_lat, s.stop_lon]).toEqual(s.location_type <= 2 ? [station.lat, station.lon] : [null, null]);
      }
    }
    expect(report.positions).toEqual({ surveyed: 1, derived: stored.stations.length, estimated: 1, unknown: stored.nodes.length - 2 });
  }, 60_000);

  it('imported again under another name gives the same graph, field by field', async () => {
    const again = await importGtfs(t.services, { dir: out, feed: 'seoul-again', strict: true });
    expect(again.errors).toBe(0);
    const stored = await storedNetwork();
    const rows = await loadFeedRows(t.services.db, 'seoul-again');
    const stations = await t.services.db.selectFrom('transit_station').selectAll().where('feed', '=', 'seoul-again').execute();
    const expected = graphOf(null, stored);
    const actual = graphOf('seoul-again', { stations, ...rows });
    expect(Object.keys(actual.nodes)).toHaveLength(stored.stations.length + stored.nodes.length);
    expect(Object.keys(actual.edges).length).toBeGreaterThan(100);
    expect(actual).toEqual(expected);
    // What the round trip must not lose: typed extension values, unknown positions kept unknown, surveyed ones kept.
    expect(actual.edges[PASSAGE]).toMatchObject({ min_width: 1.5, extra: { step_height_cm: 2, wide_gate: true, handrail: false, photos: ['a', 'b'] } });
    expect(actual.nodes[SURVEYED]).toMatchObject({ lat: 37.49341, lon: 127.01407 });
    expect(actual.nodes[`${GYODAE}:concourse`]).toMatchObject({ location_type: 3, lat: null, lon: null });
    const entrances = Object.values(actual.nodes).filter((n) => n.location_type === 2);
    expect(entrances.length).toBeGreaterThan(10);
    expect(entrances.filter((n) => n.lat !== null || n.lon !== null)).toEqual([]); // written with the station's coordinates, read back as unknown
  }, 60_000);

  it('exports the re-imported feed as the same files (position_source said anew)', async () => {
    const dir = path.join(work, 'again');
    const report = await exportGtfs(t.services, { dir, feed: 'seoul-again' });
    expect((await validateGtfs(dir)).errors).toBe(0);
    expect(report.files).toEqual({ 'stops.txt': expect.any(Number), 'levels.txt': expect.any(Number), 'pathways.txt': expect.any(Number) });
    const read = (d: string, file: string) => fs.readFile(path.join(d, file), 'utf8');
    expect(await read(dir, 'levels.txt')).toBe(await read(out, 'levels.txt'));
    expect(await read(dir, 'pathways.txt')).toBe(await read(out, 'pathways.txt'));
    // A position from a field survey or an edit here is, in a copy, only what a feed said: "derived".
    const original = await read(out, 'stops.txt');
    expect(original.match(/,(surveyed|estimated),/g)?.sort()).toEqual([',estimated,', ',surveyed,']);
    expect(await read(dir, 'stops.txt')).toBe(original.replace(',surveyed,', ',derived,').replace(',estimated,', ',derived,'));
    expect(report.positions).toMatchObject({ surveyed: 0, estimated: 0 });
  });

  it('serves the same files over HTTP', async () => {
    for (const file of ['stops.txt', 'levels.txt', 'pathways.txt']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/transit/export/gtfs/${file}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.body).toBe(await fs.readFile(path.join(out, file), 'utf8'));
    }
    const info = await t.app.inject({ method: 'GET', url: '/api/v1/transit/export/gtfs/feed_info.txt' });
    expect(info.body.split('\n')[0]).toBe('feed_publisher_name,feed_publisher_url,feed_lang,feed_version');
    expect(info.body.split('\n')[1]).toContain(',ko,');
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/transit/export/gtfs/trips.txt' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'request.invalid' } });
  });

  it('open-seoul gtfs export --feed seoul says what it wrote, and the name stays reserved for import', async () => {
    const lines = await runCommand(t.services, registerGtfsCommands, ['gtfs', 'export', '--feed', 'seoul', path.join(work, 'cli')]);
    expect(lines[0]).toMatch(/^Exported feed "seoul" to .* in \d+ ms: stops\.txt \d+, levels\.txt \d+, pathways\.txt \d+, feed_info\.txt 1$/);
    expect(lines[1]).toMatch(/^Stops: \d+ platforms, \d+ stations, \d+ entrances, \d+ nodes, \d+ boarding areas$/);
    expect(lines[2]).toMatch(/^position_source: 1 surveyed, \d+ derived, 1 estimated, \d+ unknown/);
    await expect(importGtfs(t.services, { dir: out, feed: 'seoul' })).rejects.toMatchObject({ code: 'gtfs.feed_reserved' });
  });
});
