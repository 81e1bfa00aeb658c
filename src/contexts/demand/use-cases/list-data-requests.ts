import type { DbOrTx } from '../../../core/db/database.js';
import { searchDocuments } from '../../../core/search/search-index.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { PUBLIC_STATES, type PublicState } from '../domain/public-state.js';
import { USE_TYPES, type UseType } from '../domain/vocabularies.js';
import { findHolder } from './list-holders.js';
import { describeAllRequests, type DataRequestView } from './describe-data-requests.js';

export const SORTS = ['newest', 'supported', 'priority'] as const;
export type Sort = (typeof SORTS)[number];

export interface RequestFilter {
  state?: string;
  organisation?: string;
  useType?: string;
  q?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

const ORDER: Record<Sort, (a: DataRequestView, b: DataRequestView) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
  supported: (a, b) => b.support.supporters - a.support.supporters || b.support.distinctDistricts - a.support.distinctDistricts || ORDER.newest(a, b),
  priority: (a, b) => b.priority.score - a.priority.score || ORDER.supported(a, b),
};

/** Requests filtered (state, department, use, words) and sorted (newest, most supported, priority); unknown filter values are ignored. */
export async function listDataRequests(db: DbOrTx, today: Ymd, f: RequestFilter) {
  const sort: Sort = (SORTS as readonly string[]).includes(f.sort ?? '') ? (f.sort as Sort) : 'newest';
  const state = (PUBLIC_STATES as readonly string[]).includes(f.state ?? '') ? (f.state as PublicState) : undefined;
  const useType = (USE_TYPES as readonly string[]).includes(f.useType ?? '') ? (f.useType as UseType) : undefined;
  const organisation = f.organisation ? await findHolder(db, f.organisation) : undefined;
  const q = f.q?.trim() ?? '';
  const ids = q ? (await searchDocuments(db, q, { types: ['data_request'], limit: 5000 })).hits.map((h) => h.id) : undefined;
  const all = await describeAllRequests(db, today, { organisationId: organisation?.id, ids });
  const matching = all.filter((v) => (!state || v.state === state) && (!useType || v.useType === useType)).sort(ORDER[sort]);
  const limit = f.limit ?? 50;
  const offset = f.offset ?? 0;
  return { total: matching.length, limit, offset, sort, items: matching.slice(offset, offset + limit) };
}
