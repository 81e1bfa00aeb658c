import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';

/** The team as the policy needs it: who leads, who is on it. */
export interface TeamView {
  members: Array<{ userId: string; role: string; state: 'pending' | 'active' }>;
}

const memberOf = (actor: Actor, team: TeamView) => team.members.find((m) => m.userId === actor.user?.id && m.state === 'active');
const leads = (actor: Actor, team: TeamView) => memberOf(actor, team)?.role === 'lead';

/**
 * Who may do what with civic-hacking projects and the showcase. Joining is by request: the project's lead
 * (or an admin) accepts, so a team stays what its lead says it is; anyone signed in may ask.
 */
export const projectPolicy = {
  canPropose: (actor: Actor) => actor.user !== null,
  /** A proposer may name an organisation only if they are a member of it. */
  canProposeFor: (actor: Actor, organisationId: string) => isAdmin(actor) || membershipIn(actor, organisationId) !== undefined,
  canEdit: (actor: Actor, team: TeamView) => isAdmin(actor) || leads(actor, team),
  canChangeStatus: (actor: Actor, team: TeamView) => isAdmin(actor) || leads(actor, team),
  canAccept: (actor: Actor, team: TeamView) => isAdmin(actor) || leads(actor, team),
  canJoin: (actor: Actor) => actor.user !== null,
  /** Progress posts: members of the team only. */
  canPost: (actor: Actor, team: TeamView) => memberOf(actor, team) !== undefined,
};

export const reusePolicy = {
  canSubmit: (actor: Actor) => actor.user !== null,
  canModerate: (actor: Actor) => isAdmin(actor),
};
