import { addBoardingAreas } from './boarding-areas.js';
import { prune } from './prune-interior.js';
import { lineLabel, planLinePlatforms, withDirectionLine, type LinePlatforms, type Neighbour, type Placed } from './platform-directions.js';
import { WAY_FACILITY_TYPES, type UnplacedFacility, type UnplacedReason } from './unplaced.js';

/**
 * Derives a station-interior graph in the GTFS model (levels, stops of location_type 0 to 4, pathways) from
 * what the Seoul open data says about a station: its lines, the transfer distances and times between lines,
 * and its elevators and escalators with the floors they serve and where they stand. Pure: no I/O, no clock.
 *
 * What the data does not say is not invented:
 * - platforms (platform-directions.ts): a line gets one platform per direction only when its facilities at
 *   the platform each name one direction ('강남 방면8-4') and different ones name different directions (side
 *   platforms); a facility naming both directions (island platform), none, or a name that is not an
 *   adjacent station keeps one shared platform. Each elevator and escalator ends at the platform of the
 *   direction it names;
 * - a platform is put on the deepest level its elevators serve (its escalators when it has no elevator):
 *   elevators in Seoul run from the platform up (the "one route per station" programme);
 * - boarding positions (boarding-areas.ts): each "X 방면C-D" of a facility at a platform is a boarding area
 *   (car C, door D toward X) joined to its platform by a walkway of unknown length. GTFS forbids pathways at
 *   a platform that has boarding areas, so such a platform's pathways end at a generic node on it
 *   (`<platform>:node`, named in the platform's `extra.pathwayStopId`);
 * - the concourse is the underground end of the elevators that reach the street (the shallowest one);
 *   other underground levels an elevator or escalator stops at get one junction node each;
 * - no stairs are derived (the open data lists none), no traversal time is given to elevators and
 *   escalators, no coordinates are given to nodes (only the station has them);
 * - transfer walkways take their length and time from the transfer table, the only measured values. Between
 *   platforms on the same level that is a level walkway. Between platforms on different levels it is a
 *   level change of unknown kind (`extra.levelChange: 'unknown'`: stairs, escalator, lift or slope, the data
 *   does not say), never a level walkway. The transfer can also go through the elevators and escalators:
 *   where they already join the two platforms nothing more is derived; where they would once each platform
 *   is joined on its own level to the place where they stop on that level (the concourse or the level's
 *   junction), that walk is derived (`extra.transferAccess`, no length or time in the data); where not even
 *   then, the level change of unknown kind is the only way between the two platforms;
 * - a junction that would join fewer than two places, and a platform that no entrance reaches, are left
 *   out and listed in `omitted` (a GTFS feed must not have them);
 * - every elevator, escalator, wheelchair lift and moving walkway of the station is a pathway of the graph
 *   or listed in `unplaced` with the reason (stored on the station's node, `extra.unplaced`).
 */

export const DERIVED_METHOD = 'derived from open data, not yet field-verified';

export interface InteriorFacility {
  /** transit_facility.id */
  id: string;
  lineId: string | null;
  type: string;
  name: string | null;
  status: string;
  location: string | null;
  /** Operating section as in the data: 'B2-B1', 'B1-1F', 'B3-B2-B1', '1F-B1' (escalators: from → to). */
  levels: string | null;
  exitNo: string | null;
  /** Source file and 1-based row (transit_facility.source, source_row). */
  source: string;
  sourceRow: number;
}

export interface InteriorTransfer {
  fromLineId: string;
  toLineId: string;
  distanceM: number | null;
  timeS: number | null;
  source: string;
}

export interface InteriorInput {
  station: { id: string; nameKo: string; lat: number | null; lon: number | null };
  /** The station's lines (transit_station_line). */
  lines: string[];
  transfers: InteriorTransfer[];
  facilities: InteriorFacility[];
  /**
   * The adjacent stations per line (from the run times). A facility whose location names its direction
   * ('을지로3가 방면7-4') is put on the line that direction belongs to when the data's line differs, and on
   * the platform of that direction when the line has one per direction.
   */
  neighbours?: Record<string, Neighbour[]>;
  /** ISO time written into provenance. */
  derivedAt: string;
}

export interface DerivedLevel {
  levelId: string;
  levelIndex: number;
  levelName: string;
}
export interface DerivedNode {
  stopId: string;
  locationType: 0 | 1 | 2 | 3 | 4;
  parentStopId: string | null;
  levelId: string | null;
  name: string;
  platformCode: string | null;
  lat: number | null;
  lon: number | null;
  /** transit_node.extra: platforms {line, toward, towardStationIds, pathwayStopId}; boarding areas {boarding}. */
  extra: Record<string, unknown>;
  provenance: Provenance;
}
export interface DerivedEdge {
  pathwayId: string;
  fromStopId: string;
  toStopId: string;
  mode: 1 | 2 | 3 | 4 | 5;
  isBidirectional: 0 | 1;
  length: number | null;
  traversalTime: number | null;
  signpostedAs: string | null;
  /** transit_edge.extra: {facilityId} for an elevator or escalator, {mode_ext: 'platform_boarding'} to a boarding area. */
  extra: Record<string, unknown>;
  provenance: Provenance;
}
export interface Provenance {
  source: 'derived';
  method: typeof DERIVED_METHOD;
  files: string[];
  derivedAt: string;
  /** How this entity was derived and what is assumed. */
  note?: string;
  /** The facility or transfer it comes from. */
  facilityId?: string;
  facilityName?: string;
  facilityStatus?: string;
  rows?: string[];
}
export interface DerivedInterior {
  stationId: string;
  levels: DerivedLevel[];
  nodes: DerivedNode[];
  edges: DerivedEdge[];
  /** What could not be placed, with the reason (reported, never silently dropped). */
  omitted: Array<{ what: string; reason: string }>;
  /** The station's elevators, escalators, wheelchair lifts and moving walkways that no pathway stands for, and why. */
  unplaced: UnplacedFacility[];
}

const VERTICAL = new Set(['elevator', 'escalator']);

/** 'B2' → -2, '1F' → 0, '2F' → 1; anything else → null. */
export function parseLevel(token: string): number | null {
  const t = token.trim().toUpperCase();
  const b = /^B(\d+)F?$/.exec(t);
  if (b) return -Number(b[1]);
  const f = /^(\d+)F$/.exec(t);
  if (f && Number(f[1]) >= 1) return Number(f[1]) - 1;
  return null;
}

export const levelName = (index: number) => (index < 0 ? `B${-index}` : `${index + 1}F`);

/** The levels of an operating section in the order written ('1F-B1' → [0, -1]); null if any part is unreadable. */
export function parseSection(section: string | null): number[] | null {
  if (!section) return null;
  const parts = section
    .split(/\s*[-~→]\s*/)
    .filter(Boolean)
    .map(parseLevel);
  return parts.length >= 2 && parts.every((p): p is number => p !== null) ? parts : null;
}

const exitNumber = (f: InteriorFacility): string | null => {
  const m = /(\d+(?:\s*[-,]\s*\d+)*)\s*번\s*출/.exec(`${f.exitNo ?? ''} ${f.location ?? ''}`);
  return m ? m[1]!.replace(/\s+/g, '') : null;
};
const facilityLabel = (f: InteriorFacility) => `${lineLabel(f.lineId ?? '?')} ${f.name ?? f.type}${f.location ? ` (${f.location})` : ''}`;

export function deriveInterior(input: InteriorInput): DerivedInterior {
  const { station, derivedAt } = input;
  const sid = station.id;
  const omitted: DerivedInterior['omitted'] = [];
  const prov = (files: string[], extra: Omit<Provenance, 'source' | 'method' | 'files' | 'derivedAt'> = {}): Provenance => ({
    source: 'derived',
    method: DERIVED_METHOD,
    files: [...new Set(files)].sort(),
    derivedAt,
    ...extra,
  });
  const rowOf = (f: InteriorFacility) => `${f.source}:${f.sourceRow}`;

  // Vertical facilities with a readable section spanning two levels or more.
  const neighbours = input.neighbours ?? {};
  const vertical: Placed[] = [];
  // Why a way-facility is not in the graph, by facility id (see `unplaced` below; an end left out by pruning comes first).
  const why = new Map<string, UnplacedReason>();
  const skip = (f: InteriorFacility, reason: UnplacedReason, text: string) => {
    why.set(f.id, reason);
    omitted.push({ what: facilityLabel(f), reason: text });
  };
  for (const original of input.facilities) {
    const f = withDirectionLine(original, input.lines, neighbours);
    if (WAY_FACILITY_TYPES.has(f.type)) {
      const levels = parseSection(f.levels);
      if (!VERTICAL.has(f.type)) {
        skip(f, 'ends_not_in_data', `${f.type}: no GTFS pathway mode for it is derived (its two ends are not in the data)`);
      } else if (!levels) {
        skip(f, 'section_unreadable', `operating section "${f.levels ?? ''}" could not be read`);
      } else if (new Set(levels).size < 2) {
        skip(f, 'one_level', `operating section "${f.levels}" stays on one level`);
      } else if (!f.lineId || !input.lines.includes(f.lineId)) {
        skip(f, 'line_not_served', "its line is not one of the station's lines");
      } else {
        vertical.push({ f, levels });
      }
    }
  }

  // Platforms per line: one shared, or one per direction (platform-directions.ts).
  const plans = new Map<string, LinePlatforms>();
  for (const line of input.lines) {
    const plan = planLinePlatforms(
      sid,
      line,
      vertical.filter((v) => v.f.lineId === line),
      neighbours[line] ?? [],
    );
    if (plan) plans.set(line, plan);
    else omitted.push({ what: `${lineLabel(line)} platform`, reason: 'no elevator or escalator of this line in the data: its level is unknown' });
  }
  const platforms = [...plans.values()].flatMap((p) => p.platforms);
  // Concourse: the shallowest underground end of the elevators that reach the street.
  const streetEnds = vertical.filter((v) => v.f.type === 'elevator' && Math.max(...v.levels) >= 0).map((v) => Math.max(...v.levels.filter((l) => l < 0)));
  const underground = vertical.flatMap((v) => v.levels.filter((l) => l < 0));
  const concourse = streetEnds.length ? Math.max(...streetEnds) : underground.length ? Math.max(...underground) : null;

  const levelId = (index: number) => `${sid}:L${levelName(index)}`;
  const nodes = new Map<string, DerivedNode>();
  const edges: DerivedEdge[] = [];
  const stationStop = sid;
  const node = (n: Omit<DerivedNode, 'parentStopId' | 'lat' | 'lon' | 'platformCode' | 'extra'> & Partial<DerivedNode>) => {
    if (!nodes.has(n.stopId)) nodes.set(n.stopId, { parentStopId: stationStop, lat: null, lon: null, platformCode: null, extra: {}, ...n });
    return n.stopId;
  };
  for (const p of platforms) {
    const files = vertical.filter((v) => v.f.lineId === p.line).map((v) => v.f.source);
    node({
      stopId: p.stopId,
      locationType: 0,
      levelId: levelId(p.level),
      name: p.name,
      platformCode: p.line,
      extra: { line: p.line, toward: p.toward, towardStationIds: p.towardStationIds, pathwayStopId: p.stopId },
      provenance: prov(files, { note: p.note }),
    });
  }
  const junction = (level: number, f: InteriorFacility) =>
    node({
      stopId: level === concourse ? `${sid}:concourse` : `${sid}:junction:${levelName(level)}`,
      locationType: 3,
      levelId: levelId(level),
      name: level === concourse ? `${levelName(level)} 대합실` : `${levelName(level)} 연결 지점`,
      provenance: prov([f.source], {
        note:
          level === concourse
            ? 'Concourse: the underground end of the elevators that reach the street. One node for the whole level.'
            : 'Junction: a level an elevator or escalator stops at that is neither a platform nor the concourse. One node for the whole level.',
      }),
    });
  const entrance = (level: number, f: InteriorFacility) => {
    const exit = exitNumber(f);
    const stopId = exit ? `${sid}:exit:${exit.replace(/,/g, '_')}:${levelName(level)}` : `${sid}:exit:${f.type}:${f.id}`;
    const base = f.type === 'elevator' ? '엘리베이터 출구' : '에스컬레이터 출구';
    const existing = nodes.get(stopId);
    if (existing) {
      existing.provenance = prov([...existing.provenance.files, f.source], { ...existing.provenance, rows: [...(existing.provenance.rows ?? []), rowOf(f)] });
      return stopId;
    }
    return node({
      stopId,
      locationType: 2,
      levelId: levelId(level),
      name: exit ? `${exit}번 출구 (${base})` : base,
      provenance: prov([f.source], {
        note: 'Street entrance where this facility reaches the street; position not in the data.',
        facilityId: f.id,
        rows: [rowOf(f)],
      }),
    });
  };
  const endpoint = (level: number, f: InteriorFacility) => {
    if (level >= 0) return entrance(level, f);
    const platform = f.lineId ? plans.get(f.lineId)?.at(f, level) : null;
    return platform ? platform.stopId : junction(level, f);
  };

  /** The place where the elevators and escalators stop on a level: the concourse or the level's junction, if derived. */
  const hubAt = (level: number): string | null => {
    const id = level === concourse ? `${sid}:concourse` : `${sid}:junction:${levelName(level)}`;
    return nodes.has(id) ? id : null;
  };
  const local = (stopId: string) => (stopId.startsWith(`${sid}:`) ? stopId.slice(sid.length + 1) : stopId);

  const used = new Set<number>();
  let seq = 0;
  for (const { f, levels } of vertical) {
    const steps: Array<[number, number]> = [];
    if (f.type === 'elevator') {
      // An elevator serves every level of its section: one pathway between every pair of its stops, so that a
      // ride past a stop is one ride (one wait), as GTFS models multi-floor elevators.
      const sorted = [...new Set(levels)].sort((a, b) => a - b);
      for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) steps.push([sorted[i]!, sorted[j]!]);
    } else {
      // An escalator runs one way, as written ('1F-B1' runs from 1F down to B1).
      steps.push([levels[0]!, levels[levels.length - 1]!]);
    }
    for (const [a, b] of steps) {
      const from = endpoint(a, f);
      const to = endpoint(b, f);
      if (from === to) {
        skip(f, 'same_node', `both ends (${levelName(a)}, ${levelName(b)}) fall on the same node`);
        continue;
      }
      used.add(a).add(b);
      edges.push({
        pathwayId: `${sid}:${f.type}:${++seq}`,
        fromStopId: from,
        toStopId: to,
        mode: f.type === 'elevator' ? 5 : 4,
        isBidirectional: f.type === 'elevator' ? 1 : 0,
        length: null,
        traversalTime: null,
        signpostedAs: null,
        extra: { facilityId: f.id },
        provenance: prov([f.source], {
          note: `${f.name ?? f.type}, ${levelName(a)}–${levelName(b)}${f.location ? `, ${f.location}` : ''}. Traversal time unknown.${f.lineNote ? ` ${f.lineNote}` : ''}`,
          facilityId: f.id,
          facilityName: f.name ?? undefined,
          facilityStatus: f.status,
          rows: [rowOf(f)],
        }),
      });
    }
  }

  // Transfer walkways join every platform of one line to every platform of the other (the table gives one
  // length and time per pair of lines); one-way pairs when the two directions differ.
  const pairs = new Map<string, InteriorTransfer[]>();
  for (const t of input.transfers) {
    if (t.fromLineId === t.toLineId) {
      omitted.push({
        what: `transfer ${lineLabel(t.fromLineId)} → ${lineLabel(t.toLineId)}`,
        reason: 'same line (a branch): platforms are not told apart by branch',
      });
      continue;
    }
    if (!plans.has(t.fromLineId) || !plans.has(t.toLineId)) {
      omitted.push({ what: `transfer ${lineLabel(t.fromLineId)} → ${lineLabel(t.toLineId)}`, reason: 'a platform of this pair could not be placed' });
      continue;
    }
    const key = [t.fromLineId, t.toLineId].sort().join('|');
    pairs.set(key, [...(pairs.get(key) ?? []), t]);
  }
  const positive = (n: number | null) => (n !== null && n > 0 ? n : null);
  const facilityEdges = [...edges];
  const access = new Set<string>();
  for (const list of pairs.values()) {
    const [first] = list;
    const same = list.every((t) => t.distanceM === first!.distanceM && t.timeS === first!.timeS);
    for (const t of same ? [first!] : list) {
      const length = t.distanceM !== null && t.distanceM >= 0 ? t.distanceM : null;
      const time = positive(t.timeS);
      const measured = `the transfer table gives ${length ?? '?'} m and ${time ?? '?'} s`;
      for (const a of plans.get(t.fromLineId)!.platforms) {
        for (const b of plans.get(t.toLineId)!.platforms) {
          // Shared platforms keep the id they always had; a direction's platform adds its key to it.
          const suffix = a.key || b.key ? `:${a.key ?? 'shared'}:${b.key ?? 'shared'}` : '';
          const pair = `${lineLabel(t.fromLineId)} ↔ ${lineLabel(t.toLineId)}`;
          const across = a.level !== b.level;
          edges.push({
            pathwayId: `${sid}:transfer:${t.fromLineId}-${t.toLineId}${suffix}`,
            fromStopId: a.stopId,
            toStopId: b.stopId,
            mode: 1,
            isBidirectional: same ? 1 : 0,
            length,
            traversalTime: time,
            signpostedAs: `${lineLabel(t.toLineId)} 갈아타는 곳`,
            extra: across ? { levelChange: 'unknown' } : {},
            provenance: prov([t.source], {
              note: `Transfer ${pair}: length and time from the transfer table, the same for every platform of the two lines; the route itself is not in the data.${
                across
                  ? ` The platforms are on different levels (${levelName(a.level)}, ${levelName(b.level)}): a level change of unknown kind (stairs, escalator, lift or slope: the data does not say), not a level walkway.`
                  : ''
              }`,
            }),
          });
          if (!across) continue;
          // When the lifts and escalators already join the two platforms, the transfer can go through them: nothing more is derived.
          const joined = reaches(facilityEdges, a.stopId, b.stopId) && (!same || reaches(facilityEdges, b.stopId, a.stopId));
          if (joined) continue;
          // Else through them with one more step: each platform joined, on its own level, to where they stop on that level.
          const walks = [a, b].flatMap((p) => {
            const hub = hubAt(p.level);
            return hub && hub !== p.stopId ? [{ platform: p, hub }] : [];
          });
          const candidate = walks.map(({ platform, hub }) => ({ fromStopId: platform.stopId, toStopId: hub, isBidirectional: 1 as const }));
          const linked =
            reaches([...facilityEdges, ...candidate], a.stopId, b.stopId) || (same && reaches([...facilityEdges, ...candidate], b.stopId, a.stopId));
          if (!linked) continue;
          for (const { platform, hub } of walks) {
            const pathwayId = `${sid}:access:${local(platform.stopId)}:${local(hub)}`;
            if (access.has(pathwayId)) continue;
            access.add(pathwayId);
            edges.push({
              pathwayId,
              fromStopId: platform.stopId,
              toStopId: hub,
              mode: 1,
              isBidirectional: 1,
              length: null,
              traversalTime: null,
              signpostedAs: null,
              extra: { transferAccess: true },
              provenance: prov([t.source, ...vertical.filter((v) => v.levels.includes(platform.level)).map((v) => v.f.source)], {
                note: `Walk on level ${levelName(platform.level)} between ${platform.name} and ${nodes.get(hub)!.name}, where the elevators and escalators of this level stop: part of the transfer ${pair} (the platforms are on different levels). Assumed to be on one level, as every derived level is one place; its length and time are not in the data (${measured} for the whole transfer).`,
              }),
            });
          }
        }
      }
    }
  }

  const lost = new Map<string, string>();
  prune(nodes, edges, omitted, lost);
  addBoardingAreas({ sid, nodes, edges, platforms, facilities: new Map(vertical.map((v) => [v.f.id, v.f])), neighbours, prov });
  // Every way-facility is a pathway of the graph or listed here, with the reason.
  const placed = new Set(edges.map((e) => e.extra.facilityId).filter((id): id is string => typeof id === 'string'));
  const unplaced: UnplacedFacility[] = input.facilities
    .filter((f) => WAY_FACILITY_TYPES.has(f.type) && !placed.has(f.id))
    .map((f) => ({
      facilityId: f.id,
      type: f.type,
      line: f.lineId,
      name: f.name ?? f.type,
      levels: f.levels,
      location: f.location,
      reason: lost.has(f.id) ? 'end_left_out' : (why.get(f.id) ?? 'not_in_interior'),
      place: lost.get(f.id) ?? null,
    }));
  if (nodes.size) {
    nodes.set(stationStop, {
      stopId: stationStop,
      locationType: 1,
      parentStopId: null,
      levelId: null,
      name: station.nameKo,
      platformCode: null,
      lat: station.lat,
      lon: station.lon,
      extra: unplaced.length ? { unplaced } : {},
      provenance: prov([...vertical.map((v) => v.f.source), ...input.transfers.map((t) => t.source)], {
        note: 'The station complex of the Seoul import (its name and position).',
      }),
    });
  }
  const levelsUsed = new Set([...nodes.values()].map((n) => n.levelId).filter((l): l is string => !!l));
  const levelList = [...new Set([...used, ...platforms.map((p) => p.level)])].filter((i) => levelsUsed.has(levelId(i))).sort((a, b) => b - a);
  return {
    stationId: sid,
    levels: levelList.map((i) => ({ levelId: levelId(i), levelIndex: i, levelName: levelName(i) })),
    nodes: [...nodes.values()].sort((a, b) => a.locationType - b.locationType || a.stopId.localeCompare(b.stopId)),
    edges,
    omitted,
    unplaced,
  };
}

/** Whether `to` can be reached from `from` along `edges` (one-way pathways in their direction only). */
function reaches(edges: Array<Pick<DerivedEdge, 'fromStopId' | 'toStopId' | 'isBidirectional'>>, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    if (at === to) return true;
    for (const e of edges) {
      const next = e.fromStopId === at ? e.toStopId : e.isBidirectional && e.toStopId === at ? e.fromStopId : null;
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}
