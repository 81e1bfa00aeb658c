/** Tables of restricted-data outputs: the differencing ledger (append-only) and the human output check. */
export interface DisclosureQueryRow {
  id: string;
  user_id: string;
  sql: string;
  created_at: string;
}
export interface DisclosureCellRow {
  query_id: string;
  ref: number;
  cell: number;
  dataset_id: string;
  version: number;
  label: string;
  records: number;
  members: string;
}
export type OutputState = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export interface OutputCheckRow {
  id: string;
  user_id: string;
  kind: 'query' | 'analysis';
  analysis_id: string | null;
  title: string;
  purpose: string;
  sql: string;
  datasets: string;
  result: string;
  rules: string;
  disclosure_query_id: string | null;
  state: OutputState;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

declare module '../../../core/db/types.js' {
  interface Database {
    data_disclosure_query: DisclosureQueryRow;
    data_disclosure_cell: DisclosureCellRow;
    data_output_check: OutputCheckRow;
  }
}
