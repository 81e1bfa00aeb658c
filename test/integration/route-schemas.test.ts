import { afterAll, beforeAll, expect, it } from 'vitest';
import { compilePending } from '../../src/core/http/validation.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

// Route schemas are compiled on first use (core/http/validation.ts): this compiles every one the app registered,
// as a start used to, so that a schema ajv cannot compile fails here rather than on some request in production.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

it(`every route's request schemas compile (${dialect})`, () => {
  expect(t.app.routeTable.length).toBeGreaterThan(100);
  expect(compilePending()).toBeGreaterThan(100);
});
