import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import { invalidateSandbox } from '../query/sandbox/sandbox-pool.js';
import { updateDatasetRow } from '../store/catalogue.repository.js';
import { getDataset, parseJson } from '../store/dataset.repository.js';
import type { DatasetRow } from '../store/tables.js';
import { goneError } from '../store/visibility.js';
import { reindexDataset } from './reindex-dataset.js';

export const ACCESS_LEVELS = ['public', 'private', 'restricted'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/**
 * A restricted dataset's access policy, in the publisher's words and both languages where given: why the data is
 * restricted, who may be approved as an analyst and on what conditions, and whom to ask. Approved analysts read
 * aggregates only, through the sandbox and its output check (those rules are the platform's, not the policy's).
 */
export interface AccessPolicy {
  reason: { ko: string | null; en: string | null };
  conditions: { ko: string | null; en: string | null };
  contact: string | null;
}

export interface AccessInput {
  access?: unknown;
  reasonKo?: unknown;
  reasonEn?: unknown;
  conditionsKo?: unknown;
  conditionsEn?: unknown;
  contact?: unknown;
}

export const accessOf = (d: Pick<DatasetRow, 'restricted' | 'private'>): AccessLevel => (d.restricted ? 'restricted' : d.private ? 'private' : 'public');
export const accessPolicyOf = (d: Pick<DatasetRow, 'access_policy'>) => parseJson<AccessPolicy | null>(d.access_policy, null);

/** Checks the input: a restricted dataset needs its reason and conditions (in Korean or English) and a contact. */
export function checkAccess(input: AccessInput): { access: AccessLevel; policy: AccessPolicy | null } {
  const c = new Checker();
  const access = c.oneOf('access', input.access, ACCESS_LEVELS);
  if (access !== 'restricted') {
    c.done();
    return { access, policy: null };
  }
  const policy: AccessPolicy = {
    reason: { ko: c.text('reasonKo', input.reasonKo, { max: 2000, required: false }), en: c.text('reasonEn', input.reasonEn, { max: 2000, required: false }) },
    conditions: {
      ko: c.text('conditionsKo', input.conditionsKo, { max: 4000, required: false }),
      en: c.text('conditionsEn', input.conditionsEn, { max: 4000, required: false }),
    },
    contact: c.text('contact', input.contact, { max: 300 }),
  };
  if (!policy.reason.ko && !policy.reason.en) c.add('reasonKo', 'validation.required');
  if (!policy.conditions.ko && !policy.conditions.en) c.add('conditionsKo', 'validation.required');
  c.done();
  return { access, policy };
}

/**
 * Sets who may see a dataset: public (listed once it has a version), private (its organisation's members and
 * admins only, nothing served publicly), or restricted (approved analysts, aggregates only) with the access
 * policy. Audited with before and after; search and the sandbox follow at once.
 */
export async function setDatasetAccess(
  services: Services,
  actor: Actor,
  id: string,
  input: AccessInput,
): Promise<{ access: AccessLevel; policy: AccessPolicy | null }> {
  const current = await getDataset(services.db, id);
  assertAllowed(actor, datasetPolicy.canPublish(actor, current), 'data.dataset.access');
  if (current.deleted_at) throw goneError(current);
  const { access, policy } = checkAccess(input);
  const next = { restricted: access === 'restricted' ? 1 : 0, private: access === 'private' ? 1 : 0, access_policy: policy ? JSON.stringify(policy) : null };
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await updateDatasetRow(tx, id, { ...next, updated_at: at });
    await reindexDataset(tx, { ...current, ...next });
    await recordAudit(tx, actor, {
      action: 'data.dataset.access',
      entityType: 'data_dataset',
      entityId: id,
      before: { access: accessOf(current), policy: accessPolicyOf(current) },
      after: { access, policy },
    });
  });
  invalidateSandbox(services);
  return { access, policy };
}
