import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';
import type { FeedRows } from '../gtfs/feed-rows.js';
import { LEVELS, PATHWAYS, STOPS, type GtfsFeed } from '../gtfs/gtfs-spec.js';

const BATCH = 200; // rows per INSERT: 16 columns × 200 stays far below SQLite's and PostgreSQL's parameter limits

async function insertAll(db: DbOrTx, table: 'transit_level' | 'transit_node' | 'transit_edge' | 'transit_station', rows: object[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

/**
 * Replaces a feed's levels, nodes and edges, and brings its stations up to date. Stations are updated in
 * place rather than deleted and re-inserted, so lines and facilities linked to them stay linked; stations
 * gone from the feed are deleted. Call inside a transaction.
 */
export async function replaceFeed(tx: DbOrTx, feed: string, rows: FeedRows): Promise<void> {
  await tx.deleteFrom('transit_edge').where('feed', '=', feed).execute();
  await tx.deleteFrom('transit_node').where('feed', '=', feed).execute();
  await tx.deleteFrom('transit_level').where('feed', '=', feed).execute();
  const existing = await tx.selectFrom('transit_station').select('id').where('feed', '=', feed).execute();
  const keep = new Set(rows.stations.map((s) => s.id));
  const gone = existing.map((s) => s.id).filter((id) => !keep.has(id));
  for (let i = 0; i < gone.length; i += BATCH) {
    await tx
      .deleteFrom('transit_station')
      .where('id', 'in', gone.slice(i, i + BATCH))
      .execute();
  }
  for (let i = 0; i < rows.stations.length; i += BATCH) {
    await tx
      .insertInto('transit_station')
      .values(rows.stations.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          gtfs_stop_id: eb.ref('excluded.gtfs_stop_id'),
          name_ko: eb.ref('excluded.name_ko'),
          name_en: eb.ref('excluded.name_en'),
          name_zh: eb.ref('excluded.name_zh'),
          name_ja: eb.ref('excluded.name_ja'),
          name_romanised: eb.ref('excluded.name_romanised'),
          lat: eb.ref('excluded.lat'),
          lon: eb.ref('excluded.lon'),
          wheelchair_boarding: eb.ref('excluded.wheelchair_boarding'),
          codes: eb.ref('excluded.codes'),
          provenance: eb.ref('excluded.provenance'),
          extra: eb.ref('excluded.extra'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  await insertAll(tx, 'transit_level', rows.levels);
  await insertAll(tx, 'transit_node', rows.nodes);
  await insertAll(tx, 'transit_edge', rows.edges);
}

/** A feed's levels, nodes and edges as stored. */
export async function loadFeedRows(db: DbOrTx, feed: string): Promise<Omit<FeedRows, 'stations'>> {
  const [levels, nodes, edges] = await Promise.all([
    db.selectFrom('transit_level').selectAll().where('feed', '=', feed).execute(),
    db.selectFrom('transit_node').selectAll().where('feed', '=', feed).execute(),
    db.selectFrom('transit_edge').selectAll().where('feed', '=', feed).execute(),
  ]);
  return { levels, nodes, edges };
}

export const importSource = (feed: string) => `gtfs:${feed}`;

/** Logs an import in transit_import; the summary keeps each file's header so export can write the same columns. */
export async function recordGtfsImport(tx: DbOrTx, feed: string, at: string, summary: object & { columns: GtfsFeed['columns'] }) {
  const id = randomUUID();
  await tx
    .insertInto('transit_import')
    .values({ id, source: importSource(feed), at, summary: JSON.stringify({ feed, ...summary }) })
    .execute();
  return id;
}

/** The headers of the feed's latest import (null for a file it did not have), or null when never imported. */
export async function latestGtfsColumns(db: DbOrTx, feed: string): Promise<GtfsFeed['columns'] | null> {
  const row = await db
    .selectFrom('transit_import')
    .select('summary')
    .where('source', '=', importSource(feed))
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const columns = (JSON.parse(row.summary) as { columns?: Partial<GtfsFeed['columns']> }).columns ?? {};
  const list = (v: unknown) => (Array.isArray(v) && v.every((c) => typeof c === 'string') ? (v as string[]) : null);
  return { [STOPS]: list(columns[STOPS]), [LEVELS]: list(columns[LEVELS]), [PATHWAYS]: list(columns[PATHWAYS]) };
}
