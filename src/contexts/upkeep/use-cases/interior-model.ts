import { boolOrNull, type EdgeRow, type LevelRow, type NodeRow, numOrNull, parseJsonObject as obj } from '../../transit/index.js';

/**
 * A station interior as the upkeep workflow edits it: levels, nodes (GTFS stops) and edges (GTFS pathways)
 * in plain camelCase views. Rows ↔ views keep every column and every extension key of `extra`, so a version
 * written back gives the same rows. Null is "unknown", never "no".
 */
export const EDGE_MODES = ['walkway', 'stairs', 'travelator', 'escalator', 'elevator', 'fare_gate', 'exit_gate', 'ramp', 'stair_lift'] as const;
export type EdgeMode = (typeof EDGE_MODES)[number];
const GTFS_MODE: Record<EdgeMode, number> = {
  walkway: 1,
  ramp: 1,
  stair_lift: 2,
  stairs: 2,
  travelator: 3,
  escalator: 4,
  elevator: 5,
  fare_gate: 6,
  exit_gate: 7,
};
const FROM_GTFS: Record<number, EdgeMode> = { 1: 'walkway', 2: 'stairs', 3: 'travelator', 4: 'escalator', 5: 'elevator', 6: 'fare_gate', 7: 'exit_gate' };

export interface LevelView {
  levelId: string;
  levelIndex: number;
  levelName: string | null;
}
export interface Boarding {
  car: number;
  door: number;
  toward: string | null;
  line: string | null;
}
export interface NodeView {
  stopId: string;
  name: string | null;
  locationType: number;
  levelId: string | null;
  parentStopId: string | null;
  platformCode: string | null;
  lat: number | null;
  lon: number | null;
  wheelchairBoarding: boolean | null;
  boarding: Boarding | null;
  photos: string[];
}
export interface EdgeView {
  pathwayId: string;
  from: string;
  to: string;
  mode: EdgeMode;
  bidirectional: boolean;
  length: number | null;
  traversalTime: number | null;
  stairCount: number | null;
  maxSlope: number | null;
  minWidth: number | null;
  stepHeightCm: number | null;
  doorWidthCm: number | null;
  wideGate: boolean | null;
  handrail: boolean | null;
  tactile: boolean | null;
  signpostedAs: string | null;
  reversedSignpostedAs: string | null;
  facilityId: string | null;
  photos: string[];
}
export interface Interior {
  levels: LevelView[];
  nodes: NodeView[];
  edges: EdgeView[];
}

/** What the views do not carry (provenance, other extension keys), kept to write rows back unchanged. */
export interface InteriorRows {
  levels: LevelRow[];
  nodes: NodeRow[];
  edges: EdgeRow[];
}

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function nodeView(n: NodeRow): NodeView {
  const x = obj(n.extra);
  const b = x.boarding as Record<string, unknown> | undefined;
  const car = numOrNull(b?.car);
  const door = numOrNull(b?.door);
  return {
    stopId: n.stop_id,
    name: n.name,
    locationType: n.location_type,
    levelId: n.level_id,
    parentStopId: n.parent_stop_id,
    platformCode: n.platform_code,
    lat: n.lat,
    lon: n.lon,
    wheelchairBoarding: n.wheelchair_boarding === null ? null : n.wheelchair_boarding === 1,
    boarding:
      b && car !== null && door !== null
        ? { car, door, toward: typeof b.toward === 'string' ? b.toward : null, line: typeof b.line === 'string' ? b.line : null }
        : null,
    photos: strings(x.photos),
  };
}

export function edgeView(e: EdgeRow): EdgeView {
  const x = obj(e.extra);
  const ext = x.mode_ext;
  const mode: EdgeMode = ext === 'ramp' || ext === 'stair_lift' ? ext : (FROM_GTFS[e.pathway_mode] ?? 'walkway');
  const facility = x.facilityId ?? x.facility_id ?? obj(e.provenance).facilityId;
  return {
    pathwayId: e.pathway_id,
    from: e.from_stop_id,
    to: e.to_stop_id,
    mode,
    bidirectional: e.is_bidirectional === 1,
    length: e.length,
    traversalTime: e.traversal_time,
    stairCount: e.stair_count,
    maxSlope: e.max_slope,
    minWidth: e.min_width,
    stepHeightCm: numOrNull(x.step_height_cm),
    doorWidthCm: numOrNull(x.door_width_cm),
    wideGate: boolOrNull(x.wide_gate),
    handrail: boolOrNull(x.handrail),
    tactile: boolOrNull(x.tactile),
    signpostedAs: e.signposted_as,
    reversedSignpostedAs: e.reversed_signposted_as,
    facilityId: typeof facility === 'string' ? facility : null,
    photos: strings(x.photos),
  };
}

export const levelView = (l: LevelRow): LevelView => ({ levelId: l.level_id, levelIndex: l.level_index, levelName: l.level_name });

export const toInterior = (rows: InteriorRows): Interior => ({
  levels: rows.levels.map(levelView).sort((a, b) => b.levelIndex - a.levelIndex),
  nodes: rows.nodes.map(nodeView),
  edges: rows.edges.map(edgeView),
});

const setKey = (x: Record<string, unknown>, key: string, v: unknown) => {
  if (v === null || v === undefined || (Array.isArray(v) && !v.length)) delete x[key];
  else x[key] = v;
};

/** Two versions of a row hold the same facts (provenance aside). */
const sameRow = <T extends { provenance: string }>(a: T, b: T) =>
  (Object.keys(b) as Array<keyof T>).every((k) => k === 'provenance' || (a[k] ?? null) === (b[k] ?? null));

/**
 * Views back to rows of `feed`, reusing the previous rows' extension keys. A row whose facts did not change
 * keeps its provenance; a new or changed row takes `provenance` (an approved survey writes `surveyed` only on
 * what it changed: what it did not touch is still as derived as before).
 */
export function toRows(feed: string, stationId: string, interior: Interior, previous: InteriorRows, provenance: object): InteriorRows {
  const prevLevel = new Map(previous.levels.map((l) => [l.level_id, l]));
  const prevNode = new Map(previous.nodes.map((n) => [n.stop_id, n]));
  const prevEdge = new Map(previous.edges.map((e) => [e.pathway_id, e]));
  const fresh = JSON.stringify(provenance);
  const levels = interior.levels.map(
    (l): LevelRow => ({
      id: `${feed}:${l.levelId}`,
      feed,
      station_id: stationId,
      level_id: l.levelId,
      level_index: l.levelIndex,
      level_name: l.levelName,
      extra: prevLevel.get(l.levelId)?.extra ?? '{}',
    }),
  );
  const nodes = interior.nodes.map((n): NodeRow => {
    const prev = prevNode.get(n.stopId);
    const x = obj(prev?.extra ?? '{}');
    const oldBoarding = (x.boarding ?? {}) as Record<string, unknown>;
    setKey(x, 'boarding', n.boarding ? { ...oldBoarding, line: n.boarding.line, car: n.boarding.car, door: n.boarding.door, toward: n.boarding.toward } : null);
    setKey(x, 'photos', n.photos);
    const row: NodeRow = {
      id: `${feed}:${n.stopId}`,
      feed,
      station_id: stationId,
      stop_id: n.stopId,
      location_type: n.locationType,
      parent_stop_id: n.parentStopId,
      level_id: n.levelId,
      name: n.name,
      code: prev?.code ?? null,
      platform_code: n.platformCode,
      lat: n.lat,
      lon: n.lon,
      wheelchair_boarding: n.wheelchairBoarding === null ? null : n.wheelchairBoarding ? 1 : 0,
      extra: JSON.stringify(x),
      provenance: fresh,
    };
    return { ...row, provenance: prev && sameRow(prev, row) ? prev.provenance : fresh };
  });
  const edges = interior.edges.map((e): EdgeRow => {
    const prev = prevEdge.get(e.pathwayId);
    const x = obj(prev?.extra ?? '{}');
    setKey(x, 'mode_ext', e.mode === 'ramp' || e.mode === 'stair_lift' ? e.mode : x.mode_ext === 'platform_boarding' ? 'platform_boarding' : null);
    setKey(x, 'step_height_cm', e.stepHeightCm);
    setKey(x, 'door_width_cm', e.doorWidthCm);
    setKey(x, 'wide_gate', e.wideGate);
    setKey(x, 'handrail', e.handrail);
    setKey(x, 'tactile', e.tactile);
    setKey(x, 'photos', e.photos);
    if (e.facilityId !== (x.facilityId ?? x.facility_id ?? null)) {
      delete x.facility_id;
      setKey(x, 'facilityId', e.facilityId);
    }
    const row: EdgeRow = {
      id: `${feed}:${e.pathwayId}`,
      feed,
      pathway_id: e.pathwayId,
      from_stop_id: e.from,
      to_stop_id: e.to,
      pathway_mode: GTFS_MODE[e.mode],
      is_bidirectional: e.bidirectional ? 1 : 0,
      length: e.length,
      traversal_time: e.traversalTime,
      stair_count: e.stairCount,
      max_slope: e.maxSlope,
      min_width: e.minWidth,
      signposted_as: e.signpostedAs,
      reversed_signposted_as: e.reversedSignpostedAs,
      extra: JSON.stringify(x),
      provenance: fresh,
    };
    return { ...row, provenance: prev && sameRow(prev, row) ? prev.provenance : fresh };
  });
  return { levels, nodes, edges };
}
