import type { DbOrTx } from '../../../core/db/database.js';
import { deletedAmong, withdrawnVersionsOf } from '../store/catalogue.repository.js';

/** A pinned version that is gone: withdrawn (with the publisher's public reason), or its whole dataset deleted. */
export interface WithdrawnPin {
  datasetId: string;
  version: number;
  kind: 'withdrawn' | 'deleted';
  at: string | null;
  reason: string | null;
}

/**
 * Of an analysis's pins ({ dataset id: version }), those whose rows are no longer served: the version was
 * withdrawn, or the dataset deleted. The analysis page tells its readers, with the date and the reason.
 */
export async function withdrawnPins(db: DbOrTx, pins: Record<string, number>): Promise<WithdrawnPin[]> {
  const ids = Object.keys(pins);
  if (!ids.length) return [];
  const deleted = await deletedAmong(db, ids);
  const withdrawn = await withdrawnVersionsOf(db, ids);
  const out: WithdrawnPin[] = deleted.map((d) => ({
    datasetId: d.id,
    version: pins[d.id]!,
    kind: 'deleted',
    at: d.deleted_at ?? null,
    reason: d.deleted_reason ?? null,
  }));
  for (const w of withdrawn) {
    if (pins[w.dataset_id] === Number(w.version) && !out.some((o) => o.datasetId === w.dataset_id)) {
      out.push({ datasetId: w.dataset_id, version: Number(w.version), kind: 'withdrawn', at: w.withdrawn_at ?? null, reason: w.withdrawn_reason ?? null });
    }
  }
  return out.sort((a, b) => a.datasetId.localeCompare(b.datasetId));
}
