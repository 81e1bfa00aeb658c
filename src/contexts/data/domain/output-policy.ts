import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';

/**
 * The human output check. Reviewers are the data owner's: members of the organisation that publishes every
 * restricted dataset an output reads, or platform admins; never the analyst who asked (four eyes).
 */
export const outputPolicy = {
  /** Approved analysts (of at least one restricted dataset) ask for outputs. */
  canRequest: (actor: Actor, approvedDatasets: number) => actor.user !== null && approvedDatasets > 0,
  canReview: (actor: Actor, output: { user_id: string }, publishers: ReadonlyArray<string | null>) =>
    actor.user !== null &&
    actor.user.id !== output.user_id &&
    (isAdmin(actor) || (publishers.length > 0 && publishers.every((p) => p !== null && membershipIn(actor, p) !== undefined))),
  canWithdraw: (actor: Actor, output: { user_id: string }) => actor.user !== null && actor.user.id === output.user_id,
  canRead: (actor: Actor, output: { user_id: string }, publishers: ReadonlyArray<string | null>) =>
    actor.user !== null && (actor.user.id === output.user_id || outputPolicy.canReview(actor, output, publishers)),
};
