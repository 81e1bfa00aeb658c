import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { facilityStatusPolicy } from '../domain/policy.js';
import { routingFor } from '../routing/routing-service.js';

export const FACILITY_STATUSES = ['available', 'not_available', 'partially_available', 'planned_outage', 'unknown'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

export interface SetFacilityStatusInput {
  facilityId: string;
  status: FacilityStatus;
  reason?: string;
  /** ISO date-time the operator expects it back in service. */
  expectedReturn?: string;
}

/**
 * Records a facility's live status (operator API or staff) with the audit trail, and drops the routes built
 * on the old status so that the next route and journey use the new one at once.
 */
export async function setFacilityStatus(services: Services, actor: Actor, input: SetFacilityStatusInput) {
  assertAllowed(actor, facilityStatusPolicy.canSet(actor), 'transit.facility.set_status');
  const at = services.now().toISOString();
  const result = await services.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('transit_facility').selectAll().where('id', '=', input.facilityId).executeTakeFirst();
    if (!before) throw notFound('facility');
    const details = { ...(JSON.parse(before.details) as Record<string, unknown>) };
    details.statusReason = input.reason ?? null;
    details.expectedReturn = input.expectedReturn ?? null;
    details.statusSource = actor.kind === 'api_key' ? 'operator_api' : 'staff';
    details.statusSetAt = at;
    await tx.updateTable('transit_facility').set({ status: input.status, details: JSON.stringify(details), updated_at: at }).where('id', '=', input.facilityId).execute();
    await recordAudit(tx, actor, {
      action: 'transit.facility.set_status', entityType: 'transit_facility', entityId: input.facilityId,
      before: { status: before.status }, after: { status: input.status, reason: input.reason ?? null, expectedReturn: input.expectedReturn ?? null },
    });
    return { id: before.id, stationId: before.station_id, type: before.type, name: before.name, status: input.status, previous: before.status, updatedAt: at, reason: input.reason ?? null, expectedReturn: input.expectedReturn ?? null };
  });
  routingFor(services).invalidateStation(result.stationId);
  return result;
}
