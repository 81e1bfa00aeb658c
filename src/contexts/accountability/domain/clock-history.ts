import { answeredOnTime, clockState, dueDate, type Clock, type ClockState, type Pause, type ResponseRule } from './deadline.js';
import { businessDaysBetween, type Ymd } from '../../../core/calendar/korean-calendar.js';

/**
 * The history of one input, as events that are only ever added to. Every figure (due date, on time,
 * days late, scorecard) is computed from this list, never stored: an escalation opens a new stage with
 * its own clock and leaves the earlier stages, and their outcomes, as they were.
 */
export type ClockEventType = 'received' | 'paused' | 'resumed' | 'extended' | 'answered' | 'confirmed' | 'disputed' | 'escalated' | 'assigned';

export interface ClockEvent {
  type: ClockEventType;
  /** The KST calendar day the event happened. */
  on: Ymd;
  reason?: string | null;
  /** `extended`: how many days (in the rule's unit). */
  days?: number | null;
  /** `answered`: the rule the answer was judged by, frozen so that a later change of the kind's rule never rewrites it. */
  rule?: ResponseRule | null;
}

export interface Stage {
  /** 0 officer, 1 head of department, 2 committee. */
  level: number;
  openedOn: Ymd;
  pauses: Array<Pause & { reason: string }>;
  extension: { days: number; reason: string; on: Ymd } | null;
  answeredOn: Ymd | null;
  /** The rule frozen at the answer; null while the stage is open (the kind's current rule applies). */
  answeredRule: ResponseRule | null;
  outcome: { kind: 'confirmed' | 'disputed'; on: Ymd; reason: string | null } | null;
  /** The day an unanswered stage was escalated by the citizen (its clock stops there); null otherwise. */
  closedOn: Ymd | null;
}

/** Splits the history into stages; the last one is the current stage. */
export function stagesOf(events: readonly ClockEvent[]): Stage[] {
  const stages: Stage[] = [];
  const open = (level: number, on: Ymd) =>
    stages.push({ level, openedOn: on, pauses: [], extension: null, answeredOn: null, answeredRule: null, outcome: null, closedOn: null });
  for (const e of events) {
    const stage = stages[stages.length - 1];
    if (e.type === 'received') {
      if (!stage) open(0, e.on);
      continue;
    }
    if (!stage) continue;
    // Once a stage is answered its clock is closed: only the author's outcome and an escalation may follow.
    if (stage.answeredOn !== null && ['paused', 'resumed', 'extended', 'answered'].includes(e.type)) continue;
    switch (e.type) {
      case 'paused':
        if (!stage.pauses.some((p) => p.to === null)) stage.pauses.push({ from: e.on, to: null, reason: e.reason ?? '' });
        break;
      case 'resumed': {
        const p = stage.pauses.find((x) => x.to === null);
        if (p) p.to = e.on;
        break;
      }
      case 'extended':
        if (!stage.extension) stage.extension = { days: e.days ?? 0, reason: e.reason ?? '', on: e.on };
        break;
      case 'answered':
        if (stage.answeredOn === null) {
          for (const p of stage.pauses) if (p.to === null) p.to = e.on;
          stage.answeredOn = e.on;
          stage.answeredRule = e.rule ?? null;
        }
        break;
      case 'confirmed':
      case 'disputed':
        if (stage.answeredOn !== null && !stage.outcome) stage.outcome = { kind: e.type, on: e.on, reason: e.reason ?? null };
        break;
      case 'escalated':
        // An overdue, unanswered stage escalated by the citizen: its clock stops that day, unanswered for good.
        if (stage.answeredOn === null) {
          for (const p of stage.pauses) if (p.to === null) p.to = e.on;
          stage.closedOn = e.on;
          stage.answeredRule = e.rule ?? null;
        }
        open(stage.level + 1, e.on);
        break;
      default:
        break;
    }
  }
  return stages;
}

/** The clock of one stage: its own start, pauses and extension. */
export function stageClock(stage: Stage, currentRule: ResponseRule): Clock {
  return {
    receivedOn: stage.openedOn,
    rule: stage.answeredRule ?? currentRule,
    pauses: stage.pauses.map((p) => ({ from: p.from, to: p.to })),
    extensionDays: stage.extension?.days ?? 0,
  };
}

export interface StageFigures {
  level: number;
  openedOn: Ymd;
  /** null while the clock is paused (the due date moves with the pause). */
  dueOn: Ymd | null;
  answeredOn: Ymd | null;
  /** null until the stage is answered; false for a stage escalated unanswered. */
  onTime: boolean | null;
  /** Business days from the opening of the stage to its answer; null until answered. */
  businessDaysToAnswer: number | null;
  /** Business days past the due date: at the answer for an answered stage, today for an open one. */
  businessDaysLate: number;
  /** Where an open stage stands today; null once answered. */
  clock: ClockState | null;
  outcome: Stage['outcome'];
}

/** The figures of one stage. An answered stage's figures depend only on its own events, never on today. */
export function stageFigures(stage: Stage, currentRule: ResponseRule, today: Ymd): StageFigures {
  const clock = stageClock(stage, currentRule);
  if (stage.answeredOn !== null) {
    const due = dueDate(clock, stage.answeredOn);
    return {
      level: stage.level,
      openedOn: stage.openedOn,
      dueOn: due,
      answeredOn: stage.answeredOn,
      onTime: answeredOnTime(clock, stage.answeredOn),
      businessDaysToAnswer: businessDaysBetween(stage.openedOn, stage.answeredOn),
      businessDaysLate: businessDaysBetween(due, stage.answeredOn),
      clock: null,
      outcome: stage.outcome,
    };
  }
  if (stage.closedOn !== null) {
    const due = dueDate(clock, stage.closedOn);
    return {
      level: stage.level,
      openedOn: stage.openedOn,
      dueOn: due,
      answeredOn: null,
      onTime: false,
      businessDaysToAnswer: null,
      businessDaysLate: businessDaysBetween(due, stage.closedOn),
      clock: null,
      outcome: stage.outcome,
    };
  }
  const state = clockState(clock, today);
  return {
    level: stage.level,
    openedOn: stage.openedOn,
    dueOn: state.kind === 'paused' ? null : state.dueOn,
    answeredOn: null,
    onTime: null,
    businessDaysToAnswer: null,
    businessDaysLate: state.kind === 'overdue' ? state.businessDaysLate : 0,
    clock: state,
    outcome: stage.outcome,
  };
}

export interface ItemFigures {
  stages: StageFigures[];
  current: StageFigures;
  /** The first answer's date and delay, from the first receipt. */
  firstAnsweredOn: Ymd | null;
  firstBusinessDaysToAnswer: number | null;
  /** false as soon as any stage was answered late (a late first answer stays late); null before any answer. */
  answeredOnTime: boolean | null;
  disputed: boolean;
}

export function itemFigures(events: readonly ClockEvent[], currentRule: ResponseRule, today: Ymd): ItemFigures {
  const stages = stagesOf(events).map((s) => stageFigures(s, currentRule, today));
  const answered = stages.filter((s) => s.answeredOn !== null);
  const unansweredAndClosed = stages.some((s) => s.answeredOn === null && s.onTime === false);
  return {
    stages,
    current: stages[stages.length - 1]!,
    firstAnsweredOn: answered[0]?.answeredOn ?? null,
    firstBusinessDaysToAnswer: answered[0]?.businessDaysToAnswer ?? null,
    answeredOnTime: answered.length ? answered.every((s) => s.onTime) && !unansweredAndClosed : null,
    disputed: stages.some((s) => s.outcome?.kind === 'disputed'),
  };
}
