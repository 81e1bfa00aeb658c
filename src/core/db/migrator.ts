import { Migrator, type Kysely, type Migration as KyselyMigration, type MigrationResultSet } from 'kysely';
import type { Dialect } from './types.js';

/**
 * One migration history for both dialects. Names start with a sortable date and the context
 * (`2026-11-22-01-accounts-init`) so that contexts interleave deterministically. Portable steps use the
 * Kysely schema builder; a dialect-only step branches on `dialect` inside a file named `*.postgres.ts` or
 * `*.sqlite.ts`.
 */
/* biome-ignore-start lint/suspicious/noExplicitAny: migrations run against any schema version (Kysely's migration idiom) */
export interface Migration {
  name: string;
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, migrations: Migration[]) {
  const byName: Record<string, KyselyMigration> = {};
  for (const m of migrations) {
    if (byName[m.name]) throw new Error(`Duplicate migration name ${m.name}`);
    byName[m.name] = {
      up: (d) => m.up(d, dialect),
      ...(m.down ? { down: (d: Kysely<any>) => m.down!(d, dialect) } : {}),
    };
  }
  /* biome-ignore-end lint/suspicious/noExplicitAny: end of the migration signatures */
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => byName },
    migrationTableName: 'core_migration',
    migrationLockTableName: 'core_migration_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
