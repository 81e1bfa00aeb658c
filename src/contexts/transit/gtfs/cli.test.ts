import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerGtfsCommands, type WithServices } from './cli.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const noServices: WithServices = () => {
  throw new Error('validate must not open the database');
};

async function run(...args: string[]) {
  const lines: string[] = [];
  const program = new Command('open-seoul').exitOverride();
  registerGtfsCommands(program, noServices, (line) => lines.push(line));
  await program.parseAsync(args, { from: 'user' });
  return lines;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('open-seoul gtfs validate', () => {
  it('prints one "file:line field rule message" line per problem and exits 1 on errors', async () => {
    const lines = await run('gtfs', 'validate', path.join(FIXTURES, 'pathway_unknown_stop'));
    expect(lines).toEqual([
      'pathways.txt:5 to_stop_id pathway_unknown_stop Pathway "W3" ends at stop "P9", which is not in stops.txt.',
      '1 errors, 0 warnings',
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('marks warnings and exits 0 when there are only warnings', async () => {
    const lines = await run('gtfs', 'validate', path.join(FIXTURES, 'pathway_loop'));
    expect(lines[0]).toBe('pathways.txt:5 to_stop_id pathway_loop (warning) Pathway "W3" starts and ends at the same stop "P1".');
    expect(process.exitCode).toBeUndefined();
  });
});
