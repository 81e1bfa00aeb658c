import type { Services } from '../../../../core/context.js';
import { AppError } from '../../../../core/errors.js';
import { queryRows, type RowFilter } from '../../query/query-rows.js';
import { parseJson } from '../../store/dataset.repository.js';
import { latestPublishedSchema, publicSeoulAlias, unrestrictedDatasetId } from '../../store/seoul-service.repository.js';
import type { TableSchema } from '../../domain/table-schema.js';
import { isLiveOpenApiKey } from '../../use-cases/issue-openapi-key.js';
import { SAMPLE_KEY, SAMPLE_MAX_ROWS, SEOUL_MAX_ROWS, SeoulError } from './codes.js';

/**
 * Seoul Open Data Plaza's URL form, `{KEY}/{TYPE}/{SERVICE}/{START_INDEX}/{END_INDEX}/{filter 1}/{filter 2}…`,
 * answered from our datasets. SERVICE is a Plaza service name a publisher gave a dataset (with its field codes:
 * rows come back under the codes, dates as 20230101, positional filters in the Plaza's order), or a dataset id
 * (columns as they are, positional filters in schema order). START and END are 1-based and inclusive, at most
 * 1,000 rows a call; a blank segment (`%20`) skips a filter position, as on the Plaza. KEY must be a key this
 * platform issued (issue-openapi-key.ts), else INFO-100; `sample` reads rows 1–5 like the Plaza's sample key.
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
  if (!['json', 'xml', 'xmlf'].includes(rawType))
    return fail(new SeoulError('ERROR-301', rawType.startsWith('xls') ? 'xls is not offered: use json or xml, or the CSV download' : undefined));
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

interface Target {
  datasetId: string;
  /** Plaza field codes → columns, in output order; null when the service is the dataset id itself. */
  fields: Array<[string, string]> | null;
  /** Columns the positional filters name, in order. */
  params: string[];
  types: Map<string, string>;
}

/** The service name: a Plaza alias a publisher set (data_seoul_service), else a public dataset's id. */
async function findTarget(services: Services, service: string): Promise<Target> {
  const alias = await publicSeoulAlias(services.db, service);
  const datasetId = alias?.dataset_id ?? (await unrestrictedDatasetId(services.db, service));
  if (!datasetId) throw new SeoulError('ERROR-310');
  const version = await latestPublishedSchema(services.db, datasetId);
  const schema = parseJson<TableSchema>(version?.schema, { fields: [] }).fields;
  const types = new Map(schema.map((f) => [f.name, f.type]));
  if (!alias) return { datasetId, fields: null, params: schema.map((f) => f.name), types };
  const fields = parseJson<Array<[string, string]>>(alias.fields, []);
  const byCode = new Map(fields);
  return {
    datasetId,
    fields,
    params: parseJson<string[]>(alias.params, [])
      .map((code) => byCode.get(code)!)
      .filter(Boolean),
    types,
  };
}

/** The Plaza writes dates as 20230101; we store ISO dates. Both forms are accepted in filters. */
const PLAZA_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const toIsoDate = (v: string) => v.replace(PLAZA_DATE, '$1-$2-$3');
const toPlazaDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.replace(/-/g, '') : v);

/** Checks the key, finds the dataset, reads the asked-for rows; Plaza codes for whatever goes wrong. */
export async function answerSeoulRequest(services: Services, req: SeoulRequest): Promise<SeoulAnswer> {
  if (req.key !== SAMPLE_KEY && !(await isLiveOpenApiKey(services, req.key))) throw new SeoulError('INFO-100');
  const target = await findTarget(services, req.service);
  const filters: RowFilter[] = req.filters.flatMap((raw, i) => {
    const column = target.params[i];
    const value = raw.trim();
    if (!column || value === '') return [];
    return [{ column, op: 'eq' as const, value: target.types.get(column) === 'date' ? toIsoDate(value) : value, param: `filter ${i + 1} (${column})` }];
  });
  let result: Awaited<ReturnType<typeof queryRows>>;
  try {
    result = await queryRows(services, target.datasetId, { filters, offset: req.start - 1, limit: req.end - req.start + 1 });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new SeoulError('INFO-200');
    // A filter value that cannot be in its column (text for a number) matches nothing, as on the Plaza.
    if (error instanceof AppError && error.status === 400) throw new SeoulError('INFO-200', error.message);
    throw error;
  }
  if (result.rows.length === 0) throw new SeoulError('INFO-200');
  const rows = target.fields
    ? result.rows.map((row) =>
        Object.fromEntries(
          target.fields!.map(([code, column]) => [code, target.types.get(column) === 'date' ? toPlazaDate(row[column]) : (row[column] ?? null)]),
        ),
      )
    : result.rows;
  return { service: req.service, total: result.total, rows };
}
