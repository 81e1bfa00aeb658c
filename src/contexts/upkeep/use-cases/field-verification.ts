import type { DbOrTx } from '../../../core/db/database.js';
import { organisationNamesById } from '../../accounts/index.js';
import { findLatestVerified } from '../store/version.repository.js';

/** When a station's interior was last verified in the field, and the names of the organisation that did it. */
export async function latestFieldVerification(db: DbOrTx, stationId: string) {
  const v = await findLatestVerified(db, stationId);
  if (!v) return undefined;
  const org = v.verified_by_org ? (await organisationNamesById(db, [v.verified_by_org])).get(v.verified_by_org) : undefined;
  return { verified_at: v.verified_at, name_ko: org?.name_ko ?? null, name_en: org?.name_en ?? null };
}
