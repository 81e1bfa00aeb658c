import type { DbOrTx } from '../../../core/db/database.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { PUBLIC_STATES, type PublicState } from '../domain/public-state.js';
import { DECLINE_REASONS, type DeclineReason } from '../domain/vocabularies.js';
import { describeAllRequests, type DataRequestView, type OrganisationRef } from './describe-data-requests.js';

export interface DemandCounts {
  received: number;
  states: Record<PublicState, number>;
  /** Of the requests answered at least once: on time or late (by the engine's due date). */
  answeredOnTime: number;
  answeredLate: number;
  declinedBy: Record<DeclineReason, number>;
  /** "Will publish by" dates that passed without a dataset. */
  publicationOverdue: number;
}

function count(views: DataRequestView[]): DemandCounts {
  const states = Object.fromEntries(PUBLIC_STATES.map((s) => [s, views.filter((v) => v.state === s).length])) as Record<PublicState, number>;
  const declinedBy = Object.fromEntries(
    DECLINE_REASONS.map((r) => [r, views.filter((v) => v.state === 'declined' && v.decision?.declineReason === r).length]),
  ) as Record<DeclineReason, number>;
  return {
    received: views.length,
    states,
    answeredOnTime: views.filter((v) => v.answer.answeredOnTime === true).length,
    answeredLate: views.filter((v) => v.answer.answeredOnTime === false).length,
    declinedBy,
    publicationOverdue: views.filter((v) => v.publicationOverdue).length,
  };
}

/** The public dashboard: requests by state, responsiveness, reasons for declining, and the same per department. */
export async function buildDemandDashboard(db: DbOrTx, today: Ymd) {
  const views = await describeAllRequests(db, today);
  const departments = new Map<string, { department: OrganisationRef; views: DataRequestView[] }>();
  for (const v of views) {
    const entry = departments.get(v.department.id) ?? { department: v.department, views: [] };
    entry.views.push(v);
    departments.set(v.department.id, entry);
  }
  return {
    today,
    ...count(views),
    byDepartment: [...departments.values()]
      .map((d) => ({ department: d.department, ...count(d.views) }))
      .sort((a, b) => b.received - a.received || a.department.slug.localeCompare(b.department.slug)),
  };
}

export type DemandDashboard = Awaited<ReturnType<typeof buildDemandDashboard>>;
