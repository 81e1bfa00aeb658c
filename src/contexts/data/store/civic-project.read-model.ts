import type { DbOrTx } from '../../../core/db/database.js';
// civic's tables are typed by its store/tables.ts (a global Kysely augmentation): no import, so no dependency on civic.

/**
 * What approving an analyst for a civic project needs to know of the project: its status, whether it names the
 * dataset, and the analyst's state on its team. A cross-context read in SQL (civic_project, civic_project_dataset,
 * civic_member), kept here because civic depends on data: reading through civic's front door would bring the
 * civic ⇄ data cycle back (ARCHITECTURE.md, "Cross-context reads in SQL").
 */
export async function projectFactsForAnalyst(db: DbOrTx, projectId: string, datasetId: string, userId: string) {
  const project = await db.selectFrom('civic_project').select(['id', 'status']).where('id', '=', projectId).executeTakeFirst();
  if (!project) return null;
  const uses = await db
    .selectFrom('civic_project_dataset')
    .select('dataset_id')
    .where('project_id', '=', projectId)
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  const member = await db.selectFrom('civic_member').select('state').where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
  return { status: project.status, usesDataset: !!uses, memberState: member?.state ?? null };
}
