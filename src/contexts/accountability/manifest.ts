import type { ContextManifest } from '../../core/context.js';
import { registerAccountabilityApi } from './api/routes.api.js';
import { registerAccountabilityFeeds } from './api/feeds.api.js';
import { startReminderJob } from './jobs/reminder-job.js';
import { accountabilityMessages } from './messages.js';
import { accountabilityInit } from './migrations/2026-11-22-10-accountability-init.js';
import { accountabilityClockEvents } from './migrations/2026-12-06-10-accountability-clock-events.js';
import { accountabilityAnsweredBy } from './migrations/2026-12-07-37-accountability-answered-by.js';
import { registerAccountabilityPages } from './pages/accountability.pages.js';
import { accountabilityNoticePreferences } from './migrations/2026-12-07-10-accountability-notice-preferences.js';
import { registerNoticeApi } from './api/notices.api.js';
import { registerNoticePages } from './pages/notices.pages.js';
import { registerHolidayAdminPages } from './pages/holidays-admin.pages.js';
import type { AccountabilityPorts } from './domain/ports.js';

/**
 * One response engine for every public input an authority must answer. What it needs from contexts that depend
 * on it (which department names are Open Seoul's translation, kept by plan) comes in as ports, wired in
 * src/contexts/index.ts, so that accountability never imports them back.
 */
export const accountability = (ports: AccountabilityPorts): ContextManifest => ({
  name: 'accountability',
  migrations: [accountabilityInit, accountabilityClockEvents, accountabilityNoticePreferences, accountabilityAnsweredBy],
  messages: accountabilityMessages,
  entry: { path: '/accountability', title: { ko: '답변 책임', en: 'Accountability' }, description: { ko: '', en: '' } },
  jobs: [startReminderJob],
  routes(app, services) {
    registerAccountabilityApi(app, services);
    registerAccountabilityFeeds(app, services);
    registerAccountabilityPages(app, services, ports);
    registerNoticeApi(app, services);
    registerNoticePages(app, services);
    registerHolidayAdminPages(app, services);
  },
});
