import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent.js';
import { fuzzOperations, operationsOf } from '../support/openapi-fuzz.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * Every operation of openapi.json with malformed inputs (wrong types, huge and negative numbers, long and odd
 * Unicode, wrong content types, traversal in path parameters), anonymous and as an admin: no answer may be a 5xx.
 * Seeded and bounded for CI (FUZZ_RUNS, default 1500); `npm run fuzz` runs a longer one (FUZZ_SEED to vary it).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe(`fuzzing openapi.json on ${dialect}`, () => {
  it(
    `${RUNS} malformed requests over every operation: 0 answers >= 500`,
    async () => {
      const operations = operationsOf(JSON.parse(fs.readFileSync('openapi.json', 'utf8')));
      expect(operations.length).toBeGreaterThan(100);
      const admin = new Agent(t.app);
      await admin.signUp('fuzz-admin@example.kr');
      await t.services.db.updateTable('accounts_user').set({ role: 'admin' }).where('email', '=', 'fuzz-admin@example.kr').execute();
      const page = await admin.get('/account');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const { sent, failures } = await fuzzOperations(t.app, operations, {
        runs: RUNS,
        seed: SEED,
        auth: { cookie: admin.cookieHeader, 'x-csrf-token': csrf },
      });
      expect(sent).toBe(RUNS);
      expect(
        failures.map((f) => `${f.status} ${f.request.method} ${f.request.url.slice(0, 200)} [${f.request.headers['content-type'] ?? ''}] ${f.body}`),
      ).toEqual([]);
    },
    Math.max(120_000, RUNS * 100),
  );
});
