import type { Provenance } from '../domain/provenance.js';

/**
 * The whole network as one picture, from the stations' own coordinates (no tiles, no external request): which
 * stations have a known step-free way (a lift listed and working), where a lift is out right now, where the
 * sources list no lift at all, and which interiors are known (surveyed, or only derived). Pure: the use case
 * loads the rows, the page and the API draw and list the same model, so the map and the list cannot disagree.
 */

/**
 * What is known about a station's lifts (elevators), strongest news first:
 * - `out`: at least one elevator is out of service now (not_available, planned_outage);
 * - `working`: elevators listed, none out, at least one reported working;
 * - `listed`: elevators listed, but no source says whether they work now (status unknown, or a live status gone stale);
 * - `none`: no source lists an elevator at the station.
 */
export const LIFT_STATES = ['working', 'out', 'listed', 'none'] as const;
export type LiftState = (typeof LIFT_STATES)[number];

export interface NetworkStationFacts {
  id: string;
  nameKo: string;
  nameEn: string | null;
  lat: number;
  lon: number;
  /** Rider line ids (1, 2, 수인분당선 …) in the rider lines' order. */
  riderLines: string[];
  /** Effective statuses (live statuses gone stale are `unknown`) of every elevator row at the station. */
  elevatorStatuses: string[];
  /** The weakest provenance of the station's interior nodes, or null when it has no interior. */
  interior: Provenance | null;
}

export interface NetworkStation {
  id: string;
  name: { ko: string; en: string | null };
  x: number;
  y: number;
  riderLines: string[];
  lift: LiftState;
  elevators: number;
  out: number;
  working: number;
  interior: Provenance | null;
}

export interface NetworkLine {
  id: string;
  name: { ko: string; en: string | null };
  colour: string;
  stations: string[];
  segments: Array<[string, string]>;
}

export interface NetworkMap {
  width: number;
  height: number;
  stations: NetworkStation[];
  lines: NetworkLine[];
  counts: Record<LiftState, number> & { surveyed: number; derived: number; total: number };
}

const OUT = new Set(['not_available', 'planned_outage']);
const WORKING = new Set(['available', 'partially_available']);

export function liftState(statuses: string[]): { lift: LiftState; out: number; working: number } {
  const out = statuses.filter((s) => OUT.has(s)).length;
  const working = statuses.filter((s) => WORKING.has(s)).length;
  const lift: LiftState = !statuses.length ? 'none' : out ? 'out' : working ? 'working' : 'listed';
  return { lift, out, working };
}

/** Official line colours, darkened where needed so each line stays ≥ 3:1 against the white map. */
export const LINE_COLOURS: Record<string, string> = {
  1: '#0d3692',
  2: '#2e8b3a',
  3: '#c4570a',
  4: '#1e6fbf',
  5: '#8936e0',
  6: '#9a4e0f',
  7: '#5f6a00',
  8: '#c2185b',
  9: '#8a6d2c',
  수인분당선: '#a07800',
  경의중앙선: '#3f8f7a',
  공항철도: '#0065b3',
  신분당선: '#b0203a',
  경춘선: '#0c7f5f',
  경강선: '#0054a6',
  서해선: '#5a8f00',
  우이신설선: '#7a7a00',
  신림선: '#4d6fa8',
  'GTX-A': '#8f3a6b',
  인천1호선: '#5477b8',
  인천2호선: '#c26a00',
  김포골드라인: '#8a6a00',
  의정부경전철: '#b35a00',
  에버라인: '#2f7d2f',
};
const OTHER_COLOUR = '#555b62';

/** Map units per kilometre: 10 keeps integer coordinates a hundred metres apart. */
export const UNITS_PER_KM = 10;
const MARGIN = 20;
/** Consecutive stations further apart than this are not joined (a branch or a gap in the order file), km. */
const MAX_LINK_KM = 9;

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const dy = (a.lat - b.lat) * 111.32;
  const dx = (a.lon - b.lon) * 111.32 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot(dx, dy);
}

export interface SectionOrder {
  lineId: string;
  stationId: string;
  seq: number | null;
  externalCode: string | null;
}

/**
 * Links between stations along one section, from the order file (`transit_station_line.seq`): each station
 * is joined to the nearest station one step before it; a branch numbered apart ("211-1") starts from its base
 * station ("211"); a gap or a jump further than MAX_LINK_KM is left open rather than drawn wrong.
 */
export function sectionLinks(rows: SectionOrder[], where: Map<string, { lat: number; lon: number }>): Array<[string, string]> {
  const ordered = rows.filter((r) => r.seq !== null && where.has(r.stationId)).sort((a, b) => a.seq! - b.seq!);
  const bySeq = new Map<number, SectionOrder[]>();
  for (const r of ordered) bySeq.set(r.seq!, [...(bySeq.get(r.seq!) ?? []), r]);
  const byCode = new Map(ordered.filter((r) => r.externalCode).map((r) => [r.externalCode!, r]));
  const links: Array<[string, string]> = [];
  const near = (a: SectionOrder, b: SectionOrder) => km(where.get(a.stationId)!, where.get(b.stationId)!) <= MAX_LINK_KM;
  for (const r of ordered) {
    const branch = r.externalCode?.match(/^(.+)-1$/);
    const base = branch ? byCode.get(branch[1]!) : undefined;
    if (base && near(base, r)) {
      links.push([base.stationId, r.stationId]);
      continue;
    }
    const before = bySeq.get(r.seq! - 1) ?? [];
    const nearest = before.map((b) => ({ b, d: km(where.get(b.stationId)!, where.get(r.stationId)!) })).sort((x, y) => x.d - y.d)[0];
    if (nearest && nearest.d <= MAX_LINK_KM) links.push([nearest.b.stationId, r.stationId]);
  }
  // A loop (2호선): the last of the main run back to the first, when they are neighbours.
  const main = ordered.filter((r) => !r.externalCode?.includes('-'));
  const first = main[0];
  const last = main[main.length - 1];
  if (first && last && first !== last && main.length > 20 && km(where.get(first.stationId)!, where.get(last.stationId)!) <= 2)
    links.push([last.stationId, first.stationId]);
  return links;
}

export interface NetworkFacts {
  stations: NetworkStationFacts[];
  riderLines: Array<{ id: string; nameKo: string; nameEn: string | null }>;
  order: SectionOrder[];
  /** station id → rider line id → the sections it runs on there. */
  sectionsOf: Map<string, Map<string, string[]>>;
}

export function buildNetworkMap(facts: NetworkFacts): NetworkMap {
  const where = new Map(facts.stations.map((s) => [s.id, s]));
  // A database without the Seoul network (a fresh install before its import) has no station: an empty map
  // around Seoul City Hall, not NaN bounds.
  const lats = facts.stations.length ? facts.stations.map((s) => s.lat) : [37.5663];
  const lons = facts.stations.length ? facts.stations.map((s) => s.lon) : [126.9779];
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const kx = 111.32 * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180) * UNITS_PER_KM;
  const ky = 111.32 * UNITS_PER_KM;
  const stations = facts.stations.map(
    (s): NetworkStation => ({
      id: s.id,
      name: { ko: s.nameKo, en: s.nameEn },
      riderLines: s.riderLines,
      x: Math.round((s.lon - minLon) * kx) + MARGIN,
      y: Math.round((maxLat - s.lat) * ky) + MARGIN,
      ...liftState(s.elevatorStatuses),
      elevators: s.elevatorStatuses.length,
      interior: s.interior,
    }),
  );
  const bySection = new Map<string, SectionOrder[]>();
  for (const r of facts.order) bySection.set(r.lineId, [...(bySection.get(r.lineId) ?? []), r]);
  const segments = new Map<string, Array<[string, string]>>();
  for (const [lineId, rows] of bySection) {
    for (const [a, b] of sectionLinks(rows, where)) {
      // Drawn in the colour of each rider line that runs on this section at both ends.
      const ra = facts.sectionsOf.get(a);
      const rb = facts.sectionsOf.get(b);
      for (const [rider, sections] of ra ?? []) {
        if (!sections.includes(lineId) || !rb?.get(rider)?.includes(lineId)) continue;
        const list = segments.get(rider) ?? [];
        if (!list.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) list.push([a, b]);
        segments.set(rider, list);
      }
    }
  }
  const seqOf = new Map<string, number>();
  for (const r of facts.order) if (r.seq !== null && !seqOf.has(`${r.lineId}|${r.stationId}`)) seqOf.set(`${r.lineId}|${r.stationId}`, r.seq);
  const lines = facts.riderLines
    .map((l): NetworkLine => {
      const members = stations.filter((s) => s.riderLines.includes(l.id));
      // The list follows the line: by the order file of the line's first section here, unknown order last.
      const pos = (s: NetworkStation) => {
        const sections = facts.sectionsOf.get(s.id)?.get(l.id) ?? [];
        const seqs = sections.map((sec) => seqOf.get(`${sec}|${s.id}`)).filter((n): n is number => n !== undefined);
        return seqs.length ? Math.min(...seqs) + 1000 * Math.max(0, [...bySection.keys()].indexOf(sections[0]!)) : 1e9;
      };
      members.sort((a, b) => pos(a) - pos(b) || a.name.ko.localeCompare(b.name.ko, 'ko'));
      return {
        id: l.id,
        name: { ko: l.nameKo, en: l.nameEn },
        colour: LINE_COLOURS[l.id] ?? OTHER_COLOUR,
        stations: members.map((s) => s.id),
        segments: segments.get(l.id) ?? [],
      };
    })
    .filter((l) => l.stations.length);
  const counts = { working: 0, out: 0, listed: 0, none: 0, surveyed: 0, derived: 0, total: stations.length };
  for (const s of stations) {
    counts[s.lift]++;
    if (s.interior === 'surveyed') counts.surveyed++;
    else if (s.interior) counts.derived++;
  }
  return {
    width: Math.round((maxLon - minLon) * kx) + 2 * MARGIN,
    height: Math.round((maxLat - minLat) * ky) + 2 * MARGIN,
    stations,
    lines,
    counts,
  };
}
