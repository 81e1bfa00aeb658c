import { system } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { type FacilityStatus, listFacilitiesFromSource, SEOUL_FILES, type SetFacilityStatusInput, writeStatusFeed } from '../../transit/index.js';
import { findPollState, savePollState } from '../store/live-status.repository.js';
import { fetchAll, OpenApiError } from './seoul-open-api.js';
import '../store/feed-tables.js';

/**
 * Seoul Metro's lift status, really live: the Open API service SeoulMetroFaciInfo (the same rows as the snapshot
 * file 서울교통공사_교통약자_이용시설_승강기_가동현황, with `USE_YN` 사용가능/보수중) polled every
 * TRANSIT_STATUS_POLL_SECONDS. Each status is written as a live operator status observed at the time the response
 * gives (its Date header), so it goes stale like any live status if polling stops. On an error the next attempt
 * waits twice as long each time (from the poll interval up to 30 minutes); the state is kept per service.
 */
export const SERVICE = 'SeoulMetroFaciInfo';
const STATUS: Record<string, FacilityStatus> = { 사용가능: 'available', 보수중: 'not_available' };
const MAX_BACKOFF_MS = 30 * 60_000;
export const pollBackoffMs = (intervalMs: number, failures: number) => Math.min(intervalMs * 2 ** failures, MAX_BACKOFF_MS);

export interface PollReport {
  polled: boolean;
  ok?: boolean;
  rows?: number;
  matched?: number;
  unmatched?: number;
  changed?: number;
  error?: string;
  nextAttemptAt?: string;
  sourceTime?: string | null;
}

const rowKey = (code: string, name: string, station: string) => `${code}|${name.replace(/^승강기\)/, '')}|${station}`;

export async function pollLiveStatus(services: Services, opts: { force?: boolean; pageSize?: number } = {}): Promise<PollReport> {
  const key = services.config.seoulOpenApiKey;
  if (!key) return { polled: false, error: 'SEOUL_OPEN_API_KEY is not set' };
  const now = services.now();
  const intervalMs = services.config.transitStatusPollSeconds * 1000;
  const state = await findPollState(services.db, SERVICE);
  if (state && !opts.force && state.next_attempt_at > now.toISOString()) return { polled: false, nextAttemptAt: state.next_attempt_at };
  const save = async (values: { failures: number; next: Date; ok: boolean; error: string | null; rows: number | null; sourceTime: string | null }) => {
    const row = {
      failures: values.failures,
      next_attempt_at: values.next.toISOString(),
      last_attempt_at: now.toISOString(),
      last_error: values.error,
      ...(values.ok ? { last_ok_at: now.toISOString(), last_rows: values.rows, last_source_time: values.sourceTime } : {}),
    };
    await savePollState(services.db, SERVICE, row);
  };
  const fail = async (error: string) => {
    const failures = (state?.failures ?? 0) + 1;
    const next = new Date(now.getTime() + pollBackoffMs(intervalMs, failures));
    await save({ failures, next, ok: false, error, rows: null, sourceTime: null });
    services.log.warn({ service: SERVICE, failures, error }, 'transit status poll failed');
    return { polled: true, ok: false, error, nextAttemptAt: next.toISOString() } satisfies PollReport;
  };
  let page: Awaited<ReturnType<typeof fetchAll>>;
  try {
    page = await fetchAll({ base: services.config.seoulOpenApiUrl, key, service: SERVICE, pageSize: opts.pageSize });
  } catch (error) {
    if (error instanceof OpenApiError) return fail(error.message);
    throw error;
  }
  const facilities = await listFacilitiesFromSource(services.db, SEOUL_FILES.elevators.file);
  const byKey = new Map<string, string[]>();
  for (const f of facilities) {
    const d = JSON.parse(f.details) as { stationCode?: string; stationName?: string };
    const k = rowKey(d.stationCode ?? '', f.name ?? '', d.stationName ?? '');
    byKey.set(k, [...(byKey.get(k) ?? []), f.id]);
  }
  const observedAt = page.sourceTime ?? now.toISOString();
  const statuses: SetFacilityStatusInput[] = [];
  let unmatched = 0;
  for (const r of page.rows) {
    const ids = byKey.get(rowKey(r.STN_CD ?? '', r.ELVTR_NM ?? '', r.STN_NM ?? ''));
    if (!ids) {
      unmatched++;
      continue;
    }
    for (const facilityId of ids) statuses.push({ facilityId, status: STATUS[r.USE_YN ?? ''] ?? 'unknown', observedAt });
  }
  if (!statuses.length) return fail(page.rows.length ? `none of the ${page.rows.length} rows matches a known facility` : 'the API gave no rows');
  try {
    const result = await writeStatusFeed(services, system(), statuses, 'operator_api');
    const next = new Date(now.getTime() + intervalMs);
    await save({ failures: 0, next, ok: true, error: null, rows: page.rows.length, sourceTime: page.sourceTime });
    return {
      polled: true,
      ok: true,
      rows: page.rows.length,
      matched: statuses.length,
      unmatched,
      changed: result.changed,
      nextAttemptAt: next.toISOString(),
      sourceTime: page.sourceTime,
    };
  } catch (error) {
    if (error instanceof AppError && (error.status === 409 || error.status === 422)) return fail(`${error.code}: ${error.message.slice(0, 300)}`);
    throw error;
  }
}

/** Polls while the server runs, when a key is configured (checks every 15 s whether a poll is due). */
export function startStatusPollJob(services: Services, everyMs = 15_000): () => void {
  if (!services.config.seoulOpenApiKey) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pollLiveStatus(services)
      .then(
        (r) => {
          if (r.polled && r.ok) services.log.info(r, 'transit live status polled');
        },
        (error: unknown) => services.log.error({ err: error }, 'transit live status poll crashed'),
      )
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
