import { Command } from 'commander';
import type { Services } from '../../src/core/context.js';

type Register = (program: Command, withServices: <T>(work: (services: Services) => Promise<T>) => Promise<T>, out: (line: string) => void) => unknown;

/**
 * Runs one `open-seoul` command on a test's services, as bin/open-seoul.js would, and returns the lines it printed.
 * The exit code a command sets (1 for "done, with something to report") is left as it was: the test reads the lines.
 */
export async function runCommand(services: Services, register: Register, args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const program = new Command('open-seoul').exitOverride();
  register(
    program,
    (work) => work(services),
    (line) => lines.push(line),
  );
  const exitCode = process.exitCode;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    process.exitCode = exitCode;
  }
  return lines;
}
