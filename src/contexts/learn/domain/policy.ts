import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';
import { ORGANISER_TYPES } from './vocabularies.js';

/**
 * Who may do what with programmes. Organisers are the members of the programme's organisation (a city
 * department, a CSO or a university) and admins; anyone signed in registers, answers exercises and applies.
 */
export const programmePolicy = {
  /** Create a programme for an organisation: its members, if it is a kind that organises (or an admin). */
  canCreateFor: (actor: Actor, organisationId: string) =>
    isAdmin(actor) ||
    (membershipIn(actor, organisationId) !== undefined &&
      (ORGANISER_TYPES as readonly string[]).includes(membershipIn(actor, organisationId)!.organisationType)),
  /** May create at all (shows the "new programme" link): admins and members of an organising organisation. */
  canCreate: (actor: Actor) =>
    isAdmin(actor) || (actor.user?.memberships ?? []).some((m) => (ORGANISER_TYPES as readonly string[]).includes(m.organisationType)),
  canOrganise: (actor: Actor, programme: { organisation_id: string }) => isAdmin(actor) || membershipIn(actor, programme.organisation_id) !== undefined,
  canRegister: (actor: Actor) => actor.user !== null,
};
