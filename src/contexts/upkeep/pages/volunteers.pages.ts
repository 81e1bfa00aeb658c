import type { App, Services } from '../../../core/context.js';
import { registerRevisePage } from './revise.page.js';
import { registerStewardsPage } from './stewards.page.js';
import { registerSurveyApp } from './survey-app.js';

/** Volunteers protected: revise after review, stewards assigned by admins, the installable offline survey. */
export function registerVolunteerPages(app: App, services: Services) {
  registerRevisePage(app, services);
  registerStewardsPage(app, services);
  registerSurveyApp(app, services);
}
