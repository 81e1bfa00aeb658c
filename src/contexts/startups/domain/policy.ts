import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';

const officialOf = (actor: Actor, organisationId: string) => actor.user?.role === 'official' && membershipIn(actor, organisationId) !== undefined;

/**
 * Who may do what in the startups context. A startup acts through the members of its organisation; the
 * programme (calls, selection, opportunities, meetings) is run by the officials of the programme department;
 * a rule is kept by the officials of its department or of the programme. Feedback is answered under the
 * accountability engine's itemPolicy.
 */
export const startupsPolicy = {
  canRegister: (actor: Actor) => actor.user !== null,
  canActFor: (actor: Actor, startup: { organisation_id: string }) => isAdmin(actor) || membershipIn(actor, startup.organisation_id) !== undefined,
  canRunProgramme: (actor: Actor, programmeId: string | null) => isAdmin(actor) || (programmeId !== null && officialOf(actor, programmeId)),
  canKeepRule: (actor: Actor, rule: { organisation_id: string }, programmeId: string | null) =>
    isAdmin(actor) || officialOf(actor, rule.organisation_id) || (programmeId !== null && officialOf(actor, programmeId)),
  canEndorse: (actor: Actor) => actor.user !== null,
};
