import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Services } from '../../../core/context.js';
import { LAKE_REMOVED, localParquet, onParquetRemoved } from '../lake/lake-store.js';
import { literal } from '../lake/lake.js';
import { type TableInfo, withLake } from './duck.js';

/**
 * A replica-local copy of a large published table in DuckDB's own storage, so the rows API reads it several times
 * faster than the Parquet file (a filtered, sorted page over 10M rows: ~4× less CPU; see bench/query.ts).
 *
 * The Parquet file in the lake stays the version of record: the copy is a cache of an immutable file, like this
 * replica's cached Parquet, built once in the background the first time a version with at least
 * DATA_NATIVE_COPY_MIN_ROWS rows is queried (until it is ready, queries read the Parquet file), written under a
 * temporary name and renamed, checked against the file's row count before use, and deleted with the version when
 * it is withdrawn or deleted (here, or on another replica through the `data.lake-removed` notice).
 * Answers do not change: same columns and types; the row ordinal is DuckDB's `rowid`, which is the file order since
 * the copy inserts the file's rows in order; cursors and cached totals are keyed by the version (its id), so a cursor
 * from a page read on the Parquet file continues on the copy.
 */

/** A ready copy carries its size on disk and when it was last queried (the budget deletes the least recent first). */
type CopyState = { status: 'building' } | { status: 'ready'; table: TableInfo; bytes: number; usedAt: number } | { status: 'unusable' };

interface Copies {
  byKey: Map<string, CopyState>;
  /** One build at a time: a copy costs a full read of the file and DuckDB's threads meanwhile. */
  queue: Promise<void>;
  unsubscribe: (() => void) | null;
}

const copiesOf = new WeakMap<Services, Copies>();

function copies(services: Services): Copies {
  let c = copiesOf.get(services);
  if (!c) {
    c = { byKey: new Map(), queue: Promise.resolve(), unsubscribe: null };
    copiesOf.set(services, c);
  }
  return c;
}

const digest = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);
const aliasOf = (key: string) => `os_native_${digest(key)}`;
const dirOf = (services: Services) => path.join(services.config.dataDir, 'cache', 'lake-native');
const fileOf = (services: Services, key: string) => path.join(dirOf(services), `${digest(key)}.duckdb`);

/** Only the plain case: the ordinal is the file's row number, and no column hides DuckDB's `rowid`. */
const copyable = (table: TableInfo) => table.rowId === 'file_row_number' && !table.columns.some((c) => c.name.toLowerCase() === 'rowid');

/**
 * The table to query for a published version: its native copy when ready, else the Parquet file (and, for a large
 * version, the copy is started). `key` is the version's `parquet_path` (a lake key or a data-dir path).
 */
export function preferNativeCopy(services: Services, key: string, file: string, table: TableInfo): TableInfo {
  const min = services.config.dataNativeCopyMinRows;
  if (min === 0 || table.rows < min || !copyable(table)) return table;
  const all = copies(services);
  const state = all.byKey.get(key);
  if (state?.status === 'ready') {
    state.usedAt = performance.now();
    return state.table;
  }
  if (!state) {
    all.byKey.set(key, { status: 'building' });
    listenForRemovals(services, all);
    all.queue = all.queue.then(async () => {
      try {
        const ready = await buildCopy(services, key, file, table);
        // A removal while building wins: the state is gone, and the copy with it.
        if (all.byKey.get(key)?.status !== 'building') return await dropNativeCopy(services, key);
        if (!ready) return void all.byKey.set(key, { status: 'unusable' });
        const bytes = (await fs.stat(fileOf(services, key))).size;
        all.byKey.set(key, { status: 'ready', table: ready, bytes, usedAt: performance.now() });
        await keepWithinBudget(services, all, key);
      } catch (error) {
        // The queue never stops: a failed build (or budget pass) leaves this version on its Parquet file.
        services.log.warn({ err: error, key }, 'data: native copy of a published table not built; its Parquet file answers');
        if (all.byKey.get(key)?.status === 'building') all.byKey.set(key, { status: 'unusable' });
      }
    });
  }
  return table;
}

/**
 * Keeps the copies on this replica's disk within DATA_NATIVE_COPY_MAX_BYTES, after a copy is built (builds run one
 * at a time, so this does too). Files no state knows (left by an earlier run; attached by none) go first, oldest
 * first; then the least recently queried copies. The new copy goes last: alone over the budget, it is not kept
 * (its Parquet file answers). A deleted copy is detached at once; a query already reading it finishes (DuckDB holds
 * the database until then) and later queries read the Parquet file, until the next query builds the copy again.
 */
async function keepWithinBudget(services: Services, all: Copies, built: string) {
  const budget = services.config.dataNativeCopyMaxBytes;
  const dir = dirOf(services);
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.duckdb'));
  const files = await Promise.all(
    names.map(async (name) => {
      const stat = await fs.stat(path.join(dir, name)).catch(() => null);
      return { name, bytes: stat?.size ?? 0, mtime: stat?.mtimeMs ?? 0 };
    }),
  );
  let total = files.reduce((sum, f) => sum + f.bytes, 0);
  if (total <= budget) return;
  const keyOf = new Map([...all.byKey.keys()].map((key) => [path.basename(fileOf(services, key)), key]));
  const ready = [...all.byKey].flatMap(([key, state]) => (state.status === 'ready' && key !== built ? [{ key, state }] : []));
  const order = [
    ...files
      .filter((f) => !keyOf.has(f.name))
      .sort((a, b) => a.mtime - b.mtime)
      .map((f) => ({ bytes: f.bytes, drop: () => fs.rm(path.join(dir, f.name), { force: true }), what: f.name })),
    ...ready
      .sort((a, b) => a.state.usedAt - b.state.usedAt)
      .map(({ key, state }) => ({ bytes: state.bytes, drop: () => dropNativeCopy(services, key), what: key })),
  ];
  for (const next of order) {
    if (total <= budget) break;
    await next.drop();
    total -= next.bytes;
    services.log.info({ copy: next.what, bytes: next.bytes, budget }, 'data: native copy deleted to stay within DATA_NATIVE_COPY_MAX_BYTES');
  }
  if (total > budget) {
    const state = all.byKey.get(built);
    await dropNativeCopy(services, built);
    all.byKey.set(built, { status: 'unusable' });
    services.log.warn(
      { key: built, bytes: state?.status === 'ready' ? state.bytes : null, budget },
      'data: a native copy larger than DATA_NATIVE_COPY_MAX_BYTES is not kept; its Parquet file answers',
    );
  }
}

/** Resolves when the copies started so far are built (or given up): for the bench and tests. */
export function nativeCopiesSettled(services: Services): Promise<void> {
  return copies(services).queue;
}

async function buildCopy(services: Services, key: string, queried: string, parquet: TableInfo): Promise<TableInfo | null> {
  const final = fileOf(services, key);
  const alias = aliasOf(key);
  await fs.mkdir(dirOf(services), { recursive: true });
  if (!(await exists(final))) {
    // Builds wait their turn: on object storage the cache's budget may have deleted the copy queried meanwhile.
    const file = (await exists(queried)) ? queried : await localParquet(services, key);
    const tmp = `${final}.${randomUUID()}.tmp`;
    const building = `os_building_${digest(tmp)}`;
    try {
      await withLake(services, async (c) => {
        await c.run(`ATTACH ${literal(tmp)} AS ${building}`);
        try {
          await c.run(`CREATE TABLE ${building}.t AS SELECT * FROM read_parquet(${literal(file)})`);
        } finally {
          await c.run(`DETACH ${building}`);
        }
      });
      await fs.rename(tmp, final);
    } finally {
      await fs.rm(tmp, { force: true });
      await fs.rm(`${tmp}.wal`, { force: true });
    }
  }
  return withLake(services, async (c) => {
    await c.run(`ATTACH IF NOT EXISTS ${literal(final)} AS ${alias} (READ_ONLY)`);
    const described = (await c.runAndReadAll(`DESCRIBE ${alias}.t`)).getRowObjectsJson();
    const rows = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM ${alias}.t`)).getRowObjectsJson()[0]!.n);
    const inFile = parquet.columns.map((col) => `${col.name}:${col.duckType}`).join('|');
    const inCopy = described.map((d) => `${String(d.column_name)}:${String(d.column_type)}`).join('|');
    if (rows !== parquet.rows || inFile !== inCopy) {
      // Not the file's copy (a file left by an older build, a disk error): never answer from it.
      services.log.warn({ key, rows, expected: parquet.rows }, 'data: a native copy does not match its Parquet file; dropped');
      await c.run(`DETACH ${alias}`);
      await fs.rm(final, { force: true });
      return null;
    }
    return { ...parquet, source: `${alias}.t`, rowId: 'rowid', identity: parquet.identity ?? parquet.source };
  });
}

/** Deletes a version's native copy on this replica (withdrawn or deleted: it may hold personal data). */
export async function dropNativeCopy(services: Services, key: string): Promise<void> {
  const all = copiesOf.get(services);
  all?.byKey.delete(key);
  await withLake(services, (c) => c.run(`DETACH DATABASE IF EXISTS ${aliasOf(key)}`)).catch((error: unknown) =>
    services.log.warn({ err: error, key }, 'data: native copy not detached'),
  );
  await fs.rm(fileOf(services, key), { force: true });
}

function listenForRemovals(services: Services, all: Copies) {
  if (all.unsubscribe) return;
  // Another replica withdrew or deleted a version; `*` (notices possibly missed) is ignored as for the cached
  // Parquet: every read checks the version is still published, so a copy left on disk is never served.
  const unheard = services.changes.subscribe(LAKE_REMOVED, (key) => {
    if (key !== '*') void dropNativeCopy(services, key);
  });
  const unhooked = onParquetRemoved(services, (key) => dropNativeCopy(services, key));
  all.unsubscribe = () => {
    unheard();
    unhooked();
  };
  services.onClose?.(async () => {
    all.unsubscribe?.();
  });
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );
