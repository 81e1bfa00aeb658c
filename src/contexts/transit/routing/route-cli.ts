import { stationOfStop } from '../store/routing-graph.repository.js';
import type { Command } from 'commander';
import { prepareDatabase } from '../../../app.js';
import { AppError } from '../../../core/errors.js';
import type { WithServices } from '../gtfs/cli.js';
import { PILOT_FEED } from '../interiors/derive-pilot-interiors.js';
import { SEOUL_FEED } from '../use-cases/import-seoul.js';
import { buildRoute } from './build-route.js';
import { isProfileId } from './profiles.js';
import { PROFILE_IDS, type RouteResult } from './route-types.js';
import { routingFor } from './routing-service.js';

/** `open-seoul route --feed <name> --from <stop_id> --to <stop_id> --profile <profile> [--json]`. */
export function registerRouteCommand(program: Command, withServices: WithServices, out: (line: string) => void = console.log): Command {
  return program
    .command('route')
    .description('Route between two stops of a station interior for a traveller profile (an imported GTFS feed, or "seoul" for the pilot interiors)')
    .requiredOption('--feed <name>', 'feed name given at `gtfs import`, or seoul')
    .requiredOption('--from <stop_id>', 'GTFS stop_id to start from (platform, boarding area, entrance, node)')
    .requiredOption('--to <stop_id>', 'GTFS stop_id to reach')
    .option('--profile <profile>', `one of ${PROFILE_IDS.join(', ')}`, 'walking')
    .option('--max-slope <ratio>', 'steepest slope accepted, e.g. 0.05', (v) => Number(v))
    .option('--avoid-escalators', 'never use escalators')
    .option('--json', 'print the route as JSON')
    .action((opts: { feed: string; from: string; to: string; profile: string; maxSlope?: number; avoidEscalators?: boolean; json?: boolean }) =>
      withServices(async (s) => {
        if (!isProfileId(opts.profile)) throw new AppError('route.profile', `Unknown profile "${opts.profile}"; use one of ${PROFILE_IDS.join(', ')}`, 400);
        await prepareDatabase(s, { seed: false });
        const routing = routingFor(s);
        const feed = opts.feed === SEOUL_FEED ? PILOT_FEED : opts.feed;
        let target: Awaited<ReturnType<typeof routing.station>>;
        if (feed === PILOT_FEED) {
          const stationId = await stationOfStop(s.db, PILOT_FEED, opts.from);
          if (!stationId) throw new AppError('route.unknown_stop', `No stop "${opts.from}" in the Seoul pilot interiors`, 400);
          target = await routing.station(stationId);
        } else {
          target = await routing.feed(feed);
        }
        if (!target) throw new AppError('route.no_interior', 'That station has no interior', 400);
        for (const id of [opts.from, opts.to])
          if (!target.router.graph.index.has(id)) throw new AppError('route.unknown_stop', `No stop "${id}" in feed "${opts.feed}"`, 400);
        const route = buildRoute(target.router, opts.from, opts.to, opts.profile, {
          feed: opts.feed,
          stationId: feed === PILOT_FEED ? target.stationId : null,
          overrides: opts.maxSlope !== undefined || opts.avoidEscalators ? { maxSlope: opts.maxSlope, avoidEscalators: opts.avoidEscalators } : undefined,
        })!;
        if (opts.json) out(JSON.stringify(route));
        else printRoute(route, out);
        if (!route.feasible) process.exitCode = 3;
      }),
    );
}

function printRoute(r: RouteResult, out: (line: string) => void) {
  if (!r.feasible) {
    out(`No route for ${r.profile}: ${r.reason?.message.en ?? ''}`);
    return;
  }
  out(
    `${r.from.name ?? r.from.id} → ${r.to.name ?? r.to.id} (${r.profile}): about ${Math.round((r.timeS ?? 0) / 60)} min (up to ${Math.round((r.timeSlowS ?? 0) / 60)})`,
  );
  if (r.boardAt) out(`Board: ${r.boardAt.label.en}`);
  for (const s of r.steps) out(`${s.n}. [${s.mode}] ${s.instruction.en}`);
}
