import type { Services } from '../../../core/context.js';
import { sendReminders } from '../use-cases/send-reminders.js';

const EVERY_MS = 10 * 60_000;

/**
 * Runs the reminders every ten minutes while the server runs. What was sent is stored, so a restart or two
 * servers running at once never send a reminder twice (`open-seoul jobs run reminders` runs it once).
 */
export function startReminderJob(services: Services): () => void {
  const run = () =>
    sendReminders(services).then(
      ({ sent }) => {
        if (sent) services.log.info({ sent }, 'accountability reminders sent');
      },
      (error: unknown) => services.log.error({ err: error }, 'accountability reminders failed'),
    );
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
