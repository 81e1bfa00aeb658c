/** The fixed lists of the startups context; labels live in messages.ts. */
export const FIELDS = ['mobility', 'drones', 'data', 'energy', 'environment', 'safety', 'health', 'welfare', 'buildings', 'governance'] as const;
export type Field = (typeof FIELDS)[number];

export const STAGES = ['idea', 'prototype', 'early_revenue', 'growth'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The founders' age band (the eldest founder). Youth: 청년기본법 §3 counts 19–34; youth-startup support
 * programmes commonly go up to 39 (the call says which band it allows).
 */
export const AGE_BANDS = ['under_30', '30_34', '35_39', '40_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** body: a call for the consultative body; the rest are opportunities. */
export const CALL_KINDS = ['body', 'conference', 'exhibition', 'roadshow', 'incentive', 'programme'] as const;
export type CallKind = (typeof CALL_KINDS)[number];
export const OPPORTUNITY_KINDS = CALL_KINDS.filter((k) => k !== 'body');

export const APPLICATION_STATES = ['submitted', 'selected', 'not_selected'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const TEXT_KINDS = ['summary', 'official'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export const RULE_KINDS = ['act', 'decree', 'ordinance', 'guideline', 'programme'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What a version's date is: the day it takes effect, or (when the source gives only that) the day it was promulgated. */
export const RULE_DATE_KINDS = ['effective', 'promulgated'] as const;
export type RuleDateKind = (typeof RULE_DATE_KINDS)[number];

export const FEEDBACK_KINDS = ['comment', 'change'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** The department's reasoned answer: accepted, under review until a date, or declined with reasons. */
export const FEEDBACK_DECISIONS = ['accepted', 'under_review', 'declined'] as const;
export type FeedbackDecision = (typeof FEEDBACK_DECISIONS)[number];

/** The department that runs the programme (commitment ③ of the action plan). */
export const PROGRAMME_DEPARTMENT = 'smg-information-planning-division';
