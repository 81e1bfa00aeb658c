import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { formBody, runPageForm } from '../../../web/forms.js';
import type { FieldError } from '../../../web/layout.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { datasetPolicy } from '../domain/policy.js';
import { firstTableResourceId } from '../store/catalogue.repository.js';
import { getDataset, listVersionHistory, parseJson } from '../store/dataset.repository.js';
import type { DatasetRow } from '../store/tables.js';
import { datasetState, goneError } from '../store/visibility.js';
import { deleteDataset } from '../use-cases/delete-dataset.js';
import { setDatasetAccess } from '../use-cases/set-dataset-access.js';
import { updateDataset } from '../use-cases/update-dataset.js';
import { withdrawVersion } from '../use-cases/withdraw-version.js';
import { managePage, type ManageView } from './manage.page.js';
import { manageT } from './manage.messages.js';
import { datasetForm, datasetProblems } from './publish-dataset-form.js';
import { datasetTitle, forbiddenPage, type Values } from './publish-view.js';

const hide = { schema: { hide: true } };

/** The form values of a dataset's catalogue entry, as the edit form shows them. */
const entryValues = (d: DatasetRow): Values => ({
  titleKo: d.title_ko ?? '',
  titleEn: d.title_en ?? '',
  descriptionKo: d.description_ko ?? '',
  descriptionEn: d.description_en ?? '',
  topics: parseJson<string[]>(d.topics, []),
  keywords: parseJson<string[]>(d.keywords, []).join(', '),
  licence: d.licence,
  frequency: d.frequency,
  temporalStart: d.temporal_start ?? '',
  temporalEnd: d.temporal_end ?? '',
  spatial: d.spatial ?? '',
  contactName: d.contact_name ?? '',
  contactEmail: d.contact_email ?? '',
  sourceUrl: d.source_url ?? '',
  attribution: d.attribution ?? '',
});

/** Pages of publisher control: manage (state, who sees it, withdraw, delete) and edit the catalogue entry. */
export function registerManagePages(app: App, services: Services): void {
  /** The dataset if the signed-in actor may manage it; otherwise the reply is sent (sign-in, 403, or 410 for a deleted one). */
  const manageable = async (request: FastifyRequest, reply: FastifyReply, id: string): Promise<DatasetRow | null> => {
    if (!request.actor.user) {
      await redirectTo(reply, `/sign-in?next=${encodeURIComponent(`/data/datasets/${id}/manage`)}`);
      return null;
    }
    const dataset = await getDataset(services.db, id);
    if (!datasetPolicy.canPublish(request.actor, dataset)) {
      await sendPage(request, reply, forbiddenPage, 403);
      return null;
    }
    if (dataset.deleted_at) throw goneError(dataset);
    return dataset;
  };

  const show = async (request: FastifyRequest, reply: FastifyReply, dataset: DatasetRow, extra: Partial<ManageView> = {}, status = 200) => {
    const tableId = await firstTableResourceId(services.db, dataset.id);
    const versions = tableId ? await listVersionHistory(services.db, tableId) : [];
    return sendPage(request, reply, managePage({ dataset, state: await datasetState(services.db, dataset), versions, ...extra }), status);
  };

  app.get('/data/datasets/:id/manage', hide, async (request, reply) => {
    const { id } = request.params as { id: string };
    const dataset = await manageable(request, reply, id);
    if (!dataset) return reply;
    const q = request.query as { done?: string; v?: string };
    const notice = q.done === 'saved' || q.done === 'withdrawn' ? q.done : undefined;
    return show(request, reply, dataset, { notice, noticeVersion: Number(q.v) || undefined });
  });

  app.get('/data/datasets/:id/edit', hide, async (request, reply) => {
    const { id } = request.params as { id: string };
    const dataset = await manageable(request, reply, id);
    if (!dataset) return reply;
    return sendPage(
      request,
      reply,
      datasetForm({ publishers: [], admin: false, values: entryValues(dataset), edit: { id, title: datasetTitle(dataset, request.locale).text } }),
    );
  });

  app.post('/data/datasets/:id/edit', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const dataset = await manageable(request, reply, id);
    if (!dataset) return reply;
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const { _csrf, id: _id, publisherId: _p, ...form } = formBody(raw);
    const topics = [raw.topics ?? []].flat().filter((v): v is string => typeof v === 'string');
    try {
      await updateDataset(services, request.actor, id, { ...form, topics });
      return redirectTo(reply, `/data/datasets/${id}/manage?done=saved`);
    } catch (error) {
      const errors = datasetProblems(request.locale, error);
      if (!errors) throw error;
      return sendPage(
        request,
        reply,
        datasetForm({ publishers: [], admin: false, values: { ...form, topics }, errors, edit: { id, title: datasetTitle(dataset, request.locale).text } }),
        422,
      );
    }
  });

  app.post('/data/datasets/:id/access', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const dataset = await manageable(request, reply, id);
    if (!dataset) return reply;
    const form = formBody(request.body);
    const outcome = await runPageForm(request.locale, () => setDatasetAccess(services, request.actor, id, form));
    if (outcome.ok) return redirectTo(reply, `/data/datasets/${id}/manage?done=saved`);
    const policy = manageT(request.locale)('access.error.policy');
    const errors: FieldError[] = outcome.errors.map((e) => (e.field === 'access' ? e : { ...e, message: `${e.message} ${policy}` }));
    return show(request, reply, dataset, { form: { name: 'access', values: form, errors } }, outcome.status);
  });

  const reasonErrors = (request: FastifyRequest, errors: FieldError[]) => errors.map((e) => ({ ...e, message: manageT(request.locale)('reason.error') }));

  app.post('/data/datasets/:id/versions/:version/withdraw', hide, async (request, reply) => {
    requireUser(request);
    const { id, version } = request.params as { id: string; version: string };
    const dataset = await manageable(request, reply, id);
    if (!dataset) return reply;
    const form = formBody(request.body);
    const n = Number(version);
    const outcome = await runPageForm(request.locale, () => withdrawVersion(services, request.actor, { datasetId: id, version: n, reason: form.reason }));
    if (outcome.ok) return redirectTo(reply, `/data/datasets/${id}/manage?done=withdrawn&v=${n}`);
    return show(request, reply, dataset, { form: { name: `withdraw-${n}`, values: form, errors: reasonErrors(request, outcome.errors) } }, outcome.status);
  });

  app.post('/data/datasets/:id/delete', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const dataset = await manageable(request, reply, id);
    if (!dataset) return reply;
    const form = formBody(request.body);
    const outcome = await runPageForm(request.locale, () => deleteDataset(services, request.actor, id, { reason: form.reason }));
    if (outcome.ok) return redirectTo(reply, `/data/datasets/${id}`);
    return show(request, reply, dataset, { form: { name: 'delete', values: form, errors: reasonErrors(request, outcome.errors) } }, outcome.status);
  });
}
