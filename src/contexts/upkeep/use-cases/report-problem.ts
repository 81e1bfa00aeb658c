import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { announceArrivals, answerItem, AWAITING_ANSWER, findItemBySubject, itemPolicy, loadItem, receiveInput } from '../../accountability/index.js';
import { applyFacilityStatus, FACILITY_STATUSES, type FacilityStatus, findFacilityOfStation, findStationNames, routingFor } from '../../transit/index.js';
import { closeReport, findReport, insertReport } from '../store/report.repository.js';
import type { Attribute } from './change-ops.js';
import { checkDuplicate, checkReportText } from './report-guard.js';
import { FACILITY_STATUS_NAMES, PROBLEM_NAMES, PROBLEMS, STATUS_NAMES, type Problem } from './report-words.js';
import { stewardsOf } from './stewardship.js';

export { PROBLEMS, type Problem } from './report-words.js';
export const REPORT_KIND = 'transit.station_report';
export const REPORT_SUBJECT = 'transit_report';
/** Open311's limit for a description (GeoReport v2: free text up to 4,000 characters). */
export const NOTE_MAX = 4000;
export const REPORT_CHANNELS = ['web', 'api', 'open311'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Which steward answers: the operator for what it runs and keeps clear, the GIS division for the map and signs. */
const ANSWERED_BY: Record<Problem, Attribute> = {
  elevator_out: 'facility',
  escalator_out: 'facility',
  lift_out: 'facility',
  blocked_passage: 'facility',
  wrong_direction: 'instructions',
  map_error: 'geometry',
  other: 'geometry',
};

/**
 * A citizen reports a problem at a station in a few taps (signed in or not, from the form, an app with an API
 * key, or an Open311 client). It becomes an answerable item of the accountability engine for the responsible
 * steward organisation, whose members (the same people who review its proposals) answer it within business
 * days; they are told at once, by mail and in the app.
 */
export async function reportProblem(
  services: Services,
  actor: Actor,
  input: { stationId: string; problem: unknown; facilityId?: unknown; note?: unknown; honeypot?: unknown; channel?: ReportChannel },
) {
  const problem = input.problem as Problem;
  if (!PROBLEMS.includes(problem))
    throw new AppError('validation.failed', `problem: choose one of ${PROBLEMS.join(', ')}`, 400, [
      { field: 'problem', code: 'validation.choice', message: 'Choose one of the options.' },
    ]);
  const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim() : null;
  if (note && (note.length > NOTE_MAX || /<\s*\/?\s*script|javascript:/i.test(note)))
    throw new AppError('validation.failed', `note: at most ${NOTE_MAX} characters of plain text`, 400, [
      { field: 'note', code: 'validation.tooLong', message: `at most ${NOTE_MAX} characters of plain text` },
    ]);
  checkReportText({ note, honeypot: input.honeypot, allowLinks: actor.kind === 'api_key' });
  const station = await findStationNames(services.db, input.stationId);
  if (!station) throw notFound('station');
  const facilityId = typeof input.facilityId === 'string' && input.facilityId ? input.facilityId : null;
  if (facilityId) {
    const f = await findFacilityOfStation(services.db, facilityId, station.id);
    if (!f)
      throw new AppError('validation.failed', 'facilityId: not a facility of this station', 400, [
        { field: 'facilityId', code: 'validation.choice', message: 'not a facility of this station' },
      ]);
  }
  const steward = (await stewardsOf(services.db, station.id)).get(ANSWERED_BY[problem]);
  if (!steward) throw new AppError('transit.no_steward', 'No organisation is responsible for this at this station yet', 409);
  const at = services.now();
  await checkDuplicate(services.db, { stationId: station.id, problem, facilityId, note, at });
  const id = randomUUID();
  await services.db.transaction().execute(async (tx) => {
    await insertReport(tx, {
      id,
      station_id: station.id,
      problem,
      facility_id: facilityId,
      note,
      author_id: actor.user?.id ?? null,
      organisation_id: steward.organisationId,
      status: 'open',
      resolved_at: null,
      created_at: at.toISOString(),
      channel: input.channel ?? 'web',
    });
    await receiveInput(tx, {
      kindId: REPORT_KIND,
      subjectType: REPORT_SUBJECT,
      subjectId: id,
      title: `${station.name_ko ?? station.id}: ${PROBLEM_NAMES[problem].ko}`,
      url: `/transit/reports/${id}`,
      authorId: actor.user?.id ?? null,
      organisationId: steward.organisationId,
      receivedAt: at,
      answeredBy: 'members',
    });
    await recordAudit(tx, actor, {
      action: 'transit.report.create',
      entityType: 'transit_report',
      entityId: id,
      after: { stationId: station.id, problem, facilityId },
    });
  });
  await announceArrivals(services); // the steward organisation's members hear of it now, not a day before the due date
  return {
    id,
    stationId: station.id,
    problem,
    problemName: PROBLEM_NAMES[problem],
    facilityId,
    title: {
      ko: `${station.name_ko ?? station.id}: ${PROBLEM_NAMES[problem].ko}`,
      en: `${station.name_en ?? station.name_ko ?? station.id}: ${PROBLEM_NAMES[problem].en}`,
    },
    receivedAt: at.toISOString(),
    url: `/transit/reports/${id}`,
    organisation: { id: steward.organisationId, slug: steward.slug, nameKo: steward.nameKo, nameEn: steward.nameEn },
    status: 'open' as const,
    statusName: STATUS_NAMES.open,
  };
}

/**
 * A member of the steward organisation (any member: the one permission model of upkeep) answers a report: confirmed (optionally with the facility's new status, which routing uses at
 * once) or not confirmed, with reasons; the citizen is notified through the engine.
 */
export async function resolveReport(
  services: Services,
  actor: Actor,
  input: { reportId: string; confirmed: boolean; reasons: unknown; facilityStatus?: unknown },
) {
  const report = await findReport(services.db, input.reportId);
  if (!report) throw notFound('report');
  const ref = await findItemBySubject(services.db, REPORT_SUBJECT, report.id);
  if (!ref) throw notFound('report');
  const item = await loadItem(services.db, ref.id);
  assertAllowed(actor, itemPolicy.canAnswer(actor, item), 'answer this report');
  if (report.status !== 'open') throw new AppError('transit.report_closed', 'This report was already answered', 409);
  const status =
    input.facilityStatus === undefined || input.facilityStatus === null || input.facilityStatus === '' ? null : (input.facilityStatus as FacilityStatus);
  if (status !== null && !FACILITY_STATUSES.includes(status))
    throw new AppError('validation.failed', 'facilityStatus: not a status', 400, [
      { field: 'facilityStatus', code: 'validation.choice', message: 'Choose one of the options.' },
    ]);
  if (status !== null && (!input.confirmed || !report.facility_id))
    throw new AppError('validation.failed', 'facilityStatus: only for a confirmed report about a facility', 400, [
      { field: 'facilityStatus', code: 'validation.choice', message: 'only for a confirmed report about a facility' },
    ]);
  const reasons = typeof input.reasons === 'string' ? input.reasons.trim() : '';
  if (reasons.length < 2)
    throw new AppError('validation.failed', 'reasons: required', 400, [{ field: 'reasons', code: 'validation.required', message: 'This is required.' }]);
  // Everything the answer will check is checked first, so a status is never set without its answer.
  if (reasons.length > 5000)
    throw new AppError('validation.failed', 'reasons: at most 5000 characters', 400, [
      { field: 'reasons', code: 'validation.tooLong', message: 'at most 5000 characters' },
    ]);
  if (!AWAITING_ANSWER.includes(item.state)) throw new AppError('accountability.not_open', 'This report is not waiting for an answer', 409);
  const at = services.now().toISOString();
  if (status !== null) {
    await services.db
      .transaction()
      .execute((tx) =>
        applyFacilityStatus(
          tx,
          services,
          actor,
          { facilityId: report.facility_id!, status, reason: `시민 신고 확인: ${PROBLEM_NAMES[report.problem as Problem]?.ko ?? '신고'}` },
          at,
          'citizen_report',
        ),
      );
    routingFor(services).invalidateStation(report.station_id);
  }
  await answerItem(services, actor, {
    itemId: item.id,
    decision: input.confirmed
      ? status
        ? `${STATUS_NAMES.confirmed.ko}: ${FACILITY_STATUS_NAMES[status]?.ko ?? status}`
        : STATUS_NAMES.confirmed.ko
      : STATUS_NAMES.not_confirmed.ko,
    reasons,
    nextSteps: '',
    publish: true,
  });
  await closeReport(services.db, report.id, input.confirmed ? 'confirmed' : 'not_confirmed', at);
  return { id: report.id, status: input.confirmed ? 'confirmed' : 'not_confirmed', facilityStatus: status, resolvedAt: at };
}
