import { translator } from '../../../core/i18n/messages.js';
import type { EdgeRow, NodeRow } from '../store/tables.js';
import { interiorMessages } from './messages.js';

/**
 * The facilities of a station that are ways between places (elevators, escalators, wheelchair lifts, moving
 * walkways) and are not in its interior graph, each with the reason. A station with an interior lists every
 * such facility either as a pathway of its graph or here: nothing is dropped in silence.
 *
 * The derivation (derive-interior.ts) stores its list on the station's own node (`extra.unplaced`, location
 * type 1) beside the interior's rows; `unplacedFacilities` reads it back for the API and adds, as
 * `not_in_interior`, any such facility that the stored interior lacks for another reason (an edit, an
 * imported feed).
 */
export const WAY_FACILITY_TYPES: ReadonlySet<string> = new Set(['elevator', 'escalator', 'wheelchair_lift', 'moving_walkway']);

export const UNPLACED_REASONS = [
  'ends_not_in_data',
  'section_unreadable',
  'one_level',
  'line_not_served',
  'same_node',
  'end_left_out',
  'not_in_interior',
] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

/** As stored on the station node (`extra.unplaced`). */
export interface UnplacedFacility {
  facilityId: string;
  type: string;
  /** The line the facility list gives. */
  line: string | null;
  name: string;
  /** Operating section as in the data ('B4-B2'). */
  levels: string | null;
  location: string | null;
  reason: UnplacedReason;
  /** `end_left_out`: the place the facility would have reached. */
  place: string | null;
}

/** As the API gives it: the reason in words, Korean and English. */
export interface UnplacedFacilityView extends UnplacedFacility {
  message: { ko: string; en: string };
}

export function unplacedMessage(u: Pick<UnplacedFacility, 'reason' | 'levels' | 'line' | 'place' | 'type'>): { ko: string; en: string } {
  const vars = { levels: u.levels ?? '', line: u.line ?? '?', place: u.place ?? '?' };
  const key = `interior.unplaced.${u.reason}` as const;
  return { ko: translator(interiorMessages, 'ko')(key, vars), en: translator(interiorMessages, 'en')(key, vars) };
}

const parse = (json: string | null): Record<string, unknown> => {
  try {
    const v = JSON.parse(json ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const isReason = (v: unknown): v is UnplacedReason => typeof v === 'string' && (UNPLACED_REASONS as readonly string[]).includes(v);

/** The stored list of the station's node(s), ignoring malformed entries. */
export function storedUnplaced(nodes: Array<Pick<NodeRow, 'location_type' | 'extra'>>): UnplacedFacility[] {
  return nodes
    .filter((n) => n.location_type === 1)
    .flatMap((n) => {
      const list = parse(n.extra).unplaced;
      return Array.isArray(list)
        ? list.filter((u): u is UnplacedFacility => !!u && typeof u === 'object' && typeof u.facilityId === 'string' && isReason(u.reason))
        : [];
    });
}

/** The facility a pathway row stands for (extra.facilityId / facility_id, else its provenance). */
const facilityOf = (e: Pick<EdgeRow, 'extra' | 'provenance'>): string | null => {
  const id = parse(e.extra).facilityId ?? parse(e.extra).facility_id ?? parse(e.provenance).facilityId;
  return typeof id === 'string' ? id : null;
};

export interface FacilityLike {
  id: string;
  type: string;
  name: string | null;
  line_id: string | null;
  levels: string | null;
  location: string | null;
}

/**
 * Every way-facility of the station that no pathway of its interior stands for, with the reason; [] when the
 * station has no interior (nothing but its own node).
 */
export function unplacedFacilities(
  graph: { nodes: Array<Pick<NodeRow, 'location_type' | 'extra'>>; edges: Array<Pick<EdgeRow, 'extra' | 'provenance'>> },
  facilities: FacilityLike[],
): UnplacedFacilityView[] {
  if (!graph.nodes.some((n) => n.location_type !== 1)) return [];
  const placed = new Set(graph.edges.map(facilityOf).filter((id): id is string => id !== null));
  const stored = new Map(storedUnplaced(graph.nodes).map((u) => [u.facilityId, u]));
  return facilities
    .filter((f) => WAY_FACILITY_TYPES.has(f.type) && !placed.has(f.id))
    .map((f) => {
      const u: UnplacedFacility = stored.get(f.id) ?? {
        facilityId: f.id,
        type: f.type,
        line: f.line_id,
        name: f.name ?? f.type,
        levels: f.levels,
        location: f.location,
        reason: 'not_in_interior',
        place: null,
      };
      return { ...u, message: unplacedMessage(u) };
    });
}
