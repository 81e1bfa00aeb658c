import type { DerivedEdge, DerivedInterior, DerivedNode, InteriorTransfer, Provenance } from './derived-interior-model.js';
import { levelName } from './derived-interior-model.js';
import { lineLabel, type LinePlatforms, type Placed } from './platform-directions.js';

/** What the transfer walkways are derived from and added to: the interior being derived (deriveInterior's state). */
export interface WalkwayContext {
  sid: string;
  transfers: InteriorTransfer[];
  /** Platforms per line. */
  plans: Map<string, LinePlatforms>;
  /** The elevators and escalators placed, with their levels. */
  vertical: Placed[];
  nodes: Map<string, DerivedNode>;
  /** The pathways so far (the elevators and escalators); the walkways are appended. */
  edges: DerivedEdge[];
  omitted: DerivedInterior['omitted'];
  prov: (files: string[], extra?: Omit<Provenance, 'source' | 'method' | 'files' | 'derivedAt'>) => Provenance;
  /** The place where the elevators and escalators stop on a level: the concourse or the level's junction, if derived. */
  hubAt: (level: number) => string | null;
}

/**
 * Adds the transfer walkways between the platforms of two lines (length and time from the transfer table), and,
 * between platforms on different levels that the elevators and escalators would join with one more step, the
 * walk on each platform's level to where they stop (see derive-interior.ts).
 */
export function addTransferWalkways(c: WalkwayContext): void {
  const { sid, plans, vertical, nodes, edges, omitted, prov, hubAt } = c;
  const local = (stopId: string) => (stopId.startsWith(`${sid}:`) ? stopId.slice(sid.length + 1) : stopId);
  // Transfer walkways join every platform of one line to every platform of the other (the table gives one
  // length and time per pair of lines); one-way pairs when the two directions differ.
  const pairs = new Map<string, InteriorTransfer[]>();
  for (const t of c.transfers) {
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
