import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../domain/table-schema.js';
import type { HeaderDrift } from '../ingest/header-drift.js';
import { readPublishForm } from './publish-schema-form.js';

const schema: TableSchema = {
  fields: [
    { name: '사용일자', type: 'date', format: '%Y%m%d', constraints: { required: true } },
    { name: '출발역', type: 'string' },
    { name: '승차총승객수', type: 'integer', 'x-thousandsSeparator': true },
  ],
  missingValues: [''],
};
const drift: HeaderDrift = {
  previousVersion: 1,
  added: ['연번'],
  removed: ['비고'],
  unchanged: 2,
  renamed: [{ previous: '역명', current: '출발역', reason: 'synonym' }],
  suggestedColumnMap: { 출발역: '역명' },
};

describe('readPublishForm', () => {
  it('sends nothing when the publisher changed nothing, so publishing does not read the file again', () => {
    expect(readPublishForm({ 'type.0': 'date', 'title.1': '', 'type.9': 'integer' }, schema, null)).toEqual({ schema: undefined, columnMap: undefined });
  });

  it('keeps the inferred date layout and cleaning flags, drops the layout when a date becomes text', () => {
    const { schema: edited } = readPublishForm({ 'type.0': 'string', 'title.2': ' 승차 인원 ', 'description.2': '교통카드 기준' }, schema, null);
    expect(edited?.fields).toEqual([
      { name: '사용일자', type: 'string', constraints: { required: true } },
      { name: '출발역', type: 'string' },
      { name: '승차총승객수', type: 'integer', 'x-thousandsSeparator': true, title: '승차 인원', description: '교통카드 기준' },
    ]);
    expect(edited?.missingValues).toEqual(['']);
  });

  it('ignores types it does not know', () => {
    expect(readPublishForm({ 'type.1': 'geopoint' }, schema, null).schema).toBeUndefined();
  });

  it('maps confirmed renames to earlier columns only, and names edited fields by the earlier name', () => {
    // map.0 is the renamed 출발역, map.1 the added 연번 (renamed first, then added).
    expect(readPublishForm({ 'map.0': '역명', 'map.1': '' }, schema, drift)).toEqual({ schema: undefined, columnMap: { 출발역: '역명' } });
    expect(readPublishForm({ 'map.0': '없는 열' }, schema, drift).columnMap).toBeUndefined();
    const both = readPublishForm({ 'map.0': '역명', 'title.1': '역' }, schema, drift);
    expect(both.schema?.fields[1]).toEqual({ name: '역명', type: 'string', title: '역' });
  });
});
