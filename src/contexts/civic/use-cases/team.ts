import type { DbOrTx } from '../../../core/db/database.js';
import type { TeamView } from '../domain/policy.js';
import { membersOf } from '../store/project.repository.js';

/** The team of a project as the policy reads it (pending requests included, marked so). */
export async function loadTeam(db: DbOrTx, projectId: string): Promise<TeamView> {
  const rows = await membersOf(db, [projectId]);
  return { members: rows.map((m) => ({ userId: m.user_id, role: m.role, state: m.state })) };
}
