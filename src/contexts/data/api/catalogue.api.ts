import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { FACETS, searchCatalogue, type Facet } from '../pages/catalogue-search.js';
import { lakeFor } from '../lake/lake.js';
import { createDataset } from '../use-cases/create-dataset.js';
import { describeDataset } from '../use-cases/describe-dataset.js';
import { discardUpload } from '../use-cases/discard-upload.js';
import { publishVersion } from '../use-cases/publish-version.js';
import { stageUpload } from '../use-cases/stage-upload.js';
import * as S from './catalogue.schemas.js';

const tags = ['data'];
const security = [{ apiKey: [] }];
const DatasetParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const VersionParams = Type.Object({ versionId: Type.String({ maxLength: 60 }) });

/** Data uploads may be large; every other route keeps the app's small body limit. */
export const UPLOAD_LIMIT = 200 * 1024 * 1024;

interface MultipartFile {
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
}
const field = (body: Record<string, unknown>, name: string) => {
  const v = (body[name] as { value?: unknown } | undefined)?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};
const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/** Routes for the catalogue (list, search, facets, one dataset, create) and ingest (upload, preview, publish, discard). */
export function registerCatalogueApi(app: App, services: Services): void {
  app.get(
    '/api/v1/data/datasets',
    {
      schema: {
        tags,
        summary: 'Search and list datasets, with facets',
        querystring: S.DatasetListQuery,
        response: { 200: S.DatasetListSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { q = '', sort = 'relevance', limit = 20, offset = 0 } = request.query;
      const filters = Object.fromEntries(FACETS.map((f) => [f, list(request.query[f])])) as Record<Facet, string[]>;
      if (filters.format.length) filters.format = filters.format.map((f) => f.toUpperCase());
      const result = await searchCatalogue(services.db, { q, filters, sort, page: 1, pageSize: offset + limit });
      return { total: result.total, limit, offset, items: result.items.slice(offset), facets: result.facets };
    },
  );

  app.get(
    '/api/v1/data/datasets/:id',
    {
      schema: {
        tags,
        summary: 'One dataset: metadata, resources, versions, and the schema and profile of the latest (or ?version=, ?asOf=)',
        params: DatasetParams,
        querystring: S.DatasetQuery,
        response: { 200: S.DatasetSchema, ...errorResponses(404) },
      },
    },
    async (request) => describeDataset(services.db, request.params.id, { version: request.query.version, asOf: request.query.asOf }, request.actor),
  );

  app.post(
    '/api/v1/data/datasets',
    {
      schema: {
        tags,
        security,
        summary: 'Create a dataset (catalogue entry with an empty table)',
        body: S.CreateDatasetBody,
        response: { 201: S.DatasetSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await createDataset(services, request.actor, request.body);
      return reply.status(201).send(await describeDataset(services.db, row.id, {}, request.actor));
    },
  );

  app.post(
    '/api/v1/data/datasets/:id/uploads',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: { multipartOptions: { limits: { fileSize: UPLOAD_LIMIT, files: 1 } } },
      schema: {
        tags,
        security,
        consumes: ['multipart/form-data'],
        summary: 'Upload a file as a draft version; returns the preview (encoding candidates, schema, problems, profile, header drift)',
        params: DatasetParams,
        body: S.UploadForm,
        response: { 201: S.UploadPreviewSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const part = body.file as MultipartFile | undefined;
      if (!part?.toBuffer || !part.filename)
        throw new AppError('validation.failed', 'file: a file is required (multipart field "file")', 422, [
          { field: 'file', code: 'validation.required', message: 'A file is required' },
        ]);
      const dir = path.join(lakeFor(services).tmpDir, 'uploads');
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(
        dir,
        `${randomUUID()}${path
          .extname(part.filename)
          .toLowerCase()
          .replace(/[^a-z0-9.]/g, '')}`,
      );
      try {
        await fs.writeFile(file, await part.toBuffer());
        const { result: _result, ...preview } = await stageUpload(services, request.actor, {
          datasetId: request.params.id,
          file,
          filename: path.basename(part.filename),
          options: { format: field(body, 'format'), encoding: field(body, 'encoding'), delimiter: field(body, 'delimiter') },
        });
        return reply.status(201).send(preview);
      } finally {
        await fs.rm(file, { force: true });
      }
    },
  );

  app.post(
    '/api/v1/data/uploads/:versionId/publish',
    {
      schema: {
        tags,
        security,
        summary: 'Publish a draft, optionally with an edited schema, a column map ({ new: previous }) or another encoding',
        params: VersionParams,
        body: S.PublishBody,
        response: { 200: S.PublishedVersionSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return publishVersion(services, request.actor, request.params.versionId, request.body ?? {});
    },
  );

  app.delete(
    '/api/v1/data/uploads/:versionId',
    {
      schema: {
        tags,
        security,
        summary: 'Discard a draft',
        params: VersionParams,
        response: { 200: Type.Object({ versionId: Type.String(), version: Type.Integer(), status: Type.String() }), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      return discardUpload(services, request.actor, request.params.versionId);
    },
  );
}
