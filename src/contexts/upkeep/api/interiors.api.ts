import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { toCsv } from '../../../core/csv.js';
import { errorResponses, textBody } from '../../../core/http/schemas.js';
import { requireUser } from '../../../core/http/request-context.js';
import { interiorGtfsTables, listUnplaced } from '../../transit/index.js';
import { ATTRIBUTES } from '../use-cases/change-ops.js';
import { describeCurrentInterior, describeVersion, listVersions } from '../use-cases/describe-upkeep.js';
import { latestVersion, loadStationRows, snapshotOf } from '../use-cases/interior-store.js';
import { listStationStewards, setStationSteward } from '../use-cases/manage-stewards.js';
import { restoreVersion, revertVersion } from '../use-cases/restore-version.js';
import { CurrentInterior, RestoredVersion, StationStewards, StationVersion, StationVersionDetail, StewardChange } from './upkeep.schemas.js';

const tags = ['transit upkeep'];
const security = [{ apiKey: [] }];
const StationParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const VersionParams = Type.Object({ id: Type.String({ maxLength: 100 }), version: Type.Integer({ minimum: 1 }) });
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

/** A station's stewards, its interior as it is now (plain fields and GTFS), and its versions with revert and restore. */
export function registerInteriorsApi(app: App, services: Services) {
  app.get(
    '/api/v1/transit/stations/:id/stewards',
    {
      schema: {
        tags,
        summary: 'Who stewards what at a station (per attribute: geometry, accessibility, boarding, instructions, media, facility)',
        params: StationParams,
        response: { 200: StationStewards, ...errorResponses(404) },
      },
    },
    async (request) => listStationStewards(services, request.params.id),
  );

  app.put(
    '/api/v1/transit/stations/:id/stewards/:attribute',
    {
      schema: {
        tags,
        security,
        summary: 'Make an organisation the steward of an attribute at this station (admins; station id "*" for every station)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), attribute: Type.Union(ATTRIBUTES.map((a) => Type.Literal(a))) }),
        body: Type.Object({ organisationId: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: StewardChange, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      requireUser(request) &&
      setStationSteward(services, request.actor, {
        stationKey: request.params.id,
        attribute: request.params.attribute,
        organisationId: request.body.organisationId,
      }),
  );

  app.get(
    '/api/v1/transit/stations/:id/interior',
    {
      schema: {
        tags,
        summary: 'The station interior as edited (levels, nodes, pathways in plain fields) and the version a change made now is based on',
        params: StationParams,
        response: { 200: CurrentInterior, ...errorResponses(404) },
      },
    },
    async (request) => {
      const current = await describeCurrentInterior(services, request.params.id);
      const latest = await latestVersion(services.db, request.params.id);
      const rows = latest ? snapshotOf(latest) : (await loadStationRows(services.db, request.params.id)).rows;
      return { ...current, unplaced: await listUnplaced(services.db, request.params.id, rows) };
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/gtfs/:file',
    {
      schema: {
        tags,
        summary: 'The station interior as it is now (the approved version) in GTFS: stops.txt, levels.txt or pathways.txt, for apps',
        params: Type.Object({
          id: Type.String({ maxLength: 100 }),
          file: Type.Union([Type.Literal('stops.txt'), Type.Literal('levels.txt'), Type.Literal('pathways.txt')]),
        }),
        response: { 200: textBody('text/csv', 'The GTFS file (CSV with a header row; empty when the station has no interior)') },
      },
    },
    async (request, reply) => {
      const latest = await latestVersion(services.db, request.params.id);
      const rows = latest ? snapshotOf(latest) : (await loadStationRows(services.db, request.params.id)).rows;
      const table = interiorGtfsTables(rows).find((x) => x.file === request.params.file);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="${request.params.id}-${request.params.file}"`)
        .send(table ? toCsv(table.columns, table.rows, 'gtfs') : '');
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a station interior, newest first (when verified in the field, by whom)',
        params: StationParams,
        response: { 200: Type.Array(StationVersion), ...errorResponses(404) },
      },
    },
    async (request) => listVersions(services, request.params.id),
  );

  app.get(
    '/api/v1/transit/stations/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version: its interior (levels, nodes, pathways) and the diff from the version before',
        params: VersionParams,
        response: { 200: StationVersionDetail, ...errorResponses(404) },
      },
    },
    async (request) => describeVersion(services, request.params.id, request.params.version),
  );

  app.post(
    '/api/v1/transit/stations/:id/versions/:version/revert',
    {
      schema: {
        tags,
        security,
        summary: 'Revert the latest version (restores the one before it, as a new version); stewards of what changes',
        params: VersionParams,
        body: Reason,
        response: { 200: RestoredVersion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      const v = await revertVersion(services, request.actor, { stationId: request.params.id, version: request.params.version, reason: request.body.reason });
      return { stationId: v.station_id, version: v.version, restoredVersion: v.restored_version, summary: v.summary };
    },
  );

  app.post(
    '/api/v1/transit/stations/:id/versions/:version/restore',
    {
      schema: {
        tags,
        security,
        summary: 'Restore any earlier version as a new version',
        params: VersionParams,
        body: Reason,
        response: { 200: RestoredVersion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      const v = await restoreVersion(services, request.actor, { stationId: request.params.id, version: request.params.version, reason: request.body.reason });
      return { stationId: v.station_id, version: v.version, restoredVersion: v.restored_version, summary: v.summary };
    },
  );
}
