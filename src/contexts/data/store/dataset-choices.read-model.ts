import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** The catalogue's datasets as other contexts offer them in forms (restricted ones marked): the first 1,000 by id. */
export const datasetChoices = (db: DbOrTx) =>
  db.selectFrom('data_dataset').select(['id', 'title_ko', 'title_en', 'restricted']).orderBy('id').limit(1000).execute();
