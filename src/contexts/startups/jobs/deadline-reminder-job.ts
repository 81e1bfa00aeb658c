import type { Services } from '../../../core/context.js';
import { sendDeadlineReminders } from '../use-cases/send-deadline-reminders.js';

const EVERY_MS = 60 * 60_000;

/** Deadline reminders every hour while the server runs (`open-seoul jobs run startup-reminders` runs them once). */
export function startDeadlineReminderJob(services: Services): () => void {
  const run = () =>
    sendDeadlineReminders(services).then(
      ({ sent }) => {
        if (sent) services.log.info({ sent }, 'startup deadline reminders sent');
      },
      (error: unknown) => services.log.error({ err: error }, 'startup deadline reminders failed'),
    );
  const first = setTimeout(run, 15_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
