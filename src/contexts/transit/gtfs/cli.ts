import type { Command } from 'commander';
import { prepareDatabase } from '../../../app.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { exportGtfs } from './export-gtfs.js';
import type { GtfsProblem } from './gtfs-spec.js';
import { importGtfs } from './import-gtfs.js';
import { validateGtfs } from './validate-gtfs.js';

/** The CLI's helper that opens services for one command and closes them afterwards (src/cli.ts). */
export type WithServices = <T>(work: (services: Services) => Promise<T>) => Promise<T>;

/** `stops.txt:12 parent_station location_without_parent_station message` (12 is the line in the file, header = 1). */
export const problemLine = (p: GtfsProblem) =>
  `${p.file}${p.line !== null ? `:${p.line}` : ''} ${p.field ?? '-'} ${p.rule} ${p.severity === 'warning' ? '(warning) ' : ''}${p.message}`;

const print = (problems: GtfsProblem[], out: (line: string) => void) => problems.forEach((p) => out(problemLine(p)));

/** Adds `gtfs import|export|validate` to the open-seoul command. */
export function registerGtfsCommands(program: Command, withServices: WithServices, out: (line: string) => void = console.log): Command {
  const gtfs = program.command('gtfs').description('Station interiors from and to GTFS (stops.txt, levels.txt, pathways.txt)');

  gtfs
    .command('import')
    .argument('<dir>', 'an unzipped GTFS feed directory')
    .description("Replace a feed's stations, levels and pathways with the files in <dir>, in one transaction")
    .requiredOption('--feed <name>', 'feed name (lower case, digits, - and _), e.g. detroit')
    .option('--strict', 'import nothing when the feed has any error (default: import valid rows, report the rest)')
    .action((dir: string, opts: { feed: string; strict?: boolean }) =>
      withServices(async (s) => {
        await prepareDatabase(s, { seed: false });
        try {
          const report = await importGtfs(s, { dir, feed: opts.feed, strict: Boolean(opts.strict) });
          print(report.problems, out);
          const counts = Object.entries(report.counts)
            .map(([file, c]) => `${file} ${c.imported}/${c.read}${c.rejected ? ` (${c.rejected} rejected)` : ''}`)
            .join(', ');
          out(`Imported feed "${report.feed}": ${counts}; ${report.stations} stations; ${report.errors} errors, ${report.warnings} warnings`);
        } catch (error) {
          const details = error instanceof AppError ? (error.details as { problems?: GtfsProblem[] } | undefined) : undefined;
          if (details?.problems) print(details.problems, out);
          throw error;
        }
      }),
    );

  gtfs
    .command('export')
    .argument('<dir>', 'directory to write stops.txt, levels.txt and pathways.txt into')
    .description("Write a feed's stations, levels and pathways as GTFS, extension columns included; --feed seoul writes the whole network")
    .requiredOption('--feed <name>', 'feed name given at import, or "seoul": every station of the Seoul import and every interior')
    .action((dir: string, opts: { feed: string }) =>
      withServices(async (s) => {
        await prepareDatabase(s, { seed: false });
        const started = performance.now();
        const report = await exportGtfs(s, { dir, feed: opts.feed });
        const ms = Math.round(performance.now() - started);
        out(
          `Exported feed "${report.feed}" to ${report.dir} in ${ms} ms: ${Object.entries(report.files)
            .map(([f, n]) => `${f} ${n}`)
            .join(', ')}`,
        );
        const types = ['platforms', 'stations', 'entrances', 'nodes', 'boarding areas'];
        out(
          `Stops: ${Object.entries(report.locationTypes)
            .map(([t, n]) => `${n} ${types[Number(t)] ?? `location_type ${t}`}`)
            .join(', ')}`,
        );
        const p = report.positions;
        out(
          `position_source: ${p.surveyed} surveyed, ${p.derived} derived, ${p.estimated} estimated, ${p.unknown} unknown` +
            " (an unknown stop, station or entrance carries its station's coordinates, as GTFS requires some)",
        );
        if (report.unplaced.length) out(`No coordinates at all (neither the stop nor its station): ${report.unplaced.join(', ')}`);
      }),
    );

  gtfs
    .command('validate')
    .argument('<dir>', 'an unzipped GTFS feed directory')
    .description('Check stops, levels and pathways (no database); prints "file:line field rule message", exits 1 on errors')
    .action(async (dir: string) => {
      const report = await validateGtfs(dir);
      print(report.problems, out);
      out(`${report.errors} errors, ${report.warnings} warnings`);
      if (report.errors) process.exitCode = 1;
    });
  return gtfs;
}
