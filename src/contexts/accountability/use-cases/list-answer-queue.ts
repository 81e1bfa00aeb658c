import type { Actor } from '../../../core/auth/actor.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { itemPolicy } from '../domain/policy.js';
import { listQueue } from '../store/item.repository.js';
import { describeItem } from './describe-item.js';

/** The inputs waiting for an answer that this reader may answer (of the oldest 500), oldest first. */
export async function listAnswerQueue(db: DbOrTx, actor: Actor, today: Ymd) {
  const mine = (await listQueue(db)).filter((i) => itemPolicy.canAnswer(actor, i));
  return Promise.all(mine.map((i) => describeItem(db, i.id, today)));
}
