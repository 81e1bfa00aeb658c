import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { normalize } from '../../../core/search/analyzer.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { announceArrivals, receiveInput } from '../../accountability/index.js';
import { demandPolicy } from '../domain/policy.js';
import { TRIAGE_DEPARTMENT, USE_TYPES, type UseType } from '../domain/vocabularies.js';
import { findOwnRequest, insertRequest } from '../store/request.repository.js';
import { findHolder, listHolders } from './list-holders.js';
import { SUBJECT_TYPE, requestUrl, type DataRequestRow } from '../store/tables.js';

export const DATA_REQUEST_KIND = 'demand.data_request';

export interface SubmitDataRequestInput {
  title: unknown;
  why: unknown;
  /** An organisation id or slug (a city department or transit operator); empty or "unknown": the requester does not know. */
  organisation?: unknown;
  useType: unknown;
  useDescription: unknown;
}

export const requestSearchDoc = (row: Pick<DataRequestRow, 'id' | 'title' | 'why' | 'use_description'>) => ({
  type: 'data_request',
  id: row.id,
  url: requestUrl(row.id),
  title: { ko: row.title, en: null },
  summary: { ko: row.why.slice(0, 300), en: null },
  body: row.use_description.slice(0, 1000),
});

/** The department that answers when the requester does not know: the triage division, or the first holder there is. */
async function triageDepartment(services: Services) {
  const department = (await findHolder(services.db, TRIAGE_DEPARTMENT)) ?? (await listHolders(services.db))[0];
  if (!department) throw new AppError('demand.no_department', 'No city department is registered to answer data requests', 409);
  return department;
}

/** A signed-in person asks for data; the department's answer clock starts in the same transaction. */
export async function submitDataRequest(services: Services, actor: Actor, input: SubmitDataRequestInput): Promise<DataRequestRow> {
  assertAllowed(actor, demandPolicy.canRequest(actor), 'request data');
  const c = new Checker();
  const title = c.text('title', input.title, { min: 4, max: 200 }) ?? '';
  const why = c.text('why', input.why, { min: 10, max: 5000 }) ?? '';
  const useType = c.oneOf<UseType>('useType', input.useType, USE_TYPES);
  const useDescription = c.text('useDescription', input.useDescription, { max: 3000 }) ?? '';
  const wanted = typeof input.organisation === 'string' ? input.organisation.trim() : '';
  const suggested = wanted && wanted !== 'unknown' ? await findHolder(services.db, wanted) : undefined;
  if (wanted && wanted !== 'unknown' && !suggested) c.add('organisation', 'validation.choice');
  c.done();
  const department = suggested ?? (await triageDepartment(services));
  const titleKey = normalize(title);
  const duplicate = (requestId?: string) => new AppError('demand.duplicate_request', 'You already made a request with this title', 409, { requestId });
  const row = await services.db.transaction().execute(async (tx) => {
    const twice = await findOwnRequest(tx, actor.user!.id, titleKey);
    if (twice) throw duplicate(twice.id);
    const at = services.now().toISOString();
    const row: DataRequestRow = {
      id: randomUUID(),
      author_id: actor.user!.id,
      title,
      title_key: titleKey,
      why,
      use_type: useType,
      use_description: useDescription,
      suggested_organisation_id: suggested?.id ?? null,
      organisation_id: department.id,
      feasibility: null,
      reuse_potential: null,
      assessed_by: null,
      assessed_at: null,
      decision: null,
      publish_by: null,
      partial_what: null,
      decline_reason: null,
      decline_text: null,
      decided_by: null,
      decided_at: null,
      dataset_id: null,
      linked_by: null,
      published_at: null,
      link_reason: null,
      disputed_at: null,
      dispute_reason: null,
      created_at: at,
      updated_at: at,
    };
    await insertRequest(tx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicate() : error; // the same form sent twice at once
    });
    await receiveInput(tx, {
      kindId: DATA_REQUEST_KIND,
      subjectType: SUBJECT_TYPE,
      subjectId: row.id,
      title,
      url: requestUrl(row.id),
      authorId: actor.user!.id,
      organisationId: department.id,
      receivedAt: services.now(),
    });
    await indexDocument(tx, requestSearchDoc(row));
    await recordAudit(tx, actor, { action: 'demand.submit_request', entityType: 'demand_request', entityId: row.id, after: row });
    return row;
  });
  // The department's officials hear of it at once (after the commit, so that the input exists when they look).
  await announceArrivals(services);
  return row;
}
