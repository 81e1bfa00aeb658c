import type { DbOrTx } from '../../../core/db/database.js';
import { userDisplayNames } from '../../accounts/index.js';
import { listPostRows } from '../store/project.repository.js';

/** Progress posts, newest first, with their project's title and their author's name (null once the author is gone). */
export async function listPosts(db: DbOrTx, opts: { projectId?: string; limit: number }) {
  const rows = await listPostRows(db, opts);
  const names = await userDisplayNames(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.map(({ author_id, ...p }) => ({ ...p, author_name: author_id ? (names.get(author_id) ?? null) : null }));
}
