import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { nameDatabaseTemplate } from './database-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * The PostgreSQL tier needs a real server: TEST_DATABASE_URL when given (CI starts one), otherwise a
 * throw-away PostgreSQL 15 started here with scripts/pg-temp.sh and stopped after the run. On it, one migrated
 * and seeded template database that each test file copies (support/database-template.ts).
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    const { template, teardown } = await nameDatabaseTemplate('postgres', given);
    project.provide('databaseTemplate', template);
    return teardown;
  }
  const script = path.resolve('scripts/pg-temp.sh');
  let out: string;
  try {
    out = execFileSync(script, ['start'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`No PostgreSQL for the integration tier: set TEST_DATABASE_URL or install postgresql-15 (${String(error)})`);
  }
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  const dir = /PGDATA=(\S+)/.exec(out)?.[1];
  if (!url || !dir) throw new Error(`pg-temp.sh printed no URL: ${out}`);
  project.provide('postgresUrl', url);
  try {
    const { template, teardown } = await nameDatabaseTemplate('postgres', url);
    project.provide('databaseTemplate', template);
    return async () => {
      await teardown().catch(() => {}); // the server and all its databases go next
      execFileSync(script, ['stop', dir]);
    };
  } catch (error) {
    execFileSync(script, ['stop', dir]);
    throw error;
  }
}
