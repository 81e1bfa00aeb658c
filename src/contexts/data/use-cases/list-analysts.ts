import type { DbOrTx } from '../../../core/db/database.js';
import { userContacts } from '../../accounts/index.js';
import { listAnalystRows } from '../store/analyst.repository.js';

/** The approved analysts of a dataset, earliest first, with their e-mail and name and the e-mail of who approved them. */
export async function listAnalysts(db: DbOrTx, datasetId: string) {
  const rows = await listAnalystRows(db, datasetId);
  const users = await userContacts(
    db,
    rows.flatMap((r) => [r.user_id, r.approved_by]),
  );
  // An analyst whose account is gone is left out (data_analyst's user_id references accounts_user).
  return rows
    .filter((r) => users.has(r.user_id))
    .map((r) => ({
      ...r,
      email: users.get(r.user_id)!.email,
      display_name: users.get(r.user_id)!.displayName,
      approved_by_email: r.approved_by ? (users.get(r.approved_by)?.email ?? null) : null,
    }));
}
