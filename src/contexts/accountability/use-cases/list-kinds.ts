import type { DbOrTx } from '../../../core/db/database.js';
import { listKinds } from '../store/kind.repository.js';
import { publicKind } from './update-kind-rule.js';

/** Every kind of input an authority must answer, with its response rule, by id. */
export const listAnswerableKinds = async (db: DbOrTx) => (await listKinds(db)).map(publicKind);
