import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Services } from '../context.js';

/** Any fixed number: the PostgreSQL advisory lock that serialises migrations and seeds across processes. */
const PG_LOCK_KEY = 72_1_8_2026;
const LOCK_FILE = '.start.lock';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Runs `work` (migrations and seeds) while no other process of this installation does: a session advisory
 * lock on PostgreSQL, a lock file holding the pid in the data dir on SQLite (a lock left by a killed process
 * is taken over, since its pid is gone).
 */
export async function withStartLock<T>(services: Services, work: () => Promise<T>): Promise<T> {
  if (services.dialect === 'postgres') {
    return services.db.connection().execute(async (c) => {
      await sql`select pg_advisory_lock(${PG_LOCK_KEY})`.execute(c);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${PG_LOCK_KEY})`.execute(c);
      }
    });
  }
  const file = path.join(services.config.dataDir, LOCK_FILE);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (!Number.isInteger(holder) || holder <= 0 || holder === process.pid || !alive(holder)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Another Open Seoul process (pid ${holder}) is migrating ${services.config.dataDir}; remove ${file} if it is gone`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
