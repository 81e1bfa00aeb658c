import type { Generated } from 'kysely';

/** The tables of migration 2026-12-07-38-transit-feed-trust (signed pushes kept, live statuses, staleness events, polls). */
export interface StatusPushRow {
  organisation_id: string;
  push_id: string;
  sequence: number | string | null;
  body_sha256: string;
  statuses: number;
  received_at: string;
}
export interface LiveStatusRow {
  facility_id: string;
  status: string;
  source: string;
  observed_at: string;
  received_at: string;
}
export interface StatusStaleRow {
  facility_id: string;
  observed_at: string;
  status: string;
  stale_since: string;
  change_seq: number;
  recorded_at: string;
}
export interface StatusPollRow {
  service: string;
  failures: number;
  next_attempt_at: string;
  last_attempt_at: string | null;
  last_ok_at: string | null;
  last_source_time: string | null;
  last_error: string | null;
  last_rows: number | null;
}

declare module '../../../core/db/types.js' {
  interface Database {
    transit_status_push: StatusPushRow;
    transit_live_status: LiveStatusRow;
    transit_status_stale: StatusStaleRow;
    transit_status_poll: StatusPollRow;
  }
}

declare module '../store/tables.js' {
  interface StatusFeedRow {
    last_sequence: number | string | null;
  }
  interface WebhookRow {
    scope: Generated<string>;
  }
}
