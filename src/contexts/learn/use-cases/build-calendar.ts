import ical, { ICalEventStatus } from 'ical-generator';
import type { Services } from '../../../core/context.js';
import { hmac, safeEqual } from '../../../core/auth/secrets.js';
import { AppError } from '../../../core/errors.js';
import { programmeUrl } from '../store/tables.js';

/**
 * iCalendar feeds of the sessions: every programme's, one programme's, or one person's (the programmes they are
 * registered or waiting for; waiting ones are TENTATIVE). A person's feed has a secret address: their id and an
 * HMAC of it under the platform secret, so a calendar app can subscribe without signing in.
 */
export const personalFeedToken = (secret: string, userId: string) => `${userId}.${hmac(secret, `learn-calendar:${userId}`).slice(0, 32)}`;

export function userFromFeedToken(secret: string, token: string): string {
  const dot = token.lastIndexOf('.');
  const userId = token.slice(0, dot);
  if (dot < 1 || !safeEqual(token, personalFeedToken(secret, userId))) throw new AppError('learn.calendar_token_invalid', 'This calendar address is not valid', 404);
  return userId;
}

export async function buildCalendar(services: Services, opts: { programmeId?: string; userId?: string; name: string }): Promise<string> {
  let q = services.db.selectFrom('learn_session as s').innerJoin('learn_programme as p', 'p.id', 's.programme_id')
    .innerJoin('accounts_organisation as o', 'o.id', 'p.organisation_id')
    .select(['s.id', 's.title_ko', 's.title_en', 's.starts_at', 's.ends_at', 's.position', 'p.id as programme_id', 'p.title_ko as p_title_ko', 'p.title_en as p_title_en',
      'p.summary_ko', 'p.place_ko', 'p.place_en', 'p.online', 'p.status', 'p.example', 'o.name_ko', 'o.name_en'])
    .where('p.status', '!=', 'cancelled');
  if (opts.programmeId) q = q.where('p.id', '=', opts.programmeId);
  const mine = new Map<string, string>();
  if (opts.userId) {
    const regs = await services.db.selectFrom('learn_registration').select(['programme_id', 'state']).where('user_id', '=', opts.userId).where('state', 'in', ['registered', 'waitlisted']).execute();
    for (const r of regs) mine.set(r.programme_id, r.state);
    q = mine.size ? q.where('p.id', 'in', [...mine.keys()]) : q.where('p.id', '=', '');
  }
  const rows = await q.orderBy('s.starts_at').limit(2000).execute();
  const base = services.config.publicUrl;
  const cal = ical({ name: opts.name, prodId: { company: 'Open Seoul', product: 'learn', language: 'KO' }, timezone: 'Asia/Seoul', ttl: 60 * 60 });
  for (const r of rows) {
    const url = `${base}${programmeUrl(r.programme_id)}`;
    cal.createEvent({
      id: `${r.id}@open-seoul.learn`,
      start: new Date(r.starts_at), end: new Date(r.ends_at), stamp: new Date(r.starts_at),
      summary: `${r.example ? '[예시] ' : ''}${r.p_title_ko} — ${r.title_ko}${r.p_title_en ? ` / ${r.p_title_en}` : ''}`,
      description: `${r.summary_ko}\n\n${r.name_ko ?? r.name_en ?? ''}\n${url}`,
      location: `${r.place_ko}${r.place_en ? ` / ${r.place_en}` : ''}${r.online ? ' (온라인 online)' : ''}`,
      url,
      status: mine.get(r.programme_id) === 'waitlisted' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
