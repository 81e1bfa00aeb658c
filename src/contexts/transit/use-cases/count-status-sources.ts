import type { Services } from '../../../core/context.js';
import { describeStatusBasis } from '../domain/status-basis.js';
import { countsAsElevator } from '../seoul/city-elevators.js';
import { listElevatorSources } from '../store/facility.repository.js';

/** How many lifts' statuses rest on what: live (fresh), live gone stale, set by staff or a report, a dated file, an undated file. */
export interface StatusSourceCounts {
  live: number;
  stale: number;
  set: number;
  dated: number;
  undated: number;
}

export async function countLiftStatusSources(services: Services): Promise<StatusSourceCounts> {
  const rows = await listElevatorSources(services.db);
  const now = services.now();
  const out: StatusSourceCounts = { live: 0, stale: 0, set: 0, dated: 0, undated: 0 };
  for (const r of rows) {
    if (!countsAsElevator(JSON.parse(r.details) as Record<string, string>)) continue;
    const b = describeStatusBasis(r, now, services.config.transitStatusStaleMinutes);
    if (b.kind === 'live') out[b.stale ? 'stale' : 'live']++;
    else if (b.kind === 'snapshot') out[b.snapshot?.date ? 'dated' : 'undated']++;
    else out.set++;
  }
  return out;
}
