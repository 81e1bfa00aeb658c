import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';

/** An official who is a member of the department (any membership role). */
const officialOf = (actor: Actor, organisationId: string) => actor.user?.role === 'official' && membershipIn(actor, organisationId) !== undefined;

/**
 * Who may do what with data requests. Answering is the accountability engine's itemPolicy.canAnswer
 * (officials of the department, then its head, then the committee). Everything here is decided from the
 * actor and the request's department alone.
 */
export const demandPolicy = {
  canRequest: (actor: Actor) => actor.user !== null,
  canSupport: (actor: Actor) => actor.user !== null,
  /** Feasibility and reuse potential: the department's officials know what publishing would take. */
  canAssess: (actor: Actor, request: { organisation_id: string }) => isAdmin(actor) || officialOf(actor, request.organisation_id),
  /** Handing a request to the department that holds the data (from the triage division, or a wrong guess). */
  canTriage: (actor: Actor, request: { organisation_id: string }) => isAdmin(actor) || officialOf(actor, request.organisation_id),
  /** The department's staff (officials and publishers), or the publisher of the dataset being linked. */
  /**
   * Only the dataset's publisher (or an admin) links it as the answer to a request. Without the dataset yet
   * (to show the form), any member of an organisation may try; the dataset then decides.
   */
  canLinkDataset: (actor: Actor, _request: { organisation_id: string }, dataset?: { publisher_id: string | null }) =>
    isAdmin(actor) ||
    (dataset === undefined
      ? (actor.user?.memberships.length ?? 0) > 0
      : dataset.publisher_id != null && membershipIn(actor, dataset.publisher_id) !== undefined),
  /** The requester disputes a link (the dataset does not answer what they asked). */
  canDisputeLink: (actor: Actor, request: { author_id: string }) => actor.user?.id === request.author_id,
  canEditRubric: (actor: Actor) => isAdmin(actor),
  /** The ranked work queue: officials, the committee's reviewers (the OGP sub-group) and admins. */
  canSeeQueue: (actor: Actor) => isAdmin(actor) || actor.user?.role === 'official' || actor.user?.role === 'reviewer',
};
