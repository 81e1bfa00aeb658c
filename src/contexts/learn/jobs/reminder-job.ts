import type { Services } from '../../../core/context.js';
import { sendLearnReminders } from '../use-cases/send-learn-reminders.js';

const EVERY_MS = 10 * 60_000;

/** Session reminders every ten minutes while the server runs (`open-seoul jobs run learn-reminders` runs them once). */
export function startLearnReminderJob(services: Services): () => void {
  const run = () => sendLearnReminders(services).then(
    ({ sent }) => { if (sent) services.log.info({ sent }, 'learn reminders sent'); },
    (error: unknown) => services.log.error({ err: error }, 'learn reminders failed'),
  );
  const first = setTimeout(run, 7_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => { clearTimeout(first); clearInterval(timer); };
}
