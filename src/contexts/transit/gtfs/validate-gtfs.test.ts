import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleCode } from './gtfs-rules.js';
import type { GtfsFile } from './gtfs-spec.js';
import { validateGtfs } from './validate-gtfs.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SHARED = '/work/shared/data/gtfs';

/** Each hand-made fixture (fixtures/<rule>/) and where its mistake is: `line` counts the header as line 1. */
const CASES: Array<{ rule: RuleCode; file: GtfsFile; line: number | null; field: string | null }> = [
  { rule: 'missing_required_field', file: 'levels.txt', line: 4, field: 'level_index' },
  { rule: 'invalid_number', file: 'pathways.txt', line: 5, field: 'traversal_time' },
  { rule: 'invalid_enum_value', file: 'stops.txt', line: 7, field: 'wheelchair_boarding' },
  { rule: 'invalid_row_length', file: 'stops.txt', line: 7, field: null },
  { rule: 'duplicate_key', file: 'stops.txt', line: 7, field: 'stop_id' },
  { rule: 'pathway_invalid_mode', file: 'pathways.txt', line: 5, field: 'pathway_mode' },
  { rule: 'leading_or_trailing_whitespaces', file: 'pathways.txt', line: 4, field: 'from_stop_id' },
  { rule: 'location_without_parent_station', file: 'stops.txt', line: 7, field: 'parent_station' },
  { rule: 'stop_unknown_parent', file: 'stops.txt', line: 7, field: 'parent_station' },
  { rule: 'wrong_parent_location_type', file: 'stops.txt', line: 7, field: 'parent_station' },
  { rule: 'station_with_parent_station', file: 'stops.txt', line: 7, field: 'parent_station' },
  { rule: 'stop_unknown_level', file: 'stops.txt', line: 6, field: 'level_id' },
  { rule: 'stop_without_location', file: 'stops.txt', line: 7, field: 'stop_lat' },
  { rule: 'pathway_unknown_stop', file: 'pathways.txt', line: 5, field: 'to_stop_id' },
  { rule: 'pathway_to_wrong_location_type', file: 'pathways.txt', line: 5, field: 'to_stop_id' },
  { rule: 'pathway_to_platform_with_boarding_areas', file: 'pathways.txt', line: 4, field: 'to_stop_id' },
  { rule: 'pathway_loop', file: 'pathways.txt', line: 5, field: 'to_stop_id' },
  { rule: 'bidirectional_exit_gate', file: 'pathways.txt', line: 5, field: 'is_bidirectional' },
  { rule: 'pathway_invalid_traversal_time', file: 'pathways.txt', line: 2, field: 'traversal_time' },
  { rule: 'pathway_absurd_traversal_time', file: 'pathways.txt', line: 2, field: 'traversal_time' },
  { rule: 'pathway_invalid_length', file: 'pathways.txt', line: 2, field: 'length' },
  { rule: 'pathway_zero_stair_count', file: 'pathways.txt', line: 5, field: 'stair_count' },
  { rule: 'pathway_stair_count_on_non_stairs', file: 'pathways.txt', line: 2, field: 'stair_count' },
  { rule: 'pathway_max_slope_on_non_walkway', file: 'pathways.txt', line: 3, field: 'max_slope' },
  { rule: 'pathway_invalid_min_width', file: 'pathways.txt', line: 2, field: 'min_width' },
  { rule: 'missing_levels_file', file: 'levels.txt', line: null, field: null },
  { rule: 'missing_level_id', file: 'stops.txt', line: 5, field: 'level_id' },
  { rule: 'pathway_unreachable_location', file: 'stops.txt', line: 6, field: 'stop_id' },
  { rule: 'pathway_dangling_generic_node', file: 'stops.txt', line: 7, field: 'stop_id' },
];

describe('validateGtfs', () => {
  it('finds nothing wrong with the valid fixture', async () => {
    expect((await validateGtfs(path.join(FIXTURES, 'valid'))).problems).toEqual([]);
  });

  it.each(CASES)('fixtures/$rule: reports $rule at $file line $line', async ({ rule, file, line, field }) => {
    const report = await validateGtfs(path.join(FIXTURES, rule));
    const found = report.problems.filter((p) => p.rule === rule);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule, severity: RULES[rule].severity, file, line, field, row: line === null ? null : line - 1 });
    expect(found[0]!.message.length).toBeGreaterThan(20);
  });

  it('has a fixture for every rule that validateGtfs can report', () => {
    const importOnly: RuleCode[] = ['depends_on_rejected_row'];
    const covered = new Set<string>([...CASES.map((c) => c.rule), ...importOnly]);
    expect(Object.keys(RULES).filter((r) => !covered.has(r))).toEqual([]);
  });

  it('reports a generic node used by no pathway (and, in a station with pathways, unreachable)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gtfs-unused-node-'));
    await fs.cp(path.join(FIXTURES, 'valid'), dir, { recursive: true });
    await fs.appendFile(path.join(dir, 'stops.txt'), 'N3,Lonely node,,,3,S1,L0,\n');
    const report = await validateGtfs(dir);
    await fs.rm(dir, { recursive: true });
    expect(report.problems.map((p) => [p.rule, p.line])).toEqual([
      ['pathway_dangling_generic_node', 7],
      ['pathway_unreachable_location', 7],
    ]);
    expect(report.problems[0]!.message).toContain('not used by any pathway');
  });

  it('passes the Detroit People Mover feed without errors or warnings', async () => {
    const report = await validateGtfs(path.join(SHARED, 'detroit-people-mover'));
    expect(report.problems).toEqual([]);
  });

  it('reads the Prague feed (BOM, extra columns) with warnings only', async () => {
    const report = await validateGtfs(path.join(SHARED, 'prague-pid-2020-partial'));
    expect(report.errors).toBe(0);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        rule: 'leading_or_trailing_whitespaces',
        file: 'pathways.txt',
        field: 'from_stop_id',
        line: 985,
      }),
    );
  });
});
