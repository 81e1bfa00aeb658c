import type { ProfileId } from './route-types.js';
import type { StationRouter } from './station-router.js';

export type AccessDirection = 'in' | 'out';

/**
 * The cheapest way between the street (any entrance, GTFS location_type 2) and one platform of a station
 * interior for a profile: `in` from the street to the platform (the start of a journey), `out` from the
 * platform to the street (its end). `costS` is Infinity when no entrance is reachable; `entranceId` names
 * the entrance chosen. A station interior without any entrance gives `entrances: 0`.
 */
export function streetAccess(router: StationRouter, profile: ProfileId, platformStopId: string, direction: AccessDirection) {
  const platform = router.resolve(platformStopId);
  const entrances = router.graph.nodes.flatMap((n, i) => (n.locationType === 2 ? [i] : []));
  if (platform === undefined) return { costS: Infinity, entranceId: null, entrances: entrances.length };
  const table = router.table(profile);
  let best = Infinity;
  let chosen = -1;
  for (const e of entrances) {
    const c = direction === 'in' ? router.cost(table, e, platform) : router.cost(table, platform, e);
    if (c < best) {
      best = c;
      chosen = e;
    }
  }
  return { costS: best, entranceId: chosen === -1 ? null : router.graph.nodes[chosen]!.id, entrances: entrances.length };
}
