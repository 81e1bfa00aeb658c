import type { Localized } from '../../../core/i18n/messages.js';

/**
 * A lesson is one Markdown file: a JSON header between "---" lines, then "=== ko" and "=== en" parts in the
 * strict Markdown subset of civic/domain/markdown.ts, where a line "[[exercise:ID]]" or "[[chart:ID]]" places an
 * exercise or a chart; then "=== exercises" and "=== charts" parts in JSON. Exercises are written once, with
 * both languages; their expected answers are queries on the lake, so no figure is typed by hand.
 */
export type L = { ko: string; en: string };
interface Base {
  id: string;
  prompt: L;
  hint: L;
}
export type Exercise =
  | (Base & { kind: 'number'; expectedSql: string; tolerance?: number })
  | (Base & { kind: 'text'; accepted: string[] })
  | (Base & { kind: 'choice'; choices: Array<{ id: string; label: L }>; answer: string })
  | (Base & { kind: 'sql'; expectedSql: string; ordered?: boolean; starter?: string });
export interface Chart {
  id: string;
  title: L;
  sql: string;
  axis?: 'zero' | 'cut';
  unit?: string;
  description: L;
}
export type Block = { type: 'markdown'; text: string } | { type: 'exercise'; id: string } | { type: 'chart'; id: string };
export interface LessonMeta {
  slug: string;
  position: number;
  level: string;
  title: L;
  summary: L;
  datasets: string[];
}
export interface Lesson {
  meta: LessonMeta;
  blocks: { ko: Block[]; en: Block[] };
  exercises: Exercise[];
  charts: Chart[];
}

const MARKER = /^\[\[(exercise|chart):([a-z0-9-]+)\]\]\s*$/;

function blocks(text: string): Block[] {
  const out: Block[] = [];
  let md: string[] = [];
  const flush = () => {
    if (md.join('').trim()) out.push({ type: 'markdown', text: md.join('\n').trim() });
    md = [];
  };
  for (const line of text.split('\n')) {
    const m = MARKER.exec(line.trim());
    if (m) {
      flush();
      out.push({ type: m[1] as 'exercise' | 'chart', id: m[2]! });
    } else md.push(line);
  }
  flush();
  return out;
}

export function parseLesson(source: string): Lesson {
  const text = source.replace(/\r\n?/g, '\n');
  const header = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!header) throw new Error('A lesson starts with a JSON header between --- lines');
  const meta = JSON.parse(header[1]!) as LessonMeta;
  const parts: Record<string, string> = {};
  let current = '';
  for (const line of text.slice(header[0].length).split('\n')) {
    const h = /^=== (ko|en|exercises|charts)\s*$/.exec(line);
    if (h) {
      current = h[1]!;
      parts[current] = '';
      continue;
    }
    if (current) parts[current] += `${line}\n`;
  }
  if (!parts.ko || !parts.en) throw new Error(`Lesson ${meta.slug}: a "=== ko" and a "=== en" part are required`);
  const lesson: Lesson = {
    meta,
    blocks: { ko: blocks(parts.ko), en: blocks(parts.en) },
    exercises: parts.exercises?.trim() ? (JSON.parse(parts.exercises) as Exercise[]) : [],
    charts: parts.charts?.trim() ? (JSON.parse(parts.charts) as Chart[]) : [],
  };
  for (const lang of ['ko', 'en'] as const) {
    for (const b of lesson.blocks[lang]) {
      if (b.type === 'exercise' && !lesson.exercises.some((e) => e.id === b.id)) throw new Error(`Lesson ${meta.slug}: unknown exercise ${b.id} (${lang})`);
      if (b.type === 'chart' && !lesson.charts.some((c) => c.id === b.id)) throw new Error(`Lesson ${meta.slug}: unknown chart ${b.id} (${lang})`);
    }
    for (const e of lesson.exercises) {
      if (!lesson.blocks[lang].some((b) => b.type === 'exercise' && b.id === e.id))
        throw new Error(`Lesson ${meta.slug}: exercise ${e.id} is not placed in the ${lang} text`);
    }
  }
  return lesson;
}

export const pick = (l: L, locale: 'ko' | 'en'): string => l[locale] || l.ko;
export const toLocalized = (l: L): Localized => ({ ko: l.ko, en: l.en });
