import { isAdmin, type Actor } from '../../../core/auth/actor.js';

/**
 * Who may change live facility status: the operators that run the lifts (members of a transit_operator
 * organisation such as Seoul Metro, by session or by API key) and platform admins.
 */
export const facilityStatusPolicy = {
  canSet: (actor: Actor) => isAdmin(actor) || (actor.user?.memberships.some((m) => m.organisationType === 'transit_operator') ?? false),
};
