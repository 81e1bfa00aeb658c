import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, findUserContactByEmail } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import { deleteAnalyst, replaceAnalyst } from '../store/analyst.repository.js';
import { projectFactsForAnalyst } from '../store/civic-project.read-model.js';
import { getDataset } from '../store/dataset.repository.js';

export interface ApproveAnalystInput {
  datasetId: string;
  email: string;
  projectNote: string;
  /** The civic project the analysis serves: it must be active, use this dataset, and have the user on its team. */
  projectId?: string;
}

/**
 * Approves a user as an analyst of a restricted dataset, for a stated project: from then on their sandbox
 * queries may read it, through the output check. Admins and the dataset's publisher approve; approving again
 * updates the note.
 */
export async function approveAnalyst(services: Services, actor: Actor, input: ApproveAnalystInput) {
  const dataset = await getDataset(services.db, input.datasetId);
  assertAllowed(actor, datasetPolicy.canApproveAnalyst(actor, dataset), 'approve analysts of this dataset');
  if (!dataset.restricted)
    throw new AppError('data.not_restricted', 'This dataset is open to everyone; analysts are approved for restricted datasets only', 409);
  const check = new Checker();
  const note = check.text('projectNote', input.projectNote, { required: true, max: 1000 });
  check.done();
  const user = await findUserContactByEmail(services.db, input.email);
  if (!user) throw notFound('user');
  const projectId = input.projectId?.trim() || null;
  if (projectId) await checkProject(services, projectId, dataset.id, user.id);
  const at = services.now().toISOString();
  const row = { dataset_id: dataset.id, user_id: user.id, approved_by: actor.user?.id ?? null, project_note: note!, approved_at: at, project_id: projectId };
  await services.db.transaction().execute(async (tx) => {
    await replaceAnalyst(tx, row);
    await recordAudit(tx, actor, {
      action: 'dataset.approve_analyst',
      entityType: 'data_dataset',
      entityId: dataset.id,
      after: { userId: user.id, email: user.email, projectNote: note, projectId },
    });
  });
  return { datasetId: dataset.id, userId: user.id, email: user.email, projectNote: row.project_note, projectId, approvedAt: at };
}

export async function revokeAnalyst(services: Services, actor: Actor, input: { datasetId: string; userId: string }) {
  const dataset = await getDataset(services.db, input.datasetId);
  assertAllowed(actor, datasetPolicy.canApproveAnalyst(actor, dataset), 'revoke analysts of this dataset');
  await services.db.transaction().execute(async (tx) => {
    if (!(await deleteAnalyst(tx, dataset.id, input.userId))) throw notFound('analyst');
    await recordAudit(tx, actor, { action: 'dataset.revoke_analyst', entityType: 'data_dataset', entityId: dataset.id, before: { userId: input.userId } });
  });
}

/** An approved project: active, naming this dataset among its datasets, with the analyst an active team member. */
async function checkProject(services: Services, projectId: string, datasetId: string, userId: string) {
  const project = await projectFactsForAnalyst(services.db, projectId, datasetId, userId);
  const fail = (message: string) =>
    new AppError('validation.failed', `projectId: ${message}`, 422, [{ field: 'projectId', code: 'validation.choice', message }]);
  if (!project) throw fail('No such project');
  if (project.status !== 'active') throw fail('The project is not active');
  if (!project.usesDataset) throw fail('The project does not name this dataset');
  if (project.memberState !== 'active') throw fail("The analyst is not on the project's team");
}
