/** A stored result of an analysis run: the first rows (capped), the full row count, and what was suppressed. */
export interface ResultSnapshot {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  suppressed: Array<{ row: number; columns: string[]; reason: string }>;
  pins: Record<string, number>;
  ranAt: string;
}

export interface ChartSpec {
  type: 'bar' | 'line';
  x: string;
  y: string;
}

export const SNAPSHOT_ROWS = 200;
