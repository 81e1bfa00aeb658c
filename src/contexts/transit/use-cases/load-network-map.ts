import { createHash } from 'node:crypto';
import type { Services } from '../../../core/context.js';
import { weakest, provenanceOf, type Provenance } from '../domain/provenance.js';
import { buildNetworkMap, type NetworkMap, type NetworkStationFacts } from '../maps/network-map.js';
import { countsAsElevator } from '../seoul/city-elevators.js';
import { effectiveStatus } from '../domain/facility-freshness.js';
import { transitPorts } from '../domain/ports.js';
import { facilityWriteMark, listElevatorStatuses } from '../store/facility.repository.js';
import { countNodes, listNodeProvenance } from '../store/interior.repository.js';
import { loadNetworkMapRows } from '../store/network.repository.js';

/**
 * The network map's model, read from the database on each request but built only when something it shows
 * changed: the key is the status version (the latest facility write, the number of interior nodes and their
 * latest survey) and the minute (a live status goes stale with time alone). An outage set through the operator
 * API changes the key, so the next request shows it.
 */
export interface NetworkMapResult {
  map: NetworkMap;
  version: string;
  builtAt: string;
  /** Changes only when what the map shows changes (a station's kind or interior): what an open page polls. */
  drawn: string;
}

const cache = new WeakMap<Services, { key: string; result: Promise<NetworkMapResult> }>();

export async function statusVersion(services: Services): Promise<string> {
  const row = await facilityWriteMark(services.db);
  const nodes = await countNodes(services.db);
  // Every status change and interior edit is in the change feed (upkeep's, through transit's ports).
  const change = { seq: await transitPorts().changeFeed.latestSeq(services.db) };
  const minute = Math.floor(services.now().getTime() / 60_000);
  return `${row.at ?? '-'}|${Number(row.n)}|${Number(nodes.n)}|${change.seq ?? 0}|${minute}`;
}

export async function loadNetworkMap(services: Services): Promise<NetworkMapResult> {
  const key = await statusVersion(services);
  const hit = cache.get(services);
  if (hit?.key === key) return hit.result;
  const result = buildFromDatabase(services, key);
  cache.set(services, { key, result });
  result.catch(() => cache.delete(services));
  return result;
}

async function buildFromDatabase(services: Services, version: string): Promise<NetworkMapResult> {
  const db = services.db;
  const [[stations, riderLines, stationRiders, order], elevators, nodes] = await Promise.all([
    loadNetworkMapRows(db),
    listElevatorStatuses(db),
    listNodeProvenance(db),
  ]);
  const now = services.now();
  const statuses = new Map<string, string[]>();
  // Each elevator once: a city point that may be a unit already listed is a position, not another lift.
  for (const e of elevators.filter((x) => countsAsElevator(JSON.parse(x.details) as Record<string, string>)))
    statuses.set(e.station_id, [...(statuses.get(e.station_id) ?? []), effectiveStatus(e, now, services.config.transitStatusStaleMinutes).status]);
  const interiors = new Map<string, Provenance[]>();
  for (const n of nodes) interiors.set(n.station_id!, [...(interiors.get(n.station_id!) ?? []), provenanceOf(n.provenance)]);
  const riderOrder = new Map(riderLines.map((r, i) => [r.id, i]));
  const sectionsOf = new Map<string, Map<string, string[]>>();
  for (const r of stationRiders) {
    const m = sectionsOf.get(r.station_id) ?? new Map<string, string[]>();
    m.set(r.rider_line_id, JSON.parse(r.line_ids) as string[]);
    sectionsOf.set(r.station_id, m);
  }
  const facts: NetworkStationFacts[] = stations.map((s) => ({
    id: s.id,
    nameKo: s.name_ko ?? s.id,
    nameEn: s.name_en,
    lat: s.lat!,
    lon: s.lon!,
    riderLines: [...(sectionsOf.get(s.id)?.keys() ?? [])].sort((a, b) => (riderOrder.get(a) ?? 99) - (riderOrder.get(b) ?? 99)),
    elevatorStatuses: statuses.get(s.id) ?? [],
    interior: interiors.has(s.id) ? weakest(interiors.get(s.id)!) : null,
  }));
  const map = buildNetworkMap({
    stations: facts,
    riderLines: riderLines.map((r) => ({ id: r.id, nameKo: r.name_ko, nameEn: r.name_en })),
    order: order.map((o) => ({ lineId: o.line_id, stationId: o.station_id, seq: o.seq, externalCode: o.external_code })),
    sectionsOf,
  });
  const drawn = createHash('sha256')
    .update(map.stations.map((s) => `${s.id}:${s.lift}:${s.out}:${s.interior ?? ''}`).join('|'))
    .digest('base64url')
    .slice(0, 16);
  return { map, version, builtAt: now.toISOString(), drawn };
}
