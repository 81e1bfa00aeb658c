import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { assertAllowed } from '../../accounts/index.js';
import { projectPolicy } from '../domain/policy.js';
import { checkProjectInput, type ProjectInput } from '../domain/project-input.js';
import { findProject, setProjectDatasets, updateProject } from '../store/project.repository.js';
import { loadTeam } from './team.js';
import { projectSearchDoc } from './propose-project.js';

/** The lead (or an admin) edits the project: question, description, datasets, organisation, links and results. */
export async function editProject(services: Services, actor: Actor, projectId: string, input: ProjectInput) {
  const before = await findProject(services.db, projectId);
  assertAllowed(actor, projectPolicy.canEdit(actor, await loadTeam(services.db, projectId)), 'edit this project');
  // Keeping the organisation the project already has is allowed even if the editor is not a member of it.
  const kept = typeof input.organisation === 'string' && input.organisation.trim() === before.organisation_id;
  const v = await checkProjectInput(services.db, actor, { ...input, organisation: kept ? '' : input.organisation });
  const changes = {
    title: v.title,
    question: v.question,
    description: v.description,
    organisation_id: kept ? before.organisation_id : v.organisationId,
    repo_url: v.repoUrl,
    results_url: v.resultsUrl,
    results: v.results,
    updated_at: services.now().toISOString(),
  };
  await services.db.transaction().execute(async (tx) => {
    await updateProject(tx, projectId, changes);
    await setProjectDatasets(tx, projectId, v.datasetIds);
    await indexDocument(tx, projectSearchDoc({ id: projectId, ...changes }));
    await recordAudit(tx, actor, {
      action: 'civic.edit_project',
      entityType: 'civic_project',
      entityId: projectId,
      before,
      after: { ...changes, datasets: v.datasetIds },
    });
  });
}
