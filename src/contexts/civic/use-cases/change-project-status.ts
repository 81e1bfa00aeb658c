import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { projectPolicy } from '../domain/policy.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../domain/vocabularies.js';
import { findProject, updateProject } from '../store/project.repository.js';
import { loadTeam } from './team.js';

/** The lead (or an admin) marks the project proposed, active, completed or paused. */
export async function changeProjectStatus(services: Services, actor: Actor, input: { projectId: string; status: unknown }) {
  const project = await findProject(services.db, input.projectId);
  assertAllowed(actor, projectPolicy.canChangeStatus(actor, await loadTeam(services.db, project.id)), 'change the project status');
  const c = new Checker();
  const status = c.oneOf<ProjectStatus>('status', input.status, PROJECT_STATUSES);
  c.done();
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await updateProject(tx, project.id, { status, updated_at: at });
    await recordAudit(tx, actor, {
      action: 'civic.change_status',
      entityType: 'civic_project',
      entityId: project.id,
      before: { status: project.status },
      after: { status },
    });
  });
}
