import type { App, Services } from '../../../core/context.js';
import { registerExportsApi } from './exports.api.js';
import { registerLinesApi } from './lines.api.js';
import { registerStationsApi } from './stations.api.js';

/** The transit network API by resource: stations and their interiors, lines, bulk exports (routing is routing.api.ts). */
export function registerTransitApi(app: App, services: Services) {
  registerStationsApi(app, services);
  registerLinesApi(app, services);
  registerExportsApi(app, services);
}
