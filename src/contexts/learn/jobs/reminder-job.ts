import type { Services } from '../../../core/context.js';
import { issueDueCertificates } from '../use-cases/issue-certificates.js';
import { sendLearnReminders } from '../use-cases/send-learn-reminders.js';

const EVERY_MS = 10 * 60_000;

/** Session reminders, and certificates of courses that have just ended, every ten minutes while the server runs (`open-seoul jobs run learn-reminders` runs them once). */
export function startLearnReminderJob(services: Services): () => void {
  const run = () =>
    Promise.all([sendLearnReminders(services), issueDueCertificates(services)]).then(
      ([{ sent }, { issued }]) => {
        if (sent) services.log.info({ sent }, 'learn reminders sent');
        if (issued) services.log.info({ issued }, 'learn certificates issued');
      },
      (error: unknown) => services.log.error({ err: error }, 'learn reminders failed'),
    );
  const first = setTimeout(run, 7_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
