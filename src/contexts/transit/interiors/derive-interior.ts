import { addBoardingAreas } from './boarding-areas.js';
import { prune } from './prune-interior.js';
import { lineLabel, planLinePlatforms, withDirectionLine, type LinePlatforms, type Placed } from './platform-directions.js';
import {
  DERIVED_METHOD,
  type DerivedEdge,
  type DerivedInterior,
  type DerivedNode,
  type InteriorFacility,
  type InteriorInput,
  levelName,
  parseSection,
  type Provenance,
} from './derived-interior-model.js';
import { addTransferWalkways } from './transfer-walkways.js';
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

const VERTICAL = new Set(['elevator', 'escalator']);

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

  // Transfer walkways join every platform of one line to every platform of the other (transfer-walkways.ts).
  addTransferWalkways({ sid, transfers: input.transfers, plans, vertical, nodes, edges, omitted, prov, hubAt });

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
