import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { projectPolicy } from '../domain/policy.js';
import { markdownText } from '../domain/project-input.js';
import { findProject, insertPost, updateProject } from '../store/project.repository.js';
import type { PostRow } from '../store/tables.js';
import { loadTeam } from './team.js';

/** A team member posts progress (Markdown, rendered safely); the project counts as changed. */
export async function postProgress(services: Services, actor: Actor, input: { projectId: string; body: unknown }): Promise<PostRow> {
  const project = await findProject(services.db, input.projectId);
  assertAllowed(actor, projectPolicy.canPost(actor, await loadTeam(services.db, project.id)), 'post on this project');
  const c = new Checker();
  const body = markdownText(c, 'body', input.body, 20000) ?? '';
  c.done();
  const at = services.now().toISOString();
  const row: PostRow = { id: randomUUID(), project_id: project.id, author_id: actor.user!.id, body, created_at: at };
  await services.db.transaction().execute(async (tx) => {
    await insertPost(tx, row);
    await updateProject(tx, project.id, { updated_at: at });
    await recordAudit(tx, actor, { action: 'civic.post_progress', entityType: 'civic_post', entityId: row.id, after: row });
  });
  return row;
}
