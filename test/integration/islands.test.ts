import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe(`client islands served from their TypeScript sources on ${dialect}`, () => {
  it.each(['interior-editor.js', 'transfer-widget.js', 'field-survey.js', 'network-map.js', 'survey-sw.js'])('/assets/%s is a bundled script', async (name) => {
    const res = await t.app.inject({ method: 'GET', url: `/assets/${name}` });
    expect([res.statusCode, res.headers['content-type'], res.headers['cache-control']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=604800',
    ]);
    expect(res.body).toMatch(/^"use strict";\n\(\(\) => \{/); // one IIFE: no module syntax left
    const again = await t.app.inject({ method: 'GET', url: `/assets/${name}`, headers: { 'if-none-match': String(res.headers.etag) } });
    expect([again.statusCode, again.body]).toEqual([304, '']);
  });

  it('the transfer widget keeps its public URL and can be loaded by any site', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/transfer-widget.js', headers: { origin: 'https://partner.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body).toContain('customElements.define("open-seoul-transfer"');
  });

  it('the editor carries the geometry the server draws with, and a HEAD asks nothing more', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/interior-editor.js' });
    expect(res.body).toContain('// src/contexts/upkeep/pages/editor-geometry.ts');
    const head = await t.app.inject({ method: 'HEAD', url: '/assets/interior-editor.js' });
    expect([head.statusCode, head.body]).toEqual([200, '']);
    expect((await t.app.inject({ method: 'GET', url: '/assets/site.css' })).statusCode).toBe(200); // the static files beside them
    expect((await t.app.inject({ method: 'GET', url: '/assets/no-such-island.js' })).statusCode).toBe(404);
  });
});
