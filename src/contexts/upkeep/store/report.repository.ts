import type { DbOrTx } from '../../../core/db/database.js';
import type { ReportRow } from './tables.js';
import './tables.js';

/** Citizens' reports of station problems (`transit_report`). */

export const insertReport = (tx: DbOrTx, row: ReportRow) => tx.insertInto('transit_report').values(row).execute();

export const findReport = (db: DbOrTx, id: string) => db.selectFrom('transit_report').selectAll().where('id', '=', id).executeTakeFirst();

export const closeReport = (db: DbOrTx, id: string, status: string, resolvedAt: string) =>
  db.updateTable('transit_report').set({ status, resolved_at: resolvedAt }).where('id', '=', id).execute();

/** Open reports of the same problem at a station received since `since` (to refuse a duplicate). */
export const listRecentOpenReports = (db: DbOrTx, q: { stationId: string; problem: string; since: string }) =>
  db
    .selectFrom('transit_report')
    .select(['id', 'facility_id', 'note'])
    .where('station_id', '=', q.stationId)
    .where('problem', '=', q.problem)
    .where('status', '=', 'open')
    .where('created_at', '>=', q.since)
    .execute();

export interface ReportQuery {
  stationId?: string;
  organisationId?: string;
  ids?: string[];
  problems?: string[];
  status?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** Reports newest first (then by id), filtered. */
export function listReportRows(db: DbOrTx, f: ReportQuery) {
  let q = db
    .selectFrom('transit_report')
    .select(['id', 'station_id', 'problem', 'facility_id', 'note', 'status', 'created_at', 'resolved_at', 'channel', 'organisation_id']);
  if (f.stationId !== undefined) q = q.where('station_id', '=', f.stationId);
  if (f.organisationId !== undefined) q = q.where('organisation_id', '=', f.organisationId);
  if (f.ids) q = q.where('id', 'in', [...f.ids, '']);
  if (f.problems?.length) q = q.where('problem', 'in', f.problems);
  if (f.status === 'closed') q = q.where('status', '!=', 'open');
  else if (f.status) q = q.where('status', '=', f.status);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(f.limit).execute();
}

/** Every report's station, organisation, status and times (the coverage page). */
export const listAllReportMarks = (db: DbOrTx) =>
  db.selectFrom('transit_report').select(['station_id', 'organisation_id', 'status', 'created_at', 'resolved_at']).execute();
