import type { Seed, Services } from '../context.js';
import { nowIso } from './database.js';
import { nestable } from './nested-transaction.js';

/**
 * Runs each seed once per database, in manifest order. A seed and its core_seed record commit together in one
 * transaction (the seed's own transactions become savepoints), so a crash or a failure at any point leaves
 * nothing of it and the next start runs it again. Files a seed writes must be written before it returns
 * (they may be orphaned by a crash, never missing for committed rows).
 */
export async function runSeeds(services: Services, seeds: Seed[], opts: { demo: boolean }): Promise<string[]> {
  const done = new Set((await services.db.selectFrom('core_seed').select('name').execute()).map((r) => r.name));
  const applied: string[] = [];
  for (const seed of seeds) {
    if (done.has(seed.name) || (seed.demo && !opts.demo)) continue;
    await services.db.transaction().execute(async (tx) => {
      await seed.run({ ...services, db: nestable(tx) });
      await tx.insertInto('core_seed').values({ name: seed.name, applied_at: nowIso() }).execute();
    });
    applied.push(seed.name);
  }
  return applied;
}
