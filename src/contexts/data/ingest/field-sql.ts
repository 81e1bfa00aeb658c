import type { FieldType, TableField } from '../domain/table-schema.js';

/**
 * The SQL that turns one raw text column into a typed one, shared by inference (does it match?), validation
 * (which values do not?) and the Parquet writer (the typed value, NULL when invalid). Every parser sits behind
 * a cheap guard (LIKE, length): DuckDB's failing casts and strptime cost about 1 µs each, so a million
 * non-dates tried as dates take a second, while the guard skips them for a few milliseconds.
 */

/** A date or date-time layout we recognise: strptime pattern, guard and parser. */
export interface DateLayout {
  format: string;
  type: 'date' | 'datetime';
  guard: (c: string) => string;
  parse: (c: string) => string;
}

const strptime = (format: string, cast: 'DATE' | 'TIMESTAMP') => (c: string) => `CAST(try_strptime(trim(${c}), '${format}') AS ${cast})`;

export const DATE_LAYOUTS: DateLayout[] = [
  { format: '%Y-%m-%d', type: 'date', guard: (c) => `${c} LIKE '%-%-%' AND NOT contains(${c}, ':')`, parse: (c) => `TRY_CAST(trim(${c}) AS DATE)` },
  { format: '%Y%m%d', type: 'date', guard: (c) => `length(trim(${c})) = 8`, parse: strptime('%Y%m%d', 'DATE') },
  {
    format: '%Y.%m.%d',
    type: 'date',
    guard: (c) => `${c} LIKE '%.%.%' AND NOT contains(${c}, ':')`,
    parse: (c) => `CAST(try_strptime(rtrim(trim(${c}), '.'), '%Y.%m.%d') AS DATE)`,
  },
  { format: '%Y/%m/%d', type: 'date', guard: (c) => `${c} LIKE '%/%/%' AND NOT contains(${c}, ':')`, parse: strptime('%Y/%m/%d', 'DATE') },
  { format: '%d/%m/%Y', type: 'date', guard: (c) => `${c} LIKE '%/%/%' AND NOT contains(${c}, ':')`, parse: strptime('%d/%m/%Y', 'DATE') },
  { format: '%m/%d/%Y', type: 'date', guard: (c) => `${c} LIKE '%/%/%' AND NOT contains(${c}, ':')`, parse: strptime('%m/%d/%Y', 'DATE') },
  {
    format: '%Y년 %m월 %d일',
    type: 'date',
    guard: (c) => `${c} LIKE '%년%월%일%'`,
    parse: (c) => `CAST(try_strptime(replace(trim(${c}), ' ', ''), '%Y년%m월%d일') AS DATE)`,
  },
  { format: '%Y-%m-%d %H:%M:%S', type: 'datetime', guard: (c) => `${c} LIKE '%-%-%:%'`, parse: (c) => `TRY_CAST(trim(${c}) AS TIMESTAMP)` },
  { format: '%Y%m%d%H%M%S', type: 'datetime', guard: (c) => `length(trim(${c})) = 14`, parse: strptime('%Y%m%d%H%M%S', 'TIMESTAMP') },
  { format: '%Y.%m.%d %H:%M:%S', type: 'datetime', guard: (c) => `${c} LIKE '%.%.% %:%:%'`, parse: strptime('%Y.%m.%d %H:%M:%S', 'TIMESTAMP') },
  { format: '%Y.%m.%d %H:%M', type: 'datetime', guard: (c) => `${c} LIKE '%.%.% %:%'`, parse: strptime('%Y.%m.%d %H:%M', 'TIMESTAMP') },
  { format: '%Y/%m/%d %H:%M:%S', type: 'datetime', guard: (c) => `${c} LIKE '%/%/% %:%:%'`, parse: strptime('%Y/%m/%d %H:%M:%S', 'TIMESTAMP') },
  { format: '%Y/%m/%d %H:%M', type: 'datetime', guard: (c) => `${c} LIKE '%/%/% %:%'`, parse: strptime('%Y/%m/%d %H:%M', 'TIMESTAMP') },
];

export const layoutOf = (format: string | undefined) => DATE_LAYOUTS.find((l) => l.format === format);

/**
 * Digits grouped by thousands, `1,234` or `-12,345,678` (and `.5` after them for numbers), between any spaces
 * trim() takes (Unicode category Zs): the pattern allows those spaces rather than trimming every value first (a
 * string copy each, measured 15 ms of CPU per million values).
 */
const grouped = (decimals: boolean) => `'\\p{Zs}*[+-]?[0-9]{1,3}(,[0-9]{3})+${decimals ? '(\\.[0-9]+)?' : ''}\\p{Zs}*'`;

/** Digits grouped by thousands (`1,234`, `-12,345.5`) lose their commas; other commas make the value invalid. */
export function numericText(c: string, separators: boolean): string {
  if (!separators) return c;
  return `(CASE WHEN contains(${c}, ',') THEN CASE WHEN regexp_full_match(${c}, ${grouped(true)}) THEN replace(${c}, ',', '') END ELSE ${c} END)`;
}

const TRUE = `('true', 'yes', 'y', 't')`;
const FALSE = `('false', 'no', 'n', 'f')`;

/** DuckDB type of each Table Schema type in the Parquet file. */
export const DUCK_TYPES: Record<FieldType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  time: 'TIME',
};

/** A date field may hold date-times at midnight (`2023-01-05 00:00`); anything later is not a date. */
const midnightDate = (ts: string) => `CASE WHEN CAST(${ts} AS TIME) = TIME '00:00:00' THEN CAST(${ts} AS DATE) END`;

/**
 * The typed value of raw column `c` (an identifier) for a field: NULL when empty or invalid. DuckDB casts
 * ignore surrounding spaces (`"8.2 "`), so only strings are trimmed, and only when the field says so.
 */
export function typedValue(c: string, field: TableField): string {
  const separators = field['x-thousandsSeparator'] !== false;
  switch (field.type) {
    case 'integer':
      // DuckDB would round '3.8' to 4: a decimal point is never an integer. A value with a comma is read only
      // as grouped digits (which have no decimal point), any other after the decimal-point test.
      return separators
        ? `CASE WHEN contains(${c}, ',') THEN CASE WHEN regexp_full_match(${c}, ${grouped(false)}) THEN TRY_CAST(replace(${c}, ',', '') AS BIGINT) END WHEN NOT contains(${c}, '.') THEN TRY_CAST(${c} AS BIGINT) END`
        : `CASE WHEN NOT contains(${c}, '.') THEN TRY_CAST(${c} AS BIGINT) END`;
    case 'number':
      return `TRY_CAST(${numericText(c, separators)} AS DOUBLE)`;
    case 'boolean':
      return `CASE WHEN lower(trim(${c})) IN ${TRUE} THEN true WHEN lower(trim(${c})) IN ${FALSE} THEN false END`;
    case 'time':
      return `CASE WHEN contains(${c}, ':') THEN TRY_CAST(trim(${c}) AS TIME) END`;
    case 'date':
    case 'datetime': {
      const layouts = field.format ? [layoutOf(field.format)].filter((l): l is DateLayout => !!l) : DATE_LAYOUTS.filter((l) => l.type === field.type);
      const parsers = (layouts.length ? layouts : DATE_LAYOUTS.filter((l) => l.type === field.type)).map((l) => {
        const value =
          field.type === 'date' && l.type === 'datetime'
            ? midnightDate(l.parse(c))
            : field.type === 'datetime' && l.type === 'date'
              ? `CAST(${l.parse(c)} AS TIMESTAMP)`
              : l.parse(c);
        return `CASE WHEN ${l.guard(c)} THEN ${value} END`;
      });
      return parsers.length === 1 ? parsers[0]! : `coalesce(${parsers.join(', ')})`;
    }
    default:
      return field['x-trim'] ? `nullif(trim(${c}), '')` : c;
  }
}

/** Inference-only tests on a sample (never used to store values): each expression is non-null where the value passes. */
export const sampleTests = {
  nonEmpty: (c: string) => `nullif(trim(${c}), '')`,
  integer: (c: string) => typedValue(c, { name: '', type: 'integer' }),
  number: (c: string) => `CASE WHEN isfinite(${typedValue(c, { name: '', type: 'number' })}) THEN 1 END`,
  boolean: (c: string) => typedValue(c, { name: '', type: 'boolean' }),
  /** Codes such as station numbers `0150` must stay text, however numeric they look. */
  leadingZero: (c: string) => `CASE WHEN trim(${c}) LIKE '0_%' AND trim(${c}) NOT LIKE '0.%' THEN 1 END`,
  separators: (c: string) => `CASE WHEN contains(${c}, ',') THEN 1 END`,
  padded: (c: string) => `CASE WHEN ${c} <> trim(${c}) THEN 1 END`,
  layout: (c: string, l: DateLayout) => `CASE WHEN ${l.guard(c)} THEN ${l.parse(c)} END`,
  /** A date-time parsed by a layout (`layout`'s value) that falls at midnight (then the column is a date). */
  midnight: (parsed: string) => midnightDate(parsed),
};
