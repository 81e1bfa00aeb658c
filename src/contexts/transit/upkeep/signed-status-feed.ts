import { randomBytes } from 'node:crypto';
import { isAdmin, system, type Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, forbidden, notFound, unauthenticated } from '../../../core/errors.js';
import { FACILITY_STATUSES, writeStatusFeed, type SetFacilityStatusInput } from '../use-cases/set-facility-status.js';
import { verifySignature } from './webhook-signature.js';

/**
 * An operator's system pushes facility status as signed webhooks (the same scheme as ours: t=…,v1=HMAC-SHA256
 * over `t.body` with a shared secret), for systems that cannot hold an API key. A forged, altered or replayed
 * push is refused with the reason and changes nothing.
 */
async function operator(services: Services, slug: string) {
  const org = await services.db.selectFrom('accounts_organisation').select(['id', 'slug', 'type']).where('slug', '=', slug).executeTakeFirst();
  if (!org || org.type !== 'transit_operator') throw notFound('operator');
  return org;
}

/** Creates or rotates the operator's shared secret (shown once): its organisation admins and platform admins. */
export async function rotateFeedSecret(services: Services, actor: Actor, slug: string) {
  if (!actor.user) throw unauthenticated();
  const org = await operator(services, slug);
  if (!isAdmin(actor) && !actor.user.memberships.some((m) => m.organisationId === org.id && m.role === 'admin')) throw forbidden('manage this operator\'s status feed');
  const secret = randomBytes(32).toString('hex');
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await tx.insertInto('transit_status_feed').values({ organisation_id: org.id, secret, created_at: at, last_received_at: null })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ secret, created_at: at })).execute();
    await recordAudit(tx, actor, { action: 'transit.status_feed.rotate_secret', entityType: 'accounts_organisation', entityId: org.id });
  });
  return { operator: org.slug, secret, createdAt: at };
}

const REASONS = {
  missing: 'the X-Open-Seoul-Signature header is missing',
  malformed: 'the X-Open-Seoul-Signature header is not "t=<unix seconds>,v1=<64 hex>"',
  expired: 'the signature\'s timestamp is more than 5 minutes from now (a replay, or a wrong clock)',
  mismatch: 'the signature does not match the body (a wrong secret, or the body was altered)',
} as const;

export async function receiveSignedStatusFeed(services: Services, input: { slug: string; rawBody: string; signature: string | undefined }) {
  const org = await operator(services, input.slug);
  const feed = await services.db.selectFrom('transit_status_feed').selectAll().where('organisation_id', '=', org.id).executeTakeFirst();
  if (!feed) throw new AppError('transit.signature_invalid', 'This operator has no signed status feed set up', 401);
  const check = verifySignature(feed.secret, input.signature, input.rawBody, services.now());
  if (!check.ok) throw new AppError('transit.signature_invalid', `Signature refused: ${REASONS[check.reason]}`, 401, { reason: check.reason });
  let body: { statuses?: unknown };
  try {
    body = JSON.parse(input.rawBody) as { statuses?: unknown };
  } catch {
    throw new AppError('validation.failed', 'body: not JSON', 400);
  }
  const statuses = Array.isArray(body.statuses) ? body.statuses : [];
  const issues = statuses.flatMap((s: unknown, i) => {
    const x = (s ?? {}) as Record<string, unknown>;
    const out = [];
    if (typeof x.facilityId !== 'string' || !x.facilityId) out.push({ field: `statuses[${i}].facilityId`, code: 'validation.required', message: 'required' });
    if (!(FACILITY_STATUSES as readonly unknown[]).includes(x.status)) out.push({ field: `statuses[${i}].status`, code: 'validation.choice', message: `one of ${FACILITY_STATUSES.join(', ')}` });
    return out;
  });
  if (!statuses.length) issues.push({ field: 'statuses', code: 'validation.required', message: 'give at least one status' });
  if (issues.length) throw new AppError('validation.failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), 400, issues);
  const result = await writeStatusFeed(services, system(), statuses as SetFacilityStatusInput[], 'operator_feed');
  await services.db.updateTable('transit_status_feed').set({ last_received_at: result.at }).where('organisation_id', '=', org.id).execute();
  return { operator: org.slug, ...result };
}
