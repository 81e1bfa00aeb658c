import { problem, type RuleCode } from './gtfs-rules.js';
import type { CsvRecord, CsvTable } from './read-csv.js';
import {
  LEVEL_COLUMNS,
  LEVELS,
  PATHWAY_COLUMNS,
  PATHWAYS,
  STOP_COLUMNS,
  STOPS,
  type GtfsFile,
  type GtfsLevel,
  type GtfsPathway,
  type GtfsProblem,
  type GtfsStop,
} from './gtfs-spec.js';

const FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

/**
 * Reads the fields of one record by column name, turning text into typed values and reporting what it
 * cannot read. A record with any such problem is left out: it cannot be stored faithfully.
 */
class FieldReader {
  ok = true;
  private readonly index: Map<string, number>;

  constructor(
    private readonly file: GtfsFile,
    columns: string[],
    readonly record: CsvRecord,
    private readonly problems: GtfsProblem[],
  ) {
    this.index = new Map(columns.map((c, i) => [c, i]));
  }

  problem(rule: RuleCode, field: string | null, message: string) {
    this.ok = false;
    this.problems.push(problem(rule, this.file, this.record, field, message));
  }

  raw(field: string): string {
    const i = this.index.get(field);
    return i === undefined ? '' : (this.record.fields[i] ?? '');
  }

  text(field: string): string | null {
    const value = this.raw(field);
    return value === '' ? null : value;
  }

  /** An id (trimmed, as the MobilityData validator does, with a warning). */
  id(field: string, required: boolean): string | null {
    const raw = this.raw(field);
    const value = raw.trim();
    if (!value) {
      if (required) this.problem('missing_required_field', field, `${field} is required but empty.`);
      return null;
    }
    if (value !== raw) {
      this.problems.push(
        problem('leading_or_trailing_whitespaces', this.file, this.record, field, `${field} "${raw}" has spaces around it; read as "${value}".`),
      );
    }
    return value;
  }

  required(field: string): string {
    return this.id(field, true) ?? '';
  }

  float(field: string, required = false): number | null {
    const value = this.raw(field).trim();
    if (!value) {
      if (required) this.problem('missing_required_field', field, `${field} is required but empty.`);
      return null;
    }
    if (!FLOAT.test(value)) {
      this.problem('invalid_number', field, `${field} must be a number; found "${value.slice(0, 40)}".`);
      return null;
    }
    return Number(value);
  }

  integer(field: string, opts: { required?: boolean; allowed?: readonly number[]; rule?: RuleCode } = {}): number | null {
    const value = this.raw(field).trim();
    if (!value) {
      if (opts.required) this.problem('missing_required_field', field, `${field} is required but empty.`);
      return null;
    }
    if (!INTEGER.test(value)) {
      this.problem('invalid_number', field, `${field} must be a whole number; found "${value.slice(0, 40)}".`);
      return null;
    }
    const n = Number(value);
    if (opts.allowed && !opts.allowed.includes(n)) {
      this.problem(opts.rule ?? 'invalid_enum_value', field, `${field} must be one of ${opts.allowed.join(', ')}; found ${n}.`);
      return null;
    }
    return n;
  }

  extra(known: readonly string[]): Record<string, string> {
    const extra: Record<string, string> = {};
    for (const [column, i] of this.index) if (column !== '' && !known.includes(column)) extra[column] = this.record.fields[i] ?? '';
    return extra;
  }
}

/** Reads every record of a table, skipping short/long records and duplicate ids with a problem each. */
function readTable<T extends { row: number; line: number }>(
  file: GtfsFile,
  table: CsvTable,
  problems: GtfsProblem[],
  key: string,
  read: (r: FieldReader) => T,
): T[] {
  const out: T[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const reader = new FieldReader(file, table.columns, record, problems);
    if (record.fields.length !== table.columns.length) {
      reader.problem('invalid_row_length', null, `This row has ${record.fields.length} fields but the header has ${table.columns.length}.`);
      continue;
    }
    const item = read(reader);
    if (!reader.ok) continue;
    const id = reader.raw(key).trim();
    const first = seen.get(id);
    if (first !== undefined) {
      reader.problem('duplicate_key', key, `${key} "${id}" is already defined on line ${first}.`);
      continue;
    }
    seen.set(id, record.line);
    out.push(item);
  }
  return out;
}

export function parseStops(table: CsvTable, problems: GtfsProblem[]): GtfsStop[] {
  return readTable(STOPS, table, problems, 'stop_id', (r) => ({
    row: r.record.row,
    line: r.record.line,
    stop_id: r.required('stop_id'),
    stop_code: r.text('stop_code'),
    stop_name: r.text('stop_name'),
    stop_lat: r.float('stop_lat'),
    stop_lon: r.float('stop_lon'),
    location_type: r.integer('location_type', { allowed: [0, 1, 2, 3, 4] }) ?? 0,
    parent_station: r.id('parent_station', false),
    wheelchair_boarding: r.integer('wheelchair_boarding', { allowed: [0, 1, 2] }),
    level_id: r.id('level_id', false),
    platform_code: r.text('platform_code'),
    extra: r.extra(STOP_COLUMNS),
  }));
}

export function parseLevels(table: CsvTable, problems: GtfsProblem[]): GtfsLevel[] {
  return readTable(LEVELS, table, problems, 'level_id', (r) => ({
    row: r.record.row,
    line: r.record.line,
    level_id: r.required('level_id'),
    level_index: r.float('level_index', true) ?? 0,
    level_name: r.text('level_name'),
    extra: r.extra(LEVEL_COLUMNS),
  }));
}

export function parsePathways(table: CsvTable, problems: GtfsProblem[]): GtfsPathway[] {
  return readTable(PATHWAYS, table, problems, 'pathway_id', (r) => ({
    row: r.record.row,
    line: r.record.line,
    pathway_id: r.required('pathway_id'),
    from_stop_id: r.required('from_stop_id'),
    to_stop_id: r.required('to_stop_id'),
    pathway_mode: r.integer('pathway_mode', { required: true, allowed: [1, 2, 3, 4, 5, 6, 7], rule: 'pathway_invalid_mode' }) ?? 0,
    is_bidirectional: r.integer('is_bidirectional', { required: true, allowed: [0, 1] }) ?? 0,
    length: r.float('length'),
    traversal_time: r.integer('traversal_time'),
    stair_count: r.integer('stair_count'),
    max_slope: r.float('max_slope'),
    min_width: r.float('min_width'),
    signposted_as: r.text('signposted_as'),
    reversed_signposted_as: r.text('reversed_signposted_as'),
    extra: r.extra(PATHWAY_COLUMNS),
  }));
}
