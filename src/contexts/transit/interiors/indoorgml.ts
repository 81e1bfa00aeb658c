import type { EdgeRow, LevelRow, NodeRow } from '../store/tables.js';

/**
 * A station interior in IndoorGML 2.0's JSON encoding (IndoorJSON2 style): one ThematicLayer per
 * locomotion profile, each with a directed dual graph (nodes = places, edges = pathways), and
 * InterLayerConnections (EQUALS) tying the same place across layers — as the SWG's
 * `indoorjson2_ped_wheel.json` example does. There is no primal (geometric) space yet: `isLogical` is true.
 *
 * Edge `weight` (required by IndoorGML) is an estimate in seconds: the pathway's traversal_time when known,
 * else its length at the profile's speed, else a default per mode; `weightKnown: false` marks the estimate.
 * The wheelchair layer leaves out stairs and escalators and elevators known to be out of service.
 * Full profile rules (slopes, widths, lifts with staff …) belong to the routing work.
 */
export const PROFILES = {
  walking: { theme: 'TL-Walking', locomotionType: 'Walking', speedMs: 1.2, excludedModes: [] as number[] },
  wheelchair: { theme: 'TL-Wheelchair', locomotionType: 'Rolling', speedMs: 0.7, excludedModes: [2, 4] },
} as const;
export type ProfileId = keyof typeof PROFILES;

const MODE_NAMES: Record<number, string> = { 1: 'walkway', 2: 'stairs', 3: 'travelator', 4: 'escalator', 5: 'elevator', 6: 'fare_gate', 7: 'exit_gate' };
/** Seconds assumed when a pathway has neither time nor length: an elevator ride includes waiting. */
const DEFAULT_SECONDS: Record<number, number> = { 1: 60, 2: 30, 3: 60, 4: 30, 5: 90, 6: 10, 7: 10 };
const FUNCTION_OF_LOCATION: Record<number, string> = { 0: 'GeneralSpace/platform', 1: 'GeneralSpace/station', 2: 'AnchorSpace/entrance', 3: 'TransitionSpace/generic', 4: 'GeneralSpace/boarding_area' };

export interface IndoorGmlInput {
  station: { id: string; name_ko: string | null; name_en: string | null };
  levels: LevelRow[];
  nodes: NodeRow[];
  edges: EdgeRow[];
}

function weightOf(edge: EdgeRow, speedMs: number): { weight: number; weightKnown: boolean } {
  if (edge.traversal_time !== null && edge.traversal_time > 0) return { weight: edge.traversal_time, weightKnown: true };
  if (edge.length !== null && edge.length > 0 && edge.pathway_mode !== 5) return { weight: Math.round(edge.length / speedMs), weightKnown: false };
  return { weight: DEFAULT_SECONDS[edge.pathway_mode] ?? 60, weightKnown: false };
}

const outOfService = (edge: EdgeRow) => {
  try {
    return (JSON.parse(edge.provenance) as { facilityStatus?: string }).facilityStatus === 'not_available';
  } catch {
    return false;
  }
};

export function indoorGml(input: IndoorGmlInput) {
  const levelName = new Map(input.levels.map((l) => [l.level_id, l.level_name ?? l.level_id]));
  const layers = (Object.keys(PROFILES) as ProfileId[]).map((profile) => {
    const p = PROFILES[profile];
    const nodes = input.nodes.map((n) => ({
      id: `${p.theme}:${n.stop_id}`, type: 'Node', stopId: n.stop_id, name: n.name,
      level: n.level_id ? levelName.get(n.level_id) ?? n.level_id : null, function: FUNCTION_OF_LOCATION[n.location_type] ?? 'GeneralSpace',
      locomotionType: p.locomotionType,
    }));
    const edges = input.edges
      .filter((e) => !(p.excludedModes as number[]).includes(e.pathway_mode) && !(profile === 'wheelchair' && e.pathway_mode === 5 && outOfService(e)))
      .flatMap((e) => {
        const w = weightOf(e, p.speedMs);
        const one = (from: string, to: string, suffix: string) => ({
          id: `${p.theme}:${e.pathway_id}${suffix}`, type: 'Edge', pathwayId: e.pathway_id, mode: MODE_NAMES[e.pathway_mode] ?? 'unknown',
          connects: [`${p.theme}:${from}`, `${p.theme}:${to}`], ...w,
        });
        return e.is_bidirectional ? [one(e.from_stop_id, e.to_stop_id, ''), one(e.to_stop_id, e.from_stop_id, ':reverse')] : [one(e.from_stop_id, e.to_stop_id, '')];
      });
    return {
      id: p.theme, type: 'ThematicLayer', theme: p.theme, semanticExtension: true, profile,
      dualSpaceLayer: { id: `${p.theme}:dual`, type: 'DualSpaceLayer', isDirected: true, isLogical: true, nodeMember: nodes, edgeMember: edges },
    };
  });
  const [walking, wheelchair] = layers;
  return {
    type: 'IndoorFeatures',
    id: `${input.station.id}:indoorgml`,
    name: { ko: input.station.name_ko, en: input.station.name_en },
    note: 'IndoorGML 2.0 (IndoorJSON2 style), logical network only; derived from open data, not field-verified',
    layers,
    layerConnections: walking && wheelchair
      ? input.nodes.map((n) => ({ type: 'InterLayerConnection', typeOfTopoExpression: 'EQUALS', connectedNodes: [`${walking.theme}:${n.stop_id}`, `${wheelchair.theme}:${n.stop_id}`], connectedLayers: [walking.id, wheelchair.id] }))
      : [],
  };
}
