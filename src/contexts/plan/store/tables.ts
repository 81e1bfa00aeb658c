export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'completed', 'delayed', 'withdrawn'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const SUGGESTION_OUTCOMES = ['pending', 'adopted', 'merged', 'declined', 'withdrawn'] as const;
export type SuggestionOutcome = (typeof SUGGESTION_OUTCOMES)[number];

export interface CommitmentRow {
  id: string; number: number; slug: string;
  title_ko: string | null; title_en: string | null;
  outline_ko: string | null; outline_en: string | null;
  objectives_ko: string | null; objectives_en: string | null;
  status_quo_ko: string | null; status_quo_en: string | null;
  description_ko: string | null; description_en: string | null;
  organisation_id: string | null; department: string | null; contact_name: string | null; contact_phone: string | null; contact_email: string | null;
  other_actors: string; ogp_values: string; policy_areas: string; irm: string;
  created_at: string; updated_at: string;
}
export interface MilestoneRow {
  id: string; commitment_id: string; number: number;
  title_ko: string | null; title_en: string | null; activities_ko: string | null; activities_en: string | null;
  new_or_ongoing: string; start_month: string | null; end_month: string | null;
  weight: number; status: MilestoneStatus; completion: number; updated_at: string;
}
export interface ProgressRow {
  id: string; milestone_id: string; reported_on: string; text: string; completion: number; status: MilestoneStatus;
  evidence: string; author_id: string; created_at: string;
}
export interface CallRow {
  id: string; title_ko: string | null; title_en: string | null; description_ko: string | null; description_en: string | null;
  opens_on: string; closes_on: string; organisation_id: string; created_by: string; created_at: string;
}
export interface SuggestionRow {
  id: string; call_id: string; author_id: string; title: string; title_key: string; body: string;
  outcome: SuggestionOutcome; outcome_reason: string | null; commitment_id: string | null; merged_into_id: string | null;
  created_at: string; updated_at: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    plan_commitment: CommitmentRow;
    /** Every IRM assessment ever recorded (the commitment's `irm` column holds the latest). */
    plan_irm_assessment: { id: string; commitment_id: string; recorded_at: string; source: string; data: string; author_id: string | null };
    plan_milestone: MilestoneRow;
    plan_progress: ProgressRow;
    plan_call: CallRow;
    plan_suggestion: SuggestionRow;
    plan_support: { suggestion_id: string; user_id: string; created_at: string };
    plan_suggestion_comment: { id: string; suggestion_id: string; author_id: string; body: string; created_at: string };
    plan_comment: { id: string; commitment_id: string; author_id: string; body: string; created_at: string };
    plan_committee_member: { id: string; name: string; affiliation: string; sector: 'government' | 'civil_society'; commitment_id: string | null; created_at: string };
    plan_meeting: { id: string; held_on: string; title: string; place: string; agenda: string; minutes: string; created_at: string };
    plan_attendance: { meeting_id: string; member_id: string };
  }
}
