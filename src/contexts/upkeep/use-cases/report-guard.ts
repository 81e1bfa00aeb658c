import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { listRecentOpenReports } from '../store/report.repository.js';

/**
 * Spam checks on a citizen report, each a clear 4xx: a filled honeypot field (a field people never see), links
 * in the note of a report without an API key (an app's key is accountable and can be revoked: FixMyStreet-style
 * clients put the report's own address in the description), and the same text again (station, problem, facility
 * and note) within a day while the first is still open, which points at the report already received.
 */
const LINK = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|kr|io|ru|cn|xyz|top|info)\b)/i;
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function checkReportText(input: { note: string | null; honeypot?: unknown; allowLinks: boolean }) {
  if (typeof input.honeypot === 'string' && input.honeypot.trim() !== '') {
    throw new AppError('transit.report_spam', 'This report looks automated (a hidden field was filled in); it was not received', 400, [
      { field: 'website', code: 'spam.honeypot', message: 'Leave this field empty.' },
    ]);
  }
  if (!input.allowLinks && input.note && LINK.test(input.note)) {
    throw new AppError('transit.report_spam', 'note: links are not accepted in a report; describe the problem in words', 400, [
      { field: 'note', code: 'spam.link', message: 'Links are not accepted; describe the problem in words.' },
    ]);
  }
}

const normalise = (s: string | null) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

export async function checkDuplicate(db: DbOrTx, r: { stationId: string; problem: string; facilityId: string | null; note: string | null; at: Date }) {
  if (!normalise(r.note)) return; // a second person may report the same lift in a tap; repeated text is what spam looks like
  const since = new Date(r.at.getTime() - DUPLICATE_WINDOW_MS).toISOString();
  const open = await listRecentOpenReports(db, { stationId: r.stationId, problem: r.problem, since });
  const same = open.find((o) => (o.facility_id ?? null) === r.facilityId && normalise(o.note) === normalise(r.note));
  if (same) {
    throw new AppError('transit.report_duplicate', `The same report was received in the last 24 hours and is still open: /transit/reports/${same.id}`, 409, [
      { field: 'note', code: 'spam.duplicate', message: `Already reported: /transit/reports/${same.id}` },
    ]);
  }
}
