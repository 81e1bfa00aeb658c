import type { Seed, Services } from '../context.js';
import { nowIso } from './database.js';

/** Runs each seed once per database, in manifest order; a failed seed leaves no record and is retried next start. */
export async function runSeeds(services: Services, seeds: Seed[], opts: { demo: boolean }): Promise<string[]> {
  const done = new Set((await services.db.selectFrom('core_seed').select('name').execute()).map((r) => r.name));
  const applied: string[] = [];
  for (const seed of seeds) {
    if (done.has(seed.name) || (seed.demo && !opts.demo)) continue;
    await seed.run(services);
    await services.db.insertInto('core_seed').values({ name: seed.name, applied_at: nowIso() }).execute();
    applied.push(seed.name);
  }
  return applied;
}
