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

/** The datasets of some projects with what a page shows of them; restricted ones are only mentioned. */
export const datasetsOfProjects = (db: DbOrTx, projectIds: string[]) =>
  projectIds.length
    ? db
        .selectFrom('civic_project_dataset as p')
        .innerJoin('data_dataset as d', 'd.id', 'p.dataset_id')
        .select(['p.project_id', 'd.id', 'd.title_ko', 'd.title_en', 'd.restricted'])
        .where('p.project_id', 'in', projectIds)
        .orderBy('d.id')
        .execute()
    : Promise.resolve([]);

/** Datasets by id, to check what a form named (restricted ones included: they may be mentioned). */
export const findDatasets = (db: DbOrTx, ids: string[]) =>
  ids.length ? db.selectFrom('data_dataset').select(['id', 'restricted']).where('id', 'in', ids).execute() : Promise.resolve([]);

export const membersOf = (db: DbOrTx, projectIds: string[]) =>
  projectIds.length
    ? db
        .selectFrom('civic_member as m')
        .innerJoin('accounts_user as u', 'u.id', 'm.user_id')
        .select(['m.project_id', 'm.user_id', 'm.role', 'm.state', 'm.message', 'm.created_at', 'm.accepted_at', 'u.display_name'])
        .where('m.project_id', 'in', projectIds)
        .orderBy('m.created_at')
        .orderBy('m.user_id')
        .execute()
    : Promise.resolve([]);

export const findMember = (db: DbOrTx, projectId: string, userId: string) =>
  db.selectFrom('civic_member').selectAll().where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
export const insertMember = (db: DbOrTx, row: MemberRow) => db.insertInto('civic_member').values(row).execute();
export const updateMember = (db: DbOrTx, projectId: string, userId: string, changes: Partial<MemberRow>) =>
  db.updateTable('civic_member').set(changes).where('project_id', '=', projectId).where('user_id', '=', userId).execute();

export const insertPost = (db: DbOrTx, row: PostRow) => db.insertInto('civic_post').values(row).execute();

/** Posts, newest first, with their author's name and project title (one project, or all for the feed). */
export const listPosts = (db: DbOrTx, opts: { projectId?: string; limit: number }) => {
  let q = db
    .selectFrom('civic_post as p')
    .innerJoin('civic_project as j', 'j.id', 'p.project_id')
    .leftJoin('accounts_user as u', 'u.id', 'p.author_id')
    .select(['p.id', 'p.project_id', 'p.body', 'p.created_at', 'j.title as project_title', 'u.display_name as author_name']);
  if (opts.projectId) q = q.where('p.project_id', '=', opts.projectId);
  return q.orderBy('p.created_at', 'desc').orderBy('p.id').limit(opts.limit).execute();
};

/** Project ids matching the list filters, newest change first (filtered in SQL, small pages). */
export async function listProjectRows(db: DbOrTx, f: { status?: string; datasetId?: string; organisationId?: string }): Promise<ProjectRow[]> {
  let q = db.selectFrom('civic_project').selectAll();
  if (f.status) q = q.where('status', '=', f.status as ProjectRow['status']);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.datasetId) q = q.where('id', 'in', db.selectFrom('civic_project_dataset').select('project_id').where('dataset_id', '=', f.datasetId));

  return q.orderBy('updated_at', 'desc').orderBy('id').limit(5000).execute();
}

/** The catalogue's datasets for the forms' checkboxes (restricted ones marked: they may only be mentioned). */
export const listCatalogueDatasets = (db: DbOrTx) =>
  db.selectFrom('data_dataset').select(['id', 'title_ko', 'title_en', 'restricted']).orderBy('id').limit(1000).execute();
