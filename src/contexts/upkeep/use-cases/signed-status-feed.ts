import { createHash, randomBytes } from 'node:crypto';
import { isAdmin, system, type Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, forbidden, notFound, unauthenticated } from '../../../core/errors.js';
import { findOrganisationBySlug } from '../../accounts/index.js';
import {
  advanceFeedSequence,
  findFeedSequence,
  findPush,
  findStatusFeed,
  insertPush,
  markFeedReceived,
  upsertFeedSecret,
} from '../store/live-status.repository.js';
import { FACILITY_STATUSES, type SetFacilityStatusInput, writeStatusFeed } from '../../transit/index.js';
import { verifySignature } from './webhook-signature.js';
import '../store/feed-tables.js';

/**
 * An operator's system pushes facility status as signed webhooks (the same scheme as ours: t=…,v1=HMAC-SHA256
 * over `t.body` with a shared secret), for systems that cannot hold an API key. A forged, altered or replayed
 * push is refused with the reason and changes nothing.
 */
async function operator(services: Services, slug: string) {
  const org = await findOrganisationBySlug(services.db, slug);
  if (org?.type !== 'transit_operator') throw notFound('operator');
  return org;
}

/** Creates or rotates the operator's shared secret (shown once): its organisation admins and platform admins. */
export async function rotateFeedSecret(services: Services, actor: Actor, slug: string) {
  if (!actor.user) throw unauthenticated();
  const org = await operator(services, slug);
  if (!isAdmin(actor) && !actor.user.memberships.some((m) => m.organisationId === org.id && m.role === 'admin'))
    throw forbidden("manage this operator's status feed");
  const secret = randomBytes(32).toString('hex');
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await upsertFeedSecret(tx, org.id, secret, at);
    await recordAudit(tx, actor, { action: 'transit.status_feed.rotate_secret', entityType: 'accounts_organisation', entityId: org.id });
  });
  return { operator: org.slug, secret, createdAt: at };
}

const REASONS = {
  missing: 'the X-Open-Seoul-Signature header is missing',
  malformed: 'the X-Open-Seoul-Signature header is not "t=<unix seconds>,v1=<64 hex>"',
  expired: "the signature's timestamp is more than 5 minutes from now (a replay, or a wrong clock)",
  mismatch: 'the signature does not match the body (a wrong secret, or the body was altered)',
} as const;

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

/** Checks the body's shape: { id?, sequence?, observedAt?, statuses: [{ facilityId, status, reason?, expectedReturn?, observedAt? }] }. */
function readPush(rawBody: string) {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    throw new AppError('validation.failed', 'body: not JSON', 400);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('validation.failed', 'body: must be a JSON object', 400);
  const statuses = Array.isArray(body.statuses) ? (body.statuses as unknown[]) : [];
  const issues = statuses.flatMap((s: unknown, i) => {
    const x = (s ?? {}) as Record<string, unknown>;
    const out = [];
    if (typeof x.facilityId !== 'string' || !x.facilityId) out.push({ field: `statuses[${i}].facilityId`, code: 'validation.required', message: 'required' });
    if (!(FACILITY_STATUSES as readonly unknown[]).includes(x.status))
      out.push({ field: `statuses[${i}].status`, code: 'validation.choice', message: `one of ${FACILITY_STATUSES.join(', ')}` });
    if (x.observedAt !== undefined && !isDate(x.observedAt))
      out.push({ field: `statuses[${i}].observedAt`, code: 'validation.date_time', message: 'an ISO date-time with its offset' });
    if (x.expectedReturn !== undefined && x.expectedReturn !== null && !isDate(x.expectedReturn))
      out.push({ field: `statuses[${i}].expectedReturn`, code: 'validation.date_time', message: 'an ISO date-time with its offset' });
    return out;
  });
  if (!statuses.length) issues.push({ field: 'statuses', code: 'validation.required', message: 'give at least one status' });
  if (body.observedAt !== undefined && !isDate(body.observedAt))
    issues.push({ field: 'observedAt', code: 'validation.date_time', message: 'an ISO date-time with its offset' });
  if (body.id !== undefined && (typeof body.id !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(body.id)))
    issues.push({ field: 'id', code: 'validation.format', message: '1 to 200 printable ASCII characters, no spaces' });
  if (body.sequence !== undefined && !(Number.isSafeInteger(body.sequence) && (body.sequence as number) >= 0))
    issues.push({ field: 'sequence', code: 'validation.integer', message: 'a whole number, 0 or more' });
  if (issues.length) throw new AppError('validation.failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), 400, issues);
  if (body.id === undefined && body.sequence === undefined) {
    throw new AppError(
      'transit.push_id_required',
      'A signed push must carry a unique "id" or a strictly increasing "sequence": without one a replayed push cannot be told from a new one',
      422,
      [{ field: 'id', code: 'validation.required', message: 'give "id" (unique per push) or "sequence" (greater than the last one)' }],
    );
  }
  const observedAt = body.observedAt as string | undefined;
  return {
    id: body.id as string | undefined,
    sequence: body.sequence as number | undefined,
    statuses: (statuses as Array<Record<string, unknown>>).map(
      (x) => ({ ...x, observedAt: (x.observedAt as string | undefined) ?? observedAt }) as SetFacilityStatusInput,
    ),
  };
}

/**
 * A signed push, accepted once: its id (or sequence) is recorded in the same transaction as its statuses, so a
 * replay — even within the signature's 5 minutes — is refused (409 transit.push_replayed) and changes nothing; a
 * sequence not greater than the last accepted one is refused (409 transit.push_out_of_order); a status observed
 * before the one we hold never overwrites it (409 transit.status_outdated).
 */
export async function receiveSignedStatusFeed(services: Services, input: { slug: string; rawBody: string; signature: string | undefined }) {
  const org = await operator(services, input.slug);
  const feed = await findStatusFeed(services.db, org.id);
  if (!feed) throw new AppError('transit.signature_invalid', 'This operator has no signed status feed set up', 401);
  const check = verifySignature(feed.secret, input.signature, input.rawBody, services.now());
  if (!check.ok) throw new AppError('transit.signature_invalid', `Signature refused: ${REASONS[check.reason]}`, 401, { reason: check.reason });
  const push = readPush(input.rawBody);
  const pushId = push.id ?? `seq:${push.sequence}`;
  const at = services.now().toISOString();
  const result = await writeStatusFeed(services, system(), push.statuses, 'operator_feed', {
    beforeWrite: async (tx) => {
      const seen = await findPush(tx, org.id, pushId);
      if (seen)
        throw new AppError(
          'transit.push_replayed',
          `This push (${push.id !== undefined ? `id "${push.id}"` : `sequence ${push.sequence}`}) was already accepted at ${seen.received_at}: a replay changes nothing`,
          409,
          { pushId, acceptedAt: seen.received_at },
        );
      if (push.sequence !== undefined) {
        if (!(await advanceFeedSequence(tx, org.id, push.sequence))) {
          const last = await findFeedSequence(tx, org.id);
          throw new AppError(
            'transit.push_out_of_order',
            `Sequence ${push.sequence} is not greater than the last accepted one (${Number(last?.last_sequence)}): an old or replayed push changes nothing`,
            409,
            { sequence: push.sequence, lastSequence: Number(last?.last_sequence) },
          );
        }
      }
      const inserted = await insertPush(tx, {
        organisation_id: org.id,
        push_id: pushId,
        sequence: push.sequence ?? null,
        body_sha256: createHash('sha256').update(input.rawBody).digest('hex'),
        statuses: push.statuses.length,
        received_at: at,
      });
      if (!inserted)
        throw new AppError('transit.push_replayed', `This push (${pushId}) is being accepted by another request: a replay changes nothing`, 409, { pushId });
    },
  });
  await markFeedReceived(services.db, org.id, result.at);
  return { operator: org.slug, pushId, ...result };
}
