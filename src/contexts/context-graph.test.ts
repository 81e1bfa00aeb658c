import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseToContexts, contextCycles, renderSection, sectionFromCode, sectionOf, type CruiseResult } from '../../scripts/context-graph.js';

const root = resolve(import.meta.dirname, '../..');

describe('the graph of contexts', () => {
  it('collapses modules to contexts: one edge per pair, private when any import skips index.ts, tests left out', () => {
    const result: CruiseResult = {
      modules: [
        {
          source: 'src/contexts/demand/use-cases/a.ts',
          dependencies: [
            { resolved: 'src/contexts/accountability/index.ts' },
            { resolved: 'src/contexts/demand/store/b.ts' },
            { resolved: 'src/core/errors.ts' },
            { resolved: 'kysely', couldNotResolve: true },
          ],
        },
        {
          source: 'src/contexts/demand/pages/p.ts',
          dependencies: [{ resolved: 'src/contexts/accountability/index.ts' }, { resolved: 'src/contexts/data/store/tables.ts' }],
        },
        { source: 'src/contexts/data/pages/q.test.ts', dependencies: [{ resolved: 'src/contexts/civic/pages/civic-view.ts' }] },
        { source: 'src/contexts/civic/use-cases/r.ts', dependencies: [{ resolved: 'src/contexts/demand/index.ts' }] },
        { source: 'src/app.ts', dependencies: [{ resolved: 'src/contexts/civic/manifest.ts' }] },
      ],
    };
    const edges = collapseToContexts(result);
    expect(edges).toEqual([
      { from: 'civic', to: 'demand', private: false },
      { from: 'demand', to: 'accountability', private: false },
      { from: 'demand', to: 'data', private: true },
    ]);
    const section = renderSection(['accountability', 'civic', 'data', 'demand', 'home'], edges);
    expect(section).toContain('  home\n');
    expect(section).toContain('  demand --> accountability\n');
    expect(section).toContain('  demand -. private .-> data\n');
    expect(section).toContain('No cycles between contexts.');
    expect(section).toContain('Private imports left (dashed): demand → data.');
  });

  it('finds cycles, around a loop as well as between two contexts', () => {
    const e = (from: string, to: string) => ({ from, to, private: false });
    expect(contextCycles(['a', 'b', 'c', 'd', 'e'], [e('a', 'b'), e('b', 'c'), e('c', 'a'), e('d', 'e'), e('e', 'd'), e('a', 'd')])).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(contextCycles(['a', 'b'], [e('a', 'b')])).toEqual([]);
  });

  it('is drawn in ARCHITECTURE.md as the code has it (else: npx tsx scripts/context-graph.ts --write)', () => {
    const written = sectionOf(readFileSync(resolve(root, 'ARCHITECTURE.md'), 'utf8'));
    expect(written).not.toBeNull();
    expect(written).toBe(sectionFromCode(root));
  }, 180_000);
});
