import { datasetSummaries, listedAmong } from '../../data/index.js';
import { isAdmin, type Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, notifyUsers } from '../../accounts/index.js';
import { followersOf, findItemBySubject } from '../../accountability/index.js';
import { demandPolicy } from '../domain/policy.js';
import { findRequest, linkDataset, supportsOf } from '../store/request.repository.js';
import { SUBJECT_TYPE, requestUrl } from '../store/tables.js';

/** A field problem the validation catalog has no words for: the page shows it in the demand catalog's. */
const datasetProblem = (code: string, message: string) => new AppError(code, `datasetId: ${message}`, 422, [{ field: 'datasetId', code, message }]);

/**
 * The data is out: the dataset's publisher links the request to it, saying why it answers the request (the
 * dataset must exist and be open, not restricted). Only the publisher of that dataset (or an admin) may link:
 * a department cannot mark a request "published" with somebody else's or an unrelated dataset. A link the
 * requester disputed may be replaced by another (the dispute is then closed). Requester and supporters are told.
 */
export async function linkPublishedDataset(services: Services, actor: Actor, input: { requestId: string; datasetId: unknown; reason?: unknown }) {
  if (!actor.user && actor.kind !== 'system') throw unauthenticated();
  const request = await findRequest(services.db, input.requestId);
  // Only admins and members of an organisation (publishers belong to theirs) may ever link: others stop here.
  assertAllowed(actor, isAdmin(actor) || (actor.user?.memberships.length ?? 0) > 0, 'link a dataset to this request');
  const c = new Checker();
  const datasetId = c.text('datasetId', input.datasetId, { max: 80 }) ?? '';
  const reason = c.text('reason', input.reason, { min: 10, max: 2000 }) ?? '';
  c.done();
  const [dataset] = await datasetSummaries(services.db, [datasetId]);
  // Publishers of another organisation may link only their own datasets, so the policy needs the dataset.
  if (!dataset) {
    assertAllowed(actor, demandPolicy.canLinkDataset(actor, request), 'link a dataset to this request');
    throw datasetProblem('demand.dataset_unknown', `No dataset "${datasetId}" in the catalogue`);
  }
  assertAllowed(actor, demandPolicy.canLinkDataset(actor, request, dataset), 'link a dataset to this request');
  if (dataset.restricted) throw datasetProblem('demand.dataset_restricted', 'A restricted dataset is not a publication');
  // A draft (no version yet), private or deleted dataset answers nobody's request.
  if (!(await listedAmong(services.db, [dataset.id])).has(dataset.id))
    throw datasetProblem(
      'demand.dataset_unpublished',
      'The dataset is not published (a draft without a version, private, or deleted): it answers no request yet',
    );
  if (request.dataset_id && !request.disputed_at)
    throw new AppError('demand.already_published', 'A dataset is already linked to this request', 409, { datasetId: request.dataset_id });
  const at = services.now().toISOString();
  const after = {
    dataset_id: dataset.id,
    linked_by: actor.user?.id ?? null,
    published_at: at,
    link_reason: reason,
    disputed_at: null,
    dispute_reason: null,
    updated_at: at,
  };
  await services.db.transaction().execute(async (tx) => {
    if (!(await linkDataset(tx, request.id, !!request.dataset_id, after)))
      throw new AppError('demand.already_published', 'A dataset is already linked to this request', 409);
    const before = {
      dataset_id: request.dataset_id,
      link_reason: request.link_reason,
      disputed_at: request.disputed_at,
      dispute_reason: request.dispute_reason,
    };
    await recordAudit(tx, actor, { action: 'demand.link_dataset', entityType: 'demand_request', entityId: request.id, before, after });
  });
  const item = await findItemBySubject(services.db, SUBJECT_TYPE, request.id);
  const people = [
    request.author_id,
    ...(await supportsOf(services.db, [request.id])).map((s) => s.user_id),
    ...(item ? await followersOf(services.db, item.id) : []),
  ];
  const name = dataset.title_ko ?? dataset.title_en ?? dataset.id;
  await notifyUsers(services, people, {
    title: { ko: `요청한 데이터가 공개되었습니다: ${request.title}`, en: `The data you asked for is published: ${request.title}` },
    body: {
      ko: `데이터셋: ${name}\n/data/datasets/${dataset.id}\n이유: ${reason}`,
      en: `Dataset: ${dataset.title_en ?? name}\n/data/datasets/${dataset.id}\nWhy: ${reason}`,
    },
    url: requestUrl(request.id),
  });
  return { ...request, ...after };
}
