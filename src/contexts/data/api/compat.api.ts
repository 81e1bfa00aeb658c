import type { App, Services } from '../../../core/context.js';
import { registerCkanApi } from './compat-ckan.api.js';
import { registerLinkedDataApi } from './compat-linked-data.api.js';
import { registerSeoulShim } from './compat-seoul.api.js';
import { registerSeoulAdminApi } from './compat-seoul-admin.api.js';

/**
 * The APIs other portals and tools already speak: a CKAN Action API subset (/api/3/action), DCAT-AP 3 and
 * Frictionless datapackage.json (/api/v1/data/…), and Seoul Open Data Plaza's URL form (/seoul-openapi/…).
 */
export function registerCompatApi(app: App, services: Services): void {
  registerCkanApi(app, services);
  registerLinkedDataApi(app, services);
  registerSeoulShim(app, services);
  registerSeoulAdminApi(app, services);
}
