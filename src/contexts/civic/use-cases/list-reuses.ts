import { notFound } from '../../../core/errors.js';
import type { DbOrTx } from '../../../core/db/database.js';
import type { Localized } from '../../../core/i18n/messages.js';
import type { ReuseState, ReuseType } from '../domain/vocabularies.js';
import { datasetSummaries } from '../../data/index.js';
import { datasetLinksOfReuses, findReuse, listReuseRows } from '../store/reuse.repository.js';
import type { ReuseRow } from '../store/tables.js';

export interface ReuseView {
  id: string;
  title: string;
  type: ReuseType;
  url: string;
  description: string;
  imageUrl: string | null;
  author: string;
  state: ReuseState;
  rejectReason: string | null;
  datasets: Array<{ id: string; title: Localized; url: string }>;
  createdAt: string;
  moderatedAt: string | null;
}

async function describe(db: DbOrTx, rows: ReuseRow[]): Promise<ReuseView[]> {
  const named = await datasetLinksOfReuses(
    db,
    rows.map((r) => r.id),
  );
  // Public datasets only, ordered by id (the datasets are the data context's).
  const datasets = named.length ? (await datasetSummaries(db, [...new Set(named.map((l) => l.dataset_id))])).filter((d) => d.restricted === 0) : [];
  const links = datasets.flatMap((d) => named.filter((l) => l.dataset_id === d.id).map((l) => ({ ...d, reuse_id: l.reuse_id })));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    url: r.url,
    description: r.description,
    imageUrl: r.image_url,
    author: r.author,
    state: r.state,
    rejectReason: r.reject_reason,
    createdAt: r.created_at,
    moderatedAt: r.moderated_at,
    datasets: links.filter((l) => l.reuse_id === r.id).map((l) => ({ id: l.id, title: { ko: l.title_ko, en: l.title_en }, url: `/data/datasets/${l.id}` })),
  }));
}

/** Reuses in a state (published for everyone; pending and rejected for moderators), newest first. */
export async function listReuses(db: DbOrTx, f: { state?: ReuseState; dataset?: string; limit?: number; offset?: number } = {}) {
  const rows = await listReuseRows(db, { state: f.state ?? 'published', dataset: f.dataset });
  const limit = f.limit ?? 50;
  const offset = f.offset ?? 0;
  return { total: rows.length, limit, offset, items: await describe(db, rows.slice(offset, offset + limit)) };
}

/** The published reuses of a dataset, for its page in the catalogue (the uData "reuses" block). */
export async function reusesOfDataset(db: DbOrTx, datasetId: string): Promise<ReuseView[]> {
  return (await listReuses(db, { dataset: datasetId, limit: 100 })).items;
}

export async function describeReuse(db: DbOrTx, id: string): Promise<ReuseView> {
  const row = await findReuse(db, id);
  if (!row) throw notFound('reuse');
  return (await describe(db, [row]))[0]!;
}
