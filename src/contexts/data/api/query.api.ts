import type { App, Services } from '../../../core/context.js';

/** Routes for rows with filters, cursor paging and aggregation; the SQL sandbox; downloads. */
export function registerQueryApi(app: App, services: Services): void {
  void app;
  void services;
}
