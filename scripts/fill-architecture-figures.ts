/**
 * `npx tsx scripts/fill-architecture-figures.ts [--record FILE] [--file ARCHITECTURE.md]`: rewrites the bench
 * figures in ARCHITECTURE.md in place from the bench record (default seed/performance/bench-latest.json, written
 * by `npm run bench -- --record`). See src/contexts/home/domain/fill-figures.ts for the placeholders.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillFigures } from '../src/contexts/home/domain/fill-figures.js';
import { loadBenchRecord } from '../src/contexts/home/store/bench-record.file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return path.resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback);
};
const recordFile = arg('--record', path.join(ROOT, 'seed/performance/bench-latest.json'));
const target = arg('--file', path.join(ROOT, 'ARCHITECTURE.md'));

const loaded = await loadBenchRecord(recordFile);
if (loaded.status !== 'present') {
  console.error(
    loaded.status === 'missing' ? `No bench record at ${recordFile}: run npm run bench -- --record` : `${recordFile} is not a bench record: ${loaded.detail}`,
  );
  process.exit(1);
}
const before = await fs.readFile(target, 'utf8');
const after = fillFigures(before, loaded.record);
await fs.writeFile(target, after);
console.log(`${path.relative(process.cwd(), target)}: figures from the record of ${loaded.record.finishedAt}${before === after ? ' (unchanged)' : ''}`);
