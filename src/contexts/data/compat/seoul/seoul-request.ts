import type { Services } from '../../../../core/context.js';
import { AppError } from '../../../../core/errors.js';
import { queryRows, type RowFilter } from '../../query/query-rows.js';
import { parseJson } from '../../store/dataset.repository.js';
import type { TableSchema } from '../../domain/table-schema.js';
import { SAMPLE_KEY, SAMPLE_MAX_ROWS, SEOUL_MAX_ROWS, SeoulError } from './codes.js';

/**
 * Seoul Open Data Plaza's URL form, `{KEY}/{TYPE}/{SERVICE}/{START_INDEX}/{END_INDEX}/{filter 1}/{filter 2}…`,
 * answered from our datasets. SERVICE is a dataset id (or a Plaza service name in SEOUL_SERVICES); START and
 * END are 1-based and inclusive, at most 1,000 rows a call; positional filters match the table's columns in
 * schema order by equality, and a blank segment (`%20`) skips a position, as on the Plaza. Any non-empty KEY
 * is accepted: the data is public, so the key is not checked or stored (`sample` is limited to rows 1–5 like
 * the Plaza's sample key).
 */
export type SeoulType = 'json' | 'xml';

export interface SeoulRequest {
  key: string;
  type: SeoulType;
  service: string;
  start: number;
  end: number;
  filters: string[];
}

/**
 * Plaza service names of datasets we hold, so existing code keeps its SERVICE segment. Names are matched
 * case-sensitively, as on the Plaza; a name whose dataset is not in this catalogue is unknown (ERROR-310).
 */
export const SEOUL_SERVICES: Record<string, string> = {};

const INTEGER = /^[+-]?\d+$/;

/** Reads the path segments after the prefix; the type is known as soon as it is readable, for error answers. */
export function parseSeoulPath(segments: string[]): { type: SeoulType; request?: SeoulRequest; error?: SeoulError } {
  const trimmed = [...segments];
  while (trimmed.length > 5 && trimmed.at(-1) === '') trimmed.pop();
  const rawType = (trimmed[1] ?? '').toLowerCase();
  const type: SeoulType = rawType === 'xml' || rawType === 'xmlf' ? 'xml' : 'json';
  const fail = (error: SeoulError) => ({ type, error });
  if (trimmed.length < 5 || trimmed.slice(0, 5).some((s) => s === '')) return fail(new SeoulError('ERROR-300'));
  const [key, , service, startText, endText, ...filters] = trimmed as [string, string, string, string, string, ...string[]];
  if (!key.trim()) return fail(new SeoulError('INFO-100'));
  if (!['json', 'xml', 'xmlf'].includes(rawType)) return fail(new SeoulError('ERROR-301', rawType.startsWith('xls') ? 'xls is not offered: use json or xml, or the CSV download' : undefined));
  if (!INTEGER.test(startText) || !INTEGER.test(endText)) return fail(new SeoulError('ERROR-333'));
  const start = Number(startText);
  const end = Number(endText);
  if (start < 1) return fail(new SeoulError('ERROR-331'));
  if (end < 1) return fail(new SeoulError('ERROR-332'));
  if (start > end) return fail(new SeoulError('ERROR-334'));
  if (key === SAMPLE_KEY && end > SAMPLE_MAX_ROWS) return fail(new SeoulError('ERROR-335'));
  if (end - start + 1 > SEOUL_MAX_ROWS) return fail(new SeoulError('ERROR-336'));
  return { type, request: { key, type, service: service.trim(), start, end, filters } };
}

export interface SeoulAnswer {
  service: string;
  total: number;
  rows: Array<Record<string, unknown>>;
}

/** Finds the dataset, reads the asked-for rows; Plaza codes for whatever goes wrong. */
export async function answerSeoulRequest(services: Services, req: SeoulRequest): Promise<SeoulAnswer> {
  const datasetId = SEOUL_SERVICES[req.service] ?? req.service;
  const dataset = await services.db.selectFrom('data_dataset').select(['id']).where('id', '=', datasetId).where('restricted', '=', 0).executeTakeFirst();
  if (!dataset) throw new SeoulError('ERROR-310');
  const filters = await positionalFilters(services, dataset.id, req.filters);
  let result;
  try {
    result = await queryRows(services, dataset.id, { filters, offset: req.start - 1, limit: req.end - req.start + 1 });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new SeoulError('INFO-200');
    // A filter value that cannot be in its column (text for a number) matches nothing, as on the Plaza.
    if (error instanceof AppError && error.status === 400) throw new SeoulError('INFO-200', error.message);
    throw error;
  }
  if (result.rows.length === 0) throw new SeoulError('INFO-200');
  return { service: req.service, total: result.total, rows: result.rows };
}

/** Positional filters name the table's columns in schema order; blank ones and those past the last column are skipped. */
async function positionalFilters(services: Services, datasetId: string, values: string[]): Promise<RowFilter[]> {
  if (!values.some((v) => v.trim() !== '')) return [];
  const version = await services.db.selectFrom('data_version as v').innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select(['v.schema']).where('r.dataset_id', '=', datasetId).where('r.kind', '=', 'table').where('v.status', '=', 'published')
    .orderBy('r.position').orderBy('v.version', 'desc').executeTakeFirst();
  const fields = parseJson<TableSchema>(version?.schema, { fields: [] }).fields;
  return values.flatMap((value, i) => {
    const field = fields[i];
    return field && value.trim() !== '' ? [{ column: field.name, op: 'eq' as const, value: value.trim(), param: `filter ${i + 1} (${field.name})` }] : [];
  });
}
