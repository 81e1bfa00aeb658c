import { describe, expect, it } from 'vitest';
import { checkIdentifying, filterParts, planTrackerQuery, trackerHit, type TrackerPlan } from './output-rules.js';
import { deparseSql, parseSql } from './parse-sql.js';
import { tableRefs } from './table-refs.js';

/** The output rules' parse-tree work, with DuckDB's real parser (nothing runs). */
const where = async (sql: string) =>
  ((await parseSql(sql)) as { statements: Array<{ node: { where_clause: Record<string, unknown> | null } }> }).statements[0]!.node.where_clause;
const identifying = async (sql: string) => {
  try {
    checkIdentifying(await parseSql(sql), new Set(['record_id', '__os_row']));
    return 'ok';
  } catch (e) {
    return (e as { details?: { check?: string; column?: string } }).details?.column;
  }
};

describe('identifying columns', () => {
  it('are allowed in ranges, count() and magnitudes, refused in groups, equalities, IN and functions', async () => {
    expect(await identifying('SELECT count(DISTINCT record_id), avg(record_id) FROM t WHERE record_id BETWEEN 1 AND 10 AND record_id >= 3')).toBe('ok');
    expect(await identifying('SELECT record_id, count(*) FROM t GROUP BY record_id')).toBe('record_id');
    expect(await identifying('SELECT count(*) FROM t WHERE record_id = 500')).toBe('record_id');
    expect(await identifying('SELECT count(*) FROM t WHERE t.record_id IN (1, 2)')).toBe('record_id');
    expect(await identifying('SELECT count(*) FROM t WHERE hash(record_id) % 2 = 0')).toBe('record_id');
    expect(await identifying("SELECT count(*) FROM t WHERE __os_row < 5 OR district = 'x'")).toBe('ok');
  });
});

describe('the tracker query', () => {
  it("lists the filter's parts through AND, OR and NOT, leaves included", async () => {
    const parts = filterParts((await where('SELECT 1 FROM t WHERE a = 1 AND NOT (b = 2 OR c = 3)')) as Record<string, unknown>);
    expect(parts.map((p) => p.path.join('.'))).toEqual([
      '',
      'children.0',
      'children.1',
      'children.1.children.0',
      'children.1.children.0.children.0',
      'children.1.children.0.children.1',
    ]);
  });

  it('keeps FROM and GROUP BY (positions resolved), drops WHERE, HAVING, ORDER and LIMIT, and counts each variant', async () => {
    const tree = await parseSql(
      "SELECT district AS d, count(*) FROM pop p WHERE hour = 3 AND age <> '20-29' GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 LIMIT 5",
    );
    const plan = (await planTrackerQuery(tree, tableRefs(tree)))!;
    expect(plan.variants).toHaveLength(5); // the whole filter to TRUE; each of its two parts to TRUE and to FALSE
    const sql = await deparseSql(JSON.parse(JSON.stringify(plan.tree, (k, v) => (k === 'query_location' && !Number.isSafeInteger(v) ? 0 : v))));
    expect(sql).toMatch(/GROUP BY district$/);
    expect(sql).not.toMatch(/WHERE|HAVING|ORDER|LIMIT/);
    expect(sql.match(/count\(DISTINCT CASE/g)).toHaveLength(6);
    expect(await planTrackerQuery(await parseSql('SELECT count(*) FROM pop'), [])).toBeNull();
  });

  it('fires on a released group changed by 1 to k−1 records, not on unreleased groups or large changes', () => {
    const plan = {
      variants: [
        { part: 0, to: true },
        { part: 1, to: true },
      ],
      refs: 1,
    } as TrackerPlan;
    expect(trackerHit([[28, 0, 5]], plan, 10)).toBe(1);
    expect(
      trackerHit(
        [
          [28, 0, 10],
          [3, 2, 2],
        ],
        plan,
        10,
      ),
    ).toBe(-1);
    expect(trackerHit([[28, 40, 0]], plan, 10)).toBe(-1);
  });
});
