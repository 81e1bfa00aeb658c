import { countsAsElevator } from '../seoul/city-elevators.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { listStationFacilitiesBySource } from '../store/facility.repository.js';
import { replaceFeed } from '../store/feed.repository.js';
import { listRunsOf, loadStationLinks } from '../store/network.repository.js';
import { listFeedStationPlaces } from '../store/station.repository.js';
import type { EdgeRow, LevelRow, NodeRow } from '../store/tables.js';
import { SEOUL_FEED } from '../use-cases/import-seoul.js';
import { deriveInterior } from './derive-interior.js';
import type { DerivedInterior } from './derived-interior-model.js';
import type { Neighbour } from './platform-directions.js';

export const PILOT_FEED = 'seoul-pilot';

/**
 * The pilot stations: transfer stations that Muui's wheelchair transfer maps cover (research/transit-anchors.md
 * §3.2), by their name in the Seoul import (the part before any bracket).
 */
export const PILOT_STATIONS = ['서울', '종로3가', '교대', '신도림', '왕십리', '충무로'] as const;

export interface PilotReport {
  feed: string;
  stations: Array<{
    stationId: string;
    name: string;
    levels: number;
    nodes: number;
    edges: number;
    omitted: DerivedInterior['omitted'];
    unplaced: DerivedInterior['unplaced'];
  }>;
  /** Pilot names with no station in the Seoul import. */
  missing: string[];
}

const baseName = (name: string | null) =>
  (name ?? '')
    .replace(/\(.*?\)/g, '')
    .trim()
    .replace(/역$/, '');

/** Derived interiors as rows of feed `feed`; node station_id is the Seoul station id so stationGraph finds them. */
export function interiorRows(feed: string, interior: DerivedInterior) {
  const levels: LevelRow[] = interior.levels.map((l) => ({
    id: `${feed}:${l.levelId}`,
    feed,
    station_id: interior.stationId,
    level_id: l.levelId,
    level_index: l.levelIndex,
    level_name: l.levelName,
    extra: '{}',
  }));
  const nodes: NodeRow[] = interior.nodes.map((n) => ({
    id: `${feed}:${n.stopId}`,
    feed,
    station_id: interior.stationId,
    stop_id: n.stopId,
    location_type: n.locationType,
    parent_stop_id: n.parentStopId,
    level_id: n.levelId,
    name: n.name,
    code: null,
    platform_code: n.platformCode,
    lat: n.lat,
    lon: n.lon,
    wheelchair_boarding: null,
    extra: JSON.stringify(n.extra),
    provenance: JSON.stringify(n.provenance),
  }));
  const edges: EdgeRow[] = interior.edges.map((e) => ({
    id: `${feed}:${e.pathwayId}`,
    feed,
    pathway_id: e.pathwayId,
    from_stop_id: e.fromStopId,
    to_stop_id: e.toStopId,
    pathway_mode: e.mode,
    is_bidirectional: e.isBidirectional,
    length: e.length,
    traversal_time: e.traversalTime,
    stair_count: null,
    max_slope: null,
    min_width: null,
    signposted_as: e.signpostedAs,
    reversed_signposted_as: null,
    extra: JSON.stringify(e.extra),
    provenance: JSON.stringify(e.provenance),
  }));
  return { levels, nodes, edges };
}

/**
 * Seoul City's elevator points that may be a lift Seoul Metro already lists (`details.maybeSameAs`) are
 * positions, not lifts of their own: they are neither placed in the interior nor listed as unplaced.
 */
export const positionsOnlyLeftOut = <T extends { details: string }>(rows: T[]): T[] =>
  rows.filter((f) => {
    try {
      return countsAsElevator(JSON.parse(f.details) as Record<string, string>);
    } catch {
      return true;
    }
  });

async function loadInput(db: DbOrTx, stationId: string) {
  const [[lines, transfers], facilities] = await Promise.all([
    loadStationLinks(db, stationId),
    listStationFacilitiesBySource(db, stationId).then(positionsOnlyLeftOut),
  ]);
  const runs = await listRunsOf(db, stationId);
  const neighbours: Record<string, Neighbour[]> = {};
  for (const r of runs) {
    const next =
      r.from_station_id === stationId ? { name: r.to_name ?? '', stationId: r.to_station_id } : { name: r.from_name ?? '', stationId: r.from_station_id };
    const list = (neighbours[r.line_id] ??= []);
    if (!list.some((n) => n.stationId === next.stationId)) list.push(next);
  }
  return { lines: [...new Set(lines.map((l) => l.line_id))], transfers, facilities, neighbours };
}

/**
 * Derives the interiors of the pilot stations from the Seoul import and stores them as feed `seoul-pilot`,
 * replacing what that feed had, in one transaction (running it twice gives the same rows).
 */
export async function derivePilotInteriors(services: Services, opts: { names?: readonly string[] } = {}): Promise<PilotReport> {
  const names = opts.names ?? PILOT_STATIONS;
  const derivedAt = services.now().toISOString();
  const stations = await listFeedStationPlaces(services.db, SEOUL_FEED);
  const report: PilotReport = { feed: PILOT_FEED, stations: [], missing: [] };
  const rows = { stations: [], levels: [] as LevelRow[], nodes: [] as NodeRow[], edges: [] as EdgeRow[] };
  for (const name of names) {
    const matches = stations.filter((s) => baseName(s.name_ko) === name);
    if (!matches.length) report.missing.push(name);
    for (const station of matches) {
      const input = await loadInput(services.db, station.id);
      const interior = deriveInterior({
        station: { id: station.id, nameKo: station.name_ko ?? name, lat: station.lat, lon: station.lon },
        derivedAt,
        lines: input.lines,
        neighbours: input.neighbours,
        transfers: input.transfers.map((t) => ({
          fromLineId: t.from_line_id,
          toLineId: t.to_line_id,
          distanceM: t.distance_m,
          timeS: t.time_s,
          source: t.source,
        })),
        facilities: input.facilities.map((f) => ({
          id: f.id,
          lineId: f.line_id,
          type: f.type,
          name: f.name,
          status: f.status,
          location: f.location,
          levels: f.levels,
          exitNo: f.exit_no,
          source: f.source,
          sourceRow: f.source_row,
        })),
      });
      const r = interiorRows(PILOT_FEED, interior);
      rows.levels.push(...r.levels);
      rows.nodes.push(...r.nodes);
      rows.edges.push(...r.edges);
      report.stations.push({
        stationId: station.id,
        name: station.name_ko ?? name,
        levels: r.levels.length,
        nodes: r.nodes.length,
        edges: r.edges.length,
        omitted: interior.omitted,
        unplaced: interior.unplaced,
      });
    }
  }
  // replaceFeed keeps the feed's own transit_station rows in step; the pilot feed has none (its nodes hang off Seoul stations).
  await services.db.transaction().execute((tx) => replaceFeed(tx, PILOT_FEED, rows));
  return report;
}
