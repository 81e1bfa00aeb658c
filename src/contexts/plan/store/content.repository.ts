import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { findOrganisation } from '../../accounts/index.js';
import type { ContentEntity } from '../domain/content-fields.js';
import './tables.js';

type Row = Record<string, unknown> & { id: string };

/** The plan's tables of each kind of content; an organisation is the accounts context's, read through its front door. */
const TABLE = {
  commitment: 'plan_commitment',
  milestone: 'plan_milestone',
  organisation: null,
  committee_member: 'plan_committee_member',
  meeting: 'plan_meeting',
} as const;

/** The entity's row as stored (commitments and organisations also by slug). */
export async function loadContent(db: DbOrTx, entity: ContentEntity, idOrSlug: string): Promise<Row> {
  const table = TABLE[entity];
  const bySlug = entity === 'commitment';
  const row =
    table === null
      ? await findOrganisation(db, idOrSlug)
      : await db
          .selectFrom(table as 'plan_commitment')
          .selectAll()
          .where((eb) => (bySlug ? eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]) : eb('id', '=', idOrSlug)))
          .executeTakeFirst();
  if (!row) throw notFound(entity);
  return row as unknown as Row;
}

export async function saveContent(db: DbOrTx, entity: Exclude<ContentEntity, 'organisation'>, id: string, set: Record<string, unknown>) {
  await db
    .updateTable(TABLE[entity])
    .set(set as never)
    .where('id', '=', id)
    .execute();
}

export interface ContentEdit {
  entity: ContentEntity;
  entityId: string;
  field: string;
  before: string | null;
  after: string | null;
  note: string | null;
}

/** Adds one change to the history; the table refuses updates, so what is written stays as written. */
export async function appendEdit(db: DbOrTx, actor: Actor, edit: ContentEdit, at = nowIso()) {
  await db
    .insertInto('plan_content_edit')
    .values({
      id: randomUUID(),
      at,
      entity_type: edit.entity,
      entity_id: edit.entityId,
      field: edit.field,
      before_value: edit.before,
      after_value: edit.after,
      note: edit.note,
      actor_id: actor.user?.id ?? null,
      actor_label: actor.user?.displayName ?? (actor.kind === 'system' ? '열린 서울' : actor.kind),
    })
    .execute();
}

export async function listEdits(db: DbOrTx, q: { entity?: ContentEntity; entityId?: string; limit: number; offset: number }) {
  let query = db.selectFrom('plan_content_edit').selectAll();
  if (q.entity) query = query.where('entity_type', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  const rows = await query.orderBy('at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    entity: r.entity_type as ContentEntity,
    entityId: r.entity_id,
    field: r.field,
    before: r.before_value,
    after: r.after_value,
    note: r.note,
    by: r.actor_label,
  }));
}

/** The texts that are Open Seoul's translation (not the city's words), as `entity:id` → field names. */
export async function translationMarks(db: DbOrTx, entity: ContentEntity, ids: string[]): Promise<Map<string, string[]>> {
  const rows = ids.length
    ? await db.selectFrom('plan_translation').select(['entity_id', 'field']).where('entity_type', '=', entity).where('entity_id', 'in', ids).execute()
    : [];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), r.field]);
  return out;
}

export async function markTranslation(db: DbOrTx, entity: ContentEntity, entityId: string, field: string) {
  await db
    .insertInto('plan_translation')
    .values({ entity_type: entity, entity_id: entityId, field, source: 'open_seoul', created_at: nowIso() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Someone wrote this field themselves: it is no longer our translation. */
export const unmarkTranslation = (db: DbOrTx, entity: ContentEntity, entityId: string, field: string) =>
  db.deleteFrom('plan_translation').where('entity_type', '=', entity).where('entity_id', '=', entityId).where('field', '=', field).execute();

/** The ids of the organisations whose Korean name is Open Seoul's translation, not the city's. */
export async function translatedOrganisationNameIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectFrom('plan_translation').select('entity_id').where('entity_type', '=', 'organisation').where('field', '=', 'nameKo').execute();
  return rows.map((r) => r.entity_id);
}
