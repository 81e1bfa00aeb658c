import type { DbOrTx } from '../../../core/db/database.js';
import { CONTENT_FIELDS, type ContentEntity } from '../domain/content-fields.js';
import { loadContent, translationMarks } from '../store/content.repository.js';
import { findCommitmentSlug } from '../store/plan.repository.js';

/**
 * The editable content of one entity as the API and the edit page show it: each field by its API name,
 * which texts are Open Seoul's translation, and a label to say what it is.
 */
export async function describeContent(db: DbOrTx, entity: ContentEntity, idOrSlug: string) {
  const row = await loadContent(db, entity, idOrSlug);
  const values: Record<string, string | number | null> = {};
  for (const f of CONTENT_FIELDS[entity]) {
    let v = row[f.column] as string | number | null | undefined;
    if (f.kind === 'subgroup' && typeof v === 'string') v = (await findCommitmentSlug(db, v)) ?? null;
    values[f.name] = v ?? null;
  }
  const translated = (await translationMarks(db, entity, [row.id])).get(row.id) ?? [];
  return { entity, id: row.id, row, values, translated };
}
