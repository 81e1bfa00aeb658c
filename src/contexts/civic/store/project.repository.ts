import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { MemberRow, PostRow, ProjectRow } from './tables.js';
import './tables.js';

export async function findProject(db: DbOrTx, id: string) {
  const row = await db.selectFrom('civic_project').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('project');
  return row;
}
export const insertProject = (db: DbOrTx, row: ProjectRow) => db.insertInto('civic_project').values(row).execute();
export const updateProject = (db: DbOrTx, id: string, changes: Partial<ProjectRow>) =>
  db.updateTable('civic_project').set(changes).where('id', '=', id).execute();

export async function setProjectDatasets(db: DbOrTx, projectId: string, datasetIds: string[]) {
  await db.deleteFrom('civic_project_dataset').where('project_id', '=', projectId).execute();
  if (datasetIds.length)
    await db
      .insertInto('civic_project_dataset')
      .values(datasetIds.map((dataset_id) => ({ project_id: projectId, dataset_id })))
      .execute();
}

/** Which datasets each of these projects names (the datasets themselves are the data context's: datasetSummaries). */
export const datasetLinksOfProjects = (db: DbOrTx, projectIds: string[]) =>
  projectIds.length
    ? db.selectFrom('civic_project_dataset').select(['project_id', 'dataset_id']).where('project_id', 'in', projectIds).execute()
    : Promise.resolve([]);

/** The team rows of some projects, oldest first (names are the accounts context's: userDisplayNames). */
export const membersOf = (db: DbOrTx, projectIds: string[]) =>
  projectIds.length
    ? db
        .selectFrom('civic_member')
        .select(['project_id', 'user_id', 'role', 'state', 'message', 'created_at', 'accepted_at'])
        .where('project_id', 'in', projectIds)
        .orderBy('created_at')
        .orderBy('user_id')
        .execute()
    : Promise.resolve([]);

export const findMember = (db: DbOrTx, projectId: string, userId: string) =>
  db.selectFrom('civic_member').selectAll().where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
export const insertMember = (db: DbOrTx, row: MemberRow) => db.insertInto('civic_member').values(row).execute();
export const updateMember = (db: DbOrTx, projectId: string, userId: string, changes: Partial<MemberRow>) =>
  db.updateTable('civic_member').set(changes).where('project_id', '=', projectId).where('user_id', '=', userId).execute();

export const insertPost = (db: DbOrTx, row: PostRow) => db.insertInto('civic_post').values(row).execute();

/** Posts, newest first, with their project's title (one project, or all for the feed); authors' names: userDisplayNames. */
export const listPostRows = (db: DbOrTx, opts: { projectId?: string; limit: number }) => {
  let q = db
    .selectFrom('civic_post as p')
    .innerJoin('civic_project as j', 'j.id', 'p.project_id')
    .select(['p.id', 'p.project_id', 'p.author_id', 'p.body', 'p.created_at', 'j.title as project_title']);
  if (opts.projectId) q = q.where('p.project_id', '=', opts.projectId);
  return q.orderBy('p.created_at', 'desc').orderBy('p.id').limit(opts.limit).execute();
};

/** How many posts each of these projects has (projects without posts are absent). */
export const countPostsOfProjects = (db: DbOrTx, projectIds: string[]) =>
  projectIds.length
    ? db
        .selectFrom('civic_post')
        .select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('project_id', 'in', projectIds)
        .groupBy('project_id')
        .execute()
    : Promise.resolve([]);

/** The organisations that own at least one project. */
export const projectOrganisationIds = async (db: DbOrTx): Promise<string[]> =>
  (
    await db
      .selectFrom('civic_project')
      .select('organisation_id')
      .distinct()
      .where('organisation_id', 'is not', null)
      .$narrowType<{ organisation_id: string }>()
      .execute()
  ).map((r) => r.organisation_id);

/** Project ids matching the list filters, newest change first (filtered in SQL, small pages). */
export async function listProjectRows(db: DbOrTx, f: { status?: string; datasetId?: string; organisationId?: string }): Promise<ProjectRow[]> {
  let q = db.selectFrom('civic_project').selectAll();
  if (f.status) q = q.where('status', '=', f.status as ProjectRow['status']);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.datasetId) q = q.where('id', 'in', db.selectFrom('civic_project_dataset').select('project_id').where('dataset_id', '=', f.datasetId));

  return q.orderBy('updated_at', 'desc').orderBy('id').limit(5000).execute();
}
