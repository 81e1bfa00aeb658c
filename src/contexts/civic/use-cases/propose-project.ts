import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { assertAllowed } from '../../accounts/index.js';
import { projectPolicy } from '../domain/policy.js';
import { checkProjectInput, type ProjectInput } from '../domain/project-input.js';
import { insertMember, insertProject, setProjectDatasets } from '../store/project.repository.js';
import { projectUrl, type ProjectRow } from '../store/tables.js';

export const projectSearchDoc = (row: Pick<ProjectRow, 'id' | 'title' | 'question' | 'description'>) => ({
  type: 'project',
  id: row.id,
  url: projectUrl(row.id),
  title: { ko: row.title, en: null },
  summary: { ko: row.question.slice(0, 300), en: null },
  body: row.description.slice(0, 2000),
});

/** A CSO, university or citizen proposes a project; the proposer leads its team. */
export async function proposeProject(services: Services, actor: Actor, input: ProjectInput & { example?: boolean }): Promise<ProjectRow> {
  assertAllowed(actor, projectPolicy.canPropose(actor) || actor.kind === 'system', 'propose a project');
  const v = await checkProjectInput(services.db, actor, input);
  return services.db.transaction().execute(async (tx) => {
    const at = services.now().toISOString();
    const row: ProjectRow = {
      id: randomUUID(),
      title: v.title,
      question: v.question,
      description: v.description,
      organisation_id: v.organisationId,
      created_by: actor.user?.id ?? null,
      status: 'proposed',
      example: input.example ? 1 : 0,
      repo_url: v.repoUrl,
      results_url: v.resultsUrl,
      results: v.results,
      created_at: at,
      updated_at: at,
    };
    await insertProject(tx, row);
    await setProjectDatasets(tx, row.id, v.datasetIds);
    if (actor.user) {
      await insertMember(tx, {
        project_id: row.id,
        user_id: actor.user.id,
        role: 'lead',
        state: 'active',
        message: '',
        accepted_by: actor.user.id,
        accepted_at: at,
        created_at: at,
      });
    }
    await indexDocument(tx, projectSearchDoc(row));
    await recordAudit(tx, actor, { action: 'civic.propose_project', entityType: 'civic_project', entityId: row.id, after: { ...row, datasets: v.datasetIds } });
    return row;
  });
}
