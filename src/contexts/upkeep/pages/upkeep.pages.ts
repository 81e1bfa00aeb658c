import type { App, Services } from '../../../core/context.js';
import { registerCoveragePage } from './coverage.page.js';
import { registerEditorPage } from './editor.page.js';
import { registerProposalPages } from './proposal.page.js';
import { registerReportPages } from './report.page.js';
import { registerReportListPages } from './reports-list.page.js';
import { registerSurveyPage } from './survey.page.js';
import { registerVersionPages } from './versions.page.js';

/** The upkeep pages: field survey (phone), proposals and review, history and revert, reports, coverage. */
export function registerUpkeepPages(app: App, services: Services) {
  registerSurveyPage(app, services);
  registerProposalPages(app, services);
  registerVersionPages(app, services);
  registerReportPages(app, services);
  registerReportListPages(app, services);
  registerCoveragePage(app, services);
  registerEditorPage(app, services);
}
