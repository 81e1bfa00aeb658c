import type { DbOrTx } from '../../../core/db/database.js';
import { organisationsByIds } from '../../accounts/index.js';
import { translatedOrganisationNameIds } from '../store/content.repository.js';

/** The slugs of the organisations whose Korean name is Open Seoul's translation, not the city's. */
export async function translatedOrganisationNames(db: DbOrTx): Promise<Set<string>> {
  return new Set((await organisationsByIds(db, await translatedOrganisationNameIds(db))).map((o) => o.slug));
}
