import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../core/db/database.js';
import type { Insertable } from 'kysely';
import type { WebhookRow } from './tables.js';
import './tables.js';

/** Webhooks apps register, and the deliveries of each change to each of them (claimed with a lease). */

/** Queues one delivery of a change per active webhook (at `at`). */
export async function queueDeliveries(tx: DbOrTx, changeSeq: number, at: string) {
  const hooks = await tx.selectFrom('transit_webhook').select('id').where('active', '=', 1).execute();
  if (!hooks.length) return;
  await tx
    .insertInto('transit_webhook_delivery')
    .values(
      hooks.map((h) => ({
        id: randomUUID(),
        webhook_id: h.id,
        change_seq: changeSeq,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        lease_until: null,
        last_status: null,
        last_error: null,
        delivered_at: null,
      })),
    )
    .execute();
}

/** Pending deliveries due at `at` and not leased, with their webhook and change, in change order. */
export const listDueDeliveries = (db: DbOrTx, at: string, limit: number) =>
  db
    .selectFrom('transit_webhook_delivery as d')
    .innerJoin('transit_webhook as w', 'w.id', 'd.webhook_id')
    .innerJoin('transit_change as c', 'c.seq', 'd.change_seq')
    .select(['d.id', 'd.attempts', 'd.change_seq', 'w.url', 'w.secret', 'w.active', 'c.kind', 'c.station_id', 'c.ref', 'c.payload', 'c.at'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<', at)]))
    .orderBy('d.change_seq')
    .limit(limit)
    .execute();

/** Leases a pending delivery until `until` unless another worker holds it; true when this one got it. */
export async function claimDelivery(db: DbOrTx, id: string, at: string, until: string) {
  const claimed = await db
    .updateTable('transit_webhook_delivery')
    .set({ lease_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Writes the outcome of a delivery attempt. */
export const updateDelivery = (
  db: DbOrTx,
  id: string,
  set: {
    status: string;
    attempts: number;
    last_status: number | null;
    last_error: string | null;
    lease_until: null;
    delivered_at?: string;
    next_attempt_at?: string;
  },
) => db.updateTable('transit_webhook_delivery').set(set).where('id', '=', id).execute();

export const insertWebhook = (tx: DbOrTx, row: Insertable<WebhookRow>) => tx.insertInto('transit_webhook').values(row).execute();

export const findWebhook = (db: DbOrTx, id: string) => db.selectFrom('transit_webhook').selectAll().where('id', '=', id).executeTakeFirst();

/** Stops a webhook and cancels its pending deliveries. */
export async function deactivateWebhook(tx: DbOrTx, id: string) {
  await tx.updateTable('transit_webhook').set({ active: 0 }).where('id', '=', id).execute();
  await tx.updateTable('transit_webhook_delivery').set({ status: 'cancelled' }).where('webhook_id', '=', id).where('status', '=', 'pending').execute();
}

/** Active webhooks by creation: all of them, or those a user owns or one of their organisations holds. */
export function listActiveWebhooks(db: DbOrTx, visibleTo?: { userId: string; organisationIds: string[] }) {
  let q = db.selectFrom('transit_webhook').selectAll().where('active', '=', 1);
  if (visibleTo) {
    const orgs = visibleTo.organisationIds;
    q = q.where((eb) => eb.or([eb('owner_id', '=', visibleTo.userId), ...(orgs.length ? [eb('organisation_id', 'in', orgs)] : [])]));
  }
  return q.orderBy('created_at').execute();
}

/** A webhook's 20 latest deliveries. */
export const listRecentDeliveries = (db: DbOrTx, webhookId: string) =>
  db
    .selectFrom('transit_webhook_delivery')
    .select(['id', 'change_seq', 'status', 'attempts', 'next_attempt_at', 'last_status', 'last_error', 'delivered_at'])
    .where('webhook_id', '=', webhookId)
    .orderBy('change_seq', 'desc')
    .limit(20)
    .execute();
