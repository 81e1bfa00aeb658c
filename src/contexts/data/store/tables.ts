/**
 * The data context's tables. JSON columns are text (both dialects): topics, keywords (string[]), a version's
 * detection (encoding candidates and scores), options (how the file was read), schema (a Frictionless Table
 * Schema), profile (per column), problems (validation errors by row and column, capped, with totals).
 */
export interface DatasetRow {
  id: string;
  title_ko: string | null;
  title_en: string | null;
  description_ko: string | null;
  description_en: string | null;
  publisher_id: string | null;
  topics: string;
  keywords: string;
  licence: string;
  frequency: string;
  temporal_start: string | null;
  temporal_end: string | null;
  spatial: string | null;
  contact_name: string | null;
  contact_email: string | null;
  source_url: string | null;
  attribution: string | null;
  restricted: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** 1: only the publishing organisation's members (and admins) see it; nothing of it is served publicly. */
  private?: number;
  /** A restricted dataset's access policy (JSON AccessPolicy), stated by its publisher. */
  access_policy?: string | null;
  /** The tombstone of a deleted dataset: when, why (public), by whom. */
  deleted_at?: string | null;
  deleted_reason?: string | null;
  deleted_by?: string | null;
}
export interface ResourceRow {
  id: string;
  dataset_id: string;
  name: string;
  kind: 'table' | 'link' | 'api';
  url: string | null;
  format: string | null;
  description: string | null;
  position: number;
  latest_version: number | null;
  created_at: string;
  updated_at: string;
}
export interface VersionRow {
  id: string;
  resource_id: string;
  version: number;
  status: 'draft' | 'published' | 'discarded' | 'withdrawn';
  source_name: string;
  source_bytes: number;
  source_sha256: string;
  format: string;
  encoding: string | null;
  detection: string;
  options: string;
  rows: number;
  schema: string;
  profile: string;
  problems: string;
  parquet_path: string | null;
  created_by: string | null;
  created_at: string;
  published_at: string | null;
  /** (Optional in inserts: the columns default to null/0.) A withdrawn version: when, the public reason, by whom (its rows are deleted from the lake). */
  withdrawn_at?: string | null;
  withdrawn_reason?: string | null;
  withdrawn_by?: string | null;
}

/** An approved analyst of a restricted dataset (the approval is the row; revoking deletes it). */
export interface AnalystRow {
  dataset_id: string;
  user_id: string;
  approved_by: string | null;
  project_note: string;
  approved_at: string;
  project_id: string | null;
}

declare module '../../../core/db/types.js' {
  interface Database {
    data_analyst: AnalystRow;
    data_dataset: DatasetRow;
    data_resource: ResourceRow;
    data_version: VersionRow;
  }
}

/** What a version's `options` column keeps: how the file was read, and where a draft's kept files are. */
export interface VersionOptions {
  format: string;
  /** The encoding the publisher asked for, if any. */
  encoding: string | null;
  delimiter: string | null;
  columnMap: Record<string, string> | null;
  /** True when the publisher supplied the schema (not inferred). */
  schemaEdited: boolean;
  dropped: string[];
  /** The publisher's choice for bad rows (ragged, undecodable, invalid): kept as stated, or dropped; null until chosen. */
  badRows?: 'keep' | 'drop' | null;
  /** A draft's kept files, relative to its work folder (absent once published or for one-step ingests). */
  draft?: { dir: string; source: string; utf8: string | null; readFormat: string } | null;
}

/** A Plaza service name for a dataset: `fields` maps field codes to columns ([[code, column], …] in output order); `params` are the positional request filters (codes). */
export interface SeoulServiceRow {
  service: string;
  dataset_id: string;
  fields: string;
  params: string;
  updated_by: string | null;
  updated_at: string;
}
/** A read-only key for the Seoul Open API URL form (hash only; shown once when issued). */
export interface OpenApiKeyRow {
  id: string;
  user_id: string;
  key_hash: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

declare module '../../../core/db/types.js' {
  interface Database {
    data_seoul_service: SeoulServiceRow;
    data_openapi_key: OpenApiKeyRow;
  }
}
