import path from 'node:path';
import type { Command } from 'commander';
import { prepareDatabase } from '../../app.js';
import { system } from '../../core/auth/actor.js';
import type { Services } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { ingestFile } from './use-cases/ingest-file.js';
import { relayoutVersions } from './use-cases/relayout-versions.js';
import { findOrganisation } from '../accounts/index.js';

export type WithServices = <T>(work: (services: Services) => Promise<T>) => Promise<T>;

interface IngestFlags {
  dataset: string;
  titleKo?: string;
  titleEn?: string;
  licence?: string;
  encoding?: string;
  format?: string;
  delimiter?: string;
  publisher?: string;
  topics?: string;
}

/** A publisher (organisation) given by id or slug. */
async function publisherId(services: Services, ref: string | undefined): Promise<string | null> {
  if (!ref) return null;
  const org = await findOrganisation(services.db, ref);
  if (!org) throw new AppError('validation.failed', `--publisher: no organisation "${ref}"`, 422);
  return org.id;
}

/**
 * `open-seoul data ingest <file> --dataset <id>`: creates the dataset when it does not exist, otherwise adds a
 * version. Safe while the server runs on the same data dir: metadata goes through the database (SQLite WAL or
 * PostgreSQL) and every version is its own Parquet file.
 */
export function registerDataCommands(program: Command, withServices: WithServices, out: (line: string) => void = console.log): Command {
  const data = program.command('data').description('The open-data catalogue and lake');
  data
    .command('ingest')
    .argument('<file>', 'CSV, TSV, JSON, NDJSON, XLSX or Parquet file')
    .description('Read a file into a new published version of a dataset (creating the dataset if needed)')
    .requiredOption('--dataset <id>', 'dataset id (lower case, digits and dashes)')
    .option('--title-ko <title>', 'Korean title, when the dataset is created')
    .option('--title-en <title>', 'English title, when the dataset is created')
    .option('--licence <id>', 'licence when the dataset is created (KOGL-1, CC-BY-4.0 …)', 'KOGL-1')
    .option('--publisher <org>', 'publishing organisation (id or slug), when the dataset is created')
    .option('--topics <ids>', 'comma-separated topics, when the dataset is created')
    .option('--encoding <name>', 'override the detected encoding (utf-8, cp949, latin1 …)')
    .option('--format <format>', 'csv | tsv | json | ndjson | xlsx | parquet (default: from the name and bytes)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected), "tab" for tabs')
    .action((file: string, flags: IngestFlags) =>
      withServices(async (s) => {
        await prepareDatabase(s, { seed: false });
        const absolute = path.resolve(file);
        const { created, preview, published, result } = await ingestFile(s, system(), {
          datasetId: flags.dataset,
          file: absolute,
          filename: path.basename(absolute),
          options: { encoding: flags.encoding ?? null, format: flags.format ?? null, delimiter: flags.delimiter ?? null },
          create: {
            titleKo: flags.titleKo ?? (flags.titleEn ? undefined : path.basename(absolute, path.extname(absolute))),
            titleEn: flags.titleEn,
            licence: flags.licence,
            publisherId: await publisherId(s, flags.publisher),
            topics: flags.topics,
          },
        });
        const d = preview.detection;
        out(`${created ? 'Created dataset' : 'Dataset'} ${flags.dataset}: version ${published.version} published`);
        out(`  format ${preview.format}${preview.delimiter && preview.delimiter !== ',' ? ` (delimiter ${JSON.stringify(preview.delimiter)})` : ''}`);
        if (d)
          out(
            `  encoding ${d.encoding}${d.bom ? ' (BOM)' : ''}${d.overridden ? ' (as given)' : ''}, confidence ${d.confidence}; candidates: ${d.candidates.map((c) => `${c.encoding} ${c.score}`).join(', ')}`,
          );
        out(`  ${preview.rows} rows, ${preview.columns.length} columns: ${preview.schema.fields.map((f) => `${f.name} (${f.type})`).join(', ')}`);
        if (preview.dropped.length) out(`  dropped empty unnamed columns: ${preview.dropped.join(', ')}`);
        const v = preview.validation;
        out(
          `  validation: ${
            v.total === 0
              ? 'no problems'
              : `${v.total} problems (${Object.entries(v.byColumn)
                  .map(([c, n]) => `${c}: ${n}`)
                  .join(', ')})`
          }`,
        );
        for (const p of v.problems.slice(0, 10)) out(`    row ${p.row}, ${p.column}: ${p.message}`);
        if (preview.headerDrift) {
          const h = preview.headerDrift;
          out(
            `  header drift from version ${h.previousVersion}: ${h.added.length} added, ${h.removed.length} removed, ${h.renamed.length} renamed${h.renamed.length ? ` (${h.renamed.map((r) => `${r.current} ≈ ${r.previous}`).join(', ')})` : ''}`,
          );
        }
        out(
          `  timings (ms): ${Object.entries(result.timings)
            .map(([k, ms]) => `${k} ${ms}`)
            .join(', ')}`,
        );
      }),
    );
  data
    .command('relayout')
    .description('Move versions published before the lake layout (a file under this data dir) into the file store, with manifests')
    .action(() =>
      withServices(async (s) => {
        await prepareDatabase(s, { seed: false });
        const { moved, missing } = await relayoutVersions(s, system());
        for (const m of moved) out(`  ${m.datasetId} v${m.version} → ${m.key}`);
        for (const m of missing) out(`  ${m.datasetId} v${m.version}: no file at ${m.path} on this machine (left as it was)`);
        out(`${moved.length} versions moved into the lake layout, ${missing.length} without a file here`);
        if (missing.length) process.exitCode = 1;
      }),
    );
  return data;
}
