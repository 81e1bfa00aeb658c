import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { nowIso } from '../db/database.js';
import type { Localized } from '../i18n/messages.js';
import { indexTokens, normalize, parseQuery } from './analyzer.js';

export interface SearchDocument {
  type: string; // e.g. 'organisation', 'dataset'
  id: string;
  title: Localized;
  summary: Localized;
  url: string;
  /** Extra text to index with weight 1 (keywords, body). */
  body?: string;
}

export interface SearchHit {
  type: string;
  id: string;
  title: Localized;
  summary: Localized;
  url: string;
  score: number;
}

const TITLE_WEIGHT = 3;
const BATCH = 200;

/** Adds or replaces a document in the search index (call inside the transaction that changed it). */
export async function indexDocument(db: DbOrTx, doc: SearchDocument): Promise<void> {
  await removeDocument(db, doc.type, doc.id);
  const titleText = `${doc.title.ko ?? ''} ${doc.title.en ?? ''}`;
  const bodyText = `${doc.summary.ko ?? ''} ${doc.summary.en ?? ''} ${doc.body ?? ''}`;
  await db
    .insertInto('core_search_doc')
    .values({
      doc_type: doc.type,
      doc_id: doc.id,
      title: JSON.stringify(doc.title),
      summary: JSON.stringify(doc.summary),
      url: doc.url,
      norm_text: ` ${normalize(`${titleText} ${bodyText}`)} `,
      updated_at: nowIso(),
    })
    .execute();
  const rows = [
    ...indexTokens([
      { text: titleText, weight: TITLE_WEIGHT },
      { text: bodyText, weight: 1 },
    ]),
  ].map(([token, weight]) => ({ doc_type: doc.type, doc_id: doc.id, token, weight }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('core_search_token')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

export async function removeDocument(db: DbOrTx, type: string, id: string): Promise<void> {
  await db.deleteFrom('core_search_token').where('doc_type', '=', type).where('doc_id', '=', id).execute();
  await db.deleteFrom('core_search_doc').where('doc_type', '=', type).where('doc_id', '=', id).execute();
}

/** Removes every document of a type (an import that replaces them all). */
export async function removeDocumentsOfType(db: DbOrTx, type: string): Promise<void> {
  await db.deleteFrom('core_search_token').where('doc_type', '=', type).execute();
  await db.deleteFrom('core_search_doc').where('doc_type', '=', type).execute();
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Finds documents containing every query word (as a substring), best title matches first. */
export async function searchDocuments(
  db: DbOrTx,
  query: string,
  opts: { types?: string[]; limit?: number; offset?: number } = {},
): Promise<{ total: number; hits: SearchHit[] }> {
  const parsed = parseQuery(query);
  if (parsed.words.length === 0) return { total: 0, hits: [] };
  const limit = opts.limit ?? 20;
  const offset = opts.offset ?? 0;

  let candidates = db.selectFrom('core_search_doc as d');
  if (parsed.grams.length > 0) {
    const matched = db
      .selectFrom('core_search_token')
      .select(['doc_type', 'doc_id', (eb) => eb.fn.sum<number>('weight').as('score')])
      .where('token', 'in', parsed.grams)
      .groupBy(['doc_type', 'doc_id'])
      .having((eb) => eb.fn.count('token'), '=', parsed.grams.length);
    candidates = candidates.innerJoin(matched.as('m'), (j) => j.onRef('m.doc_type', '=', 'd.doc_type').onRef('m.doc_id', '=', 'd.doc_id'));
  }
  for (const word of parsed.words) {
    candidates = candidates.where(sql<boolean>`d.norm_text like ${`%${likeEscape(word)}%`} escape '\\'`);
  }
  if (opts.types?.length) candidates = candidates.where('d.doc_type', 'in', opts.types);

  const score = parsed.grams.length > 0 ? sql<number>`m.score` : sql<number>`0`;
  const [count, rows] = await Promise.all([
    candidates.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    candidates
      .select(['d.doc_type', 'd.doc_id', 'd.title', 'd.summary', 'd.url', score.as('score')])
      .orderBy('score', 'desc')
      .orderBy('d.url')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  const hits = rows.map((r) => ({
    type: r.doc_type,
    id: r.doc_id,
    title: JSON.parse(r.title) as Localized,
    summary: JSON.parse(r.summary) as Localized,
    url: r.url,
    score: Number(r.score),
  }));
  return { total: Number(count.n), hits };
}
