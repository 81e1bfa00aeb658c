import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { currentClocks, findItemsBySubjects, publishedAnswersOf } from '../../accountability/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { findOrganisationBySlug, organisationNamesById } from '../../accounts/index.js';
import { facilityNames, stationExists, stationPlaces } from '../../transit/index.js';
import { listReportRows } from '../store/report.repository.js';
import { REPORT_SUBJECT } from './report-problem.js';
import { FACILITY_STATUS_NAMES, PROBLEM_NAMES, STATUS_NAMES, type Problem, type ReportStatus, type Words } from './report-words.js';

export interface ReportFilter {
  stationId?: string;
  organisationSlug?: string;
  ids?: string[];
  problems?: string[];
  /** open, or closed (answered either way), or one status. */
  status?: 'open' | 'closed' | ReportStatus;
  /** ISO instants, received at or after / before. */
  from?: string;
  to?: string;
  limit?: number;
}

export interface ReportClock {
  state: 'running' | 'overdue' | 'paused';
  dueOn: string | null;
  businessDaysLeft: number | null;
  businessDaysLate: number | null;
}

export interface ReportView {
  id: string;
  url: string;
  title: Words;
  problem: Problem;
  problemName: Words;
  station: { id: string; name: Words; lat: number | null; lon: number | null };
  facility: { id: string; type: string; name: string | null; location: string | null; status: string; statusName: Words } | null;
  note: string | null;
  status: ReportStatus;
  statusName: Words;
  organisation: { id: string; slug: string; name: Words };
  receivedAt: string;
  resolvedAt: string | null;
  channel: string;
  /** The answer clock while the report waits (due date in business days, from the accountability engine). */
  clock: ReportClock | null;
  answeredOnTime: boolean | null;
  answer: { decision: string; reasons: string; publishedAt: string | null } | null;
}

const MAX = 1000;
const named = (ko: string | null, en: string | null, fallback: string): Words => ({ ko: ko ?? en ?? fallback, en: en ?? ko ?? fallback });

/** The public list of reports (per station, per operator, or by id), newest first, each with its clock and its answer. */
export async function listReports(services: Services, filter: ReportFilter): Promise<ReportView[]> {
  const db = services.db;
  if (filter.stationId !== undefined && !(await stationExists(db, filter.stationId))) throw notFound('station');
  let organisationId: string | undefined;
  if (filter.organisationSlug !== undefined) {
    const org = await findOrganisationBySlug(db, filter.organisationSlug);
    if (!org) throw notFound('organisation');
    organisationId = org.id;
  }
  const limit = filter.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX) throw new AppError('validation.failed', `limit: 1 to ${MAX}`, 400);
  const reports = await listReportRows(db, {
    stationId: filter.stationId,
    organisationId,
    ids: filter.ids,
    problems: filter.problems,
    status: filter.status,
    from: filter.from,
    to: filter.to,
    limit,
  });
  // Names of the stations, operators and facilities from their contexts' read models, one query each for the page.
  const [stations, orgs, facilities] = await Promise.all([
    stationPlaces(
      db,
      reports.map((r) => r.station_id),
    ),
    organisationNamesById(
      db,
      reports.map((r) => r.organisation_id),
    ),
    facilityNames(
      db,
      reports.flatMap((r) => (r.facility_id ? [r.facility_id] : [])),
    ),
  ]);
  const rows = reports.flatMap((r) => {
    const s = stations.get(r.station_id);
    const o = orgs.get(r.organisation_id);
    const f = r.facility_id ? facilities.get(r.facility_id) : undefined;
    if (!s || !o) return [];
    return [
      {
        ...r,
        station_ko: s.name_ko,
        station_en: s.name_en,
        lat: s.lat,
        lon: s.lon,
        slug: o.slug,
        org_ko: o.name_ko,
        org_en: o.name_en,
        f_type: f?.type ?? null,
        f_name: f?.name ?? null,
        f_location: f?.location ?? null,
        f_status: f?.status ?? null,
      },
    ];
  });
  const items = await findItemsBySubjects(
    db,
    REPORT_SUBJECT,
    rows.map((r) => r.id),
  );
  const itemOf = new Map(items.map((i) => [i.subject_id, i]));
  const [clocks, answers] = await Promise.all([
    currentClocks(db, items, kstDate(services.now())),
    publishedAnswersOf(
      db,
      items.map((i) => i.id),
    ),
  ]);
  return rows.map((r): ReportView => {
    const item = itemOf.get(r.id);
    const clock = item ? (clocks.get(item.id) ?? null) : null;
    const answer = item ? answers.filter((a) => a.item_id === item.id).at(-1) : undefined;
    const problem = r.problem as Problem;
    const station = named(r.station_ko, r.station_en, r.station_id);
    const problemName = PROBLEM_NAMES[problem] ?? PROBLEM_NAMES.other;
    return {
      id: r.id,
      url: `/transit/reports/${r.id}`,
      problem,
      problemName,
      title: { ko: `${station.ko}: ${problemName.ko}`, en: `${station.en}: ${problemName.en}` },
      station: { id: r.station_id, name: station, lat: r.lat, lon: r.lon },
      facility:
        r.facility_id && r.f_type
          ? {
              id: r.facility_id,
              type: r.f_type,
              name: r.f_name,
              location: r.f_location,
              status: r.f_status ?? 'unknown',
              statusName: FACILITY_STATUS_NAMES[r.f_status ?? 'unknown'] ?? FACILITY_STATUS_NAMES.unknown!,
            }
          : null,
      note: r.note,
      status: r.status as ReportStatus,
      statusName: STATUS_NAMES[r.status as ReportStatus] ?? STATUS_NAMES.open,
      organisation: { id: r.organisation_id, slug: r.slug, name: named(r.org_ko, r.org_en, r.slug) },
      receivedAt: r.created_at,
      resolvedAt: r.resolved_at,
      channel: r.channel,
      clock: clock
        ? {
            state: clock.kind,
            dueOn: clock.kind === 'paused' ? null : clock.dueOn,
            businessDaysLeft: clock.kind === 'running' ? clock.businessDaysLeft : null,
            businessDaysLate: clock.kind === 'overdue' ? clock.businessDaysLate : null,
          }
        : null,
      answeredOnTime:
        item?.answered_on_time === null || item?.answered_on_time === undefined
          ? null
          : item.answered_on_time === 1 || (item.answered_on_time as unknown) === true,
      answer: answer ? { decision: answer.decision, reasons: answer.reasons, publishedAt: answer.published_at } : null,
    };
  });
}
