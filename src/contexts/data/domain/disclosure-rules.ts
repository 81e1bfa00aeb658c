/**
 * The automatic output rules for restricted data, as in the output-checking guidance for research data centres
 * (the "safe outputs" of the Five Safes; Eurostat/ONS handbooks on statistical disclosure control for outputs):
 * - threshold: every released cell counts at least k records (DATA_MIN_CELL), else it is suppressed;
 * - dominance: a magnitude cell (sum, avg …) is suppressed when its largest contributors dominate it: the
 *   (n,k) rules as the ABS DataLab output rules set them (the largest contributor over 50 % of the total, or the
 *   two largest over 67 %), or the p % rule (the total minus the two largest is under p = 10 % of the largest, so
 *   the second largest contributor could estimate the largest within p %). At these settings the (2,67) rule
 *   already covers the p % rule; it is kept for a data owner who sets looser (n,k) values;
 * - near-unique grouping: a breakdown where most groups fall under the threshold is a row listing in disguise;
 * - identifying columns: a column with a distinct value for most records (an id, an exact income) may not be
 *   grouped by nor matched by value, only compared in ranges, counted, or summed and averaged.
 * Refusals name the rule in words, never the records or counts that made it fire.
 */
export interface DominanceRules {
  nk: ReadonlyArray<readonly [n: 1 | 2, kPercent: number]>;
  pPercent: number;
}
export const DOMINANCE: DominanceRules = {
  nk: [
    [1, 50],
    [2, 67],
  ],
  pPercent: 10,
};
export const NEAR_UNIQUE = { minGroups: 5, smallShare: 0.5 } as const;
export const IDENTIFYING_SHARE = 0.5;

export type OutputRule = 'shape' | 'aggregate' | 'threshold' | 'dominance' | 'near_unique' | 'identifying' | 'tracker' | 'differencing';

/** Which dominance rule a magnitude cell fails (contributions as absolute values), or null. */
export function dominance(total: number, largest: readonly number[], rules: DominanceRules = DOMINANCE): 'nk' | 'p' | null {
  if (!(total > 0)) return null;
  const [x1 = 0, x2 = 0] = largest;
  if (rules.nk.some(([n, k]) => (n === 1 ? x1 : x1 + x2) > (k / 100) * total)) return 'nk';
  if (total - x1 - x2 < (rules.pPercent / 100) * x1) return 'p';
  return null;
}

/** A breakdown with at least 5 groups of which more than half fall under the threshold. */
export const nearUnique = (groups: number, small: number) => groups >= NEAR_UNIQUE.minGroups && small / groups > NEAR_UNIQUE.smallShare;

/** Columns with a distinct value for at least half the records (record ids, exact timestamps, phone numbers …). */
export function identifyingColumns(rows: number, distinct: Record<string, number>): string[] {
  if (rows < 2) return [];
  return Object.entries(distinct)
    .filter(([, n]) => n / rows >= IDENTIFYING_SHARE)
    .map(([c]) => c);
}

/** The words of each refusal: which rule, and what the analyst can do, never which records. */
export function ruleText(rule: OutputRule, k: number, detail = ''): string {
  switch (rule) {
    case 'near_unique':
      return `near-unique grouping: most groups of this breakdown have fewer than ${k} records, which lists individuals; group by coarser categories`;
    case 'identifying':
      return `identifying column${detail ? ` "${detail}"` : ''}: it has a distinct value for most records, so it may not be grouped by or matched by value (ranges, counts, sums and averages only)`;
    case 'tracker':
      return `tracker: a part of the filter${detail ? ` (${detail})` : ''} adds or removes fewer than ${k} records in a released group, so comparing it with the same query without that part would reveal a small group`;
    case 'differencing':
      return `differencing: combined with a result you obtained earlier from the same dataset${detail ? ` (${detail})` : ''}, this result would let a group of fewer than ${k} records be worked out by subtraction`;
    case 'dominance':
      return `dominance: one or two records make up most of this total (${DOMINANCE.nk.map(([n, k]) => `(${n},${k})`).join(', ')} or p% = ${DOMINANCE.pPercent} rule)`;
    case 'threshold':
      return `group of fewer than ${k} records`;
    default:
      return detail;
  }
}
