import type { InteriorFacility } from './derived-interior-model.js';

/**
 * Directions of travel as Seoul Metro writes them in a facility's location: '강남 방면8-4' (toward 강남, car 8,
 * door 4), '고속터미널 방면4-2, 남부터미널 방면7-3' (one elevator serving both directions: an island platform),
 * '환승통로(2호선 상왕십리 방면)'. A name counts as a direction only when it is one of the line's adjacent
 * stations (from the run times); anything else ('5호선 방면') is not read as one. Pure: no I/O.
 */

/** An adjacent station on a line. */
export interface Neighbour {
  name: string;
  stationId: string;
}
/** A facility with the levels of its operating section. */
export interface Placed {
  f: InteriorFacility & { lineNote?: string };
  levels: number[];
}

/** One platform of a line: shared by every direction (`key` null) or serving the direction `key` names. */
export interface PlannedPlatform {
  stopId: string;
  line: string;
  level: number;
  name: string;
  /** towardKey: the adjacent station's id; null for the shared platform. */
  key: string | null;
  toward: string[];
  towardStationIds: string[];
  note: string;
}
export interface LinePlatforms {
  platforms: PlannedPlatform[];
  /** The platform the end of facility `f` on `level` is at, or null when that end is not on a platform of this line. */
  at(f: InteriorFacility, level: number): PlannedPlatform | null;
}

export const bareName = (name: string) =>
  name
    .replace(/\(.*?\)/g, '')
    .replace(/\s+/g, '')
    .replace(/역$/, '');
export const lineLabel = (line: string) => (/^\d$/.test(line) ? `${line}호선` : line);

/** The names before '방면' in a location text, as written ('강남 방면8-4, 서초 방면3-1' → ['강남', '서초']). */
export function directionNames(location: string | null): string[] {
  return [...(location ?? '').matchAll(/([^\s,()]+?)\s*방면/g)].map((m) => m[1]!).filter((n) => bareName(n) !== '');
}

/** The boarding positions in a location text: '강남 방면8-4' → toward 강남, car 8, door 4. */
export function boardingSpots(location: string | null): Array<{ toward: string; car: number; door: number }> {
  return [...(location ?? '').matchAll(/([^\s,()]+?)\s*방면\s*(\d+)\s*-\s*(\d+)/g)]
    .map((m) => ({ toward: m[1]!, car: Number(m[2]), door: Number(m[3]) }))
    .filter((s) => bareName(s.toward) !== '');
}

export const neighbourNamed = (name: string, neighbours: Neighbour[]) => neighbours.find((n) => bareName(n.name) === bareName(name)) ?? null;

/** The facility on the line its direction text names ('고속터미널 방면4-2' → the line with 고속터미널 next), when that is one line. */
export function withDirectionLine(f: InteriorFacility, lines: string[], neighbours: Record<string, Neighbour[]>): InteriorFacility & { lineNote?: string } {
  const directions = directionNames(f.location);
  if (!directions.length) return f;
  const found = new Set<string>();
  for (const d of directions) {
    for (const line of lines) if (neighbourNamed(d, neighbours[line] ?? [])) found.add(line);
  }
  if (found.size !== 1) return f;
  const [line] = [...found];
  return line === f.lineId
    ? f
    : {
        ...f,
        lineId: line!,
        lineNote: `Listed under ${lineLabel(f.lineId ?? '?')}; put on ${lineLabel(line!)}, the line its direction (${directions.map(bareName).join(', ')}) belongs to.`,
      };
}

type Direction = { kind: 'one'; neighbour: Neighbour; written: string } | { kind: 'both' | 'none' | 'unsure' };

/** The one direction a facility names, or why there is not exactly one. */
function directionOf(f: InteriorFacility, neighbours: Neighbour[]): Direction {
  const names = directionNames(f.location);
  const matched = names.map((n) => neighbourNamed(n, neighbours));
  if (matched.every((m) => !m)) return { kind: 'none' };
  if (matched.some((m) => !m)) return { kind: 'unsure' };
  const ids = new Set(matched.map((m) => m!.stationId));
  return ids.size > 1 ? { kind: 'both' } : { kind: 'one', neighbour: matched[0]!, written: names[0]! };
}

/** Deepest level of the elevators, else of the escalators; null when neither gives one. */
function platformLevel(list: Placed[]): number | null {
  const of = (type: string) => list.filter((v) => v.f.type === type).flatMap((v) => v.levels);
  const levels = of('elevator').length ? of('elevator') : of('escalator');
  return levels.length ? Math.min(...levels) : null;
}

const SPLIT_NOTE =
  'One platform per direction (side platforms): every facility of the line at its platforms names one direction ("X 방면"), and different facilities name different directions. Level = the deepest level served by this direction\'s elevators (else escalators).';
const DOUBT: Record<Direction['kind'], string> = {
  both: 'both directions (island platform)',
  none: 'no direction',
  unsure: 'a direction that is not an adjacent station',
  one: 'one direction',
};
const SHARED_NOTE = "One platform for both directions. Level = the deepest level served by the line's elevators (else escalators).";

/**
 * The platforms of one line. Side platforms (one per direction) only when the data says so without doubt:
 * every facility of the line that reaches a would-be platform level names exactly one direction, and at
 * least two directions are named. A facility naming both directions (an island platform), none, or a name
 * that is not an adjacent station keeps one shared platform: nothing is guessed. Null when no level is known.
 */
export function planLinePlatforms(sid: string, line: string, vertical: Placed[], neighbours: Neighbour[]): LinePlatforms | null {
  const shared = platformLevel(vertical);
  if (shared === null) return null;
  const groups = new Map<string, { neighbour: Neighbour; written: string; placed: Placed[] }>();
  const directions = new Map(vertical.map((v) => [v.f, directionOf(v.f, neighbours)]));
  for (const v of vertical) {
    const d = directions.get(v.f)!;
    if (d.kind !== 'one') continue;
    const group = groups.get(d.neighbour.stationId) ?? { neighbour: d.neighbour, written: d.written, placed: [] };
    group.placed.push(v);
    groups.set(d.neighbour.stationId, group);
  }
  const split = [...groups.values()].map((g) => ({ ...g, level: platformLevel(g.placed)! }));
  const levels = new Set(split.length >= 2 ? split.map((g) => g.level) : [shared]);
  const unclear = vertical.filter((v) => directions.get(v.f)!.kind !== 'one' && v.levels.some((l) => levels.has(l)));
  const doubt = unclear.find((v) => directions.get(v.f)!.kind === 'both') ?? unclear[0];
  if (split.length >= 2 && !doubt) {
    const platforms = new Map(
      split.map((g) => [
        g.neighbour.stationId,
        {
          stopId: `${sid}:platform:${line}:${g.neighbour.stationId}`,
          line,
          level: g.level,
          key: g.neighbour.stationId,
          name: `${lineLabel(line)} 승강장 (${g.written} 방면)`,
          toward: [g.written],
          towardStationIds: [g.neighbour.stationId],
          note: SPLIT_NOTE,
        } satisfies PlannedPlatform,
      ]),
    );
    return {
      platforms: [...platforms.values()],
      at(f, level) {
        const d = directionOf(f, neighbours);
        const p = d.kind === 'one' ? platforms.get(d.neighbour.stationId) : undefined;
        return p && p.level === level ? p : null;
      },
    };
  }
  const why = doubt
    ? `"${doubt.f.location ?? ''}" (${doubt.f.name ?? doubt.f.type}) names ${DOUBT[directions.get(doubt.f)!.kind]}`
    : split.length === 1
      ? 'only one direction is named'
      : 'no direction is named';
  const platform: PlannedPlatform = {
    stopId: `${sid}:platform:${line}`,
    line,
    level: shared,
    key: null,
    name: `${lineLabel(line)} 승강장`,
    toward: [],
    towardStationIds: [],
    note: `${SHARED_NOTE} Why one: ${why}.`,
  };
  return { platforms: [platform], at: (_f, level) => (level === shared ? platform : null) };
}
