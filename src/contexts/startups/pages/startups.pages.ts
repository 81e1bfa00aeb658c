import type { App, Services } from '../../../core/context.js';
import { registerCallPages } from './calls.pages.js';
import { registerDirectoryPages } from './directory.pages.js';
import { registerManagePages } from './manage.pages.js';
import { registerRulePages } from './rules.pages.js';

export function registerStartupsPages(app: App, services: Services) {
  registerDirectoryPages(app, services);
  registerCallPages(app, services);
  registerRulePages(app, services);
  registerManagePages(app, services);
}
