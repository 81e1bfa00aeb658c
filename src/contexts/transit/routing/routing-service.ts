import type { Services } from '../../../core/context.js';
import { localChangeNotices, type ChangeNotices } from '../../../core/db/change-notices.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { SEOUL_FEED } from '../use-cases/import-seoul.js';
import { effectiveStatus } from '../domain/facility-freshness.js';
import { transitPorts } from '../domain/ports.js';
import { toFacilityStates, toPathEdges, toPathNodes } from './load-graph.js';
import { NetworkRouter, type NetworkModel, type NetworkRun, type NetworkStation } from './network-router.js';
import type { FacilityState } from './station-graph.js';
import { StationRouter } from './station-router.js';
import {
  findStationRow,
  listStationNodes,
  loadFeedGraphRows,
  loadNetworkRows,
  loadStationGraphRows,
  routingChangeStamp,
} from '../store/routing-graph.repository.js';

/**
 * Builds routers from the database and keeps them. A station's router (live facility status) and its
 * "nominal" twin (every facility in service, to show what an outage costs) are built on first use; a
 * facility status change drops that station's routers and the network router, so the next query uses the
 * new status at once. One instance per Services (per database).
 */
export interface StationRouting {
  stationId: string;
  feed: string;
  router: StationRouter;
  nominal: StationRouter;
  /** Route answers for this station's current status, as sent (UTF-8 JSON and its ETag), by question; dropped with the routers. */
  answers: Map<string, { body: Buffer; etag: string }>;
  /** When an operator-fed status of this station goes stale (then the routers are rebuilt with it unknown). */
  expiresAt: number;
  station: {
    id: string;
    nameKo: string | null;
    nameEn: string | null;
    lat: number | null;
    lon: number | null;
    phones: Array<{ line: string | null; phone: string }>;
  };
}

/** The change notices routing caches hear: a station id, or '*' for all. */
export const TOPIC = 'transit.station';

/** How often to look for changes made by another process on SQLite (ms). */
const CHANGE_CHECK_MS = 5000;

/** Average speed between stations where the run-time file has no value (lines beyond Seoul Metro's 1–8): an assumption. */
const ESTIMATED_KMH = 32;
const DWELL_S = 30;
/** Consecutive stations further apart than this are not taken as adjacent (branches, gaps in the order). */
const MAX_ESTIMATED_KM = 25;

const haversineKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

export class RoutingService {
  private readonly stations = new Map<string, Promise<StationRouting | null>>();
  /** The same routers once built, for answers that need no waiting (stationIfBuilt); dropped with them. */
  private readonly built = new Map<string, StationRouting | null>();
  private networks: Promise<{ live: NetworkRouter; nominal: NetworkRouter; model: NetworkModel; runs: NetworkRun[] }> | null = null;
  private readonly feeds = new Map<string, Promise<StationRouting>>();

  private checkedAt = 0;
  private stamp: string | null = null;

  constructor(
    private readonly db: DbOrTx,
    private readonly clock: { now(): Date; staleMinutes: number } = { now: () => new Date(), staleMinutes: 30 },
    private readonly changes: ChangeNotices = localChangeNotices(),
  ) {
    // Another replica changed a station (or everything, '*'): drop what was built from it, without telling back.
    changes.subscribe(TOPIC, (key) => (key === '*' ? this.dropAll() : this.dropStation(key)));
  }

  /** A station whose operator-fed status went stale since it was built is rebuilt (and the network with it). */
  private async expireStale(stationId: string) {
    const p = this.stations.get(stationId);
    if (!p) return;
    const r = await p.catch(() => null);
    if (r && r.expiresAt <= this.clock.now().getTime()) this.invalidateStation(stationId);
  }

  /**
   * On the embedded SQLite, another process (the CLI's Seoul import) may change facilities or interiors: at most
   * every few seconds, compare the latest change and drop everything built when it moved. On PostgreSQL the
   * replicas tell each other instead (change notices), station by station.
   */
  private async fresh() {
    if (this.changes.crossProcess) return; // PostgreSQL: other replicas' changes arrive as notices
    const now = Date.now();
    if (now - this.checkedAt < CHANGE_CHECK_MS) return;
    this.checkedAt = now;
    const [{ facilityAt, importAt }, c] = await Promise.all([routingChangeStamp(this.db), transitPorts().changeFeed.latestSeq(this.db)]);
    const stamp = `${facilityAt ?? ''}|${importAt ?? ''}|${c ?? ''}`;
    if (this.stamp !== null && stamp !== this.stamp) this.invalidateAll();
    this.stamp = stamp;
  }

  /** Drops what was built from a station's facilities (after a status change), here and on every other replica. */
  invalidateStation(stationId: string) {
    this.dropStation(stationId);
    this.changes.publish(TOPIC, stationId);
  }

  /** Drops everything built (after an import), here and on every other replica. */
  invalidateAll() {
    this.dropAll();
    this.changes.publish(TOPIC, '*');
  }

  private dropStation(stationId: string) {
    this.stations.delete(stationId);
    this.built.delete(stationId);
    this.networks = null;
  }

  private dropAll() {
    this.stations.clear();
    this.built.clear();
    this.feeds.clear();
    this.networks = null;
  }

  /** The routers of a station with a surveyed or derived interior; null when it has none. */
  async station(stationId: string): Promise<StationRouting | null> {
    await this.fresh();
    await this.expireStale(stationId);
    return this.stationNow(stationId);
  }

  /**
   * The routers of a station when they are built, current and fresh, without waiting: undefined whenever
   * station() has something to do first (build them, look for another process's changes on SQLite, rebuild
   * them after an operator-fed status went stale). A dropped station is never returned: what changed is
   * seen by the next request.
   */
  stationIfBuilt(stationId: string): StationRouting | undefined {
    if (!this.changes.crossProcess && Date.now() - this.checkedAt >= CHANGE_CHECK_MS) return undefined;
    const r = this.built.get(stationId);
    return r && r.expiresAt > this.clock.now().getTime() ? r : undefined;
  }

  private stationNow(stationId: string): Promise<StationRouting | null> {
    let p = this.stations.get(stationId);
    if (!p) {
      const building = this.loadStation(stationId);
      this.stations.set(stationId, building);
      building.then(
        // kept only if not dropped while it was being built (a status change meanwhile)
        (r) => this.stations.get(stationId) === building && this.built.set(stationId, r),
        () => this.stations.get(stationId) === building && this.stations.delete(stationId),
      );
      p = building;
    }
    return p;
  }

  private async loadStation(stationId: string): Promise<StationRouting | null> {
    const station = await findStationRow(this.db, stationId);
    if (!station) throw notFound('station');
    const nodes = await listStationNodes(this.db, stationId);
    if (!nodes.some((n) => n.location_type !== 1)) return null;
    const feeds = [...new Set(nodes.map((n) => n.feed))];
    const stopIds = [...new Set(nodes.map((n) => n.stop_id))];
    const [levels, edges, facilities] = await loadStationGraphRows(this.db, stationId, feeds, stopIds);
    const pathNodes = toPathNodes(nodes, levels);
    const pathEdges = toPathEdges(edges);
    const now = this.clock.now();
    const fresh = facilities.map((f) => ({ f, e: effectiveStatus(f, now, this.clock.staleMinutes) }));
    const states = toFacilityStates(fresh.map(({ f, e }) => ({ ...f, status: e.status })));
    const expiresAt = Math.min(Infinity, ...fresh.filter(({ e }) => !e.stale && e.staleAt).map(({ e }) => Date.parse(e.staleAt!)));
    const extra = JSON.parse(station.extra || '{}') as { phones?: Array<{ line?: string; phone?: string }> };
    return {
      stationId,
      feed: nodes[0]!.feed,
      router: new StationRouter(pathNodes, pathEdges, states),
      nominal: new StationRouter(
        pathNodes,
        pathEdges,
        states.map((f): FacilityState => ({ ...f, status: 'available' })),
      ),
      answers: new Map(),
      expiresAt,
      station: {
        id: station.id,
        nameKo: station.name_ko,
        nameEn: station.name_en,
        lat: station.lat,
        lon: station.lon,
        phones: (extra.phones ?? []).filter((p) => p.phone).map((p) => ({ line: p.line ?? null, phone: p.phone! })),
      },
    };
  }

  /** A whole imported GTFS feed as one graph (the CLI routes any stop to any stop of a feed). */
  feed(feed: string): Promise<StationRouting> {
    let p = this.feeds.get(feed);
    if (!p) {
      p = (async () => {
        const [nodes, levels, edges] = await loadFeedGraphRows(this.db, feed);
        if (!nodes.length) throw notFound('feed');
        const router = new StationRouter(toPathNodes(nodes, levels), toPathEdges(edges), []);
        return {
          stationId: feed,
          feed,
          router,
          nominal: router,
          answers: new Map(),
          expiresAt: Infinity,
          station: { id: feed, nameKo: feed, nameEn: feed, lat: null, lon: null, phones: [] },
        };
      })();
      this.feeds.set(feed, p);
      p.catch(() => this.feeds.delete(feed));
    }
    return p;
  }

  /** The network routers (live status and all-in-service), built on first use. */
  async network() {
    await this.fresh();
    const now = this.clock.now().getTime();
    for (const [id, p] of this.stations) {
      const r = await p.catch(() => null);
      if (r && r.expiresAt <= now) this.invalidateStation(id);
    }
    if (!this.networks) {
      this.networks = this.loadNetwork();
      this.networks.catch(() => {
        this.networks = null;
      });
    }
    return this.networks;
  }

  private async loadNetwork() {
    const [stations, stationLines, transfers, measured, interiorStations] = await loadNetworkRows(this.db, SEOUL_FEED);
    const byId = new Map(stations.map((s) => [s.id, s]));
    const runs: NetworkRun[] = measured
      .filter((r) => r.time_s !== null && r.time_s > 0)
      .map((r) => ({ line: r.line_id, from: r.from_station_id, to: r.to_station_id, timeS: r.time_s!, estimated: false }));
    const has = new Set(runs.flatMap((r) => [`${r.line}|${r.from}|${r.to}`, `${r.line}|${r.to}|${r.from}`]));
    const byLine = new Map<string, Array<{ id: string; seq: number }>>();
    for (const sl of stationLines)
      if (sl.seq !== null && byId.has(sl.station_id))
        (byLine.get(sl.line_id) ?? byLine.set(sl.line_id, []).get(sl.line_id)!).push({ id: sl.station_id, seq: sl.seq });
    for (const [line, list] of byLine) {
      if (runs.some((r) => r.line === line) && list.length <= runs.filter((r) => r.line === line).length + 1) continue;
      list.sort((a, b) => a.seq - b.seq);
      for (let i = 1; i < list.length; i++) {
        const a = byId.get(list[i - 1]!.id)!;
        const b = byId.get(list[i]!.id)!;
        if (has.has(`${line}|${a.id}|${b.id}`) || a.lat === null || a.lon === null || b.lat === null || b.lon === null) continue;
        const km = haversineKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon });
        if (km > MAX_ESTIMATED_KM) continue;
        runs.push({ line, from: a.id, to: b.id, timeS: Math.round((km / ESTIMATED_KMH) * 3600 + DWELL_S), estimated: true });
      }
    }
    // Stations with no position in their line's order: joined to their two nearest stations on that line (estimated).
    for (const sl of stationLines) {
      const a = byId.get(sl.station_id);
      if (sl.seq !== null || !a || a.lat === null || a.lon === null) continue;
      const near = (byLine.get(sl.line_id) ?? [])
        .map((x) => byId.get(x.id)!)
        .filter((b) => b.id !== a.id && b.lat !== null && b.lon !== null)
        .map((b) => ({ b, km: haversineKm({ lat: a.lat!, lon: a.lon! }, { lat: b.lat!, lon: b.lon! }) }))
        .sort((x, y) => x.km - y.km)
        .slice(0, 2);
      for (const { b, km } of near)
        if (km <= MAX_ESTIMATED_KM)
          runs.push({ line: sl.line_id, from: a.id, to: b.id, timeS: Math.round((km / ESTIMATED_KMH) * 3600 + DWELL_S), estimated: true });
    }
    const linesOf = new Map<string, string[]>();
    for (const sl of stationLines) (linesOf.get(sl.station_id) ?? linesOf.set(sl.station_id, []).get(sl.station_id)!).push(sl.line_id);
    joinThroughServices(stations, linesOf, runs);
    const interiors = new Set(interiorStations.map((s) => s.station_id!));
    const routings = new Map<string, StationRouting>();
    for (const id of interiors) {
      const r = await this.stationNow(id).catch(() => null);
      if (r) routings.set(id, r);
    }
    const build = (which: 'router' | 'nominal'): NetworkModel => ({
      runs,
      stations: stations.map((s): NetworkStation => {
        const r = routings.get(s.id);
        const router = r?.[which];
        return {
          id: s.id,
          name: s.name_ko ?? s.id,
          lines: linesOf.get(s.id) ?? [],
          transfers: transfers
            .filter((t) => t.station_id === s.id)
            .map((t) => ({ fromLine: t.from_line_id, toLine: t.to_line_id, timeS: t.time_s, distanceM: t.distance_m })),
          interior: router
            ? {
                router,
                platforms: router.graph.nodes
                  .filter((n) => n.locationType === 0 && n.line)
                  .map((n) => ({ stopId: n.pathwayStopId ?? n.id, line: n.line!, towardStationIds: n.towardStationIds ?? [] })),
              }
            : undefined,
        };
      }),
    });
    const model = build('router');
    return { live: new NetworkRouter(model), nominal: new NetworkRouter(build('nominal')), model, runs };
  }
}

/**
 * Lines that share no station with the rest of the network in the data (진접선 runs on from 당고개 on line 4,
 * 장항선 from 천안) are joined where they meet: the nearest station of the rest (within 10 km) gets the line
 * and an estimated run, so that every station can be reached.
 */
function joinThroughServices(stations: Array<{ id: string; lat: number | null; lon: number | null }>, linesOf: Map<string, string[]>, runs: NetworkRun[]) {
  for (let round = 0; round < 10; round++) {
    const parent = new Map<string, string>();
    const find = (x: string): string => ((parent.get(x) ?? x) === x ? x : find(parent.get(x)!));
    const union = (a: string, b: string) => parent.set(find(a), find(b));
    for (const r of runs) union(r.from, r.to);
    const sizes = new Map<string, number>();
    for (const s of stations) sizes.set(find(s.id), (sizes.get(find(s.id)) ?? 0) + 1);
    const main = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0];
    const outside = stations.filter((s) => find(s.id) !== main && s.lat !== null && (linesOf.get(s.id) ?? []).length);
    if (!main || !outside.length) return;
    let best: { a: (typeof stations)[number]; b: (typeof stations)[number]; km: number } | null = null;
    for (const a of outside)
      for (const b of stations) {
        if (find(b.id) !== main || b.lat === null || b.lon === null) continue;
        const km = haversineKm({ lat: a.lat!, lon: a.lon! }, { lat: b.lat, lon: b.lon });
        if (!best || km < best.km) best = { a, b, km };
      }
    if (!best || best.km > 10) return;
    const line = linesOf.get(best.a.id)![0]!;
    linesOf.set(best.b.id, [...new Set([...(linesOf.get(best.b.id) ?? []), line])]);
    runs.push({ line, from: best.a.id, to: best.b.id, timeS: Math.round((best.km / ESTIMATED_KMH) * 3600 + DWELL_S), estimated: true });
  }
}

const services = new WeakMap<Services, RoutingService>();
/** The routing service of this database (one per Services). */
export function routingFor(s: Services): RoutingService {
  let r = services.get(s);
  if (!r) services.set(s, (r = new RoutingService(s.db, { now: () => s.now(), staleMinutes: s.config.transitStatusStaleMinutes }, s.changes)));
  return r;
}
