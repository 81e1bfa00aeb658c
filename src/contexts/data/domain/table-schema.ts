/**
 * Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/), the subset we infer, edit and
 * validate against, plus the per-column profile shown on dataset pages.
 */
export const FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'time'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface TableField {
  /** Column name as in the file (header), unique within the schema. */
  name: string;
  type: FieldType;
  title?: string;
  description?: string;
  /** Date/datetime source format as inferred ('%Y-%m-%d', '%Y%m%d', '%Y년 %m월 %d일' …), informative. */
  format?: string;
  constraints?: { required?: boolean; unique?: boolean };
  /** Our extensions: how text was cleaned before typing. */
  'x-thousandsSeparator'?: boolean;
  'x-trim'?: boolean;
}

export interface TableSchema {
  fields: TableField[];
  primaryKey?: string[];
  missingValues?: string[];
}

export interface ColumnProfile {
  name: string;
  type: FieldType;
  count: number;
  nulls: number;
  distinct: number;
  min: string | number | null;
  max: string | number | null;
  mean?: number | null;
  /** Numeric and date columns: equal-width bins. */
  histogram?: Array<{ from: number | string; to: number | string; count: number }>;
  /** The most frequent values (up to 10). */
  top: Array<{ value: string | number | null; count: number }>;
}

export interface ValidationProblem {
  /** 1-based data row (header excluded), as in the file. */
  row: number;
  column: string;
  value: string;
  /** Expected type or rule. */
  rule: string;
  message: string;
}

export type BadRowsChoice = 'keep' | 'drop';

export interface ValidationReport {
  /** Every problem counted: invalid, missing and duplicate values, ragged rows, cells with undecodable bytes. */
  total: number;
  /** Per column: how many values failed. */
  byColumn: Record<string, number>;
  /** The first problems (capped). */
  problems: ValidationProblem[];
  /** Problems of the file rather than of a column's type: rows with too few or too many fields, cells holding U+FFFD. */
  file?: { raggedTooFew: number; raggedTooMany: number; replacementCells: number };
  /** What was done with the bad rows, as the publisher chose (absent until chosen): kept as stated, or dropped. */
  badRows?: { choice: BadRowsChoice; droppedRows: number };
}
