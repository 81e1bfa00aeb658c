import type { DeclineReason, Decision, DistrictId, SupporterGroup, UseType } from '../domain/vocabularies.js';

export interface DataRequestRow {
  id: string;
  author_id: string;
  title: string;
  title_key: string;
  why: string;
  use_type: UseType;
  use_description: string;
  suggested_organisation_id: string | null;
  organisation_id: string;
  feasibility: number | null;
  reuse_potential: number | null;
  assessed_by: string | null;
  assessed_at: string | null;
  decision: Decision | null;
  publish_by: string | null;
  partial_what: string | null;
  decline_reason: DeclineReason | null;
  decline_text: string | null;
  decided_by: string | null;
  decided_at: string | null;
  dataset_id: string | null;
  linked_by: string | null;
  published_at: string | null;
  /** Why the linked dataset answers the request (the linking publisher's words). */
  link_reason: string | null;
  /** The requester says the linked dataset does not answer the request: when, and why. */
  disputed_at: string | null;
  dispute_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupportRow {
  request_id: string;
  user_id: string;
  district: DistrictId;
  supporter_group: SupporterGroup;
  created_at: string;
}

export interface RubricRow {
  id: string;
  weight_support: number;
  weight_representativeness: number;
  weight_feasibility: number;
  weight_reuse: number;
  updated_by: string | null;
  updated_at: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    demand_request: DataRequestRow;
    demand_support: SupportRow;
    demand_rubric: RubricRow;
  }
}

/** The subject type under which requests are answerable items of the accountability engine. */
export const SUBJECT_TYPE = 'demand_request';
export const requestUrl = (id: string) => `/demand/requests/${id}`;
