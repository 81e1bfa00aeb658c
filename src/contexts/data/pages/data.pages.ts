import type { App, Services } from '../../../core/context.js';

/** Routes for catalogue, dataset pages, upload and publish, query and chart builders. */
export function registerDataPages(app: App, services: Services): void {
  void app;
  void services;
}
