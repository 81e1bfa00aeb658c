import type { ContextManifest } from '../../core/context.js';
import { registerStartupsApi } from './api/routes.api.js';
import { startDeadlineReminderJob } from './jobs/deadline-reminder-job.js';
import { startupsCatalog } from './messages.js';
import { startupsInit } from './migrations/2026-11-22-70-startups-init.js';
import { startupsReminderRecipients } from './migrations/2026-12-06-70-startups-reminder-recipients.js';
import { startupsBookletFields } from './migrations/2026-12-06-71-startups-booklet-fields.js';
import { startupsRuleDatesCallFields } from './migrations/2026-12-07-72-startups-rule-dates-call-fields.js';
import { registerStartupsPages } from './pages/startups.pages.js';
import { startupsExamplesSeed } from './seeds/examples.seed.js';
import { startupsRulesSeed } from './seeds/rules.seed.js';
import { startupsOrdinancesSeed } from './seeds/ordinances.seed.js';

/**
 * Youth smart-city startups (commitment ③): profiles, the Youth Startup Consultative Body and its calls,
 * opportunities abroad with applications, results, reminders and feeds, the rules library, policy feedback
 * the departments must answer (an accountability item), and the English promotional booklet.
 */
export const startups: ContextManifest = {
  name: 'startups',
  migrations: [startupsInit, startupsReminderRecipients, startupsBookletFields, startupsRuleDatesCallFields],
  seeds: [startupsRulesSeed, startupsOrdinancesSeed, startupsExamplesSeed],
  messages: startupsCatalog,
  jobs: [startDeadlineReminderJob],
  entry: {
    path: '/startups',
    title: { ko: '청년 스마트시티 스타트업', en: 'Youth smart-city startups' },
    description: {
      ko: '협의체, 해외 진출 기회, 법령·규정, 그리고 서울시가 답하는 정책 의견.',
      en: 'The consultative body, opportunities abroad, the rules, and policy feedback the city answers.',
    },
  },
  routes(app, services) {
    registerStartupsApi(app, services);
    registerStartupsPages(app, services);
  },
};
