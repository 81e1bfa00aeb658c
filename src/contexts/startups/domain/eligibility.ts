import { AppError } from '../../../core/errors.js';
import { AGE_BANDS, type AgeBand, type ApplicationState } from './vocabularies.js';

export type Ineligible = 'not_open' | 'deadline_passed' | 'age_band' | 'members_only';

export interface CallTerms {
  opens_on: string;
  apply_by: string;
  max_age_band: AgeBand | null;
  members_only: number;
}

/** The window is inclusive on both days, in Seoul dates (YYYY-MM-DD compare as strings). */
export const isOpen = (call: Pick<CallTerms, 'opens_on' | 'apply_by'>, today: string) => call.opens_on <= today && today <= call.apply_by;

/**
 * Why a startup may not apply to a call today (empty: it may): the window, the founders' age band the
 * call allows (youth calls), and whether only members of the consultative body may apply.
 */
export function ineligibility(call: CallTerms, startup: { founders_age_band: AgeBand; isBodyMember: boolean }, today: string): Ineligible[] {
  const out: Ineligible[] = [];
  if (today < call.opens_on) out.push('not_open');
  if (today > call.apply_by) out.push('deadline_passed');
  if (call.max_age_band && AGE_BANDS.indexOf(startup.founders_age_band) > AGE_BANDS.indexOf(call.max_age_band)) out.push('age_band');
  if (call.members_only && !startup.isBodyMember) out.push('members_only');
  return out;
}

/** An application is decided once: submitted → selected or not selected (with reasons). */
export function assertDecidable(from: ApplicationState, to: ApplicationState) {
  if (from !== 'submitted' || to === 'submitted') {
    throw new AppError('startups.already_decided', `An application that is ${from} cannot become ${to}`, 409, { field: 'decision', from, to });
  }
}

/** Reminders before a deadline: a week before and the day before (calendar days, Seoul dates). */
export function reminderDue(applyBy: string, today: string): 'week' | 'day' | null {
  const days = Math.round((Date.parse(`${applyBy}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days < 0) return null;
  if (days <= 1) return 'day';
  if (days <= 7) return 'week';
  return null;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;
export const validYmd = (s: string) => YMD.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
