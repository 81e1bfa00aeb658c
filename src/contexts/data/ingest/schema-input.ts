import { AppError } from '../../../core/errors.js';
import { FIELD_TYPES, type FieldType, type TableField, type TableSchema } from '../domain/table-schema.js';
import { DATE_LAYOUTS } from './field-sql.js';

const problem = (field: string, message: string) => ({ field, code: 'validation.choice', message });

/**
 * A publisher-edited Table Schema checked against the file's columns: every field must name a column, types
 * and date layouts must be ones we read. Columns the schema leaves out are kept as text, so nothing is lost.
 */
export function schemaForColumns(input: unknown, columns: string[]): TableSchema {
  const fields = (input as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields))
    throw new AppError('validation.failed', 'schema: expected { fields: [...] }', 422, [problem('schema', 'Expected { fields: [...] }')]);
  const issues: ReturnType<typeof problem>[] = [];
  const byName = new Map<string, TableField>();
  fields.forEach((raw, i) => {
    const f = raw as Partial<TableField>;
    const at = `schema.fields[${i}]`;
    if (typeof f?.name !== 'string' || !columns.includes(f.name)) {
      issues.push(problem(`${at}.name`, `"${String(f?.name)}" is not a column of the file`));
      return;
    }
    if (!FIELD_TYPES.includes(f.type as FieldType)) {
      issues.push(problem(`${at}.type`, `type must be one of ${FIELD_TYPES.join(', ')}`));
      return;
    }
    if (f.format !== undefined && (f.type === 'date' || f.type === 'datetime') && !DATE_LAYOUTS.some((l) => l.format === f.format)) {
      issues.push(problem(`${at}.format`, `date layouts: ${DATE_LAYOUTS.map((l) => l.format).join(', ')}`));
      return;
    }
    const field: TableField = { name: f.name, type: f.type as FieldType };
    if (typeof f.title === 'string') field.title = f.title.slice(0, 200);
    if (typeof f.description === 'string') field.description = f.description.slice(0, 2000);
    if (typeof f.format === 'string' && (f.type === 'date' || f.type === 'datetime')) field.format = f.format;
    const c = f.constraints;
    if (c && (c.required !== undefined || c.unique !== undefined))
      field.constraints = { ...(c.required ? { required: true } : {}), ...(c.unique ? { unique: true } : {}) };
    if (f['x-thousandsSeparator'] !== undefined) field['x-thousandsSeparator'] = Boolean(f['x-thousandsSeparator']);
    if (f['x-trim'] !== undefined) field['x-trim'] = Boolean(f['x-trim']);
    byName.set(f.name, field);
  });
  if (issues.length) throw new AppError('validation.failed', `schema: ${issues.map((p) => `${p.field} ${p.message}`).join('; ')}`, 422, issues);
  return { fields: columns.map((name) => byName.get(name) ?? { name, type: 'string' }), missingValues: [''] };
}
