import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { addFollower, isFollower, removeFollower } from '../store/follower.repository.js';
import { findItemBySubject, loadItem } from '../store/item.repository.js';
import { validUnfollowToken } from './tell-followers.js';

/** Who starts following, and which input: by its id, or by the record of another context it stands for. */
export type FollowInput = { userId: string } & ({ itemId: string } | { subjectType: string; subjectId: string });

/**
 * Anyone signed in may follow an input: its events then reach them in the app and by mail. Other contexts
 * add followers through this use case (a supporter of a request, an endorser of feedback), inside their own
 * transaction when they pass one. An input found by id must exist (404); a subject with no input yet is
 * followed by nobody (false). Following twice is following once.
 */
export async function followItem(db: DbOrTx, input: FollowInput): Promise<boolean> {
  const item = 'itemId' in input ? await loadItem(db, input.itemId) : await findItemBySubject(db, input.subjectType, input.subjectId);
  if (!item) return false;
  await addFollower(db, item.id, input.userId);
  return true;
}

export async function unfollowItem(services: Services, actor: Actor, input: { itemId: string }) {
  const item = await loadItem(services.db, input.itemId);
  await removeFollower(services.db, item.id, actor.user!.id);
}

/** The one-click link of a mail: no sign-in, the signed token names the reader and the input. */
export async function unfollowByLink(services: Services, input: { itemId: string; userId: unknown; token: unknown }) {
  const item = await loadItem(services.db, input.itemId);
  if (typeof input.userId !== 'string' || typeof input.token !== 'string' || !validUnfollowToken(services, item.id, input.userId, input.token)) {
    throw new AppError('accountability.bad_unfollow_link', 'This unsubscribe link is not valid (it may have been cut short in the mail)', 400);
  }
  await removeFollower(services.db, item.id, input.userId);
  return item;
}

export const isFollowing = (services: Services, itemId: string, userId: string) => isFollower(services.db, itemId, userId);
