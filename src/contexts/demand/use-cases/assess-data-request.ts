import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { MAX_ASSESSMENT } from '../domain/priority.js';
import { demandPolicy } from '../domain/policy.js';
import { findRequest, updateRequest } from '../store/request.repository.js';

/** A whole number from 0 to 3, from JSON or a form. */
function level(c: Checker, field: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_ASSESSMENT) {
    c.add(field, value === undefined || value === '' ? 'validation.required' : 'validation.range');
    return 0;
  }
  return n;
}

/** The department's official rates feasibility and reuse potential (0–3 each), two parts of the priority score. */
export async function assessDataRequest(services: Services, actor: Actor, input: { requestId: string; feasibility: unknown; reuse: unknown }) {
  const request = await findRequest(services.db, input.requestId);
  assertAllowed(actor, demandPolicy.canAssess(actor, request), 'assess this data request');
  const c = new Checker();
  const feasibility = level(c, 'feasibility', input.feasibility);
  const reuse = level(c, 'reuse', input.reuse);
  c.done();
  const at = services.now().toISOString();
  const after = { feasibility, reuse_potential: reuse, assessed_by: actor.user?.id ?? null, assessed_at: at, updated_at: at };
  await services.db.transaction().execute(async (tx) => {
    await updateRequest(tx, request.id, after);
    await recordAudit(tx, actor, {
      action: 'demand.assess_request',
      entityType: 'demand_request',
      entityId: request.id,
      before: { feasibility: request.feasibility, reuse_potential: request.reuse_potential },
      after,
    });
  });
  return { ...request, ...after };
}
