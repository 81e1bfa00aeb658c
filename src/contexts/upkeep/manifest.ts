import type { ContextManifest } from '../../core/context.js';
import { registerOpen311Api } from './api/open311.api.js';
import { registerReportsApi } from './api/reports.api.js';
import { registerUpkeepApi } from './api/upkeep.api.js';
import { registerVolunteersApi } from './api/volunteers.api.js';
import { transitUpkeep } from './migrations/2026-11-22-31-transit-upkeep.js';
import { transitReportChannel } from './migrations/2026-12-07-37-transit-report-channel.js';
import { transitFeedTrust } from './migrations/2026-12-07-38-transit-feed-trust.js';
import { transitVolunteers } from './migrations/2026-12-07-39-transit-volunteers.js';
import { editorMessages } from './pages/editor.messages.js';
import { reportListMessages } from './pages/reports.messages.js';
import { upkeepMessages } from './pages/upkeep.messages.js';
import { registerUpkeepPages } from './pages/upkeep.pages.js';
import { volunteersMessages } from './pages/volunteers.messages.js';
import { registerVolunteerPages } from './pages/volunteers.pages.js';
import { upkeepSeed } from './seeds/upkeep.seed.js';
import { startWebhookJob } from './use-cases/deliver-webhooks.js';
import { startStatusPollJob } from './use-cases/poll-live-status.js';
import { startStalenessJob } from './use-cases/record-staleness.js';

/**
 * Upkeep of the transit data (commitment ①, third milestone): stewards, surveys and proposals, versions, photos,
 * problem reports (web, API, Open311), the change feed and its webhooks, and live facility status from operators.
 * Its migrations keep their `transit-` names (and its tables their `transit_` prefix) so existing databases stay
 * valid; its pages keep their `/transit/...` addresses. It reaches transit only through transit/index.ts.
 */
export const upkeep: ContextManifest = {
  name: 'upkeep',
  migrations: [transitUpkeep, transitReportChannel, transitFeedTrust, transitVolunteers],
  seeds: [upkeepSeed],
  jobs: [startWebhookJob, startStalenessJob, startStatusPollJob],
  messages: { ...upkeepMessages, ...reportListMessages, ...editorMessages, ...volunteersMessages },
  routes(app, services) {
    registerUpkeepApi(app, services);
    registerVolunteersApi(app, services); // revise after review, remove a steward
    registerVolunteerPages(app, services); // revise page, stewards page (admins), the offline survey app
    registerReportsApi(app, services); // public lists of reports per station and per operator, with their answers
    registerOpen311Api(app, services); // Open311 GeoReport v2: services, requests to file and follow
    registerUpkeepPages(app, services); // survey, proposals, history, reports, coverage, and the editor (registerEditorPage)
  },
};
