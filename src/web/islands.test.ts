import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIslands, findIslands } from './islands.js';

describe('client islands', () => {
  it('are found under src by their public script names (pages, the service worker and partner sites use these URLs)', () => {
    expect(
      findIslands()
        .map((i) => i.name)
        .sort(),
    ).toEqual([
      'data-copy.js',
      'demand-similar.js',
      'embed-resize.js',
      'field-survey.js',
      'interior-editor.js',
      'network-map.js',
      'station-suggest.js',
      'survey-sw.js',
      'transfer-widget.js',
    ]);
  });

  it('bundle into self-contained classic scripts, the editor with the geometry module the server draws with', async () => {
    const built = await buildIslands();
    expect([...built.keys()].sort()).toEqual(
      findIslands()
        .map((i) => i.name)
        .sort(),
    );
    for (const [name, island] of built) {
      expect(island.code.length, name).toBeGreaterThan(200);
      expect(island.code, name).not.toMatch(/^\s*(import|export)\s/m); // a classic <script> cannot hold modules
      expect(island.code, name).not.toMatch(/\brequire\(/);
      expect(island.etag).toMatch(/^"[\w-]{27}"$/);
    }
    const editor = built.get('interior-editor.js')!.code;
    expect(editor).toContain('// src/contexts/upkeep/pages/editor-geometry.ts');
    expect(editor).toMatch(/function toLatLon\(origin, p\)/);
    expect(editor).not.toContain('kysely'); // type imports of the interior model are erased, nothing of the server comes along
  });

  it('refuses two islands with one name (they would share a URL)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'islands-'));
    try {
      for (const dir of ['a', 'b']) {
        fs.mkdirSync(path.join(root, dir));
        fs.writeFileSync(path.join(root, dir, 'same.island.ts'), 'export {};\n');
      }
      expect(() => findIslands(root)).toThrow(/Two islands named same\.js/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
