/** Who is acting. Every use case receives one; policies decide from it alone. */
export const PLATFORM_ROLES = ['citizen', 'official', 'reviewer', 'admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export const MEMBERSHIP_ROLES = ['member', 'admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const ORGANISATION_TYPES = ['city_department', 'ngo', 'transit_operator', 'startup', 'university'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export interface Membership {
  organisationId: string;
  organisationType: OrganisationType;
  role: MembershipRole;
}

export interface ActingUser {
  id: string;
  email: string;
  displayName: string;
  role: PlatformRole;
  memberships: Membership[];
}

export interface Actor {
  kind: 'anonymous' | 'user' | 'api_key' | 'system';
  user: ActingUser | null;
  requestId?: string;
}

export const anonymous = (requestId?: string): Actor => ({ kind: 'anonymous', user: null, requestId });
export const system = (): Actor => ({ kind: 'system', user: null });

export const isAdmin = (actor: Actor) => actor.kind === 'system' || actor.user?.role === 'admin';
export const membershipIn = (actor: Actor, organisationId: string) => actor.user?.memberships.find((m) => m.organisationId === organisationId);
