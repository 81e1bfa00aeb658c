import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';

/**
 * Who may publish: platform admins, and members of the publishing organisation (a city department, Seoul Metro,
 * an NGO or university publishing its own data). The CLI acts as the system.
 */
export const datasetPolicy = {
  canCreate: (actor: Actor, publisherId: string | null) => isAdmin(actor) || (publisherId !== null && membershipIn(actor, publisherId) !== undefined),
  canPublish: (actor: Actor, dataset: { publisher_id: string | null }) =>
    isAdmin(actor) || (dataset.publisher_id !== null && membershipIn(actor, dataset.publisher_id) !== undefined),
  /** Approved analysts of a restricted dataset: approved by admins or by the dataset's publisher. */
  canApproveAnalyst: (actor: Actor, dataset: { publisher_id: string | null }) =>
    isAdmin(actor) || (dataset.publisher_id !== null && membershipIn(actor, dataset.publisher_id) !== undefined),
};
