/** The upkeep tables (migration 2026-11-22-31-transit-upkeep). JSON columns are text on both databases. */
export interface StewardRow {
  station_key: string;
  attribute: string;
  organisation_id: string;
  updated_at: string;
}
export interface StationVersionRow {
  station_id: string;
  version: number;
  feed: string;
  kind: string;
  snapshot: string;
  summary: string;
  proposal_id: string | null;
  restored_version: number | null;
  verified_at: string | null;
  verified_by_org: string | null;
  created_by: string | null;
  created_at: string;
}
export interface ProposalRow {
  id: string;
  station_id: string;
  base_version: number;
  status: string;
  source: string;
  title: string;
  ops: string;
  evidence: string;
  attributes: string;
  approvals: string;
  author_id: string;
  client_id: string | null;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  result_version: number | null;
  created_at: string;
  updated_at: string;
  revision: number;
}
/** An earlier revision of a proposal, kept when its author revised it after a review (append-only). */
export interface ProposalRevisionRow {
  proposal_id: string;
  revision: number;
  base_version: number;
  title: string;
  ops: string;
  evidence: string;
  attributes: string;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
  superseded_at: string;
}
export interface PhotoRow {
  id: string;
  station_id: string;
  uploaded_by: string;
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  caption: string | null;
  created_at: string;
  public_at: string | null;
}
export interface ChangeRow {
  seq: number;
  kind: string;
  station_id: string;
  ref: string;
  payload: string;
  at: string;
}
export interface WebhookRow {
  id: string;
  organisation_id: string | null;
  owner_id: string;
  url: string;
  secret: string;
  active: number;
  created_at: string;
}
export interface DeliveryRow {
  id: string;
  webhook_id: string;
  change_seq: number;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
}
export interface StatusFeedRow {
  organisation_id: string;
  secret: string;
  created_at: string;
  last_received_at: string | null;
}
export interface ReportRow {
  id: string;
  station_id: string;
  problem: string;
  facility_id: string | null;
  note: string | null;
  author_id: string | null;
  organisation_id: string;
  status: string;
  resolved_at: string | null;
  created_at: string;
  /** How it came: the web form, the report API (with an API key) or Open311. */
  channel: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    transit_steward: StewardRow;
    transit_station_version: StationVersionRow;
    transit_proposal: ProposalRow;
    transit_proposal_revision: ProposalRevisionRow;
    transit_photo: PhotoRow;
    transit_change: ChangeRow;
    transit_webhook: WebhookRow;
    transit_webhook_delivery: DeliveryRow;
    transit_status_feed: StatusFeedRow;
    transit_report: ReportRow;
  }
}
