import type { App, Services } from '../../../core/context.js';
import { registerDashboardPage } from './dashboard.page.js';
import { registerListPage } from './list.page.js';
import { registerNewRequestPage } from './new-request.page.js';
import { registerQueuePage } from './queue.page.js';
import { registerRequestPage } from './request.routes.js';
import { registerRubricPage } from './rubric.page.js';

/** Every page of the demand window (the static paths before /demand/requests/:id, though the router ranks them anyway). */
export function registerDemandPages(app: App, services: Services) {
  registerListPage(app, services);
  registerNewRequestPage(app, services);
  registerRequestPage(app, services);
  registerQueuePage(app, services);
  registerDashboardPage(app, services);
  registerRubricPage(app, services);
}
