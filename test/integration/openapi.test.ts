import fs from 'node:fs/promises';
import path from 'node:path';
import openapiTS from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../src/cli.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const CLIENT_TYPES_FILE = path.join(path.dirname(OPENAPI_FILE), 'api-client/schema.d.ts');

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe(`Open API document (${dialect})`, () => {
  it('is generated from the route schemas and matches the committed openapi.json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const committed = JSON.parse(await fs.readFile(OPENAPI_FILE, 'utf8'));
    expect(res.json(), 'openapi.json drifted: run `npm run client:write` (openapi.json, then the client types)').toEqual(committed);
  });
  it('documents every /api/v1 route, and no page routes', () => {
    const doc = t.app.swagger() as { paths: Record<string, unknown> };
    const apiRoutes = new Set(t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD').map((r) => r.url.replace(/:(\w+)/g, '{$1}')));
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith('/api/v1/'))
        .sort(),
    ).toEqual([...apiRoutes].sort());
    expect(Object.keys(doc.paths)).not.toContain('/sign-in');
  });
  it('the committed TypeScript client (api-client/schema.d.ts) is the one generated from the committed openapi.json', async () => {
    const generated = await openapiTS(JSON.parse(await fs.readFile(OPENAPI_FILE, 'utf8')) as Parameters<typeof openapiTS>[0]);
    const committed = await fs.readFile(CLIENT_TYPES_FILE, 'utf8');
    expect(generated === committed, 'the client types are stale: run `npm run client:write`').toBe(true);
  });
  it('types every success answer: each operation has a 2xx response, and each 2xx but 204 has content with a schema that is not {}', () => {
    type Response = { content?: Record<string, { schema?: Record<string, unknown> }> };
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, Response> }>> };
    const untyped: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
        if (!success.length) untyped.push(`${method.toUpperCase()} ${path}: no 2xx response`);
        for (const [status, response] of success) {
          if (status === '204') continue;
          const contents = Object.entries(response.content ?? {});
          if (!contents.length) untyped.push(`${method.toUpperCase()} ${path} ${status}: no content`);
          for (const [type, { schema }] of contents)
            if (!schema || Object.keys(schema).length === 0) untyped.push(`${method.toUpperCase()} ${path} ${status} ${type}: schema {}`);
        }
      }
    }
    expect(untyped).toEqual([]);
  });
  it('refers to shared schemas with $ref (components.schemas)', () => {
    const doc = t.app.swagger() as { components?: { schemas?: Record<string, unknown> } };
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Error', 'Localized', 'Provenance']));
    expect(JSON.stringify(doc).match(/"\$ref"/g)?.length ?? 0).toBeGreaterThan(500);
  });
  it('serves the docs UI offline', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/https?:\/\/(?!localhost)[^"']*\.(js|css)/);
  });
});
