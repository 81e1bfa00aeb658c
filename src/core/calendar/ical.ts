import ical, { type ICalCalendar } from 'ical-generator';
import type { Locale } from '../i18n/messages.js';

/**
 * Calendars the platform publishes. Every time is written in UTC (`…Z`), so each calendar app puts an event
 * at the same instant whatever the machine's or the reader's zone (a 14:00 Seoul session is `050000Z`); the
 * calendar says it belongs to Asia/Seoul (X-WR-TIMEZONE) for apps that show a calendar in its own zone.
 * ical-generator with a calendar time zone and native Dates writes the server's local wall clock as floating
 * time, which is how sessions ended up 9 hours early: do not set one.
 */
export function utcCalendar(opts: { name: string; product: string; ttlSeconds?: number }): ICalCalendar {
  const cal = ical({ name: opts.name, prodId: { company: 'Open Seoul', product: opts.product, language: 'KO' }, ttl: opts.ttlSeconds ?? 60 * 60 });
  cal.x([['X-WR-TIMEZONE', 'Asia/Seoul']]);
  return cal;
}

const fmt = (locale: Locale, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', hour12: false, ...opts });

/** "2026년 12월 10일 (목) 14:00–16:00 (서울 시간)" / "Thu 10 December 2026, 14:00–16:00 Seoul time (UTC+9)". */
export function seoulTimeRange(locale: Locale, startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const parts = (d: Date) =>
    Object.fromEntries(
      fmt(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
  const dayOf = (d: Date) => {
    const p = parts(d);
    return locale === 'ko' ? `${p.year}년 ${p.month} ${p.day}일 (${p.weekday})` : `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  };
  const hm = (d: Date) => fmt(locale, { hour: '2-digit', minute: '2-digit' }).format(d);
  const endText = dayOf(start) === dayOf(end) ? hm(end) : `${dayOf(end)} ${hm(end)}`;
  return locale === 'ko' ? `${dayOf(start)} ${hm(start)}–${endText} (서울 시간)` : `${dayOf(start)}, ${hm(start)}–${endText} Seoul time (UTC+9)`;
}

const googleStamp = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** An "add to Google Calendar" address for one event (UTC times, so it lands at the right hour). */
export function googleCalendarLink(e: { title: string; startIso: string; endIso: string; location?: string; details?: string }): string {
  const q = new URLSearchParams({ action: 'TEMPLATE', text: e.title, dates: `${googleStamp(e.startIso)}/${googleStamp(e.endIso)}`, ctz: 'Asia/Seoul' });
  if (e.location) q.set('location', e.location);
  if (e.details) q.set('details', e.details);
  return `https://calendar.google.com/calendar/render?${q.toString()}`;
}

/** The title of an example, marked once: seeded titles already start with "[예시]" / "[Example]". */
export function markedExample(title: string, example: boolean, locale: Locale = 'ko'): string {
  if (!example) return title;
  const mark = locale === 'ko' ? '[예시]' : '[Example]';
  return /^\s*\[(예시|example)\]/i.test(title) ? title : `${mark} ${title}`;
}
