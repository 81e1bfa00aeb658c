import { addBusinessDays, addDays, businessDaysBetween, nextBusinessDayFrom, type Ymd } from '../../../core/calendar/korean-calendar.js';

/**
 * How long an authority has to answer one kind of input. Business days follow the civil-petition rules
 * (민원 처리에 관한 법률 시행령 §19: Saturdays and public holidays excluded, the day of receipt not counted);
 * calendar days end on the next business day when the last day is a holiday (민법 §161).
 */
export interface ResponseRule {
  unit: 'business_days' | 'calendar_days';
  days: number;
  /** Longest single extension allowed, in the same unit. */
  maxExtensionDays: number;
  /** Late by at least this many business days past the due date → very overdue. */
  veryOverdueAfterDays: number;
}

export const DEFAULT_RULE: ResponseRule = { unit: 'business_days', days: 14, maxExtensionDays: 14, veryOverdueAfterDays: 14 };

export interface Pause {
  from: Ymd;
  /** null while the clock is still paused. */
  to: Ymd | null;
}

export interface Clock {
  receivedOn: Ymd;
  rule: ResponseRule;
  pauses: Pause[];
  extensionDays: number; // 0 when never extended
}

export type ClockState =
  | { kind: 'paused'; since: Ymd }
  | { kind: 'running'; dueOn: Ymd; businessDaysLeft: number }
  | { kind: 'overdue'; dueOn: Ymd; businessDaysLate: number; veryOverdue: boolean };

/** Business days during which the clock was stopped (the day a pause ends counts again). */
export function pausedBusinessDays(pauses: Pause[], today: Ymd): number {
  return pauses.reduce((n, p) => n + businessDaysBetween(addDays(p.from, -1), addDays(p.to ?? addDays(today, 1), -1)), 0);
}

/** The due date, given the rule, the pauses so far and the extension. */
export function dueDate(clock: Clock, today: Ymd): Ymd {
  const { rule } = clock;
  const paused = pausedBusinessDays(clock.pauses, today);
  if (rule.unit === 'business_days') return addBusinessDays(clock.receivedOn, rule.days + clock.extensionDays + paused);
  const calendarEnd = nextBusinessDayFrom(addDays(clock.receivedOn, rule.days + clock.extensionDays));
  return paused ? addBusinessDays(calendarEnd, paused) : calendarEnd;
}

/** Where an unanswered input stands today. */
export function clockState(clock: Clock, today: Ymd): ClockState {
  const open = clock.pauses.find((p) => p.to === null);
  if (open) return { kind: 'paused', since: open.from };
  const dueOn = dueDate(clock, today);
  if (today <= dueOn) return { kind: 'running', dueOn, businessDaysLeft: businessDaysBetween(today, dueOn) };
  const late = businessDaysBetween(dueOn, today);
  return { kind: 'overdue', dueOn, businessDaysLate: late, veryOverdue: late >= clock.rule.veryOverdueAfterDays };
}

/** Whether an answer given on `answeredOn` was on time. */
export function answeredOnTime(clock: Clock, answeredOn: Ymd): boolean {
  return answeredOn <= dueDate(clock, answeredOn);
}
