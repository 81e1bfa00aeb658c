import { sql, type Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './types.js';

/**
 * The open transaction `tx` as a `Db` whose own `.transaction().execute(fn)` runs `fn` inside a savepoint
 * of `tx`: code written for a plain database (a seed, a use case) then runs whole inside the caller's
 * transaction, so that a crash anywhere in it commits nothing.
 */
export function nestable(tx: Transaction<Database>): Db {
  let depth = 0;
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    async execute<T>(fn: (inner: Db) => Promise<T>): Promise<T> {
      const name = `nested_${++depth}`;
      await sql.raw(`savepoint ${name}`).execute(tx);
      try {
        const result = await fn(proxy);
        await sql.raw(`release savepoint ${name}`).execute(tx);
        return result;
      } catch (error) {
        await sql.raw(`rollback to savepoint ${name}`).execute(tx);
        await sql.raw(`release savepoint ${name}`).execute(tx);
        throw error;
      } finally {
        depth--;
      }
    },
  };
  const proxy: Db = new Proxy(tx, {
    get(target, prop) {
      if (prop === 'transaction') return () => builder;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;
  return proxy;
}
