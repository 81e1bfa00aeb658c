import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { SANDBOX_LIMITS } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/** One person's slow SQL queries must not queue everyone else's (issue 18: the last of 8 waited 20.7 s). */
let t: TestContext;
const keys: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext();
  await createFixtureDataset(t.services, 'big');
  await publishFixtureVersion(t.services, 'big', { sql: 'SELECT range AS n FROM range(3000)' });
  for (const who of ['slow', 'other']) {
    const user = await createUser(t.services, system(), { email: `${who}@example.kr`, password: 'sandbox password 1', role: 'citizen' });
    keys[who] = (
      await createApiKey(
        t.services,
        { kind: 'user', user: { id: user.id, email: `${who}@example.kr`, displayName: who, role: 'citizen', memberships: [] } },
        { name: 'sql' },
      )
    ).secret;
  }
  SANDBOX_LIMITS.refreshMs = 0;
}, 120_000);
afterAll(() => t.close());

const sql = (who: string, text: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/data/sql', payload: { sql: text }, headers: { authorization: `Bearer ${keys[who]}` } });
const SLOW = 'SELECT count(*) FROM big a, big b, big c WHERE a.n + b.n + c.n = -1';

describe(`SQL sandbox fairness on ${dialect}`, () => {
  it('one query at a time per person, two more wait, the next is a clear 429; another person is answered meanwhile', async () => {
    const done: string[] = [];
    const slow = [0, 1, 2, 3].map((i) =>
      sql('slow', SLOW).then((res) => {
        done.push(`slow-${i}`);
        return res;
      }),
    );
    await new Promise((r) => setTimeout(r, 300)); // let them all arrive first
    const other = await sql('other', 'SELECT count(*) AS n FROM big');
    done.push('other');
    expect(other.statusCode).toBe(200);
    expect(other.json().rows).toEqual([[3000]]);
    const answers = await Promise.all(slow);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.json().error.code).toBe('data.sql_one_at_a_time');
    for (const r of answers) expect(r.statusCode).toBeLessThan(500);
    // The other person did not wait behind the slow person's queue: answered before their last query ended.
    expect(done.indexOf('other')).toBeLessThan(done.length - 1);
    // The slots are given back: the slow person may query again.
    expect((await sql('slow', 'SELECT 1 AS one')).statusCode).toBe(200);
  }, 120_000);
});
