import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { assertAllowed } from '../../accounts/index.js';
import { ITEM_NOTICES, NOTICE_NAMES } from '../domain/notice-kinds.js';
import { choicesOf } from '../store/preferences.repository.js';

/** The signed-in reader's choice for every kind of notice, with its name. */
export async function listNoticePreferences(services: Services, actor: Actor) {
  assertAllowed(actor, actor.user !== null, 'see notice choices');
  const mine = (await choicesOf(services.db, [actor.user!.id])).get(actor.user!.id)!;
  return ITEM_NOTICES.map((notice) => ({ notice, name: NOTICE_NAMES[notice], ...mine[notice] }));
}
