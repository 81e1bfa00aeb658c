import type { Services } from '../../../../core/context.js';
import { literal } from '../../lake/lake.js';
import { identifyingColumns } from '../../domain/disclosure-rules.js';
import { tableInfo, withLake } from '../duck.js';

/** The identifying columns of a published (immutable) file, measured once by the trusted lake, kept (bounded). */
const known = new Map<string, Promise<string[]>>();
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function identifyingOf(services: Services, file: string): Promise<string[]> {
  let hit = known.get(file);
  if (!hit) {
    hit = (async () => {
      const info = await tableInfo(services, file);
      if (!info.columns.length) return [];
      const counts = info.columns.map((c, i) => `count(DISTINCT ${ident(c.name)}) AS c${i}`).join(', ');
      const row = await withLake(
        services,
        async (c) => (await c.runAndReadAll(`SELECT count(*) AS n, ${counts} FROM read_parquet(${literal(file)})`)).getRowObjectsJson()[0]!,
      );
      return identifyingColumns(Number(row.n), Object.fromEntries(info.columns.map((c, i) => [c.name.toLowerCase(), Number(row[`c${i}`])])));
    })();
    hit.catch(() => known.delete(file));
    if (known.size >= 500) known.delete(known.keys().next().value!);
    known.set(file, hit);
  }
  return hit;
}
