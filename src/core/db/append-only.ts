import { sql, type Kysely } from 'kysely';
import type { Dialect } from './types.js';

/**
 * Makes a table append-only in the database itself: any UPDATE raises `<table> is append-only`, whoever
 * runs it. (Rows may still be deleted, so that a restore can replace a whole database.)
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version (Kysely's migration idiom)
export async function refuseUpdates(db: Kysely<any>, dialect: Dialect, table: string) {
  const name = sql.raw(`${table}_append_only`);
  const target = sql.table(table);
  const message = sql.lit(`${table} is append-only`);
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER ${name} BEFORE UPDATE ON ${target} BEGIN SELECT RAISE(ABORT, ${message}); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION ${message}; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER ${name} BEFORE UPDATE ON ${target} FOR EACH ROW EXECUTE FUNCTION ${name}()`.execute(db);
  }
}
