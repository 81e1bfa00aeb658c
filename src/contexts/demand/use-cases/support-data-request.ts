import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { followItem } from '../../accountability/index.js';
import { assertAllowed } from '../../accounts/index.js';
import { demandPolicy } from '../domain/policy.js';
import { DISTRICT_IDS, SUPPORTER_GROUPS, type DistrictId, type SupporterGroup } from '../domain/vocabularies.js';
import { findRequest, findSupport, insertSupport, touchRequest } from '../store/request.repository.js';
import { SUBJECT_TYPE, type SupportRow } from '../store/tables.js';

const alreadySupported = () => new AppError('demand.already_supported', 'You already support this request', 409);

/**
 * Supports a request once per person, saying from which district and as which group, so that the request's
 * representativeness can be shown; supporters follow the request's answer and publication.
 */
export async function supportDataRequest(
  services: Services,
  actor: Actor,
  input: { requestId: string; district: unknown; group: unknown },
): Promise<SupportRow> {
  assertAllowed(actor, demandPolicy.canSupport(actor), 'support data requests');
  const c = new Checker();
  const district = c.oneOf<DistrictId>('district', input.district, DISTRICT_IDS);
  const group = c.oneOf<SupporterGroup>('group', input.group, SUPPORTER_GROUPS);
  c.done();
  const request = await findRequest(services.db, input.requestId);
  if (request.author_id === actor.user!.id) throw new AppError('demand.own_request', 'You cannot support your own request', 409);
  return services.db.transaction().execute(async (tx) => {
    const already = await findSupport(tx, request.id, actor.user!.id);
    if (already) throw alreadySupported();
    const row: SupportRow = { request_id: request.id, user_id: actor.user!.id, district, supporter_group: group, created_at: services.now().toISOString() };
    await insertSupport(tx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadySupported() : error;
    });
    await followItem(tx, { subjectType: SUBJECT_TYPE, subjectId: request.id, userId: actor.user!.id });
    await touchRequest(tx, request.id, row.created_at);
    await recordAudit(tx, actor, { action: 'demand.support_request', entityType: 'demand_request', entityId: request.id, after: { district, group } });
    return row;
  });
}
