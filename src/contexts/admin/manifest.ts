import type { ContextManifest } from '../../core/context.js';
import { registerAdminApi } from './api/routes.api.js';
import { adminMessages } from './messages.js';
import { registerAdminPages } from './pages/admin.pages.js';

/** Admin: the audit log, users and roles, the development outbox. */
export const admin: ContextManifest = {
  name: 'admin',
  messages: adminMessages,
  routes(app, services) {
    registerAdminApi(app, services);
    registerAdminPages(app, services);
  },
};
