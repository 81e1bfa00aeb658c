import type { DbOrTx } from '../../../core/db/database.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { findSimilarDocs } from '../store/similar.repository.js';
import { listRequestRows } from '../store/request.repository.js';
import { describeRows } from './describe-data-requests.js';

/**
 * Requests and datasets like the one being written, for "did someone ask already? is it published already?"
 * while typing (the create form's island) and on the form's check step without JavaScript.
 */
export async function findSimilarRequests(db: DbOrTx, query: string, today: Ymd, limit = 5) {
  const docs = await findSimilarDocs(db, query.slice(0, 300), ['data_request', 'dataset'], { limit, minShare: 0.4 });
  const requestIds = docs
    .filter((d) => d.type === 'data_request')
    .slice(0, limit)
    .map((d) => d.id);
  const views = await describeRows(db, await listRequestRows(db, { ids: requestIds }), today);
  return {
    requests: requestIds.flatMap((id) => {
      const v = views.find((x) => x.id === id);
      return v ? [{ id: v.id, title: v.title, url: v.url, state: v.state, supporters: v.support.supporters }] : [];
    }),
    datasets: docs
      .filter((d) => d.type === 'dataset')
      .slice(0, limit)
      .map((d) => ({ id: d.id, title: d.title, url: d.url })),
  };
}

export type SimilarRequests = Awaited<ReturnType<typeof findSimilarRequests>>;
