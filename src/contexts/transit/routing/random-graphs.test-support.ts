import fc from 'fast-check';
import { STEP_MODES, type StepMode } from './route-types.js';
import type { FacilityState, PathEdge, PathNode } from './station-graph.js';

/**
 * Random station interiors for property tests, and a plain Dijkstra (an O(V²) scan, no heap, over an arc list)
 * to check the routers against.
 */
export function plainDijkstra(n: number, arcs: Array<{ from: number; to: number; cost: number }>, sources: Array<[number, number]>): number[] {
  const dist = new Array<number>(n).fill(Infinity);
  const done = new Array<boolean>(n).fill(false);
  for (const [s, c] of sources) dist[s] = Math.min(dist[s]!, c);
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (u === -1 || dist[i]! < dist[u]!)) u = i;
    if (u === -1) return dist;
    done[u] = true;
    for (const a of arcs) if (a.from === u && dist[u]! + a.cost < dist[a.to]!) dist[a.to] = dist[u]! + a.cost;
  }
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

export const stationArb = (prefix = 's', maxNodes = 14) =>
  fc
    .integer({ min: 2, max: maxNodes })
    .chain((n) =>
      fc.record({
        nodes: fc.array(fc.record({ locationType: fc.constantFrom(0, 0, 2, 3, 3), level: fc.integer({ min: -3, max: 0 }) }), { minLength: n, maxLength: n }),
        edges: fc.array(
          fc.record({
            from: fc.nat(n - 1),
            to: fc.nat(n - 1),
            mode: fc.constantFrom<StepMode>(...STEP_MODES),
            bidirectional: fc.boolean(),
            lengthM: maybe(fc.integer({ min: 1, max: 200 })),
            traversalTimeS: maybe(fc.integer({ min: 1, max: 300 })),
            stairCount: maybe(fc.integer({ min: -40, max: 40 })),
            maxSlope: maybe(fc.double({ min: -0.15, max: 0.15, noNaN: true })),
            minWidthM: maybe(fc.double({ min: 0.5, max: 3, noNaN: true })),
            stepHeightCm: maybe(fc.integer({ min: 0, max: 5 })),
            wideGate: maybe(fc.boolean()),
            handrail: maybe(fc.boolean()),
            tactile: maybe(fc.boolean()),
            audio: maybe(fc.boolean()),
            outdoor: fc.boolean(),
            status: fc.constantFrom('available', 'available', 'not_available', 'unknown', null),
          }),
          { minLength: 1, maxLength: n * 3 },
        ),
      }),
    )
    .map(({ nodes, edges }) => {
      const pathNodes: PathNode[] = nodes.map((x, i) => ({
        id: `${prefix}:n${i}`,
        name: `place ${i}`,
        locationType: x.locationType,
        parentId: null,
        levelId: `L${x.level}`,
        levelIndex: x.level,
        levelName: `B${-x.level}`,
      }));
      const facilities: FacilityState[] = [];
      const pathEdges: PathEdge[] = edges.map((e, k) => {
        const facilityId = e.status && ['elevator', 'escalator', 'stair_lift', 'travelator'].includes(e.mode) ? `${prefix}:f${k}` : null;
        if (facilityId && e.status) facilities.push({ id: facilityId, type: e.mode, name: null, status: e.status });
        return {
          id: `${prefix}:e${k}`,
          from: `${prefix}:n${e.from}`,
          to: `${prefix}:n${e.to}`,
          mode: e.mode,
          bidirectional: e.bidirectional,
          lengthM: e.lengthM,
          traversalTimeS: e.traversalTimeS,
          stairCount: e.stairCount,
          maxSlope: e.maxSlope,
          minWidthM: e.minWidthM,
          stepHeightCm: e.stepHeightCm,
          wideGate: e.wideGate,
          handrail: e.handrail,
          tactile: e.tactile,
          audio: e.audio,
          outdoor: e.outdoor,
          facilityId,
          signpostedAs: null,
          reversedSignpostedAs: null,
          platformBoarding: false,
          assistancePhone: null,
        };
      });
      return { nodes: pathNodes, edges: pathEdges, facilities };
    });
