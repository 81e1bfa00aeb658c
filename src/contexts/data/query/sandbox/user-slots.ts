import type { Services } from '../../../../core/context.js';
import { AppError } from '../../../../core/errors.js';

/**
 * Fairness in the shared SQL sandbox: each user runs one query at a time; their next ones wait in a short
 * queue of their own (outside the shared pool, so they hold no slot another user could use), and beyond it the
 * answer is a clear 429 `data.sql_one_at_a_time`. Counted per process (each server has its own pool).
 */
export const USER_SLOTS = { running: 1, queued: 2 };

interface UserQueue {
  running: number;
  waiting: Array<() => void>;
}
const queues = new WeakMap<Services, Map<string, UserQueue>>();

/** Waits for the user's turn; returns the function that gives it back (call it exactly once, when the query is over). */
export async function takeUserSlot(services: Services, userId: string): Promise<() => void> {
  let byUser = queues.get(services);
  if (!byUser) queues.set(services, (byUser = new Map()));
  let q = byUser.get(userId);
  if (!q) byUser.set(userId, (q = { running: 0, waiting: [] }));
  const queue = q;
  if (queue.running >= USER_SLOTS.running) {
    if (queue.waiting.length >= USER_SLOTS.queued) {
      throw new AppError(
        'data.sql_one_at_a_time',
        `You already have ${queue.running + queue.waiting.length} SQL queries running or waiting; wait for one to finish (one query at a time per person)`,
        429,
      );
    }
    await new Promise<void>((resolve) => queue.waiting.push(resolve));
  } else queue.running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = queue.waiting.shift();
    if (next)
      next(); // the slot passes on: running stays the same
    else {
      queue.running--;
      if (!queue.running) byUser!.delete(userId);
    }
  };
}
