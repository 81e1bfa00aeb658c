import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemFigures, stagesOf, type ClockEvent } from './clock-history.js';
import type { ResponseRule } from './deadline.js';
import { addDays, type Ymd } from '../../../core/calendar/korean-calendar.js';

const RULE: ResponseRule = { unit: 'business_days', days: 14, maxExtensionDays: 14, veryOverdueAfterDays: 14 };

type Step = { gap: number; pick: number; days: number };

/** Turns random numbers into a history the use cases could have written (each step valid in the state it meets). */
function historyFrom(start: Ymd, steps: Step[]): ClockEvent[] {
  const events: ClockEvent[] = [{ type: 'received', on: start }];
  let on = start;
  let level = 0;
  let state: 'open' | 'answered' | 'disputed' | 'done' = 'open';
  let paused = false;
  let extended = false;
  for (const s of steps) {
    on = addDays(on, s.gap);
    const options: Array<() => void> = [];
    if (state === 'open') {
      options.push(() => {
        events.push({ type: paused ? 'resumed' : 'paused', on, reason: 'r' });
        paused = !paused;
      });
      if (!extended)
        options.push(() => {
          events.push({ type: 'extended', on, days: s.days, reason: 'x' });
          extended = true;
        });
      options.push(() => {
        events.push({ type: 'answered', on, rule: RULE });
        state = 'answered';
        paused = false;
      });
      // The citizen escalates an unanswered stage (the use case checks it is overdue; the history must hold either way).
      if (level < 2)
        options.push(() => {
          events.push({ type: 'escalated', on, rule: RULE });
          level++;
          extended = false;
          paused = false;
        });
    } else if (state === 'answered') {
      options.push(() => {
        events.push({ type: 'confirmed', on });
        state = 'done';
      });
      options.push(() => {
        events.push({ type: 'disputed', on, reason: 'no' });
        state = 'disputed';
      });
    } else if (state === 'disputed' && level < 2) {
      options.push(() => {
        events.push({ type: 'escalated', on });
        level++;
        state = 'open';
        extended = false;
        paused = false;
      });
    }
    if (!options.length) break;
    options[s.pick % options.length]!();
  }
  return events;
}

const step = fc.record({ gap: fc.integer({ min: 0, max: 25 }), pick: fc.nat(), days: fc.integer({ min: 1, max: 14 }) });
// Any day from 2019 to 2034: the calendar computes the years past the published tables.
const start = fc.integer({ min: 0, max: 365 * 16 }).map((n) => addDays('2019-01-02', n));

describe('append-only clock history', () => {
  it('no past figure ever changes as events are added (and a later change of the rule never rewrites an answered stage)', () => {
    fc.assert(
      fc.property(start, fc.array(step, { minLength: 1, maxLength: 14 }), fc.integer({ min: 5, max: 30 }), (from, steps, laterDays) => {
        const history = historyFrom(from, steps);
        const lastDay = history[history.length - 1]!.on;
        const snapshots = history.map((_, k) => {
          const prefix = history.slice(0, k + 1);
          return itemFigures(prefix, RULE, prefix[prefix.length - 1]!.on);
        });
        const final = itemFigures(history, { ...RULE, days: laterDays }, addDays(lastDay, 400));
        for (const snap of snapshots) {
          for (const [i, stage] of snap.stages.entries()) {
            const now = final.stages[i]!;
            expect(now.openedOn).toBe(stage.openedOn);
            expect(now.level).toBe(stage.level);
            if (stage.answeredOn !== null || i < snap.stages.length - 1) {
              // An answered stage is history: its due date, whether it was on time and how late are fixed.
              expect({ ...now, clock: null, outcome: null }).toEqual({ ...stage, clock: null, outcome: null });
              if (stage.outcome) expect(now.outcome).toEqual(stage.outcome);
            }
          }
          if (snap.firstAnsweredOn !== null) {
            expect(final.answeredOnTime === null).toBe(false);
            expect(final.firstAnsweredOn).toBe(snap.firstAnsweredOn);
            expect(final.firstBusinessDaysToAnswer).toBe(snap.firstBusinessDaysToAnswer);
          }
          // A late answer stays late, whatever comes after.
          if (snap.answeredOnTime === false) expect(final.answeredOnTime).toBe(false);
          if (snap.disputed) expect(final.disputed).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the escalation case of the issue: a late first answer stays late after a dispute and an on-time answer at the next level', () => {
    const history: ClockEvent[] = [
      { type: 'received', on: '2026-11-02' },
      { type: 'paused', on: '2026-11-04', reason: '보완 요청' },
      { type: 'resumed', on: '2026-11-06' },
      { type: 'extended', on: '2026-11-10', days: 2, reason: '관계 부서 협의' },
      { type: 'answered', on: '2026-12-10', rule: RULE },
      { type: 'disputed', on: '2026-12-11', reason: '늦고 부실합니다' },
      { type: 'escalated', on: '2026-12-11' },
      { type: 'answered', on: '2026-12-14', rule: RULE },
    ];
    const f = itemFigures(history, RULE, '2026-12-20');
    expect(f.stages.map((s) => [s.level, s.openedOn, s.answeredOn, s.onTime])).toEqual([
      [0, '2026-11-02', '2026-12-10', false],
      [1, '2026-12-11', '2026-12-14', true],
    ]);
    // 14 business days + 2 paused + 2 extended from Mon 2 November 2026: Thu 26 November.
    expect(f.stages[0]!.dueOn).toBe('2026-11-26');
    expect(f.stages[0]!.businessDaysLate).toBe(10);
    expect(f.answeredOnTime).toBe(false);
    expect(f.firstAnsweredOn).toBe('2026-12-10');
    const stages = stagesOf(history);
    expect(stages[0]!.pauses).toEqual([{ from: '2026-11-04', to: '2026-11-06', reason: '보완 요청' }]);
    expect(stages[0]!.extension).toMatchObject({ days: 2, reason: '관계 부서 협의' });
  });
});
