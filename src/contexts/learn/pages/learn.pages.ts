import type { App, Services } from '../../../core/context.js';
import { registerCalendarPage } from './calendar.page.js';
import { registerCertificatePages } from './certificate.page.js';
import { registerLearnHomePage } from './learn-home.page.js';
import { registerLessonPages } from './lesson.page.js';
import { registerMePage } from './me.page.js';
import { registerOrganiserPages } from './organiser.page.js';
import { registerProgrammeFormPages } from './programme-form.page.js';
import { registerProgrammePage } from './programme.page.js';

/** Every page of the learn context. */
export function registerLearnPages(app: App, services: Services) {
  registerLearnHomePage(app, services);
  registerProgrammeFormPages(app, services);
  registerProgrammePage(app, services);
  registerOrganiserPages(app, services);
  registerCalendarPage(app, services);
  registerMePage(app, services);
  registerCertificatePages(app, services);
  registerLessonPages(app, services);
}
