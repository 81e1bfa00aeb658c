import { Type } from '@sinclair/typebox';
import { MEMBERSHIP_ROLES, ORGANISATION_TYPES, PLATFORM_ROLES } from '../../../core/auth/actor.js';
import { Body, LocalizedSchema } from '../../../core/http/schemas.js';

const literalUnion = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: literalUnion(PLATFORM_ROLES),
  createdAt: Type.String(),
});
export const MeSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: literalUnion(PLATFORM_ROLES),
  memberships: Type.Array(Type.Object({ organisationId: Type.String(), organisationType: Type.String(), role: Type.String() })),
});
export const OrganisationSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  type: literalUnion(ORGANISATION_TYPES),
  name: LocalizedSchema,
  description: LocalizedSchema,
  website: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
export const NewApiKeySchema = Type.Intersect([ApiKeySchema, Type.Object({ secret: Type.String({ description: 'Shown once' }) })]);
export const MembershipSchema = Type.Object({ organisationId: Type.String(), userId: Type.String(), role: literalUnion(MEMBERSHIP_ROLES) });

export const CreateOrganisationBody = Body({
  type: literalUnion(ORGANISATION_TYPES),
  nameKo: Type.Optional(Type.String({ maxLength: 120 })),
  nameEn: Type.Optional(Type.String({ maxLength: 120 })),
  descriptionKo: Type.Optional(Type.String({ maxLength: 2000 })),
  descriptionEn: Type.Optional(Type.String({ maxLength: 2000 })),
  website: Type.Optional(Type.String({ maxLength: 300 })),
  slug: Type.Optional(Type.String({ maxLength: 60 })),
});
export const AddMemberBody = Body({ email: Type.String({ maxLength: 254 }), role: literalUnion(MEMBERSHIP_ROLES) });
export const CreateApiKeyBody = Body({ name: Type.String({ minLength: 1, maxLength: 80 }) });
export const CreateUserBody = Body({
  email: Type.String({ maxLength: 254 }),
  displayName: Type.Optional(Type.String({ maxLength: 80 })),
  password: Type.String({ minLength: 10, maxLength: 200 }),
  role: literalUnion(PLATFORM_ROLES),
});
export const ChangeRoleBody = Body({ role: literalUnion(PLATFORM_ROLES) });
