import type { DbOrTx } from '../../../core/db/database.js';
import type { Localized } from '../../../core/i18n/messages.js';
import { grams, words } from '../../../core/search/analyzer.js';

/** Words too common in data requests to say two of them are alike. */
const STOP_WORDS = new Set([
  '서울',
  '서울시',
  '서울특별시',
  '데이터',
  '자료',
  '정보',
  '공개',
  '요청',
  '현황',
  '목록',
  'data',
  'dataset',
  'seoul',
  'open',
  'the',
  'of',
  'and',
  'for',
  'in',
  'by',
  'per',
  'a',
  'an',
  'to',
]);

export interface SimilarDoc {
  type: string;
  id: string;
  title: Localized;
  url: string;
  shared: number;
  of: number;
}

/**
 * Documents of the core search index that share many of the query's character bigrams (the core analyzer's
 * tokens), whatever their order or endings: "대여소별 이용 건수" finds "대여소 이용 현황". Unlike the site search,
 * which needs every word, this is for "did someone ask this already?", so a good share of the bigrams is enough.
 */
export async function findSimilarDocs(db: DbOrTx, query: string, types: string[], opts: { limit: number; minShare: number }): Promise<SimilarDoc[]> {
  const wanted = [
    ...new Set(
      words(query)
        .filter((w) => !STOP_WORDS.has(w) && Array.from(w).length >= 2)
        .slice(0, 16)
        .flatMap(grams),
    ),
  ];
  if (!wanted.length) return [];
  const needed = Math.max(wanted.length === 1 ? 1 : 2, Math.ceil(wanted.length * opts.minShare));
  const rows = await db
    .selectFrom('core_search_token')
    .select(['doc_type', 'doc_id', (eb) => eb.fn.count<number>('token').as('shared'), (eb) => eb.fn.sum<number>('weight').as('weight')])
    .where('token', 'in', wanted)
    .where('doc_type', 'in', types)
    .groupBy(['doc_type', 'doc_id'])
    .having((eb) => eb.fn.count('token'), '>=', needed)
    .orderBy('shared', 'desc')
    .orderBy('weight', 'desc')
    .orderBy('doc_id')
    .limit(opts.limit * types.length)
    .execute();
  if (!rows.length) return [];
  const docs = await db
    .selectFrom('core_search_doc')
    .select(['doc_type', 'doc_id', 'title', 'url'])
    .where('doc_type', 'in', types)
    .where(
      'doc_id',
      'in',
      rows.map((r) => r.doc_id),
    )
    .execute();
  return rows.flatMap((r) => {
    const doc = docs.find((d) => d.doc_type === r.doc_type && d.doc_id === r.doc_id);
    return doc
      ? [{ type: r.doc_type, id: r.doc_id, title: JSON.parse(doc.title) as Localized, url: doc.url, shared: Number(r.shared), of: wanted.length }]
      : [];
  });
}
