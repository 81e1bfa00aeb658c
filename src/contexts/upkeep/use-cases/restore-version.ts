import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { routingFor } from '../../transit/index.js';
import { EDGE_FIELD_ATTRIBUTE, NODE_FIELD_ATTRIBUTE, type Attribute } from './change-ops.js';
import { commitVersion } from './commit-version.js';
import { diffInteriors, type DiffEntry } from './interior-diff.js';
import { toInterior } from './interior-model.js';
import { latestVersion, loadVersion, snapshotOf } from './interior-store.js';
import { reviewableBy, stewardsOf } from './stewardship.js';

const attributeOf = (e: DiffEntry): Attribute => {
  if (e.field === null || e.entity === 'level') return 'geometry';
  return (e.entity === 'node' ? NODE_FIELD_ATTRIBUTE : EDGE_FIELD_ATTRIBUTE)[e.field as never] ?? 'geometry';
};

/**
 * Brings back an earlier version as a new one (history is never rewritten). Reverting version N restores
 * N-1 and is only possible while N is the latest; restoring any version needs the stewards of everything
 * that would change.
 */
export async function restoreVersion(services: Services, actor: Actor, input: { stationId: string; version: number; reason: unknown; revertOf?: number }) {
  if (!actor.user) throw unauthenticated();
  const reason = typeof input.reason === 'string' ? input.reason.trim().replace(/[<>]/g, '') : '';
  if (reason.length < 5)
    throw new AppError('validation.failed', 'reason: say why, in at least 5 characters', 400, [
      { field: 'reason', code: 'validation.tooShort', message: 'say why, in at least 5 characters' },
    ]);
  const at = services.now().toISOString();
  const stewards = await stewardsOf(services.db, input.stationId);
  const result = await services.db.transaction().execute(async (tx) => {
    const latest = await latestVersion(tx, input.stationId);
    if (!latest) throw new AppError('station_version.not_found', 'This station has no versions yet', 404);
    if (input.revertOf !== undefined && input.revertOf !== latest.version) {
      throw new AppError(
        'transit.revert_not_latest',
        `Version ${input.revertOf} is not the latest (${latest.version}); restore the version you want instead`,
        409,
      );
    }
    if (input.version === latest.version) throw new AppError('transit.restore_same', `Version ${input.version} is already the current one`, 409);
    const target = await loadVersion(tx, input.stationId, input.version);
    const rows = snapshotOf(target);
    const diff = diffInteriors(toInterior(snapshotOf(latest)), toInterior(rows));
    const needed = [...new Set(diff.map(attributeOf))];
    const allowed = reviewableBy(actor, stewards, needed);
    if (allowed.length < needed.length) {
      const missing = needed.filter((a) => !allowed.includes(a)).map((a) => `${a}: ${stewards.get(a)?.nameEn ?? 'an admin'}`);
      throw new AppError('auth.forbidden', `Restoring version ${input.version} changes what others steward (${missing.join('; ')})`, 403);
    }
    const summary = input.revertOf !== undefined ? `Revert of version ${input.revertOf}: ${reason}` : `Version ${input.version} restored: ${reason}`;
    const v = await commitVersion(tx, services, {
      stationId: input.stationId,
      feed: target.feed,
      rows,
      kind: 'revert',
      summary,
      restoredVersion: input.version,
      createdBy: actor.user!.id,
      at,
    });
    await recordAudit(tx, actor, {
      action: 'transit.version.restore',
      entityType: 'transit_station',
      entityId: input.stationId,
      before: { version: latest.version },
      after: { version: v.version, restored: input.version, reason },
    });
    return v;
  });
  routingFor(services).invalidateStation(input.stationId);
  return result;
}

/** Reverts the latest version (restores the one before it). */
export async function revertVersion(services: Services, actor: Actor, input: { stationId: string; version: number; reason: unknown }) {
  if (input.version <= 1) throw new AppError('transit.revert_baseline', 'Version 1 is the starting point; there is nothing before it to go back to', 409);
  return restoreVersion(services, actor, { stationId: input.stationId, version: input.version - 1, reason: input.reason, revertOf: input.version });
}
