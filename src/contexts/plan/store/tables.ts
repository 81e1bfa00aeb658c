export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'completed', 'delayed', 'withdrawn'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const SUGGESTION_OUTCOMES = ['pending', 'adopted', 'merged', 'declined', 'withdrawn'] as const;
export type SuggestionOutcome = (typeof SUGGESTION_OUTCOMES)[number];

export interface CommitmentRow {
  id: string;
  number: number;
  slug: string;
  title_ko: string | null;
  title_en: string | null;
  outline_ko: string | null;
  outline_en: string | null;
  objectives_ko: string | null;
  objectives_en: string | null;
  status_quo_ko: string | null;
  status_quo_en: string | null;
  description_ko: string | null;
  description_en: string | null;
  organisation_id: string | null;
  department: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  other_actors: string;
  ogp_values: string;
  policy_areas: string;
  irm: string;
  created_at: string;
  updated_at: string;
}
export interface MilestoneRow {
  id: string;
  commitment_id: string;
  number: number;
  title_ko: string | null;
  title_en: string | null;
  activities_ko: string | null;
  activities_en: string | null;
  new_or_ongoing: string;
  start_month: string | null;
  end_month: string | null;
  weight: number;
  status: MilestoneStatus;
  completion: number;
  updated_at: string;
}
export interface ProgressRow {
  id: string;
  milestone_id: string;
  reported_on: string;
  text: string;
  completion: number;
  status: MilestoneStatus;
  evidence: string;
  author_id: string;
  created_at: string;
}
export interface CallRow {
  id: string;
  title_ko: string | null;
  title_en: string | null;
  description_ko: string | null;
  description_en: string | null;
  opens_on: string;
  closes_on: string;
  organisation_id: string;
  created_by: string;
  created_at: string;
}
export interface SuggestionRow {
  id: string;
  call_id: string;
  author_id: string;
  title: string;
  title_key: string;
  body: string;
  outcome: SuggestionOutcome;
  outcome_reason: string | null;
  commitment_id: string | null;
  merged_into_id: string | null;
  created_at: string;
  updated_at: string;
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
    plan_committee_member: {
      id: string;
      name: string;
      affiliation: string;
      affiliation_ko: string | null;
      affiliation_en: string | null;
      sector: 'government' | 'civil_society';
      commitment_id: string | null;
      created_at: string;
    };
    /** `title`, `agenda`, `minutes`: the first version kept for older readers; the `_ko`/`_en` columns are the content. */
    plan_meeting: {
      id: string;
      held_on: string;
      title: string;
      place: string;
      agenda: string;
      minutes: string;
      created_at: string;
      title_ko: string | null;
      title_en: string | null;
      agenda_ko: string | null;
      agenda_en: string | null;
      minutes_ko: string | null;
      minutes_en: string | null;
      /** The commitment whose sub-group met; null for the whole committee. */
      commitment_id: string | null;
    };
    /** Every change to the plan's content, one row per field; only ever added to (a trigger refuses updates). */
    plan_content_edit: {
      id: string;
      at: string;
      entity_type: string;
      entity_id: string;
      field: string;
      before_value: string | null;
      after_value: string | null;
      note: string | null;
      actor_id: string | null;
      actor_label: string;
    };
    /** Texts that are Open Seoul's translation, not the city's words (`field` is the API name, e.g. `titleKo`). */
    plan_translation: { entity_type: string; entity_id: string; field: string; source: string; created_at: string };
    plan_attendance: { meeting_id: string; member_id: string };
  }
}
