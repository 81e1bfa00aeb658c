import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';

const officialOf = (actor: Actor, organisationId: string | null) =>
  actor.user?.role === 'official' && organisationId !== null && membershipIn(actor, organisationId) !== undefined;

/** Who may do what in the action plan. */
export const planPolicy = {
  canReportProgress: (actor: Actor, commitment: { organisation_id: string | null }) => isAdmin(actor) || officialOf(actor, commitment.organisation_id),
  canAssess: (actor: Actor) => isAdmin(actor) || actor.user?.role === 'reviewer',
  canOpenCall: (actor: Actor) => isAdmin(actor),
  canSuggest: (actor: Actor) => actor.user !== null && actor.kind === 'user',
  canRecordOutcome: (actor: Actor, call: { organisation_id: string }) => isAdmin(actor) || officialOf(actor, call.organisation_id),
  canManageCommittee: (actor: Actor) => isAdmin(actor),
  /** The plan's words (commitments, milestones and their weights): admins, and officials of the responsible department. */
  canEditContent: (actor: Actor, commitment: { organisation_id: string | null }) => isAdmin(actor) || officialOf(actor, commitment.organisation_id),
};
