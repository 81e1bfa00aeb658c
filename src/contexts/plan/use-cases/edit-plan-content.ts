import type { Actor } from '../../../core/auth/actor.js';
import { isAdmin } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso, type DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, canRenameOrganisation, renameOrganisation } from '../../accounts/index.js';
import { CONTENT_FIELDS, isContentEntity, otherHalf, validDate, type ContentEntity, type ContentField } from '../domain/content-fields.js';
import { planPolicy } from '../domain/policy.js';
import { appendEdit, loadContent, saveContent, unmarkTranslation } from '../store/content.repository.js';
import { findCommitmentId, findCommitmentOrganisation, findCommitmentSlug } from '../store/plan.repository.js';

type Row = Record<string, unknown> & { id: string };

/** May this actor change this entity's content? (Pages ask it to show the edit links.) */
export async function canEditContent(db: DbOrTx, actor: Actor, entity: ContentEntity, row: Row): Promise<boolean> {
  if (isAdmin(actor)) return true;
  const orgOfCommitment = async (commitmentId: unknown) =>
    typeof commitmentId === 'string' ? ((await findCommitmentOrganisation(db, commitmentId)) ?? null) : null;
  switch (entity) {
    case 'commitment':
      return planPolicy.canEditContent(actor, row as unknown as { organisation_id: string | null });
    case 'milestone': {
      const c = await orgOfCommitment(row.commitment_id);
      return !!c && planPolicy.canEditContent(actor, c);
    }
    case 'organisation':
      return canRenameOrganisation(actor, row.id) && actor.user?.role === 'official';
    default: {
      const c = await orgOfCommitment(row.commitment_id);
      return !!c && planPolicy.canEditContent(actor, c);
    }
  }
}

/** A field's value as stored, from what was sent; problems go to the checker. */
async function parseValue(db: DbOrTx, c: Checker, f: ContentField, value: unknown): Promise<string | number | null> {
  if (f.kind === 'weight') {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > f.max) c.add(f.name, 'validation.number');
    return n;
  }
  if (f.kind === 'date') {
    const s = typeof value === 'string' ? value.trim() : '';
    if (!validDate(s)) c.add(f.name, 'validation.date');
    return s;
  }
  if (f.kind === 'sector') return c.oneOf(f.name, value, ['government', 'civil_society'] as const);
  if (f.kind === 'subgroup') {
    if (value === null || value === '' || value === undefined) return null;
    const found = typeof value === 'string' ? await findCommitmentId(db, value) : undefined;
    if (!found) c.add(f.name, 'validation.choice');
    return found ?? null;
  }
  return c.text(f.name, value, { max: f.max, required: !f.lang && f.required === true });
}

const shown = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Changes the content of one entity of the plan: only the fields sent, only those that differ. Each change is
 * added to the plan's public history (before, after, who, when, an optional note) and to the audit log, in
 * the same transaction; a text someone writes is no longer marked as Open Seoul's translation.
 */
export async function editPlanContent(
  services: Services,
  actor: Actor,
  input: { entity: unknown; id: string; changes: Record<string, unknown>; note?: unknown },
) {
  if (!isContentEntity(input.entity)) throw new AppError('plan.unknown_entity', `No editable content of kind ${String(input.entity)}`, 404);
  const entity = input.entity;
  const fields = CONTENT_FIELDS[entity];
  const unknown = Object.keys(input.changes).filter((k) => !fields.some((f) => f.name === k));
  if (unknown.length)
    throw new AppError('plan.unknown_field', `Not an editable field of ${entity}: ${unknown.join(', ')}`, 422, {
      fields: unknown,
      editable: fields.map((f) => f.name),
    });
  const row = await loadContent(services.db, entity, input.id);
  assertAllowed(actor, actor.user !== null || actor.kind === 'system' ? await canEditContent(services.db, actor, entity, row) : false, `edit this ${entity}`);
  const c = new Checker();
  const note = c.text('note', input.note, { max: 1000, required: false });
  const next: Record<string, string | number | null> = {};
  for (const f of fields) if (f.name in input.changes) next[f.column] = await parseValue(services.db, c, f, input.changes[f.name]);
  for (const f of fields.filter((x) => x.required && x.lang === 'ko')) {
    const other = otherHalf(entity, f)!;
    const ko = f.column in next ? next[f.column] : row[f.column];
    const en = other.column in next ? next[other.column] : row[other.column];
    if (!ko && !en) c.add(f.name in input.changes ? f.name : other.name, 'validation.nameOneLanguage');
  }
  c.done();
  const changed = fields.filter((f) => f.column in next && shown(next[f.column]) !== shown(row[f.column]));
  if (entity === 'committee_member' || entity === 'meeting') {
    const target = next.commitment_id;
    if (target && target !== row.commitment_id)
      assertAllowed(actor, await canEditContent(services.db, actor, entity, { ...row, commitment_id: target }), 'move this to that sub-group');
  }
  if (!changed.length) return { entity, id: row.id, changed: [] as string[] };
  const slugOf = async (db: DbOrTx, id: unknown) => (typeof id === 'string' ? ((await findCommitmentSlug(db, id)) ?? id) : null);
  await services.db.transaction().execute(async (tx) => {
    const set: Record<string, unknown> = Object.fromEntries(changed.map((f) => [f.column, next[f.column]]));
    if (entity === 'organisation') {
      await renameOrganisation(tx, actor, {
        organisationId: row.id,
        ...('name_ko' in set ? { nameKo: set.name_ko as string | null } : {}),
        ...('name_en' in set ? { nameEn: set.name_en as string | null } : {}),
      });
    } else {
      const merged = { ...row, ...set };
      // The first columns of members and meetings stay filled for older readers.
      if (entity === 'committee_member') set.affiliation = merged.affiliation_ko ?? merged.affiliation_en ?? '';
      if (entity === 'meeting') for (const b of ['title', 'agenda', 'minutes']) set[b] = merged[`${b}_ko`] ?? merged[`${b}_en`] ?? '';
      if ('updated_at' in row) set.updated_at = nowIso();
      await saveContent(tx, entity, row.id, set);
      if (entity === 'commitment') {
        await indexDocument(tx, {
          type: 'commitment',
          id: row.id,
          url: `/plan/commitments/${String(row.slug)}`,
          title: { ko: merged.title_ko as string | null, en: merged.title_en as string | null },
          summary: { ko: merged.outline_ko as string | null, en: merged.outline_en as string | null },
        });
      }
    }
    for (const f of changed) {
      const [before, after] =
        f.kind === 'subgroup' ? [await slugOf(tx, row[f.column]), await slugOf(tx, next[f.column])] : [shown(row[f.column]), shown(next[f.column])];
      await appendEdit(tx, actor, { entity, entityId: row.id, field: f.name, before, after, note });
      await unmarkTranslation(tx, entity, row.id, f.name);
    }
    await recordAudit(tx, actor, {
      action: 'plan.edit_content',
      entityType: entity,
      entityId: row.id,
      before: Object.fromEntries(changed.map((f) => [f.name, row[f.column] ?? null])),
      after: { ...Object.fromEntries(changed.map((f) => [f.name, next[f.column]])), note },
    });
  });
  return { entity, id: row.id, changed: changed.map((f) => f.name) };
}
