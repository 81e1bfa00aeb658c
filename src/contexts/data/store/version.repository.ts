import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import type { ColumnProfile, TableSchema } from '../domain/table-schema.js';
import { parseJson } from './dataset.repository.js';
import type { VersionRow } from './tables.js';
import './tables.js';

export const getVersion = async (db: DbOrTx, id: string): Promise<VersionRow> => {
  const row = await db.selectFrom('data_version').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('data.version_not_found', 'No such upload', 404);
  return row;
};

/** Numbers are never reused: drafts and discarded uploads keep theirs. */
export async function nextVersionNumber(db: DbOrTx, resourceId: string): Promise<number> {
  const row = await db
    .selectFrom('data_version')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

/** The latest published version of a resource, if any (for header drift). */
export const latestPublished = (db: DbOrTx, resourceId: string) =>
  db
    .selectFrom('data_version')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export const versionSchema = (v: Pick<VersionRow, 'schema'>) => parseJson<TableSchema>(v.schema, { fields: [] });
export const versionProfile = (v: Pick<VersionRow, 'profile'>) => parseJson<ColumnProfile[]>(v.profile, []);
