import { ICalEventStatus } from 'ical-generator';
import type { Services } from '../../../core/context.js';
import { hmac, safeEqual } from '../../../core/auth/secrets.js';
import { markedExample, seoulTimeRange, utcCalendar } from '../../../core/calendar/ical.js';
import { AppError } from '../../../core/errors.js';
import type { RegistrationState } from '../domain/vocabularies.js';
import { organisationsByIds } from '../../accounts/index.js';
import { calendarSessions } from '../store/programme.repository.js';
import { registrationsOfUser } from '../store/registration.repository.js';
import { programmeUrl } from '../store/tables.js';

/**
 * iCalendar feeds of the sessions: every programme's, one programme's, one session's, or one person's (the
 * programmes they registered for, wait for, or left: waiting ones are TENTATIVE, left or cancelled ones
 * CANCELLED). A person's feed has a secret address: their id and an HMAC of it under the platform secret, so
 * a calendar app can subscribe without signing in.
 *
 * Times are UTC (`…Z`); DTSTAMP is when the file was made; UIDs are the session ids; SEQUENCE is the
 * programme's calendar sequence (raised on cancelling or reopening) plus, in a person's feed, their
 * registration's (raised when their standing changes), so apps replace what they hold.
 */
export const personalFeedToken = (secret: string, userId: string) => `${userId}.${hmac(secret, `learn-calendar:${userId}`).slice(0, 32)}`;

export function userFromFeedToken(secret: string, token: string): string {
  const dot = token.lastIndexOf('.');
  const userId = token.slice(0, dot);
  if (dot < 1 || !safeEqual(token, personalFeedToken(secret, userId)))
    throw new AppError('learn.calendar_token_invalid', 'This calendar address is not valid', 404);
  return userId;
}

export const sessionUid = (sessionId: string) => `${sessionId}@open-seoul.learn`;

export async function buildCalendar(services: Services, opts: { programmeId?: string; sessionId?: string; userId?: string; name: string }): Promise<string> {
  const mine = new Map<string, { state: RegistrationState; sequence: number }>();
  if (opts.userId) {
    for (const r of await registrationsOfUser(services.db, opts.userId)) mine.set(r.programme_id, { state: r.state, sequence: Number(r.calendar_sequence) });
  }
  const rows = await calendarSessions(services.db, {
    programmeId: opts.programmeId,
    sessionId: opts.sessionId,
    ...(opts.userId ? { programmeIds: [...mine.keys()] } : {}),
  });
  const orgs = new Map((await organisationsByIds(services.db, [...new Set(rows.map((r) => r.organisation_id))])).map((o) => [o.id, o]));
  const base = services.config.publicUrl;
  const cal = utcCalendar({ name: opts.name, product: 'learn' });
  const stamp = services.now();
  for (const r of rows) {
    const url = `${base}${programmeUrl(r.programme_id)}`;
    const reg = mine.get(r.programme_id);
    const cancelled = r.status === 'cancelled' || reg?.state === 'cancelled';
    const place = `${r.place_ko}${r.place_en ? ` / ${r.place_en}` : ''}${r.online ? ' (온라인 online)' : ''}`;
    cal.createEvent({
      id: sessionUid(r.id),
      sequence: Number(r.calendar_sequence) + (reg?.sequence ?? 0),
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
      stamp,
      created: new Date(r.created_at),
      lastModified: new Date(r.updated_at),
      summary: `${markedExample(`${r.p_title_ko} — ${r.title_ko}`, r.example === 1)}${r.p_title_en ? ` / ${r.p_title_en}` : ''}`,
      description: `${seoulTimeRange('ko', r.starts_at, r.ends_at)} / ${seoulTimeRange('en', r.starts_at, r.ends_at)}\n${place}\n\n${r.summary_ko}\n\n${orgs.get(r.organisation_id)?.name_ko ?? orgs.get(r.organisation_id)?.name_en ?? ''}\n${url}`,
      location: place,
      url,
      status: cancelled ? ICalEventStatus.CANCELLED : reg?.state === 'waitlisted' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** One person's calendar file for one programme: what goes with their registration, waitlist and promotion mails. */
export async function programmeIcsFor(services: Services, programmeId: string, userId: string, title: string) {
  const content = await buildCalendar(services, { programmeId, userId, name: title });
  return { filename: 'open-seoul-learn.ics', content, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
}
