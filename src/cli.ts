import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { buildApp, createServices, prepareDatabase } from './app.js';
import { system } from './core/auth/actor.js';
import { newToken } from './core/auth/secrets.js';
import { backup, restore } from './core/backup/backup.js';
import { ConfigError, loadConfig } from './core/config.js';
import { AppError } from './core/errors.js';
import { createUser } from './contexts/accounts/use-cases/create-user.js';
import { sendReminders } from './contexts/accountability/use-cases/send-reminders.js';
import { sendLearnReminders } from './contexts/learn/use-cases/send-learn-reminders.js';
import { manifests } from './contexts/index.js';
import { importSeoul } from './contexts/transit/use-cases/import-seoul.js';
import { derivePilotInteriors } from './contexts/transit/interiors/derive-pilot-interiors.js';
import { SEOUL_SEED_DIR } from './contexts/transit/seeds/seoul-network.seed.js';
import { registerGtfsCommands } from './contexts/transit/gtfs/cli.js';
import { registerRouteCommand } from './contexts/transit/routing/route-cli.js';
import { registerDataCommands } from './contexts/data/cli.js';
import { dropUnnamedLakeFiles } from './contexts/data/index.js';
import { sendDeadlineReminders } from './contexts/startups/use-cases/send-deadline-reminders.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OPENAPI_FILE = path.join(ROOT, 'openapi.json');

/** Opens services, runs `work`, closes them; errors end the process with one clear line. */
async function withServices<T>(work: (s: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const services = createServices(loadConfig());
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

export async function serve() {
  const config = loadConfig();
  const services = createServices(config);
  const { migrated, seeded } = await prepareDatabase(services, { seed: true });
  const app = await buildApp(services);
  await app.listen({ host: config.host, port: config.port });
  const stopJobs = manifests.flatMap((m) => m.jobs ?? []).map((start) => start(services));
  services.log.info(
    { migrated: migrated.length, seeded, dialect: services.dialect, dataDir: config.dataDir },
    `Open Seoul is serving http://localhost:${config.port}`,
  );
  const stop = async (signal: string) => {
    services.log.info({ signal }, 'shutting down');
    stopJobs.forEach((stopJob) => stopJob());
    await app.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

export function cli(): Command {
  const program = new Command('open-seoul')
    .description("Open Seoul: the open-government platform for Seoul's OGP action plan.\nConfiguration comes from environment variables (see .env.example).")
    .showHelpAfterError();

  program.command('serve').description('Migrate, load seed data once, and serve the web UI and Open API').action(serve);

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(() =>
      withServices(async (s) => {
        const { migrated } = await prepareDatabase(s, { seed: false });
        console.log(migrated.length ? `Applied ${migrated.length} migrations: ${migrated.join(', ')}` : 'Database is up to date');
      }),
    );

  program
    .command('seed')
    .description('Migrate, then load seed data that has not been loaded yet (idempotent)')
    .action(() =>
      withServices(async (s) => {
        const { seeded } = await prepareDatabase(s, { seed: true });
        console.log(seeded.length ? `Loaded: ${seeded.join(', ')}` : 'All seed data is already loaded');
      }),
    );

  program
    .command('backup')
    .argument('<file>', 'archive to write (.tar.gz)')
    .description('Write a consistent snapshot of the database and the data files (safe while the server runs)')
    .action((file: string) =>
      withServices(async (s) => {
        const m = await backup(s, file);
        console.log(`Backup written to ${file}: ${m.tables.reduce((n, t) => n + t.rows, 0)} rows in ${m.tables.length} tables`);
      }),
    );

  program
    .command('restore')
    .argument('<file>', 'archive written by `backup`')
    .description('Replace the database rows and data files with a backup (stop the server first)')
    .action((file: string) =>
      withServices(async (s) => {
        await prepareDatabase(s, { seed: false });
        const m = await restore(s, file);
        const dropped = await dropUnnamedLakeFiles(s); // a version the restored database does not publish leaves the lake
        console.log(
          `Restored ${file} (taken ${m.createdAt} on ${m.dialect})${dropped.length ? `; ${dropped.length} unpublished Parquet files removed from the lake` : ''}`,
        );
      }),
    );

  const user = program.command('user').description('Manage accounts');
  user
    .command('create')
    .description('Create an account with a platform role')
    .requiredOption('--email <email>', 'email address (sign-in name)')
    .requiredOption('--role <role>', 'citizen | official | reviewer | admin')
    .option('--name <name>', 'display name')
    .option('--password <password>', 'password (default: OPEN_SEOUL_USER_PASSWORD, else a generated one is printed)')
    .action((opts: { email: string; role: string; name?: string; password?: string }) =>
      withServices(async (s) => {
        await prepareDatabase(s, { seed: false });
        const generated = !opts.password && !process.env.OPEN_SEOUL_USER_PASSWORD;
        const password = opts.password ?? process.env.OPEN_SEOUL_USER_PASSWORD ?? newToken().slice(0, 20);
        const created = await createUser(s, system(), { email: opts.email, displayName: opts.name, password, role: opts.role });
        console.log(`Created ${created.role} ${created.email} (${created.id})${generated ? `\npassword: ${password}` : ''}`);
      }),
    );

  const importCmd = program.command('import').description('Import real data');
  importCmd
    .command('seoul')
    .description('Import the Seoul subway files: stations, lines, transfers, run times, facilities (idempotent)')
    .option('--dir <dir>', 'folder with stations/, network/ and facilities/', SEOUL_SEED_DIR)
    .action((opts: { dir: string }) =>
      withServices(async (s) => {
        await prepareDatabase(s, { seed: false });
        const { network } = await importSeoul(s, system(), path.resolve(opts.dir));
        console.log(
          `Loaded ${network.stations.length} stations, ${network.lines.length} lines, ${network.transfers.length} transfers, ${network.runs.length} runs, ${network.facilities.length} facilities`,
        );
        for (const [file, n] of Object.entries(network.counts)) console.log(`  ${file}: ${n} rows`);
        console.log(`Could not match ${network.unmatched.length} rows:`);
        for (const u of network.unmatched) console.log(`  ${u.file}:${u.line} ${u.reason}: ${u.value}`);
        const pilot = await derivePilotInteriors(s); // derived from the facilities just imported
        console.log(`Pilot interiors re-derived for ${pilot.stations.length} stations`);
      }),
    );

  registerGtfsCommands(program, withServices);
  registerRouteCommand(program, withServices);
  registerDataCommands(program, withServices);

  const jobs = program.command('jobs').description('Background jobs');
  jobs
    .command('run')
    .argument('<job>', 'reminders | learn-reminders | startup-reminders')
    .description('Run a job once (the server also runs it every ten minutes)')
    .action((job: string) =>
      withServices(async (s) => {
        if (job !== 'reminders' && job !== 'learn-reminders' && job !== 'startup-reminders')
          throw new Error(`Unknown job "${job}"; known: reminders, learn-reminders, startup-reminders`);
        await prepareDatabase(s, { seed: false });
        const { sent } =
          job === 'reminders' ? await sendReminders(s) : job === 'startup-reminders' ? await sendDeadlineReminders(s) : await sendLearnReminders(s);
        console.log(`Reminders sent: ${sent}`);
      }),
    );

  program
    .command('openapi')
    .description('Print the OpenAPI document, or write/check the committed copy')
    .option('--write', `write it to ${path.relative(ROOT, OPENAPI_FILE)}`)
    .option('--check', 'exit 1 when the committed copy differs')
    .action((opts: { write?: boolean; check?: boolean }) =>
      withServices(async (s) => {
        // The app reads a few tables when it becomes ready (admins' extra holidays): migrate first.
        await prepareDatabase(s, { seed: false });
        const app = await buildApp(s);
        await app.ready();
        const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
        await app.close();
        if (opts.write) await fs.writeFile(OPENAPI_FILE, doc);
        else if (opts.check) {
          const committed = await fs.readFile(OPENAPI_FILE, 'utf8').catch(() => '');
          if (committed !== doc) throw new Error('openapi.json is out of date: run `npx open-seoul openapi --write`');
        } else process.stdout.write(doc);
      }),
    );

  return program;
}

export async function runCli(argv: string[]) {
  try {
    await cli().parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AppError) console.error(`${error.code}: ${error.message}`);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
}
