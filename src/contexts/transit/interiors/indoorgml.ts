import { arcCost } from '../routing/edge-cost.js';
import { toPathEdges, toPathNodes } from '../routing/load-graph.js';
import { PROFILES } from '../routing/profiles.js';
import { PROFILE_IDS, type ProfileId } from '../routing/route-types.js';
import type { FacilityState } from '../routing/station-graph.js';
import type { EdgeRow, LevelRow, NodeRow } from '../store/tables.js';

/**
 * A station interior in IndoorGML 2.0's JSON encoding (IndoorJSON2 style): one ThematicLayer per traveller
 * profile of the router (walking, wheelchair, powered wheelchair, elderly, stroller, pregnant, low vision),
 * each a directed dual graph holding only the pathways that profile can use, and InterLayerConnections
 * (EQUALS) tying each place of the walking layer to the same place in the others, as the SWG's
 * `indoorjson2_ped_wheel.json` example does. There is no primal (geometric) space yet: `isLogical` is true.
 *
 * Edge `weight` (required by IndoorGML) is the router's time in seconds for that profile (routing/edge-cost.ts,
 * with live facility status); `weightKnown: false` marks a time estimated because the pathway has none, and
 * `unknown` lists attributes the profile needs that the data lacks.
 */
const THEMES: Record<ProfileId, { theme: string; locomotionType: 'Walking' | 'Rolling' }> = {
  walking: { theme: 'TL-Walking', locomotionType: 'Walking' },
  wheelchair: { theme: 'TL-Wheelchair', locomotionType: 'Rolling' },
  powered_wheelchair: { theme: 'TL-PoweredWheelchair', locomotionType: 'Rolling' },
  elderly: { theme: 'TL-Elderly', locomotionType: 'Walking' },
  stroller: { theme: 'TL-Stroller', locomotionType: 'Rolling' },
  pregnant: { theme: 'TL-Pregnant', locomotionType: 'Walking' },
  low_vision: { theme: 'TL-LowVision', locomotionType: 'Walking' },
};

const FUNCTION_OF_LOCATION: Record<number, string> = {
  0: 'GeneralSpace/platform',
  1: 'GeneralSpace/station',
  2: 'AnchorSpace/entrance',
  3: 'TransitionSpace/generic',
  4: 'GeneralSpace/boarding_area',
};

export interface IndoorGmlInput {
  station: { id: string; name_ko: string | null; name_en: string | null };
  levels: LevelRow[];
  nodes: NodeRow[];
  edges: EdgeRow[];
  /** Live facility status (elevators out of service leave the step-free layers). */
  facilities?: FacilityState[];
}

export function indoorGml(input: IndoorGmlInput) {
  const levelName = new Map(input.levels.map((l) => [l.level_id, l.level_name ?? l.level_id]));
  const nodes = toPathNodes(input.nodes, input.levels);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = toPathEdges(input.edges);
  const status = new Map((input.facilities ?? []).map((f) => [f.id, f]));
  const layers = PROFILE_IDS.map((profile) => {
    const p = THEMES[profile];
    const nodeMember = input.nodes.map((n) => ({
      id: `${p.theme}:${n.stop_id}`,
      type: 'Node',
      stopId: n.stop_id,
      name: n.name,
      level: n.level_id ? (levelName.get(n.level_id) ?? n.level_id) : null,
      function: FUNCTION_OF_LOCATION[n.location_type] ?? 'GeneralSpace',
      locomotionType: p.locomotionType,
    }));
    const edgeMember = edges.flatMap((e, k) => {
      const from = byId.get(e.from);
      const to = byId.get(e.to);
      if (!from || !to) return [];
      const one = (a: typeof from, b: typeof from, reversed: boolean) => {
        const c = arcCost(PROFILES[profile], e, reversed, a, b, e.facilityId ? status.get(e.facilityId) : undefined);
        if (c.blocked) return [];
        return [
          {
            id: `${p.theme}:${e.id}${reversed ? ':reverse' : ''}`,
            type: 'Edge',
            pathwayId: e.id,
            mode: e.mode,
            connects: [`${p.theme}:${a.id}`, `${p.theme}:${b.id}`],
            weight: Math.round(c.timeS),
            weightKnown: input.edges[k]!.traversal_time !== null && input.edges[k]!.traversal_time! > 0,
            unknown: c.unknown,
          },
        ];
      };
      return [...one(from, to, false), ...(e.bidirectional ? one(to, from, true) : [])];
    });
    return {
      id: p.theme,
      type: 'ThematicLayer',
      theme: p.theme,
      semanticExtension: true,
      profile,
      dualSpaceLayer: { id: `${p.theme}:dual`, type: 'DualSpaceLayer', isDirected: true, isLogical: true, nodeMember, edgeMember },
    };
  });
  const [walking, ...others] = layers;
  return {
    type: 'IndoorFeatures',
    id: `${input.station.id}:indoorgml`,
    name: { ko: input.station.name_ko, en: input.station.name_en },
    note: 'IndoorGML 2.0 (IndoorJSON2 style), logical network only; one layer per traveller profile of the Open Seoul router',
    layers,
    layerConnections: others.flatMap((other) =>
      input.nodes.map((n) => ({
        type: 'InterLayerConnection',
        typeOfTopoExpression: 'EQUALS',
        connectedNodes: [`${walking!.theme}:${n.stop_id}`, `${other.theme}:${n.stop_id}`],
        connectedLayers: [walking!.id, other.id],
      })),
    ),
  };
}
