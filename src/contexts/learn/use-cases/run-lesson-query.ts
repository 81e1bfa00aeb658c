import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { executeSql } from '../../data/index.js';
import type { ResultTable } from '../domain/answer-check.js';

/**
 * Lessons read the lake through the data context's SQL sandbox (the same parse-tree check, the same limits):
 * a lesson's own queries (expected answers, charts) run as this reader, who may read public datasets only.
 */
export const LESSON_READER: Actor = {
  kind: 'system',
  user: { id: 'system:learn-lessons', email: 'lessons@learn.invalid', displayName: 'lessons', role: 'citizen', memberships: [] },
};

export const LESSON_LIMITS = { maxRows: 2000, maxBytes: 4_000_000, timeoutMs: 10_000 };

export async function runLessonQuery(services: Services, actor: Actor, sql: string): Promise<ResultTable> {
  const r = await executeSql(services, actor, { sql, ...LESSON_LIMITS });
  return { columns: r.columns.map((c) => c.name), rows: r.rows };
}

/**
 * The expected answer of a lesson query, cached per app (the datasets change only on publish, a new version); per
 * Services, not per process: two apps in one process (tests, a CLI beside a server) read different lakes.
 */
const caches = new WeakMap<Services, Map<string, { at: number; value: Promise<ResultTable> }>>();
export function expectedResult(services: Services, sql: string): Promise<ResultTable> {
  let cache = caches.get(services);
  if (!cache) caches.set(services, (cache = new Map()));
  const hit = cache.get(sql);
  if (hit && Date.now() - hit.at < 60_000) return hit.value;
  const value = runLessonQuery(services, LESSON_READER, sql);
  value.catch(() => cache.delete(sql));
  cache.set(sql, { at: Date.now(), value });
  return value;
}
