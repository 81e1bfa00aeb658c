import type { App, Services } from '../../../core/context.js';

/** Routes for CKAN Action API subset, DCAT-AP 3, datapackage.json, Seoul Open Data Plaza URL shim. */
export function registerCompatApi(app: App, services: Services): void {
  void app;
  void services;
}
