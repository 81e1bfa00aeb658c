import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import type { Services } from '../context.js';
import { catchUp, type Copied, copyListed, dataDirSource, objectSource } from './file-copies.js';

const FORMAT = 'open-seoul-backup/1';
const SKIP_TABLES = new Set(['core_migration', 'core_migration_lock']);
/** Files in the data dir that are not copied: the live SQLite database (dumped logically instead). */
const SKIP_FILE = /^open-seoul\.sqlite(-wal|-shm|-journal)?$/;
/**
 * Folders of the data dir that are not copied: this replica's caches (copies of stored objects, fetched again on
 * use; native copies of large tables, built again on use). A restore empties them: a restored version may differ.
 */
const CACHE_DIRS = [path.join('cache', 'objects'), path.join('cache', 'lake-native')];
const SKIP_DIR = new Set(CACHE_DIRS.map((d) => d.split(path.sep).join('/')));
/** Keys of the store that are not backed up: readiness probes. */
const SKIP_KEY = /^\.ready\//;
/** Under this prefix the store holds only what the database names (the lake): restore removes what the backup had not. */
const MIRRORED_PREFIX = 'lake/';
const TEMP_KEY = /^lake\/\.tmp\//;

interface BackupManifest {
  format: string;
  createdAt: string;
  dialect: string;
  migrations: string[];
  tables: Array<{ name: string; rows: number }>;
  /** The file store's objects, when it is not the data dir itself (object storage): copied under objects/, listed in objects.json. */
  storage?: { kind: 'local' | 's3'; location: string; objects: number; bytes: number };
}

/** Tables in creation order, so parents come before children (rows insert in this order, delete in reverse). */
async function tablesInCreationOrder(services: Services): Promise<string[]> {
  const rows =
    services.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by rowid`.execute(services.db)).rows
      : (
          await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema() order by c.oid`.execute(services.db)
        ).rows;
  return rows.map((r) => r.name).filter((n) => !SKIP_TABLES.has(n));
}

async function copyDataFiles(from: string, to: string, rel = '') {
  const entries = await fs.readdir(from, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (SKIP_FILE.test(e.name) || e.name.endsWith('.tar.gz') || SKIP_DIR.has(path.join(rel, e.name))) continue;
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) {
      await fs.mkdir(dst, { recursive: true });
      await copyDataFiles(src, dst, path.join(rel, e.name));
    } else if (e.isFile()) await fs.copyFile(src, dst);
  }
}

/** Relative POSIX paths of every file under a directory. */
async function filesUnder(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => [])) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

/** Test seams of `backup` (tests only): run at the points where a concurrent deletion or publication matters. */
export interface BackupHooks {
  /** After the first copy of the files and objects, before the catch-up and the database snapshot. */
  afterFirstCopy?: () => Promise<void>;
  /** After the catch-up, before the database snapshot (the instant a listing cannot cover). */
  beforeSnapshot?: () => Promise<void>;
  /** After the database snapshot and its rows are written, before the last copy. */
  afterSnapshot?: () => Promise<void>;
}

/**
 * A consistent backup while the server runs: the database's rows (every table read in one repeatable-read
 * transaction, a snapshot on both dialects) and the files the snapshot names, both from the data dir and, on
 * object storage, the store's objects. Files are copied around the snapshot, because a file is written before the
 * row naming it commits and deleted only after the row stops naming it commits (a withdrawn version's Parquet):
 *
 * 1. copy every file and object there is;
 * 2. catch up: list again; what was deleted since it was copied leaves the archive (the database stopped naming it
 *    before it was deleted, so the snapshot taken next does not name it), what was added or changed is copied;
 * 3. take the database snapshot, and list the files right after its first read (inside its transaction);
 * 4. once the rows are written, copy what that listing holds and no pass copied yet: files created before the
 *    snapshot, which its rows may name. Files created later are left out (the restored database would not know them).
 *
 * A file the snapshot names existed when it was taken, so it was copied in 1 or 2 (deleting it afterwards loses
 * nothing) or is copied in 4. What remains open are two instants: between the catch-up's listing and the snapshot
 * (a file deleted then stays in the archive though the snapshot no longer names it) and between the snapshot and
 * the listing after it (a file created then is carried though the snapshot does not name it); and a file created
 * in the first and deleted before step 4 reaches it is missing. An extra lake Parquet is removed after a restore by
 * the data context (`dropUnnamedLakeFiles`, run by the CLI's restore). Writes a .tar.gz with manifest.json, one
 * JSON-lines file per table, the data dir's files and the objects; the same format restores into SQLite or
 * PostgreSQL. `hooks` is a seam for tests (a deletion at a given step); nothing else passes it.
 */
export async function backup(services: Services, file: string, hooks: BackupHooks = {}): Promise<BackupManifest> {
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-backup-'));
  try {
    await fs.mkdir(path.join(staging, 'tables'));
    await fs.mkdir(path.join(staging, 'files'));
    const skipFile = (rel: string, name: string) => SKIP_FILE.test(name) || name.endsWith('.tar.gz') || SKIP_DIR.has(rel);
    // A local store is the data dir; object storage is copied object by object beside it.
    const sources = [dataDirSource(services.config.dataDir, path.join(staging, 'files'), skipFile)];
    if (services.files.kind !== 'local') sources.push(objectSource(services.files, path.join(staging, 'objects'), SKIP_KEY));
    const copied = sources.map((): Copied => new Map());
    for (const [i, source] of sources.entries()) await copyListed(source, copied[i]!, await source.list());
    await hooks.afterFirstCopy?.();
    for (const [i, source] of sources.entries()) await catchUp(source, copied[i]!);
    await hooks.beforeSnapshot?.();
    const sinceSnapshot: Array<Map<string, string>> = [];
    const manifest = await services.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const tables = await tablesInCreationOrder({ ...services, db: tx }); // the first read: the snapshot is taken here
        for (const source of sources) sinceSnapshot.push(await source.list());
        const migrations = (await sql<{ name: string }>`select name from core_migration order by name`.execute(tx)).rows.map((r) => r.name);
        const counts: BackupManifest['tables'] = [];
        for (const name of tables) {
          const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(tx)).rows;
          await fs.writeFile(path.join(staging, 'tables', `${name}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n'));
          counts.push({ name, rows: rows.length });
        }
        return { format: FORMAT, createdAt: new Date().toISOString(), dialect: services.dialect, migrations, tables: counts } as BackupManifest;
      });
    await hooks.afterSnapshot?.();
    for (const [i, source] of sources.entries()) await copyListed(source, copied[i]!, sinceSnapshot[i]!);
    const entries = ['manifest.json', 'tables', 'files'];
    if (services.files.kind !== 'local') {
      const objects = [...copied[1]!].map(([key, { size }]) => ({ key, size })).sort((a, b) => (a.key < b.key ? -1 : 1));
      await fs.writeFile(path.join(staging, 'objects.json'), JSON.stringify(objects));
      manifest.storage = {
        kind: services.files.kind,
        location: services.files.location,
        objects: objects.length,
        bytes: objects.reduce((n, o) => n + o.size, 0),
      };
      entries.push('objects.json', ...(objects.length ? ['objects'] : []));
    } else manifest.storage = { kind: 'local', location: services.config.dataDir, objects: 0, bytes: 0 };
    await fs.writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await tar.create({ gzip: true, file, cwd: staging }, entries);
    return manifest;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * The backup's stored objects back into the store (whichever kind it is now: object storage, or the data dir);
 * then, under the lake's prefix, what the backup did not have is removed, so that engines reading the lake in
 * place see the versions the restored database knows, no more. This replica's cached copies are dropped (other
 * replicas' caches: start them with an empty cache/objects, see docs/lake.md).
 */
async function restoreObjects(services: Services, staging: string, _manifest: BackupManifest) {
  const listing = JSON.parse(await fs.readFile(path.join(staging, 'objects.json'), 'utf8').catch(() => '[]')) as Array<{ key: string; size: number }>;
  for (const { key } of listing) await services.files.put(key, createReadStream(path.join(staging, 'objects', ...key.split('/'))));
  const kept = new Set([...listing.map((o) => o.key), ...(await filesUnder(path.join(staging, 'files'))).filter((k) => k.startsWith(MIRRORED_PREFIX))]);
  const extra: string[] = [];
  for await (const o of services.files.list(MIRRORED_PREFIX)) if (!kept.has(o.key) && !TEMP_KEY.test(o.key)) extra.push(o.key);
  for (const key of extra) await services.files.delete(key);
}

/**
 * Replaces the database's rows and the data files with a backup's, in one transaction: if any row fails,
 * nothing changes. The database must already be migrated (the CLI does it) and must know every migration
 * the backup has. Stop the server before restoring.
 */
export async function restore(services: Services, file: string): Promise<BackupManifest> {
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-restore-'));
  try {
    await tar.extract({ file, cwd: staging }).catch((e: Error) => {
      throw new Error(`${file} is not a readable backup archive: ${e.message}`);
    });
    const manifest = JSON.parse(
      await fs.readFile(path.join(staging, 'manifest.json'), 'utf8').catch(() => {
        throw new Error(`${file} has no manifest.json: not an Open Seoul backup`);
      }),
    ) as BackupManifest;
    if (manifest.format !== FORMAT) throw new Error(`Unsupported backup format ${manifest.format}`);
    const known = new Set((await sql<{ name: string }>`select name from core_migration`.execute(services.db)).rows.map((r) => r.name));
    const unknown = manifest.migrations.filter((m) => !known.has(m));
    if (unknown.length) throw new Error(`The backup is from a newer version (unknown migrations: ${unknown.join(', ')})`);
    if ((manifest.storage?.kind ?? 'local') === 'local' && services.files.kind !== 'local') {
      throw new Error(
        'This backup was taken with files on a local data directory; restore it with OPEN_SEOUL_STORAGE_URL unset (its files are not object storage keys)',
      );
    }

    await services.db.transaction().execute(async (tx) => {
      const current = await tablesInCreationOrder({ ...services, db: tx });
      for (const name of [...current].reverse()) await sql`delete from ${sql.table(name)}`.execute(tx);
      for (const { name } of manifest.tables) {
        if (!current.includes(name)) throw new Error(`The backup has a table this version does not know: ${name}`);
        const text = await fs.readFile(path.join(staging, 'tables', `${name}.jsonl`), 'utf8');
        const rows = text ? text.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [];
        for (let i = 0; i < rows.length; i += 200) {
          await tx
            .insertInto(name as never)
            .values(rows.slice(i, i + 200) as never)
            .execute();
        }
      }
    });
    await copyDataFiles(path.join(staging, 'files'), services.config.dataDir);
    await restoreObjects(services, staging, manifest);
    for (const dir of CACHE_DIRS) await fs.rm(path.join(services.config.dataDir, dir), { recursive: true, force: true });
    return manifest;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
