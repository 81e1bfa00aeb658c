import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import type { Services } from '../context.js';

const FORMAT = 'open-seoul-backup/1';
const SKIP_TABLES = new Set(['core_migration', 'core_migration_lock']);
/** Files in the data dir that are not copied: the live SQLite database (dumped logically instead). */
const SKIP_FILE = /^open-seoul\.sqlite(-wal|-shm|-journal)?$/;

interface BackupManifest {
  format: string;
  createdAt: string;
  dialect: string;
  migrations: string[];
  tables: Array<{ name: string; rows: number }>;
}

/** Tables in creation order, so parents come before children (rows insert in this order, delete in reverse). */
async function tablesInCreationOrder(services: Services): Promise<string[]> {
  const rows = services.dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by rowid`.execute(services.db)).rows
    : (await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema() order by c.oid`.execute(services.db)).rows;
  return rows.map((r) => r.name).filter((n) => !SKIP_TABLES.has(n));
}

async function copyDataFiles(from: string, to: string) {
  const entries = await fs.readdir(from, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (SKIP_FILE.test(e.name) || e.name.endsWith('.tar.gz')) continue;
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) {
      await fs.mkdir(dst, { recursive: true });
      await copyDataFiles(src, dst);
    } else if (e.isFile()) await fs.copyFile(src, dst);
  }
}

/**
 * A consistent snapshot while the server runs: every table is read inside one transaction (a snapshot
 * on both dialects), then the data files are copied. Writes a .tar.gz with manifest.json, one JSON-lines
 * file per table and the data dir's files. The same format restores into SQLite or PostgreSQL.
 */
export async function backup(services: Services, file: string): Promise<BackupManifest> {
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-backup-'));
  try {
    await fs.mkdir(path.join(staging, 'tables'));
    await fs.mkdir(path.join(staging, 'files'));
    const manifest = await services.db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
      const tables = await tablesInCreationOrder({ ...services, db: tx });
      const migrations = (await sql<{ name: string }>`select name from core_migration order by name`.execute(tx)).rows.map((r) => r.name);
      const counts: BackupManifest['tables'] = [];
      for (const name of tables) {
        const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(tx)).rows;
        await fs.writeFile(path.join(staging, 'tables', `${name}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n'));
        counts.push({ name, rows: rows.length });
      }
      return { format: FORMAT, createdAt: new Date().toISOString(), dialect: services.dialect, migrations, tables: counts };
    });
    await copyDataFiles(services.config.dataDir, path.join(staging, 'files'));
    await fs.writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await tar.create({ gzip: true, file, cwd: staging }, ['manifest.json', 'tables', 'files']);
    return manifest;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
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
    const manifest = JSON.parse(await fs.readFile(path.join(staging, 'manifest.json'), 'utf8').catch(() => {
      throw new Error(`${file} has no manifest.json: not an Open Seoul backup`);
    })) as BackupManifest;
    if (manifest.format !== FORMAT) throw new Error(`Unsupported backup format ${manifest.format}`);
    const known = new Set((await sql<{ name: string }>`select name from core_migration`.execute(services.db)).rows.map((r) => r.name));
    const unknown = manifest.migrations.filter((m) => !known.has(m));
    if (unknown.length) throw new Error(`The backup is from a newer version (unknown migrations: ${unknown.join(', ')})`);

    await services.db.transaction().execute(async (tx) => {
      const current = await tablesInCreationOrder({ ...services, db: tx });
      for (const name of [...current].reverse()) await sql`delete from ${sql.table(name)}`.execute(tx);
      for (const { name } of manifest.tables) {
        if (!current.includes(name)) throw new Error(`The backup has a table this version does not know: ${name}`);
        const text = await fs.readFile(path.join(staging, 'tables', `${name}.jsonl`), 'utf8');
        const rows = text ? text.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [];
        for (let i = 0; i < rows.length; i += 200) {
          await tx.insertInto(name as never).values(rows.slice(i, i + 200) as never).execute();
        }
      }
    });
    await copyDataFiles(path.join(staging, 'files'), services.config.dataDir);
    return manifest;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
