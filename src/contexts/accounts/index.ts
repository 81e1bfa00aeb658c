/** What the accounts context offers the others: the permission check, notices to users, and API keys resolved to actors (for keys sent in a form body, as Open311 does). */
export { assertAllowed } from './domain/policy.js';
export { notifyUsers } from './use-cases/notify-users.js';
export { accountsAuthenticator } from './use-cases/authenticate.js';
export { canRenameOrganisation, renameOrganisation } from './use-cases/rename-organisation.js';
/** An organisation by id or slug, and its entry in the search index (a startup registers one). */
export { findOrganisation } from './store/organisation.repository.js';
export { indexOrganisation } from './use-cases/create-organisation.js';
