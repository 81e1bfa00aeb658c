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
/**
 * Read models for other contexts (they never query accounts_* tables themselves): organisations by id, all of
 * them or of some types, whether a slug is taken; members of organisations; users' display names, contacts
 * by email (never the password hash) and holders of a platform role.
 */
export { findOrganisationById, listAllOrganisations, memberUserIds, organisationSlugTaken, organisationsByIds } from './store/organisation.repository.js';
export { findUserContactByEmail, listUserContacts, userDisplayNames, userIdsWithRole } from './store/user.repository.js';
/** Organisations another context creates or keeps in step inside its own transaction (a startup and its organisation). */
export { addOrganisation, updateOrganisationProfile, type NewOrganisation } from './use-cases/add-organisation.js';
/** More read models: organisations by slug or by name for pickers, the members of one organisation. */
export { findOrganisationBySlug, listOrganisationsByName, organisationMemberIds } from './store/directory.repository.js';
/** Users' display names and contacts by id, shaped for pages; organisations' ids, slugs and names (pickers, links). */
export { userContacts, userDisplayName } from './store/user-names.read-model.js';
export { allOrganisationNames, organisationNames } from './store/organisation-names.read-model.js';
/** Upkeep's: whether an organisation exists, organisations to choose from, names as a map by id, members' ids. */
export { listMemberIds, listOrganisationChoices, organisationExists, organisationNamesById } from './store/organisation-directory.js';
