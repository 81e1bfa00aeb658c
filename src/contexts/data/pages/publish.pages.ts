import type { App, Services } from '../../../core/context.js';

/** Pages for publishers: create a dataset, upload a file, check the preview (encoding, schema, problems), publish. */
export function registerPublishPages(app: App, services: Services): void {
  void app;
  void services;
}
