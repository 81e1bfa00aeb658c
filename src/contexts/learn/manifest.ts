import type { ContextManifest } from '../../core/context.js';
import { registerLearnFeeds } from './api/feeds.api.js';
import { registerLearnApi } from './api/routes.api.js';
import { startLearnReminderJob } from './jobs/reminder-job.js';
import { learnMessages } from './messages.js';
import { learnInit } from './migrations/2026-11-22-80-learn-init.js';
import { learnCalendarSequence } from './migrations/2026-12-06-80-learn-calendar-sequence.js';
import { learnCertificateDates } from './migrations/2026-12-06-81-learn-certificate-dates.js';
import { registerLearnPages } from './pages/learn.pages.js';
import { lessonsSeed } from './seeds/lessons.seed.js';
import { planProgrammesSeed } from './seeds/plan-programmes.seed.js';

/**
 * Data literacy (commitment ②): programmes people join (courses, seminars, forums, Mentoring Day, the fellowship,
 * specialised tracks) with registration, a waitlist, attendance and certificates; and lessons that teach with
 * the lake's real datasets, checked automatically.
 */
export const learn: ContextManifest = {
  name: 'learn',
  migrations: [learnInit, learnCalendarSequence, learnCertificateDates],
  seeds: [lessonsSeed, planProgrammesSeed],
  messages: learnMessages,
  entry: {
    path: '/learn',
    title: { ko: '데이터 리터러시', en: 'Data literacy' },
    description: {
      ko: '시민과 교사를 위한 교육, 세미나, 멘토링, 서울의 실제 데이터로 배우는 수업.',
      en: "Courses, seminars and mentoring for citizens and teachers; lessons on Seoul's real data.",
    },
  },
  jobs: [startLearnReminderJob],
  routes(app, services) {
    registerLearnApi(app, services);
    registerLearnFeeds(app, services);
    registerLearnPages(app, services);
  },
};
