import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/database.js';
import { nowIso } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import { toCsv } from '../csv.js';

export interface AuditEntry {
  action: string; // verb-noun, e.g. 'organisation.create'
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const SECRET_FIELDS = /password|token|hash|secret/i;

/** Drops secrets before they reach the log: the audit trail is readable by admins and exportable. */
function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_FIELDS.test(key) ? '[redacted]' : v));
}

/** Records one mutation, in the same transaction as the mutation itself. */
export async function recordAudit(db: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('core_audit')
    .values({
      id: randomUUID(),
      at: nowIso(),
      actor_id: actor.user?.id ?? null,
      actor_label: actor.user ? actor.user.email : actor.kind,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_json: scrub(entry.before),
      after_json: scrub(entry.after),
      request_id: actor.requestId ?? null,
    })
    .execute();
}

export interface AuditQuery {
  entityType?: string;
  actorId?: string;
  action?: string;
  limit: number;
  offset: number;
}

export async function listAudit(db: DbOrTx, q: AuditQuery) {
  let query = db.selectFrom('core_audit').selectAll();
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.action) query = query.where('action', '=', q.action);
  const rows = await query.orderBy('at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
    requestId: r.request_id,
  }));
}

export function auditToCsv(rows: Awaited<ReturnType<typeof listAudit>>): string {
  const header = ['id', 'at', 'actorId', 'actorLabel', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId'] as const;
  return toCsv(
    header,
    rows.map((r) => header.map((h) => r[h])),
  );
}
