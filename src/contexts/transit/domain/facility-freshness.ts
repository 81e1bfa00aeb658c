/**
 * Live status pushed by an operator is trusted only while the feed keeps talking: a status not confirmed for
 * longer than the configured time (TRANSIT_STATUS_STALE_MINUTES) is treated as unknown by routing and shown
 * as stale. Statuses from files and staff are not live and do not go stale this way.
 */
export const LIVE_SOURCES = ['operator_api', 'operator_feed'] as const;

export interface FacilityFreshness {
  status: string;
  stale: boolean;
  reportedStatus: string;
  setAt: string | null;
  staleAt: string | null;
}

export function effectiveStatus(f: { status: string; details: string }, now: Date, staleMinutes: number): FacilityFreshness {
  let d: { statusSource?: unknown; statusSetAt?: unknown } = {};
  try {
    d = JSON.parse(f.details) as typeof d;
  } catch {
    /* details are ours; a broken one is just not live */
  }
  const live = (LIVE_SOURCES as readonly unknown[]).includes(d.statusSource) && typeof d.statusSetAt === 'string';
  if (!live)
    return { status: f.status, stale: false, reportedStatus: f.status, setAt: typeof d.statusSetAt === 'string' ? d.statusSetAt : null, staleAt: null };
  const staleAt = new Date(Date.parse(d.statusSetAt as string) + staleMinutes * 60_000);
  const stale = now >= staleAt;
  return { status: stale ? 'unknown' : f.status, stale, reportedStatus: f.status, setAt: d.statusSetAt as string, staleAt: staleAt.toISOString() };
}
