import { provenanceOf } from '../domain/provenance.js';
import type { EdgeRow, FacilityRow, LevelRow, NodeRow } from '../store/tables.js';
import type { StepMode } from './route-types.js';
import type { FacilityState, PathEdge, PathNode } from './station-graph.js';

/**
 * Stored rows (GTFS stops, levels, pathways and our extension columns in `extra`) → the routers' model.
 * Extension keys (pathways_ext): mode_ext (ramp | stair_lift | platform_boarding), facilityId / facility_id,
 * step_height_cm, wide_gate, handrail, tactile, audio, outdoor, assistance_phone. Unknown stays null.
 */
const GTFS_MODES: Record<number, StepMode> = { 1: 'walkway', 2: 'stairs', 3: 'travelator', 4: 'escalator', 5: 'elevator', 6: 'fare_gate', 7: 'exit_gate' };

export const parse = (json: string | null): Record<string, unknown> => {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
export const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
export const bool = (v: unknown): boolean | null => {
  if (v === true || v === 1 || v === '1' || v === 'true' || v === 'yes') return true;
  if (v === false || v === 0 || v === '0' || v === 'false' || v === 'no') return false;
  return null;
};
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function toPathNodes(nodes: NodeRow[], levels: LevelRow[]): PathNode[] {
  const level = new Map(levels.map((l) => [`${l.feed}|${l.level_id}`, l]));
  return nodes.map((n) => {
    const extra = parse(n.extra);
    const l = n.level_id ? level.get(`${n.feed}|${n.level_id}`) : undefined;
    const b = extra.boarding as Record<string, unknown> | undefined;
    const car = num(b?.car);
    const door = num(b?.door);
    return {
      id: n.stop_id,
      name: n.name,
      locationType: n.location_type,
      parentId: n.parent_stop_id,
      levelId: n.level_id,
      levelIndex: l ? l.level_index : null,
      levelName: l ? (l.level_name ?? l.level_id) : null,
      line: str(extra.line) ?? (n.location_type === 0 ? n.platform_code : null),
      pathwayStopId: str(extra.pathwayStopId),
      platformStopId: str(extra.platformStopId),
      towardStationIds: Array.isArray(extra.towardStationIds) ? extra.towardStationIds.filter((x): x is string => typeof x === 'string') : [],
      boarding: b && car !== null && door !== null ? { line: str(b.line), car, door, toward: str(b.toward), facilityId: str(b.facilityId) } : null,
      source: provenanceOf(n.provenance),
    };
  });
}

export function toPathEdges(edges: EdgeRow[]): PathEdge[] {
  return edges.map((e) => {
    const x = parse(e.extra);
    const prov = parse(e.provenance);
    const ext = str(x.mode_ext);
    const mode: StepMode = ext === 'ramp' || ext === 'stair_lift' ? ext : (GTFS_MODES[e.pathway_mode] ?? 'walkway');
    return {
      id: e.pathway_id,
      from: e.from_stop_id,
      to: e.to_stop_id,
      mode,
      bidirectional: e.is_bidirectional === 1,
      lengthM: e.length,
      traversalTimeS: e.traversal_time,
      stairCount: e.stair_count,
      maxSlope: e.max_slope,
      minWidthM: e.min_width,
      stepHeightCm: num(x.step_height_cm),
      wideGate: bool(x.wide_gate),
      handrail: bool(x.handrail),
      tactile: bool(x.tactile),
      audio: bool(x.audio),
      outdoor: bool(x.outdoor) === true,
      facilityId: str(x.facilityId) ?? str(x.facility_id) ?? str(prov.facilityId),
      signpostedAs: e.signposted_as,
      reversedSignpostedAs: e.reversed_signposted_as,
      platformBoarding: ext === 'platform_boarding',
      assistancePhone: str(x.assistance_phone),
      source: provenanceOf(prov),
    };
  });
}

export const toFacilityStates = (rows: Array<Pick<FacilityRow, 'id' | 'type' | 'name' | 'status'>>): FacilityState[] =>
  rows.map((f) => ({ id: f.id, type: f.type, name: f.name, status: f.status }));
