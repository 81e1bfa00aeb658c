import type { DbOrTx } from '../../../core/db/database.js';
import type { PhotoRow } from './tables.js';
import './tables.js';

/** Photos of station places, private to their uploader and the stewards until a proposal using them is approved. */

export const insertPhoto = (db: DbOrTx, row: PhotoRow) => db.insertInto('transit_photo').values(row).execute();

export const findPhoto = (db: DbOrTx, id: string) => db.selectFrom('transit_photo').selectAll().where('id', '=', id).executeTakeFirst();

/** Which of these photos this user uploaded for this station. */
export const listOwnPhotoIds = async (db: DbOrTx, q: { ids: string[]; stationId: string; uploadedBy: string }) =>
  (
    await db
      .selectFrom('transit_photo')
      .select('id')
      .where('id', 'in', q.ids)
      .where('station_id', '=', q.stationId)
      .where('uploaded_by', '=', q.uploadedBy)
      .execute()
  ).map((p) => p.id);

/** Makes the photos public (those not public yet). */
export const makePhotosPublic = (db: DbOrTx, ids: string[], at: string) =>
  db.updateTable('transit_photo').set({ public_at: at }).where('id', 'in', ids).where('public_at', 'is', null).execute();

/** The captions, sizes and publication of the given photos. */
export const listPhotoFacts = (db: DbOrTx, ids: string[]) =>
  db.selectFrom('transit_photo').select(['id', 'caption', 'width', 'height', 'mime', 'public_at']).where('id', 'in', ids).execute();
