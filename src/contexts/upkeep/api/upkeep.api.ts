import type { App, Services } from '../../../core/context.js';
import { registerFacilityStatusApi } from './facility-status.api.js';
import { registerUpkeepFeedsApi } from './feeds.api.js';
import { registerInteriorsApi } from './interiors.api.js';
import { registerProposalsApi } from './proposals.api.js';

/** Upkeep's API under /api/v1/transit, by responsibility; the order is the order of the OpenAPI document. */
export function registerUpkeepApi(app: App, services: Services) {
  registerInteriorsApi(app, services); // stewards, the interior as it is now, versions
  registerProposalsApi(app, services); // proposals, field surveys, reviews, photos
  registerFacilityStatusApi(app, services); // riders' reports, operators' statuses and signed pushes
  registerUpkeepFeedsApi(app, services); // change feed, webhooks, alerts, coverage
}
