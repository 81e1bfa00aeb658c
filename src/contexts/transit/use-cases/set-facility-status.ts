import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { facilityStatusPolicy } from '../domain/policy.js';
import { routingFor } from '../routing/routing-service.js';
import { effectiveStatus, LIVE_SOURCES } from '../domain/facility-freshness.js';
import { transitPorts } from '../domain/ports.js';
import { findFacility, listFacilityStatusDetails, updateFacilityStatus } from '../store/facility.repository.js';

export const FACILITY_STATUSES = ['available', 'not_available', 'partially_available', 'planned_outage', 'unknown'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

export interface SetFacilityStatusInput {
  facilityId: string;
  status: FacilityStatus;
  reason?: string;
  /** ISO date-time the operator expects it back in service. */
  expectedReturn?: string;
  /** ISO date-time the source observed this status (default: when we receive it). */
  observedAt?: string;
}

/** Where a status came from: an operator's system (live, goes stale when it stops talking), staff, or a confirmed citizen report. */
export type StatusSource = 'operator_api' | 'operator_feed' | 'staff' | 'citizen_report';

/** Live sources: their statuses go stale when not confirmed, and are kept in transit_live_status for the staleness sweep. */
const isLive = (source: StatusSource) => (LIVE_SOURCES as readonly string[]).includes(source);

/**
 * Writes one status with its audit entry and change-feed entry, in the caller's transaction. `observedAt` is the
 * time the source says it saw the status (default: now); the outage start (`statusSince`) is kept while the same
 * status is confirmed. A status that had gone stale and is confirmed again is a change (unknown → the status).
 */
export async function applyFacilityStatus(tx: DbOrTx, services: Services, actor: Actor, input: SetFacilityStatusInput, at: string, source: StatusSource) {
  const before = await findFacility(tx, input.facilityId);
  if (!before) throw notFound('facility');
  const observedAt = input.observedAt ? new Date(input.observedAt).toISOString() : at;
  const prev = effectiveStatus(before, new Date(at), services.config.transitStatusStaleMinutes);
  const old = JSON.parse(before.details) as Record<string, unknown>;
  const details = { ...old };
  const keepSince = before.status === input.status && !prev.stale && typeof details.statusSince === 'string';
  details.statusReason = input.reason ?? null;
  details.expectedReturn = input.expectedReturn ?? null;
  details.statusSource = source;
  details.statusSetAt = observedAt;
  details.statusReceivedAt = at;
  details.statusSince = keepSince ? details.statusSince : observedAt;
  await updateFacilityStatus(tx, input.facilityId, { status: input.status, details: JSON.stringify(details), updated_at: at });
  if (isLive(source)) {
    await transitPorts().liveStatus.record(tx, { facility_id: before.id, status: input.status, source, observed_at: observedAt, received_at: at });
  } else {
    await transitPorts().liveStatus.forget(tx, before.id);
  }
  const confirmation =
    prev.status === input.status && details.statusReason === (old.statusReason ?? null) && details.expectedReturn === (old.expectedReturn ?? null);
  // A confirmation of the same status (a feed or a poll every minute) keeps it fresh without an audit entry each time.
  if (!confirmation)
    await recordAudit(tx, actor, {
      action: 'transit.facility.set_status',
      entityType: 'transit_facility',
      entityId: input.facilityId,
      before: { status: before.status },
      after: { status: input.status, reason: input.reason ?? null, expectedReturn: input.expectedReturn ?? null, source, observedAt },
    });
  const result = {
    id: before.id,
    stationId: before.station_id,
    type: before.type,
    name: before.name,
    status: input.status,
    previous: prev.status,
    updatedAt: at,
    observedAt,
    since: details.statusSince as string,
    reason: input.reason ?? null,
    expectedReturn: input.expectedReturn ?? null,
    source,
  };
  if (prev.status !== input.status) {
    await transitPorts().changeFeed.recordStatusChange(tx, services.dialect, { stationId: before.station_id, ref: before.id, at, payload: result });
  }
  return result;
}

/**
 * Records a facility's live status (operator API or staff) with the audit trail, and drops the routes built
 * on the old status so that the next route and journey use the new one at once.
 */
export async function setFacilityStatus(services: Services, actor: Actor, input: SetFacilityStatusInput) {
  assertAllowed(actor, facilityStatusPolicy.canSet(actor), 'transit.facility.set_status');
  const at = services.now().toISOString();
  const source: StatusSource = actor.kind === 'api_key' ? 'operator_api' : 'staff';
  const result = await services.db.transaction().execute((tx) => applyFacilityStatus(tx, services, actor, input, at, source));
  routingFor(services).invalidateStation(result.stationId);
  return result;
}

/**
 * An operator's feed: many statuses at once, all or nothing. Each is checked first (facility known, status
 * valid); a bad row names its index and nothing is written. Re-sending the same status confirms it (keeps it
 * fresh) without a change-feed entry.
 */
export async function pushStatusFeed(services: Services, actor: Actor, statuses: SetFacilityStatusInput[]) {
  assertAllowed(actor, facilityStatusPolicy.canSet(actor), 'transit.facility.set_status');
  return writeStatusFeed(services, actor, statuses, actor.kind === 'api_key' ? 'operator_api' : 'operator_feed');
}

/** How far ahead of our clock a source's observed time may be (clock skew) before it is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface WriteFeedOptions {
  /** Runs first in the write's transaction (a signed push records its id there, so a replay and its write are one). */
  beforeWrite?: (tx: DbOrTx) => Promise<void>;
}

/**
 * The feed's statuses written all or nothing, once the caller is known to speak for the operator (policy or
 * signature). A status observed before the facility's current one never overwrites it: the whole feed is refused
 * (409 transit.status_outdated, naming each); one observed in the future is refused (422 transit.observed_in_future).
 */
export async function writeStatusFeed(services: Services, actor: Actor, statuses: SetFacilityStatusInput[], source: StatusSource, opts: WriteFeedOptions = {}) {
  if (!statuses.length) throw new AppError('validation.failed', 'statuses: give at least one status', 400);
  const at = services.now().toISOString();
  const future = statuses.map((s, i) => ({ s, i })).filter(({ s }) => s.observedAt && Date.parse(s.observedAt) > Date.parse(at) + FUTURE_TOLERANCE_MS);
  if (future.length) {
    throw new AppError(
      'transit.observed_in_future',
      `${future
        .slice(0, 20)
        .map(({ s, i }) => `statuses[${i}].observedAt ${s.observedAt} is after now (${at})`)
        .join('; ')}: a wrong clock at the source?`,
      422,
      future.map(({ s, i }) => ({ field: `statuses[${i}].observedAt`, observedAt: s.observedAt, now: at })),
    );
  }
  const ids = [...new Set(statuses.map((s) => s.facilityId))];
  const results = await services.db.transaction().execute(async (tx) => {
    if (opts.beforeWrite) await opts.beforeWrite(tx);
    const current = new Map<string, string | null>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await listFacilityStatusDetails(tx, ids.slice(i, i + 500))) {
        current.set(r.id, effectiveStatus(r, new Date(at), services.config.transitStatusStaleMinutes).setAt);
      }
    }
    const bad = statuses.map((s, i) => ({ s, i })).filter(({ s }) => !current.has(s.facilityId));
    if (bad.length) {
      throw new AppError(
        'validation.failed',
        bad
          .slice(0, 20)
          .map(({ s, i }) => `statuses[${i}].facilityId: no facility "${s.facilityId}"`)
          .join('; '),
        400,
        bad.map(({ s, i }) => ({ field: `statuses[${i}].facilityId`, code: 'validation.choice', message: `no facility "${s.facilityId}"` })),
      );
    }
    const observed = (s: SetFacilityStatusInput) => (s.observedAt ? new Date(s.observedAt).toISOString() : at);
    const outdated = statuses.map((s, i) => ({ s, i, was: current.get(s.facilityId) ?? null })).filter(({ s, was }) => was !== null && observed(s) < was);
    if (outdated.length) {
      throw new AppError(
        'transit.status_outdated',
        `${outdated
          .slice(0, 20)
          .map(({ s, i, was }) => `statuses[${i}] (${s.facilityId}) was observed at ${observed(s)}, before the status we hold (observed at ${was})`)
          .join('; ')}: an older status never overwrites a newer one, nothing was changed`,
        409,
        outdated.map(({ s, i, was }) => ({ field: `statuses[${i}]`, facilityId: s.facilityId, observedAt: observed(s), currentObservedAt: was })),
      );
    }
    const out = [];
    for (const s of statuses) out.push(await applyFacilityStatus(tx, services, actor, s, at, source));
    return out;
  });
  for (const stationId of new Set(results.map((r) => r.stationId))) routingFor(services).invalidateStation(stationId);
  return { received: results.length, changed: results.filter((r) => r.previous !== r.status).length, at };
}
