import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { isAdmin } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, forbidden, notFound, unauthenticated } from '../../../core/errors.js';
import { checkedAddresses, OutboundRefused } from '../../../core/http/outbound.js';
import { anyStewardOf } from '../store/steward.repository.js';
import { deactivateWebhook, findWebhook, insertWebhook, listActiveWebhooks, listRecentDeliveries } from '../store/webhook.repository.js';
import '../store/feed-tables.js';

export const WEBHOOK_SCOPES = ['public', 'organisation'] as const;
export type WebhookScope = (typeof WEBHOOK_SCOPES)[number];

/** Members of a transit operator or of any steward organisation (and admins): they may keep private webhooks. */
async function speaksForOrganisation(services: Services, actor: Actor) {
  if (isAdmin(actor)) return true;
  const orgs = actor.user?.memberships ?? [];
  if (orgs.some((m) => m.organisationType === 'transit_operator')) return true;
  if (!orgs.length) return false;
  const stewards = await anyStewardOf(
    services.db,
    orgs.map((m) => m.organisationId),
  );
  return !!stewards;
}

/**
 * Subscribes a URL to the change feed; the signing secret is shown once, here. Any developer with an API key may
 * follow the public changes (scope `public`: station versions, status changes, statuses gone stale); operators
 * and stewards may also keep `organisation` webhooks, which receive their organisation's private changes too.
 */
export async function registerWebhook(services: Services, actor: Actor, input: { url: unknown; organisationId?: string | null; scope?: WebhookScope }) {
  if (!actor.user) throw unauthenticated();
  const scope = input.scope ?? 'public';
  const organisationMember = await speaksForOrganisation(services, actor);
  if (scope === 'public' && actor.kind !== 'api_key' && !organisationMember)
    throw forbidden('subscribe to the change feed without an API key (create one in your account, then call with it)');
  if (scope === 'organisation' && !organisationMember)
    throw forbidden('keep a private webhook (transit operators and stewards; anyone with an API key may follow the public changes)');
  let url: URL;
  try {
    url = new URL(String(input.url ?? ''));
  } catch {
    throw new AppError('validation.failed', 'url: must be an http(s) address', 400, [
      { field: 'url', code: 'validation.url', message: 'must be an http(s) address' },
    ]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError('validation.failed', 'url: must start with https:// or http://', 400, [
      { field: 'url', code: 'validation.url', message: 'must start with https:// or http://' },
    ]);
  if (url.username || url.password)
    throw new AppError('validation.failed', 'url: must not carry a user name or password', 400, [
      { field: 'url', code: 'validation.url', message: 'must not carry credentials' },
    ]);
  // Checked by resolving the name now (and again at every delivery, since where a name points can change).
  try {
    if (!services.config.webhookAllowPrivate) await checkedAddresses(url, { allowPrivate: false });
  } catch (error) {
    if (!(error instanceof OutboundRefused)) throw error;
    const message =
      error.reason === 'unresolved'
        ? 'the host name does not resolve'
        : 'private, loopback, link-local, shared (100.64/10) and unspecified addresses are not allowed';
    throw new AppError('validation.failed', `url: ${message}`, 400, [{ field: 'url', code: 'validation.url', message }]);
  }
  const orgId = scope === 'organisation' ? (input.organisationId ?? actor.user.memberships[0]?.organisationId ?? null) : null;
  const row = {
    id: randomUUID(),
    organisation_id: orgId,
    owner_id: actor.user.id,
    url: url.toString(),
    secret: randomBytes(32).toString('hex'),
    active: 1,
    created_at: services.now().toISOString(),
    scope,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertWebhook(tx, row);
    await recordAudit(tx, actor, { action: 'transit.webhook.create', entityType: 'transit_webhook', entityId: row.id, after: { url: row.url } });
  });
  return { id: row.id, url: row.url, scope, secret: row.secret, createdAt: row.created_at };
}

export async function deleteWebhook(services: Services, actor: Actor, id: string) {
  if (!actor.user) throw unauthenticated();
  const row = await findWebhook(services.db, id);
  if (row?.active !== 1) throw notFound('webhook');
  if (!isAdmin(actor) && row.owner_id !== actor.user.id && !actor.user.memberships.some((m) => m.organisationId === row.organisation_id))
    throw forbidden('remove this webhook');
  await services.db.transaction().execute(async (tx) => {
    await deactivateWebhook(tx, id);
    await recordAudit(tx, actor, { action: 'transit.webhook.delete', entityType: 'transit_webhook', entityId: id });
  });
  return { id, active: false };
}

/** The caller's webhooks with their recent delivery outcomes (never the secret again). */
export async function listWebhooks(services: Services, actor: Actor) {
  if (!actor.user) throw unauthenticated();
  const hooks = await listActiveWebhooks(
    services.db,
    isAdmin(actor) ? undefined : { userId: actor.user.id, organisationIds: actor.user.memberships.map((m) => m.organisationId) },
  );
  const out = [];
  for (const h of hooks) {
    const deliveries = await listRecentDeliveries(services.db, h.id);
    out.push({ id: h.id, url: h.url, scope: h.scope, createdAt: h.created_at, deliveries });
  }
  return out;
}
