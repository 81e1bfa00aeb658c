import type { Actor } from '../../../../core/auth/actor.js';
import type { Services } from '../../../../core/context.js';
import { findDifferencing } from '../../domain/differencing.js';
import { dominance, nearUnique, ruleText } from '../../domain/disclosure-rules.js';
import { appendReleased, earlierResults, type ReleasedCell } from '../../store/disclosure.repository.js';
import { refused } from './check-sql.js';
import { identifyingOf } from './identifying.js';
import { countSql, planOutputCheck } from './output-check.js';
import { appendHiddenColumns, checkIdentifying, deparseTree, partText, planTrackerQuery, trackerHit } from './output-rules.js';
import { parseSql } from './parse-sql.js';
import { runJob, type JobInput } from './run-job.js';
import type { SandboxPool } from './sandbox-pool.js';
import type { TableRef } from './table-refs.js';

/**
 * A query that reads restricted data, through every automatic output rule, in order:
 *  1. identifying columns (measured on the file) only in ranges or count();
 *  2. the shape: one aggregating SELECT, no row-level output (output-check.ts);
 *  3. the query runs with hidden columns: record counts, record sets, dominance figures;
 *  4. per row: threshold (fewer than k records) and dominance suppress it, keys included;
 *     a breakdown with mostly suppressed groups is refused whole (near-unique grouping);
 *  5. tracker: the same groups without the filter, each part of the filter set to TRUE and to FALSE: a part
 *     that moves 1 to k−1 records in a released group is refused;
 *  6. differencing: the released cells against everything this analyst (and every approved output) already
 *     obtained from the same dataset version; then the released cells are appended to the ledger.
 * A refusal says which rule in words (`details.check`), never which records.
 */
export interface RestrictedRef {
  ref: TableRef;
  file: string;
  datasetId: string;
  version: number;
}
export interface RuleSuppression {
  row: number;
  columns: string[];
  reason: string;
  rule: 'threshold' | 'dominance';
}
export interface RestrictedAnswer {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  truncated: boolean;
  total: number | null;
  suppressed: RuleSuppression[];
  ledgerId: string;
}

const CHECK_ROWS = 100_000;

export async function runRestrictedQuery(
  services: Services,
  actor: Actor,
  q: {
    sql: string;
    tree: unknown;
    restricted: RestrictedRef[];
    pool: SandboxPool;
    job: Omit<JobInput, 'sql'>;
  },
): Promise<RestrictedAnswer> {
  const k = services.config.dataMinCell;
  const refs = q.restricted.map((r) => r.ref);
  const original = structuredClone(q.tree);
  const identifying = new Set(['__os_row']);
  for (const r of q.restricted) for (const c of await identifyingOf(services, r.file)) identifying.add(c);
  checkIdentifying(original, identifying);

  const tree = structuredClone(q.tree);
  const countTrees = await Promise.all(refs.map((r, i) => parseSql(countSql(r, i))));
  const plan = planOutputCheck(tree, refs, countTrees);
  const hidden = await appendHiddenColumns(tree, refs);
  const raw = await runJob(q.pool, { ...q.job, sql: await deparseTree(tree) });

  const width = raw.columns.length - plan.countColumns - hidden.members - 2 * hidden.magnitudes;
  const columns = raw.columns.slice(0, width);
  const suppressed: RuleSuppression[] = [];
  const released: ReleasedCell[] = [];
  const rows = raw.rows.map((row, i) => {
    const counts = row.slice(width, width + plan.countColumns).map((v) => Number(v ?? 0));
    const at = width + plan.countColumns + hidden.members;
    let rule: RuleSuppression['rule'] | null = Math.min(...counts) < k ? 'threshold' : null;
    for (let j = 0; !rule && j < hidden.magnitudes; j++) {
      if (dominance(Number(row[at + 2 * j] ?? 0), ((row[at + 2 * j + 1] as number[] | null) ?? []).map(Number))) rule = 'dominance';
    }
    if (rule) {
      suppressed.push({ row: i, columns: columns.map((c) => c.name), reason: ruleText(rule, k), rule });
      return columns.map(() => null);
    }
    const visible = row.slice(0, width);
    q.restricted.forEach((r, n) =>
      released.push({
        ref: n,
        datasetId: r.datasetId,
        version: r.version,
        label: visible,
        records: ((row[width + plan.countColumns + n] as number[] | null) ?? []).map(Number),
      }),
    );
    return visible;
  });
  if (nearUnique(rows.length, suppressed.filter((s) => s.rule === 'threshold').length)) throw refused(ruleText('near_unique', k), { check: 'near_unique' });

  const tracker = await planTrackerQuery(original, refs);
  if (tracker && released.length) {
    const checked = await runJob(q.pool, { ...q.job, sql: await deparseTree(tracker.tree), maxRows: CHECK_ROWS, countAll: false });
    if (checked.truncated)
      throw refused(`tracker: too many groups to check the filter (more than ${CHECK_ROWS}); group by coarser categories`, { check: 'tracker' });
    const hit = trackerHit(checked.rows, tracker, k);
    if (hit >= 0) throw refused(ruleText('tracker', k, await partText(tracker.parts[tracker.variants[hit]!.part]!)), { check: 'tracker' });
  }

  for (const [n, r] of q.restricted.entries()) {
    const cells = released.filter((c) => c.ref === n).map((c) => c.records);
    if (!cells.length) continue;
    const earlier = await earlierResults(services.db, actor.user!.id, r.datasetId, r.version);
    const found = findDifferencing(cells, earlier, k);
    if (found) {
      const when = (earlier.find((e) => e.id === found.earlier) as { at?: string } | undefined)?.at ?? '';
      throw refused(ruleText('differencing', k, `your result of ${when.slice(0, 16).replace('T', ' ')} UTC`), {
        check: 'differencing',
        earlier: found.earlier,
      });
    }
  }
  const ledgerId = await appendReleased(services.db, { userId: actor.user!.id, sql: q.sql, at: services.now().toISOString(), cells: released });
  return { columns, rows, truncated: raw.truncated, total: raw.total, suppressed, ledgerId };
}
