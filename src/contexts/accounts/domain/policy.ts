import { isAdmin, membershipIn, type Actor, type OrganisationType } from '../../../core/auth/actor.js';
import { forbidden, unauthenticated } from '../../../core/errors.js';

/** Organisations that answer for the city: only platform admins create them. */
const AUTHORITY_TYPES: OrganisationType[] = ['city_department', 'transit_operator'];

/** One policy per entity. Use cases call `assert…`; pages may call the booleans to hide what cannot be done. */
export const userPolicy = {
  canCreate: (actor: Actor) => isAdmin(actor),
  canChangeRole: (actor: Actor) => isAdmin(actor),
  canList: (actor: Actor) => isAdmin(actor),
};

export const organisationPolicy = {
  canCreate: (actor: Actor, type: OrganisationType) => isAdmin(actor) || (actor.user !== null && !AUTHORITY_TYPES.includes(type)),
  canManageMembers: (actor: Actor, organisationId: string) => isAdmin(actor) || membershipIn(actor, organisationId)?.role === 'admin',
};

export const apiKeyPolicy = {
  canCreate: (actor: Actor) => actor.user !== null && actor.kind === 'user',
  canRevoke: (actor: Actor, ownerId: string) => isAdmin(actor) || actor.user?.id === ownerId,
};

export const auditPolicy = {
  canRead: (actor: Actor) => isAdmin(actor),
};

export const outboxPolicy = {
  canRead: (actor: Actor) => isAdmin(actor),
};

export function assertAllowed(actor: Actor, allowed: boolean, action: string): void {
  if (allowed) return;
  if (!actor.user && actor.kind !== 'system') throw unauthenticated();
  throw forbidden(action);
}
