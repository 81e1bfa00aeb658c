import type { ContextManifest } from '../../core/context.js';
import { registerAccountsApi } from './api/routes.api.js';
import { accountsMessages } from './messages.js';
import { accountsInit } from './migrations/2026-11-22-01-accounts-init.js';
import { accountsNotifications } from './migrations/2026-11-22-02-accounts-notifications.js';
import { accountsSignInThrottle } from './migrations/2026-12-06-01-accounts-sign-in-throttle.js';
import { registerAccountPage } from './pages/account.page.js';
import { registerAuthPages } from './pages/auth.pages.js';
import { registerOrganisationPages } from './pages/organisations.pages.js';
import { demoAdminSeed, demoOrganisationsSeed } from './seeds/demo-organisations.js';
import { accountsAuthenticator } from './use-cases/authenticate.js';

/** Accounts: people, organisations, memberships, sessions, password resets and API keys. */
export const accounts: ContextManifest = {
  name: 'accounts',
  migrations: [accountsInit, accountsNotifications, accountsSignInThrottle],
  seeds: [demoOrganisationsSeed, demoAdminSeed],
  messages: accountsMessages,
  authenticator: accountsAuthenticator,
  routes(app, services) {
    registerAccountsApi(app, services);
    registerAuthPages(app, services);
    registerAccountPage(app, services);
    registerOrganisationPages(app, services);
  },
};
