import type { DbOrTx } from '../../../core/db/database.js';
import { findOrganisation, listOrganisationsByName } from '../../accounts/index.js';
import { HOLDER_TYPES } from '../domain/vocabularies.js';

type Holder = { id: string; slug: string; type: (typeof HOLDER_TYPES)[number]; name_ko: string | null; name_en: string | null };

const holder = (o: { id: string; slug: string; type: string; name_ko: string | null; name_en: string | null }): Holder | undefined =>
  (HOLDER_TYPES as readonly string[]).includes(o.type)
    ? { id: o.id, slug: o.slug, type: o.type as Holder['type'], name_ko: o.name_ko, name_en: o.name_en }
    : undefined;

/** Departments that may hold data: city departments and transit operators, by name (organisations are the accounts context's). */
export const listHolders = async (db: DbOrTx): Promise<Holder[]> => (await listOrganisationsByName(db, HOLDER_TYPES)).flatMap((o) => holder(o) ?? []);

/** A department that may hold data, by id or slug; undefined for any other organisation. */
export async function findHolder(db: DbOrTx, idOrSlug: string): Promise<Holder | undefined> {
  const o = await findOrganisation(db, idOrSlug);
  return o ? holder(o) : undefined;
}
