import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import type { TableSchema } from '../domain/table-schema.js';
import { getDataset, parseJson } from '../store/dataset.repository.js';
import type { SeoulServiceRow } from '../store/tables.js';
import { latestPublished } from '../store/version.repository.js';
import { firstTableResourceId } from '../store/catalogue.repository.js';
import { removeSeoulService, replaceSeoulService, seoulServiceHolder, seoulServiceOf } from '../store/seoul-service.repository.js';

/**
 * Gives a dataset the Seoul Open Data Plaza's service name and field codes (CardSubwayStatsNew, USE_DT …), so
 * an app written for data.seoul.go.kr works against this platform by changing only the host. Codes map to the
 * columns of the latest published table; `params` are the positional filters of the Plaza's URL, in order.
 * `service: null` removes the alias. Publishers of the dataset and admins only; audited.
 */
export interface SeoulServiceInput {
  service: string | null;
  fields?: Record<string, string>;
  params?: string[];
}

const CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const invalid = (field: string, message: string) =>
  new AppError('validation.failed', `${field}: ${message}`, 422, [{ field, code: 'validation.choice', message }]);

export async function setSeoulService(services: Services, actor: Actor, datasetId: string, input: SeoulServiceInput): Promise<SeoulServiceRow | null> {
  const dataset = await getDataset(services.db, datasetId);
  assertAllowed(actor, datasetPolicy.canPublish(actor, dataset), 'data.seoul_service.set');
  const before = await seoulServiceOf(services.db, dataset.id);
  if (input.service === null) {
    await services.db.transaction().execute(async (tx) => {
      await removeSeoulService(tx, dataset.id);
      await recordAudit(tx, actor, { action: 'data.seoul_service.remove', entityType: 'data_dataset', entityId: dataset.id, before });
    });
    return null;
  }
  if (!CODE.test(input.service)) throw invalid('service', 'Letters, digits and _ (as the Plaza names services)');
  const tableId = await firstTableResourceId(services.db, dataset.id);
  const version = tableId ? await latestPublished(services.db, tableId) : undefined;
  if (!version) throw new AppError('data.nothing_published', 'Publish a table version first: field codes name its columns', 409);
  const columns = new Set(parseJson<TableSchema>(version.schema, { fields: [] }).fields.map((f) => f.name));
  const fields = Object.entries(input.fields ?? {});
  if (fields.length === 0) throw invalid('fields', 'Map at least one field code to a column');
  for (const [code, column] of fields) {
    if (!CODE.test(code)) throw invalid('fields', `"${code}" is not a field code (letters, digits, _)`);
    if (!columns.has(column)) throw invalid('fields', `No column "${column}" in version ${version.version}`);
  }
  const params = input.params ?? [];
  for (const p of params) if (!input.fields?.[p]) throw invalid('params', `"${p}" is not one of the field codes`);
  const taken = await seoulServiceHolder(services.db, input.service);
  if (taken && taken.dataset_id !== dataset.id)
    throw new AppError('data.seoul_service_taken', `The service name "${input.service}" already belongs to another dataset`, 409, { field: 'service' });
  const row: SeoulServiceRow = {
    service: input.service,
    dataset_id: dataset.id,
    fields: JSON.stringify(fields),
    params: JSON.stringify(params),
    updated_by: actor.user?.id ?? null,
    updated_at: services.now().toISOString(),
  };
  await services.db.transaction().execute(async (tx) => {
    await replaceSeoulService(tx, row);
    await recordAudit(tx, actor, { action: 'data.seoul_service.set', entityType: 'data_dataset', entityId: dataset.id, before, after: row });
  });
  return row;
}
