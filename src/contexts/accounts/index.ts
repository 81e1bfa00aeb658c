/** What the accounts context offers the others: the permission check and notices to users. */
export { assertAllowed } from './domain/policy.js';
export { notifyUsers } from './use-cases/notify-users.js';
export { canRenameOrganisation, renameOrganisation } from './use-cases/rename-organisation.js';
