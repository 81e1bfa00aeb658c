import type { Services } from '../../../core/context.js';
import { translator, type Message } from '../../../core/i18n/messages.js';
import type { BenchMeasure, BenchRecord } from '../domain/bench-record.js';
import { goalStatus, MEASURES, type MeasureGoal } from '../domain/performance-measures.js';
import { performanceMessages } from '../performance.messages.js';
import { loadBenchRecord } from '../store/bench-record.file.js';

type Key = Extract<keyof typeof performanceMessages, string>;
const ko = translator(performanceMessages, 'ko');
const en = translator(performanceMessages, 'en');
/** The same words in both languages, for the API (the page picks one). */
const words = (key: Key, vars?: Record<string, string | number>): Message => ({ ko: ko(key, vars), en: en(key, vars) });

export type MeasureStatus = 'met' | 'not_met' | 'no_goal' | 'not_measured';

export interface MeasureFigure {
  name: string;
  what: Message;
  peer: Message;
  goal: (MeasureGoal & { words: Message }) | null;
  measured: Omit<BenchMeasure, 'name'> | null;
  status: MeasureStatus;
  /** Why the figure is unknown, in words; null when it was measured. */
  unknownBecause: Message | null;
}

export interface PerformanceFigures {
  record: 'present' | 'missing' | 'unreadable';
  /** In words when there is no usable record. */
  notice: Message | null;
  startedAt: string | null;
  measuredAt: string | null;
  ageDays: number | null;
  stale: boolean | null;
  staleAfterDays: number;
  /** "measured N days ago", or that it is older than the limit. */
  age: Message | null;
  commit: (BenchRecord['commit'] & { note: Message | null }) | null;
  machine: BenchRecord['machine'] | null;
  conditions: (BenchRecord['conditions'] & { words: Message }) | null;
  settings: BenchRecord['settings'] | null;
  /** In words when the machine was not said to be quiet: met / not met are then provisional. */
  provisional: Message | null;
  measures: MeasureFigure[];
  /** Lines in the record this page has no words or goal for. */
  others: BenchMeasure[];
}

const DAY_MS = 86_400_000;

function goalWords(goal: MeasureGoal): Message {
  return words(`perf.goal.${goal.on}.${goal.op}`, { target: goal.target });
}

/** The latest bench record, each known measure beside its goal, and every unknown said in words. */
export async function readPerformanceFigures(services: Services): Promise<PerformanceFigures> {
  const { benchRecordFile, benchRecordStaleDays } = services.config;
  const loaded = await loadBenchRecord(benchRecordFile);
  const record = loaded.status === 'present' ? loaded.record : null;
  const byName = new Map((record?.measures ?? []).map((m) => [m.name, m]));

  const measures = Object.entries(MEASURES).map(([name, def]): MeasureFigure => {
    const line = byName.get(name);
    const goal = def.goal ? { ...def.goal, words: goalWords(def.goal) } : null;
    if (!line) {
      const ran = record && (record.settings.groups === null || record.settings.groups.includes(def.group));
      const unknownBecause = !record
        ? words('perf.why.no_record')
        : ran
          ? words('perf.why.not_in_record')
          : words('perf.why.group_not_run', { group: def.group });
      return { name, what: def.what, peer: def.peer, goal, measured: null, status: 'not_measured', unknownBecause };
    }
    const { name: _, ...measured } = line;
    return { name, what: def.what, peer: def.peer, goal, measured, status: goalStatus(def.goal, line), unknownBecause: null };
  });

  if (!record) {
    const notice =
      loaded.status === 'unreadable'
        ? {
            ko: ko('perf.unreadable', { problem: ko(`perf.unreadableProblem.${loaded.problem}`) }),
            en: en('perf.unreadable', { problem: en(`perf.unreadableProblem.${loaded.problem}`) }),
          }
        : words('perf.missing');
    return {
      record: loaded.status as 'missing' | 'unreadable',
      notice,
      startedAt: null,
      measuredAt: null,
      ageDays: null,
      stale: null,
      staleAfterDays: benchRecordStaleDays,
      age: null,
      provisional: null,
      commit: null,
      machine: null,
      conditions: null,
      settings: null,
      measures,
      others: [],
    };
  }

  const ageDays = Math.max(0, Math.floor((services.now().getTime() - Date.parse(record.finishedAt)) / DAY_MS));
  const stale = ageDays > benchRecordStaleDays;
  const commitNote = record.commit.sha === null ? words('perf.commitUnknown') : record.commit.dirty ? words('perf.commitDirty') : null;
  return {
    record: 'present',
    notice: null,
    startedAt: record.startedAt,
    measuredAt: record.finishedAt,
    ageDays,
    stale,
    staleAfterDays: benchRecordStaleDays,
    age: stale
      ? words('perf.stale', { days: ageDays, limit: benchRecordStaleDays })
      : ageDays === 0
        ? words('perf.today')
        : words('perf.fresh', { days: ageDays }),
    provisional: record.conditions.machine === 'quiet' ? null : words('perf.provisional'),
    commit: { ...record.commit, note: commitNote },
    machine: record.machine,
    conditions: { ...record.conditions, words: words(`perf.cond.${record.conditions.machine}`) },
    settings: record.settings,
    measures,
    others: record.measures.filter((m) => !Object.hasOwn(MEASURES, m.name)),
  };
}
