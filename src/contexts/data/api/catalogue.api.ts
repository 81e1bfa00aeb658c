import type { App, Services } from '../../../core/context.js';

/** Routes for the catalogue (list, search, facets, one dataset, create) and ingest (upload, preview, publish). */
export function registerCatalogueApi(app: App, services: Services): void {
  void app;
  void services;
}
