import type { DbOrTx } from '../../../core/db/database.js';
import type { ApplicationRow } from './tables.js';
import './tables.js';

export const insertApplication = (tx: DbOrTx, row: ApplicationRow) => tx.insertInto('learn_application').values(row).execute();

export const findApplication = (db: DbOrTx, id: string) => db.selectFrom('learn_application').selectAll().where('id', '=', id).executeTakeFirst();

export const findApplicationOf = (db: DbOrTx, programmeId: string, userId: string) =>
  db.selectFrom('learn_application').selectAll().where('programme_id', '=', programmeId).where('user_id', '=', userId).executeTakeFirst();

/** Decides an application still waiting; false when someone decided it first. */
export async function decidePendingApplication(
  tx: DbOrTx,
  id: string,
  set: Pick<ApplicationRow, 'state' | 'mentor' | 'project_title' | 'decided_by' | 'decided_at'>,
): Promise<boolean> {
  const r = await tx.updateTable('learn_application').set(set).where('id', '=', id).where('state', '=', 'applied').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const applicationsOfProgramme = (db: DbOrTx, programmeId: string) =>
  db
    .selectFrom('learn_application')
    .select(['id', 'user_id', 'state', 'motivation', 'project_idea', 'mentor', 'project_title', 'created_at'])
    .where('programme_id', '=', programmeId)
    .orderBy('created_at')
    .execute();
