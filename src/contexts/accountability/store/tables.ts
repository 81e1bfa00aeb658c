export type ItemState = 'received' | 'assigned' | 'answered' | 'confirmed' | 'disputed' | 'escalated' | 'closed';

export interface KindRow {
  id: string;
  context: string;
  name_ko: string;
  name_en: string;
  unit: 'business_days' | 'calendar_days';
  days: number;
  max_extension_days: number;
  very_overdue_after_days: number;
  remind_days_before: number;
  updated_at: string;
}

export const ANSWERED_BY = ['officials', 'members'] as const;
export type AnsweredBy = (typeof ANSWERED_BY)[number];

export interface ItemRow {
  id: string;
  kind_id: string;
  subject_type: string;
  subject_id: string;
  title: string;
  url: string;
  author_id: string | null;
  organisation_id: string;
  assignee_id: string | null;
  state: ItemState;
  escalation_level: number;
  /** Who answers at the first stage: the department's officials, or any member of the organisation. */
  answered_by: AnsweredBy;
  received_at: string;
  received_on: string;
  extension_days: number;
  extension_reason: string | null;
  answered_on: string | null;
  answered_on_time: number | null;
  business_days_to_answer: number | null;
  dispute_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClockEventRow {
  id: string;
  item_id: string;
  /** 1, 2, 3 … per item: the order the events were added in. */
  seq: number;
  stage: number;
  type: string;
  on_date: string;
  days: number | null;
  reason: string | null;
  /** JSON of the ResponseRule an answer was judged by. */
  rule: string | null;
  actor_id: string | null;
  at: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    accountability_kind: KindRow;
    accountability_item: ItemRow;
    accountability_pause: { id: string; item_id: string; from_on: string; to_on: string | null; reason: string; created_by: string | null; created_at: string };
    accountability_answer: {
      id: string;
      item_id: string;
      escalation_level: number;
      decision: string;
      reasons: string;
      next_steps: string;
      author_id: string;
      status: 'draft' | 'published';
      created_at: string;
      published_at: string | null;
    };
    accountability_event: { id: string; item_id: string; at: string; actor_id: string | null; type: string; detail: string | null };
    accountability_clock_event: ClockEventRow;
    accountability_notice: { item_id: string; notice: string; day: string; sent_at: string };
    accountability_extra_holiday: { on_date: string; name_ko: string; name_en: string; reason: string; created_by: string | null; created_at: string };
    accountability_follower: { item_id: string; user_id: string };
    accountability_notice_preference: { user_id: string; notice: string; in_app: number; by_mail: number; updated_at: string };
    accountability_reminder: { item_id: string; reminder: string; due_on: string; sent_at: string };
  }
}
