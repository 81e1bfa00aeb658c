import type { DbOrTx } from '../../../core/db/database.js';
import { userDisplayNames } from '../../accounts/index.js';

/**
 * Rows with their author's display name as `author`, in one read of the accounts context's read model (never
 * a join on its tables); a row whose author is not a user is left out, as the inner join it replaces did.
 */
export async function withAuthorNames<T extends { author_id: string }>(db: DbOrTx, rows: T[]): Promise<Array<T & { author: string }>> {
  const names = await userDisplayNames(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.flatMap((r) => {
    const author = names.get(r.author_id);
    return author === undefined ? [] : [{ ...r, author }];
  });
}
