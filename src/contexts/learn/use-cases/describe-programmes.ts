import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { waitlistPlace } from '../domain/waitlist.js';
import { organisationsByIds } from '../../accounts/index.js';
import { findProgramme, findRegistration, listProgrammeRows, registrationCounts, sessionsOfProgrammes, waitingQueue } from '../store/programme.repository.js';
import { programmeUrl, type ProgrammeRow, type SessionRow } from '../store/tables.js';

export interface ProgrammeView {
  id: string;
  url: string;
  kind: ProgrammeRow['kind'];
  title: { ko: string; en: string | null };
  summary: { ko: string; en: string | null };
  audience: ProgrammeRow['audience'];
  level: ProgrammeRow['level'];
  place: { ko: string; en: string | null };
  online: boolean;
  capacity: number;
  registered: number;
  waitlisted: number;
  seatsLeft: number;
  sessionsRequired: number;
  materials: string;
  status: ProgrammeRow['status'];
  example: boolean;
  organisation: { id: string; slug: string; name: { ko: string | null; en: string | null } };
  sessions: Array<{ id: string; position: number; title: { ko: string; en: string | null }; startsAt: string; endsAt: string }>;
}

const sessionView = (s: SessionRow) => ({
  id: s.id,
  position: s.position,
  title: { ko: s.title_ko, en: s.title_en },
  startsAt: s.starts_at,
  endsAt: s.ends_at,
});

async function views(db: DbOrTx, rows: ProgrammeRow[]): Promise<ProgrammeView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [sessions, orgs, counts] = await Promise.all([
    sessionsOfProgrammes(db, ids),
    organisationsByIds(
      db,
      rows.map((r) => r.organisation_id),
    ),
    registrationCounts(db, ids),
  ]);
  return rows.map((p) => {
    const o = orgs.find((x) => x.id === p.organisation_id)!;
    const n = counts.get(p.id)!;
    return {
      id: p.id,
      url: programmeUrl(p.id),
      kind: p.kind,
      title: { ko: p.title_ko, en: p.title_en },
      summary: { ko: p.summary_ko, en: p.summary_en },
      audience: p.audience,
      level: p.level,
      place: { ko: p.place_ko, en: p.place_en },
      online: p.online === 1,
      capacity: p.capacity,
      registered: n.registered,
      waitlisted: n.waitlisted,
      seatsLeft: Math.max(0, p.capacity - p.seats_taken),
      sessionsRequired: p.sessions_required,
      materials: p.materials,
      status: p.status,
      example: p.example === 1,
      organisation: { id: o.id, slug: o.slug, name: { ko: o.name_ko, en: o.name_en } },
      sessions: sessions.filter((s) => s.programme_id === p.id).map(sessionView),
    };
  });
}

export async function describeProgramme(services: Services, id: string): Promise<ProgrammeView> {
  return (await views(services.db, [await findProgramme(services.db, id)]))[0]!;
}

/** Programmes with a session still to come first (soonest first), then past ones (latest first). */
export async function listProgrammes(
  services: Services,
  opts: { kind?: string; audience?: string; organisation?: string; organisedBy?: string[] } = {},
): Promise<ProgrammeView[]> {
  const rows = await listProgrammeRows(services.db, {
    kind: opts.kind as ProgrammeRow['kind'] | undefined,
    audience: opts.audience as ProgrammeRow['audience'] | undefined,
    organisation: opts.organisation,
    organisedBy: opts.organisedBy,
  });
  const all = await views(services.db, rows);
  const now = services.now().toISOString();
  const last = (v: ProgrammeView) => v.sessions.at(-1)?.endsAt ?? '';
  const first = (v: ProgrammeView) => v.sessions.find((s) => s.endsAt >= now)?.startsAt ?? v.sessions[0]?.startsAt ?? '';
  const upcoming = all.filter((v) => last(v) >= now).sort((a, b) => first(a).localeCompare(first(b)));
  const past = all.filter((v) => last(v) < now).sort((a, b) => last(b).localeCompare(last(a)));
  return [...upcoming, ...past];
}

/** The viewer's standing in a programme: registered, waiting (with their place), cancelled, or nothing. */
export async function myRegistration(services: Services, programmeId: string, userId: string | undefined) {
  if (!userId) return null;
  const r = await findRegistration(services.db, programmeId, userId);
  if (!r) return null;
  const place = r.state === 'waitlisted' ? waitlistPlace(r.queue_no, await waitingQueue(services.db, programmeId)) : null;
  return { id: r.id, state: r.state, place, promotedAt: r.promoted_at, createdAt: r.created_at };
}
