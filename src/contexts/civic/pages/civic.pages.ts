import type { App, Services } from '../../../core/context.js';
import { registerProjectFormPages } from './project-form.page.js';
import { registerProjectPage } from './project.page.js';
import { registerProjectsListPage } from './projects-list.page.js';
import { registerShowcasePages } from './showcase.page.js';

/** Every page of projects and the showcase. */
export function registerCivicPages(app: App, services: Services) {
  registerProjectsListPage(app, services);
  registerProjectFormPages(app, services);
  registerProjectPage(app, services);
  registerShowcasePages(app, services);
}
