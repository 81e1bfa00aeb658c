import type { MilestoneStatus } from '../store/tables.js';

/** The last calendar day of a `YYYY-MM` month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Late: the milestone should have ended (end of its end month, KST) and is neither completed nor withdrawn. */
export function isLate(m: { end_month: string | null; status: MilestoneStatus }, today: string): boolean {
  if (!m.end_month || m.status === 'completed' || m.status === 'withdrawn') return false;
  return today > monthEnd(m.end_month);
}

/** Weighted roll-up of completion (0–100) over the milestones still in the plan (withdrawn ones leave it). */
export function rollUp(milestones: Array<{ weight: number; completion: number; status: MilestoneStatus }>): number {
  const live = milestones.filter((m) => m.status !== 'withdrawn');
  const total = live.reduce((n, m) => n + m.weight, 0);
  if (!total) return 0;
  return Math.round(live.reduce((n, m) => n + m.weight * (m.status === 'completed' ? 100 : m.completion), 0) / total);
}

/** The OGP completion scale, from the percentage. */
export function ogpCompletion(percent: number, started: boolean): 'not_started' | 'limited' | 'substantial' | 'complete' {
  if (percent >= 100) return 'complete';
  if (percent >= 50) return 'substantial';
  return started || percent > 0 ? 'limited' : 'not_started';
}
