import type { ProfileFields } from '../domain/profile-input.js';
import type { AgeBand, CallKind, FeedbackDecision, FeedbackKind, TextKind, ApplicationState, RuleDateKind } from '../domain/vocabularies.js';

/** A startup's profile row: the fields its form edits (domain/profile-input.ts) and what the platform keeps. */
export interface ProfileRow extends ProfileFields {
  id: string;
  organisation_id: string;
  slug: string;
  example: number;
  created_at: string;
  updated_at: string;
}

export interface SolutionRow {
  id: string;
  profile_id: string;
  title_ko: string | null;
  title_en: string | null;
  description_ko: string | null;
  description_en: string | null;
  image_file: string | null;
  image_alt: string | null;
  created_at: string;
}

export interface CallRow {
  id: string;
  slug: string;
  kind: CallKind;
  title_ko: string;
  title_en: string;
  summary_ko: string;
  summary_en: string;
  location: string | null;
  url: string | null;
  starts_on: string | null;
  ends_on: string | null;
  opens_on: string;
  apply_by: string;
  eligibility_ko: string;
  eligibility_en: string;
  covers_ko: string | null;
  covers_en: string | null;
  how_ko: string | null;
  how_en: string | null;
  members_only: number;
  max_age_band: AgeBand | null;
  /** JSON array of the fields the call is for; empty: any field. */
  fields: string;
  seats: number | null;
  results_published_at: string | null;
  example: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationRow {
  id: string;
  call_id: string;
  profile_id: string;
  author_id: string | null;
  motivation: string;
  state: ApplicationState;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface RuleRow {
  id: string;
  slug: string;
  title_ko: string;
  title_en: string;
  kind: string;
  organisation_id: string;
  source_name: string;
  source_url: string;
  /** JSON array of tag ids. */
  tags: string;
  created_at: string;
  updated_at: string;
}

export interface RuleVersionRow {
  id: string;
  rule_id: string;
  version: number;
  effective_on: string;
  /** effective: the day it takes effect; promulgated: the day it was promulgated (the effective day not given by the source). */
  date_kind: RuleDateKind;
  text_kind: TextKind;
  text_ko: string;
  text_en: string | null;
  change_ko: string | null;
  change_en: string | null;
  created_by: string | null;
  created_at: string;
}

export interface FeedbackRow {
  id: string;
  rule_id: string;
  profile_id: string;
  author_id: string | null;
  kind: FeedbackKind;
  title: string;
  title_key: string;
  body: string;
  proposal: string | null;
  decision: FeedbackDecision | null;
  review_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    startups_profile: ProfileRow;
    startups_solution: SolutionRow;
    startups_call: CallRow;
    startups_application: ApplicationRow;
    startups_meeting: {
      id: string;
      held_on: string;
      title_ko: string;
      title_en: string;
      minutes_ko: string;
      minutes_en: string | null;
      created_by: string | null;
      created_at: string;
    };
    startups_council_company: { id: string; name_ko: string; name_en: string; field: string; website: string | null; example: number };
    startups_rule: RuleRow;
    startups_rule_version: RuleVersionRow;
    startups_feedback: FeedbackRow;
    startups_endorsement: { feedback_id: string; user_id: string; created_at: string };
    startups_reminder_recipient: { call_id: string; reminder: string; apply_by: string; user_id: string; sent_at: string };
  }
}

/** Policy feedback is an answerable item of the accountability engine under this subject type and kind. */
export const FEEDBACK_SUBJECT = 'startups_feedback';
export const FEEDBACK_KIND = 'startups.policy_feedback';
export const profileUrl = (slug: string) => `/startups/${slug}`;
export const callUrl = (c: Pick<CallRow, 'kind' | 'slug'>) => (c.kind === 'body' ? `/startups/calls/${c.slug}` : `/startups/opportunities/${c.slug}`);
export const ruleUrl = (slug: string) => `/startups/rules/${slug}`;
export const feedbackUrl = (id: string) => `/startups/feedback/${id}`;
