import { AppError } from '../../../core/errors.js';
import type { ColumnInfo, TypeFamily } from './duck.js';

/**
 * Filter values arrive as text (URLs) or typed (the compatibility layers). Each is checked against the column's
 * type here, so a bad value is a 400 naming its parameter instead of a database error; the SQL then binds the
 * normalised text and casts it (`CAST($1 AS BIGINT)`).
 */
export type RawValue = string | number | boolean | null;

const INTEGER = /^[+-]?\d{1,39}$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const EXPECTED: Record<TypeFamily, string> = {
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date (YYYY-MM-DD)',
  time: 'a time (HH:MM[:SS])',
  timestamp: 'a date-time (YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM])',
  string: 'text',
  other: 'text',
};

export const badValue = (param: string, column: ColumnInfo, value: unknown) =>
  new AppError('data.query_value', `Parameter "${param}": ${JSON.stringify(value)} is not ${EXPECTED[column.family]} (column "${column.name}")`, 400, {
    field: param,
    column: column.name,
    expected: column.type,
    value,
  });

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The value as the text DuckDB will cast to the column type; throws a 400 naming `param` when it cannot be one. */
export function normaliseValue(value: RawValue, column: ColumnInfo, param: string): string {
  if (value === null) throw badValue(param, column, value);
  const text = typeof value === 'string' ? value.trim() : String(value);
  switch (column.family) {
    case 'integer': {
      if (!INTEGER.test(text)) throw badValue(param, column, value);
      const n = BigInt(text);
      if (column.duckType === 'BIGINT' && (n < INT64_MIN || n > INT64_MAX)) throw badValue(param, column, value);
      return n.toString();
    }
    case 'number':
      if (!NUMBER.test(text) || !Number.isFinite(Number(text))) throw badValue(param, column, value);
      return text;
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === '1') return 'true';
      if (lower === 'false' || lower === '0') return 'false';
      throw badValue(param, column, value);
    }
    case 'date':
      if (!validDate(text)) throw badValue(param, column, value);
      return text;
    case 'time':
      if (!TIME.test(text)) throw badValue(param, column, value);
      return text;
    case 'timestamp': {
      const m = TIMESTAMP.exec(text);
      if (!m || !validDate(m[1]!)) throw badValue(param, column, value);
      return text.replace('T', ' ');
    }
    default:
      return typeof value === 'string' ? value : text; // text is compared as given (no trimming)
  }
}

/** `in` takes a list, or a comma-separated text. */
export function listOf(value: RawValue | RawValue[]): RawValue[] {
  if (Array.isArray(value)) return value.flatMap((v): RawValue[] => (typeof v === 'string' ? v.split(',') : [v]));
  return typeof value === 'string' ? value.split(',') : [value];
}

/** `isnull` takes true/false. */
export function booleanFlag(value: RawValue | RawValue[], param: string): boolean {
  const text = String(Array.isArray(value) ? value[0] : value)
    .trim()
    .toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new AppError('data.query_value', `Parameter "${param}": expected true or false`, 400, { field: param, expected: 'boolean', value });
}
