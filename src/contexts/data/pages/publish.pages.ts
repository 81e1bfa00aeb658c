import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAdmin } from '../../../core/auth/actor.js';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { formBody } from '../../../web/forms.js';
import type { FieldError } from '../../../web/layout.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { datasetPolicy } from '../domain/policy.js';
import { getDataset, listResources, listVersions } from '../store/dataset.repository.js';
import type { DatasetRow } from '../store/tables.js';
import { createDataset } from '../use-cases/create-dataset.js';
import { discardUpload } from '../use-cases/discard-upload.js';
import { publishVersion } from '../use-cases/publish-version.js';
import { datasetForm, datasetProblems } from './publish-dataset-form.js';
import { dataLinks } from './data-links.js';
import { datasetOfVersion, draftsOf } from '../store/version.repository.js';
import { publisherChoices } from './publish-queries.js';
import { loadUpload, restageDraft, stageBuffer } from './publish-draft.js';
import { previewPage, settledPage } from './publish-preview.js';
import { readPublishForm } from './publish-schema-form.js';
import { DELIMITERS, unreadableDetail, uploadErrors, uploadForm } from './publish-upload-form.js';
import { forbiddenPage, publishT, type Values } from './publish-view.js';
import { manageT } from './manage.messages.js';

const hide = { schema: { hide: true } };
const signIn = (reply: FastifyReply, next: string) => redirectTo(reply, `/sign-in?next=${encodeURIComponent(next)}`);

/** Pages for publishers: create a dataset, upload a file, check the preview (encoding, schema, problems), publish. */
export function registerPublishPages(app: App, services: Services): void {
  const datasetFormPage = async (request: FastifyRequest, values: Values, errors?: FieldError[]) =>
    datasetForm({ publishers: await publisherChoices(services.db, request.actor), admin: isAdmin(request.actor), values, errors });

  app.get('/data/new', hide, async (request, reply) => {
    if (!request.actor.user) return signIn(reply, '/data/new');
    const publishers = await publisherChoices(services.db, request.actor);
    if (!publishers.length && !isAdmin(request.actor)) return sendPage(request, reply, forbiddenPage, 403);
    return sendPage(request, reply, await datasetFormPage(request, { publisherId: publishers[0]?.id ?? '' }));
  });

  app.post('/data/datasets', hide, async (request, reply) => {
    requireUser(request);
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const form = formBody(raw);
    const topics = [raw.topics ?? []].flat().filter((v): v is string => typeof v === 'string');
    const values: Values = { ...form, topics };
    try {
      const dataset = await createDataset(services, request.actor, { ...form, id: form.id, topics, publisherId: form.publisherId || null });
      return redirectTo(reply, `/data/datasets/${dataset.id}/upload?created=1`);
    } catch (error) {
      const errors = datasetProblems(request.locale, error);
      if (!errors) throw error;
      return sendPage(request, reply, await datasetFormPage(request, values, errors), (error as AppError).status === 409 ? 409 : 422);
    }
  });

  /** The dataset, if the signed-in actor may publish it; otherwise the reply is already sent (sign-in or 403). */
  const publishable = async (request: FastifyRequest, reply: FastifyReply, id: string, next: string) => {
    if (!request.actor.user) {
      await signIn(reply, next);
      return null;
    }
    const dataset = await getDataset(services.db, id);
    if (!datasetPolicy.canPublish(request.actor, dataset)) {
      await sendPage(request, reply, forbiddenPage, 403);
      return null;
    }
    return dataset;
  };

  const uploadPage = async (dataset: DatasetRow, extra: Partial<Parameters<typeof uploadForm>[0]> = {}) => {
    const table = (await listResources(services.db, dataset.id)).find((r) => r.kind === 'table');
    const versions = table ? await listVersions(services.db, table.id) : [];
    const drafts = table ? await draftsOf(services.db, table.id) : [];
    return uploadForm({ dataset, versions, drafts, limitMb: UPLOAD_LIMIT_MB, ...extra });
  };

  app.get('/data/datasets/:id/upload', hide, async (request, reply) => {
    const { id } = request.params as { id: string };
    const query = request.query as { created?: string; discarded?: string };
    const dataset = await publishable(request, reply, id, `/data/datasets/${id}/upload`);
    if (!dataset) return reply;
    return sendPage(request, reply, await uploadPage(dataset, { notice: query.created ? 'created' : query.discarded ? 'discarded' : undefined }));
  });

  app.post(
    '/data/datasets/:id/upload',
    { ...hide, config: { multipartOptions: { limits: { fileSize: UPLOAD_LIMIT_MB * 1024 * 1024 }, throwFileSizeLimit: false } } },
    async (request, reply) => {
      requireUser(request);
      const { id } = request.params as { id: string };
      const dataset = await publishable(request, reply, id, `/data/datasets/${id}/upload`);
      if (!dataset) return reply;
      const form = formBody(request.body);
      const part = (request.body as Record<string, unknown> | undefined)?.file as UploadedPart | undefined;
      const options = {
        format: form.format || undefined,
        encoding: form.encoding || undefined,
        delimiter: DELIMITERS[form.delimiter as keyof typeof DELIMITERS],
      };
      const t = publishT(request.locale);
      try {
        const data = part?.toBuffer && part.filename ? await part.toBuffer() : null;
        if (!data || !part?.filename) throw new AppError('data.file_missing', 'No file was sent', 422, { field: 'file' });
        if (part.file?.truncated) throw new AppError('data.file_too_large', `The file is larger than ${UPLOAD_LIMIT_MB} MB`, 413, { field: 'file' });
        const staged = await stageBuffer(services, request.actor, { datasetId: id, data, filename: part.filename, options });
        return redirectTo(reply, `/data/uploads/${staged.versionId}`);
      } catch (error) {
        const errors = uploadErrors(t, error, UPLOAD_LIMIT_MB);
        if (!errors) throw error;
        const status = (error as AppError).status === 413 ? 413 : 422;
        return sendPage(request, reply, await uploadPage(dataset, { errors, values: form, detail: unreadableDetail(error) }), status);
      }
    },
  );

  /** An upload the actor may see, or null when the reply is already sent (sign-in, or the 403 page). */
  const upload = async (request: FastifyRequest, reply: FastifyReply, versionId: string) => {
    if (!request.actor.user) {
      await signIn(reply, `/data/uploads/${versionId}`);
      return null;
    }
    try {
      return await loadUpload(services, request.actor, versionId);
    } catch (error) {
      if (error instanceof AppError && error.status === 403) {
        await sendPage(request, reply, forbiddenPage, 403);
        return null;
      }
      throw error;
    }
  };

  app.get('/data/uploads/:versionId', hide, async (request, reply) => {
    const found = await upload(request, reply, (request.params as { versionId: string }).versionId);
    if (!found) return reply;
    return sendPage(request, reply, found.preview.status === 'draft' ? previewPage(found) : settledPage(found));
  });

  app.post('/data/uploads/:versionId/encoding', hide, async (request, reply) => {
    requireUser(request);
    const { versionId } = request.params as { versionId: string };
    const next = await restageDraft(services, request.actor, versionId, { encoding: formBody(request.body).encoding ?? '' });
    return redirectTo(reply, `/data/uploads/${next ?? versionId}`);
  });

  /** "Check again": the edited types and confirmed renames applied to a new draft, its problems shown before publishing. */
  app.post('/data/uploads/:versionId/check', hide, async (request, reply) => {
    requireUser(request);
    const { versionId } = request.params as { versionId: string };
    const found = await upload(request, reply, versionId);
    if (!found) return reply;
    const changes = readPublishForm(formBody(request.body), found.preview.schema, found.preview.headerDrift);
    if (!changes.schema && !changes.columnMap) return redirectTo(reply, `/data/uploads/${versionId}`);
    try {
      const next = await restageDraft(services, request.actor, versionId, changes);
      return redirectTo(reply, `/data/uploads/${next ?? versionId}#validation-h`);
    } catch (error) {
      return schemaRefused(request, reply, error, found, formBody(request.body));
    }
  });

  app.post('/data/uploads/:versionId/publish', hide, async (request, reply) => {
    requireUser(request);
    const { versionId } = request.params as { versionId: string };
    const form = formBody(request.body);
    const found = await upload(request, reply, versionId);
    if (!found) return reply;
    const changes = readPublishForm(form, found.preview.schema, found.preview.headerDrift);
    try {
      const published = await publishVersion(services, request.actor, versionId, changes);
      return redirectTo(reply, `${dataLinks.dataset(published.datasetId)}?published=${published.version}`);
    } catch (error) {
      return schemaRefused(request, reply, error, found, form);
    }
  });

  app.post('/data/uploads/:versionId/discard', hide, async (request, reply) => {
    requireUser(request);
    const { versionId } = request.params as { versionId: string };
    await discardUpload(services, request.actor, versionId);
    return redirectTo(reply, `/data/datasets/${await datasetOfVersion(services.db, versionId)}/upload?discarded=1`);
  });

  /** The preview again with the problem, when the file cannot be read with the publisher's corrected schema (422). */
  const schemaRefused = (
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
    found: Awaited<ReturnType<typeof loadUpload>>,
    values: Record<string, string>,
  ) => {
    if (error instanceof AppError && error.code === 'data.bad_rows_undecided') {
      const errors = [{ field: 'badRows', message: manageT(request.locale)('bad.required') }];
      return sendPage(request, reply, previewPage({ ...found, errors, values }), 409);
    }
    if (!(error instanceof AppError) || error.status !== 422) throw error;
    const errors = [{ field: 'schema', message: publishT(request.locale)('publish.error.schema') }];
    return sendPage(request, reply, previewPage({ ...found, errors, values }), 422);
  };
}

interface UploadedPart {
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
  file?: { truncated?: boolean };
}

/** Uploads through the form are held in memory while they are read; the CLI takes files of any size. */
const UPLOAD_LIMIT_MB = 50;
