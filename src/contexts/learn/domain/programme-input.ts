import { Checker } from '../../../core/validation/checker.js';
import { AUDIENCES, LEVELS, PROGRAMME_KINDS, type Audience, type Level, type ProgrammeKind } from './vocabularies.js';

export interface SessionInput {
  titleKo?: unknown;
  titleEn?: unknown;
  startsAt?: unknown;
  endsAt?: unknown;
}
export interface ProgrammeInput {
  kind: unknown;
  titleKo: unknown;
  titleEn?: unknown;
  summaryKo: unknown;
  summaryEn?: unknown;
  audience: unknown;
  level: unknown;
  placeKo: unknown;
  placeEn?: unknown;
  online?: unknown;
  capacity: unknown;
  sessionsRequired?: unknown;
  materials?: unknown;
  organisation: unknown;
  sessions: SessionInput[];
}
export interface CheckedProgramme {
  kind: ProgrammeKind;
  titleKo: string;
  titleEn: string | null;
  summaryKo: string;
  summaryEn: string | null;
  audience: Audience;
  level: Level;
  placeKo: string;
  placeEn: string | null;
  online: boolean;
  capacity: number;
  sessionsRequired: number;
  materials: string;
  organisation: string;
  sessions: Array<{ titleKo: string; titleEn: string | null; startsAt: string; endsAt: string }>;
}

const instant = (v: unknown) => {
  if (typeof v !== 'string' || !v.trim()) return null;
  // "2026-12-05T14:00" from a form is Seoul time; a full ISO instant is taken as given.
  const s = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v.trim()) ? `${v.trim()}:00+09:00` : v.trim();
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
const int = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

/** Checks a new programme field by field; sessions are numbered in the order given and must not end before they start. */
export function checkProgramme(input: ProgrammeInput): CheckedProgramme {
  const c = new Checker();
  const kind = c.oneOf('kind', input.kind, PROGRAMME_KINDS);
  const titleKo = c.text('titleKo', input.titleKo, { max: 200 }) ?? '';
  const titleEn = c.text('titleEn', input.titleEn, { max: 200, required: false });
  const summaryKo = c.text('summaryKo', input.summaryKo, { max: 4000 }) ?? '';
  const summaryEn = c.text('summaryEn', input.summaryEn, { max: 4000, required: false });
  const audience = c.oneOf('audience', input.audience, AUDIENCES);
  const level = c.oneOf('level', input.level, LEVELS);
  const placeKo = c.text('placeKo', input.placeKo, { max: 300 }) ?? '';
  const placeEn = c.text('placeEn', input.placeEn, { max: 300, required: false });
  const materials = c.text('materials', input.materials, { max: 12000, required: false }) ?? '';
  const organisation = c.text('organisation', input.organisation, { max: 100 }) ?? '';
  const capacity = int(input.capacity);
  if (!Number.isInteger(capacity)) c.add('capacity', 'validation.number');
  else if (capacity < 1 || capacity > 10000) c.add('capacity', 'validation.range');
  const sessions: CheckedProgramme['sessions'] = [];
  const given = input.sessions.filter((s) => [s.startsAt, s.endsAt, s.titleKo].some((v) => typeof v === 'string' && v.trim()));
  if (!given.length) c.add('sessions.0.startsAt', 'validation.required');
  given.forEach((s, i) => {
    const field = `sessions.${i}`;
    const startsAt = instant(s.startsAt);
    const endsAt = instant(s.endsAt);
    if (!startsAt || !endsAt) {
      c.add(`${field}.startsAt`, 'validation.date');
      return;
    }
    if (endsAt <= startsAt) {
      c.add(`${field}.endsAt`, 'validation.dateOrder');
      return;
    }
    const titleKo = c.text(`${field}.titleKo`, s.titleKo, { max: 200, required: false }) ?? `${i + 1}회차`;
    sessions.push({ titleKo, titleEn: c.text(`${field}.titleEn`, s.titleEn, { max: 200, required: false }) ?? `Session ${i + 1}`, startsAt, endsAt });
  });
  const requiredRaw = input.sessionsRequired === undefined || input.sessionsRequired === '' ? sessions.length : int(input.sessionsRequired);
  if (!Number.isInteger(requiredRaw)) c.add('sessionsRequired', 'validation.number');
  else if (sessions.length && (requiredRaw < 1 || requiredRaw > sessions.length)) c.add('sessionsRequired', 'validation.range');
  c.done();
  return {
    kind,
    titleKo,
    titleEn,
    summaryKo,
    summaryEn,
    audience,
    level,
    placeKo,
    placeEn,
    online: input.online === true || input.online === '1' || input.online === 'true',
    capacity,
    sessionsRequired: requiredRaw,
    materials,
    organisation,
    sessions: sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  };
}
