import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { diffInteriors } from './interior-diff.js';
import { toInterior, type InteriorRows } from './interior-model.js';
import { insertVersion } from '../store/version.repository.js';
import { latestVersion, snapshotOf, writeStationRows } from './interior-store.js';
import { recordChange } from './record-change.js';
import type { StationVersionRow } from '../store/tables.js';

export interface NewVersion {
  stationId: string;
  feed: string;
  rows: InteriorRows;
  kind: 'proposal' | 'revert';
  summary: string;
  proposalId?: string | null;
  restoredVersion?: number | null;
  verified?: { at: string; organisationId: string | null } | null;
  createdBy: string | null;
  at: string;
}

/**
 * Makes `rows` the station's interior: a new version (every version is kept), the live rows replaced, and an
 * entry in the change feed with the diff, all in the caller's transaction.
 */
export async function commitVersion(tx: DbOrTx, services: Services, v: NewVersion): Promise<StationVersionRow> {
  const latest = await latestVersion(tx, v.stationId);
  const before = latest ? snapshotOf(latest) : { levels: [], nodes: [], edges: [] };
  const row: StationVersionRow = {
    station_id: v.stationId,
    version: (latest?.version ?? 0) + 1,
    feed: v.feed,
    kind: v.kind,
    snapshot: JSON.stringify(v.rows),
    summary: v.summary,
    proposal_id: v.proposalId ?? null,
    restored_version: v.restoredVersion ?? null,
    verified_at: v.verified?.at ?? null,
    verified_by_org: v.verified?.organisationId ?? null,
    created_by: v.createdBy,
    created_at: v.at,
  };
  await insertVersion(tx, row);
  await writeStationRows(tx, v.stationId, v.feed, v.rows);
  const diff = diffInteriors(toInterior(before), toInterior(v.rows));
  await recordChange(tx, services.dialect, {
    kind: 'station_version',
    stationId: v.stationId,
    ref: `${v.stationId}@v${row.version}`,
    at: v.at,
    payload: {
      stationId: v.stationId,
      version: row.version,
      kind: v.kind,
      summary: v.summary,
      restoredVersion: row.restored_version,
      verifiedAt: row.verified_at,
      changes: diff,
    },
  });
  return row;
}
