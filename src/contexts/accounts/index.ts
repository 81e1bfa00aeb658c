/** What the accounts context offers the others: the permission check, notices to users, and API keys resolved to actors (for keys sent in a form body, as Open311 does). */
export { assertAllowed } from './domain/policy.js';
export { notifyUsers } from './use-cases/notify-users.js';
export { accountsAuthenticator } from './use-cases/authenticate.js';
export { canRenameOrganisation, renameOrganisation } from './use-cases/rename-organisation.js';
/** The platform's policies the admin pages check; users and their roles (the admin pages manage them); role names. */
export { auditPolicy, outboxPolicy, userPolicy } from './domain/policy.js';
export { listUsers } from './store/user.repository.js';
export { changeUserRole } from './use-cases/change-user-role.js';
export { accountsMessages } from './messages.js';
/** Organisations: found by id or slug (publishers, project owners), created (the open-data seed), their row. */
export { findOrganisation } from './store/organisation.repository.js';
export { createOrganisation, indexOrganisation } from './use-cases/create-organisation.js';
export type { OrganisationRow } from './store/tables.js';
/** Display names of users by id, and a user found by e-mail (read models for other contexts). */
export { userByEmail, userContacts, userDisplayName, userDisplayNames } from './store/user-names.read-model.js';
/** Organisations' ids, slugs and names by id, or all of them (read models for other contexts). */
export { allOrganisationNames, allOrganisations, organisationNames, organisationsByIds } from './store/organisation-names.read-model.js';
