import type { App, Services } from '../../../core/context.js';
import { registerAnalysesListPage } from './analyses-list.page.js';
import { registerAnalysisFormPage } from './analysis-form.page.js';
import { registerAnalysisPage } from './analysis.page.js';

/** Every page of analyses: the list, the new-analysis form, and an analysis with its forms. */
export function registerAnalysesPages(app: App, services: Services) {
  registerAnalysesListPage(app, services);
  registerAnalysisFormPage(app, services);
  registerAnalysisPage(app, services);
}
