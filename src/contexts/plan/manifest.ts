import type { ContextManifest } from '../../core/context.js';
import { registerPlanApi } from './api/routes.api.js';
import { planMessages } from './messages.js';
import { planInit } from './migrations/2026-11-22-20-plan-init.js';
import { planSuggestionComments } from './migrations/2026-11-22-21-plan-suggestion-comments.js';
import { registerCallPages } from './pages/calls.pages.js';
import { registerCommitmentPages } from './pages/commitments.pages.js';
import { registerCommitteePages } from './pages/committee.pages.js';
import { actionPlanSeed } from './seeds/action-plan.seed.js';
import { irmOgpPageSeed } from './seeds/irm-ogp-page.seed.js';
import { koreanTranslationSeed } from './seeds/korean-translation.seed.js';
import { planIrmHistory } from './migrations/2026-12-06-20-plan-irm-history.js';
import { planContentEdits } from './migrations/2026-12-07-20-plan-content-edits.js';
import { registerPlanContentApi } from './api/content.api.js';
import { registerContentPages } from './pages/content.pages.js';

/** The action plan in the open: commitments, milestones, progress, assessment, calls, suggestions, committee. */
export const plan: ContextManifest = {
  name: 'plan',
  migrations: [planInit, planSuggestionComments, planIrmHistory, planContentEdits],
  seeds: [actionPlanSeed, irmOgpPageSeed, koreanTranslationSeed],
  messages: planMessages,
  entry: { path: '/plan', title: { ko: '실행계획', en: 'The action plan' }, description: { ko: '', en: '' } },
  routes(app, services) {
    registerPlanApi(app, services);
    registerPlanContentApi(app, services);
    registerCommitmentPages(app, services);
    registerCallPages(app, services);
    registerCommitteePages(app, services);
    registerContentPages(app, services);
  },
};
