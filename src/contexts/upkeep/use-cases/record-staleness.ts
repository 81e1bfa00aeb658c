import type { Services } from '../../../core/context.js';
import { facilityFacts } from '../../transit/index.js';
import { claimStaleness, findLiveObservedAt, listStaleDue, setStalenessChange } from '../store/live-status.repository.js';
import { recordChange } from './record-change.js';
import '../store/feed-tables.js';

/**
 * Staleness is an event: a live status not confirmed for TRANSIT_STATUS_STALE_MINUTES becomes unknown at
 * observedAt + that time, and that moment is recorded once (append-only, one row per observed status) with a
 * change-feed entry (status unknown, `unknownSince`), which queues the webhooks. Pages, the facility API and the
 * alerts compute the same moment from the same observed time, so every channel says "unknown since …" alike; the
 * change feed and the webhook sender run this first, so they never lag behind.
 */
export async function recordStaleness(services: Services): Promise<number> {
  const now = services.now();
  const staleMs = services.config.transitStatusStaleMinutes * 60_000;
  const cutoff = new Date(now.getTime() - staleMs).toISOString();
  const stale = await listStaleDue(services.db, cutoff);
  // Each facility's station, type, name and details from transit's read model (one query for the batch); a live
  // status whose facility is gone is left out.
  const facts = await facilityFacts(
    services.db,
    stale.map((l) => l.facility_id),
  );
  const due = stale.flatMap((l) => {
    const f = facts.get(l.facility_id);
    return f ? [{ ...l, station_id: f.station_id, type: f.type, name: f.name, details: f.details }] : [];
  });
  let recorded = 0;
  for (const r of due) {
    const unknownSince = new Date(Date.parse(r.observed_at) + staleMs).toISOString();
    const d = JSON.parse(r.details) as { statusReason?: string | null; expectedReturn?: string | null };
    const done = await services.db.transaction().execute(async (tx) => {
      // The live status may have been confirmed meanwhile: only the one still held goes stale.
      if ((await findLiveObservedAt(tx, r.facility_id)) !== r.observed_at) return false;
      const claimed = await claimStaleness(tx, {
        facility_id: r.facility_id,
        observed_at: r.observed_at,
        status: r.status,
        stale_since: unknownSince,
        recorded_at: now.toISOString(),
      });
      if (!claimed) return false;
      if (r.status === 'unknown') return true; // it said unknown already: nothing changes for anyone
      const seq = await recordChange(tx, services.dialect, {
        kind: 'facility_status',
        stationId: r.station_id,
        ref: r.facility_id,
        at: unknownSince,
        payload: {
          id: r.facility_id,
          stationId: r.station_id,
          type: r.type,
          name: r.name,
          status: 'unknown',
          previous: r.status,
          stale: true,
          unknownSince,
          observedAt: r.observed_at,
          updatedAt: unknownSince,
          reason: null,
          lastReason: d.statusReason ?? null,
          expectedReturn: d.expectedReturn ?? null,
          source: r.source,
        },
      });
      await setStalenessChange(tx, r.facility_id, r.observed_at, seq);
      return true;
    });
    if (done) recorded++;
  }
  return recorded;
}

/** Records staleness every few seconds while the server runs (readers of the feed also trigger it). */
export function startStalenessJob(services: Services, everyMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    recordStaleness(services)
      .then(
        (n) => {
          if (n) services.log.info({ n }, 'transit statuses gone stale');
        },
        (error: unknown) => services.log.error({ err: error }, 'transit staleness sweep failed'),
      )
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
