import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { startupsPolicy } from '../domain/policy.js';
import { deleteSolution, findProfile, findSolution } from '../store/profile.repository.js';
import { imageKey } from './add-solution.js';

/** The startup's members take a solution (and its image) off the profile; booklets made afterwards no longer show it. */
export async function removeSolution(services: Services, actor: Actor, input: { startup: string; solutionId: string }) {
  const profile = await findProfile(services.db, input.startup);
  assertAllowed(actor, startupsPolicy.canActFor(actor, profile), 'remove a solution of this startup');
  const row = await findSolution(services.db, profile.id, input.solutionId);
  if (!row) throw notFound('solution');
  await services.db.transaction().execute(async (tx) => {
    await deleteSolution(tx, row.id);
    await recordAudit(tx, actor, { action: 'startups.remove_solution', entityType: 'startups_solution', entityId: row.id, before: row });
  });
  if (row.image_file) await services.files.delete(imageKey(row.image_file));
}
