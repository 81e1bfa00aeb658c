import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { facilityStatusPolicy } from '../domain/policy.js';
import { routingFor } from '../routing/routing-service.js';
import { recordChange } from '../upkeep/record-change.js';

export const FACILITY_STATUSES = ['available', 'not_available', 'partially_available', 'planned_outage', 'unknown'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

export interface SetFacilityStatusInput {
  facilityId: string;
  status: FacilityStatus;
  reason?: string;
  /** ISO date-time the operator expects it back in service. */
  expectedReturn?: string;
}

/** Where a status came from: an operator's system (live, goes stale when it stops talking), staff, or a confirmed citizen report. */
export type StatusSource = 'operator_api' | 'operator_feed' | 'staff' | 'citizen_report';

/** Writes one status with its audit entry and change-feed entry, in the caller's transaction. */
export async function applyFacilityStatus(tx: DbOrTx, services: Services, actor: Actor, input: SetFacilityStatusInput, at: string, source: StatusSource) {
  const before = await tx.selectFrom('transit_facility').selectAll().where('id', '=', input.facilityId).executeTakeFirst();
  if (!before) throw notFound('facility');
  const details = { ...(JSON.parse(before.details) as Record<string, unknown>) };
  details.statusReason = input.reason ?? null;
  details.expectedReturn = input.expectedReturn ?? null;
  details.statusSource = source;
  details.statusSetAt = at;
  await tx.updateTable('transit_facility').set({ status: input.status, details: JSON.stringify(details), updated_at: at }).where('id', '=', input.facilityId).execute();
  await recordAudit(tx, actor, {
    action: 'transit.facility.set_status', entityType: 'transit_facility', entityId: input.facilityId,
    before: { status: before.status }, after: { status: input.status, reason: input.reason ?? null, expectedReturn: input.expectedReturn ?? null, source },
  });
  const result = { id: before.id, stationId: before.station_id, type: before.type, name: before.name, status: input.status, previous: before.status, updatedAt: at, reason: input.reason ?? null, expectedReturn: input.expectedReturn ?? null, source };
  if (before.status !== input.status) {
    await recordChange(tx, services.dialect, { kind: 'facility_status', stationId: before.station_id, ref: before.id, at, payload: result });
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

/** The feed's statuses written all or nothing, once the caller is known to speak for the operator (policy or signature). */
export async function writeStatusFeed(services: Services, actor: Actor, statuses: SetFacilityStatusInput[], source: StatusSource) {
  if (!statuses.length) throw new AppError('validation.failed', 'statuses: give at least one status', 400);
  const ids = [...new Set(statuses.map((s) => s.facilityId))];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await services.db.selectFrom('transit_facility').select('id').where('id', 'in', ids.slice(i, i + 500)).execute()) known.add(r.id);
  }
  const bad = statuses.map((s, i) => ({ s, i })).filter(({ s }) => !known.has(s.facilityId));
  if (bad.length) {
    throw new AppError('validation.failed', bad.slice(0, 20).map(({ s, i }) => `statuses[${i}].facilityId: no facility "${s.facilityId}"`).join('; '), 400,
      bad.map(({ s, i }) => ({ field: `statuses[${i}].facilityId`, code: 'validation.choice', message: `no facility "${s.facilityId}"` })));
  }
  const at = services.now().toISOString();
  const results = await services.db.transaction().execute(async (tx) => {
    const out = [];
    for (const s of statuses) out.push(await applyFacilityStatus(tx, services, actor, s, at, source));
    return out;
  });
  for (const stationId of new Set(results.map((r) => r.stationId))) routingFor(services).invalidateStation(stationId);
  return { received: results.length, changed: results.filter((r) => r.previous !== r.status).length, at };
}
