import type { DbOrTx } from '../../../core/db/database.js';
import type { Localized } from '../../../core/i18n/messages.js';
import { organisationsByIds, userDisplayNames } from '../../accounts/index.js';
import { AWAITING_ANSWER, currentClocks, findItemsBySubjects, type ItemState } from '../../accountability/index.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { datasetSummaries } from '../../data/index.js';
import { priorityScore, type PriorityPart } from '../domain/priority.js';
import { publicState, publicationOverdue, type PublicState } from '../domain/public-state.js';
import { SEOUL_DISTRICTS, SUPPORTER_GROUPS, type DeclineReason, type Decision, type UseType } from '../domain/vocabularies.js';
import { findRequest, listRequestRows, loadRubric, supportsOf } from '../store/request.repository.js';
import { SUBJECT_TYPE, requestUrl, type DataRequestRow } from '../store/tables.js';

export interface OrganisationRef {
  id: string;
  slug: string;
  name: Localized;
}

export interface DataRequestView {
  id: string;
  url: string;
  title: string;
  why: string;
  useType: UseType;
  useDescription: string;
  requester: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  suggestedOrganisation: OrganisationRef | null;
  department: OrganisationRef;
  state: PublicState;
  answer: {
    itemId: string | null;
    itemState: ItemState | null;
    dueOn: string | null;
    overdue: boolean;
    answeredOn: string | null;
    answeredOnTime: boolean | null;
  };
  decision: {
    type: Decision;
    publishBy: string | null;
    partialWhat: string | null;
    declineReason: DeclineReason | null;
    declineText: string | null;
    decidedAt: string | null;
  } | null;
  publicationOverdue: boolean;
  dataset: { id: string; title: Localized; url: string; reason: string | null } | null;
  publishedAt: string | null;
  dispute: { at: string; reason: string } | null;
  support: {
    supporters: number;
    distinctDistricts: number;
    distinctGroups: number;
    districts: Array<{ id: string; count: number }>;
    groups: Array<{ id: string; count: number }>;
  };
  priority: { score: number; feasibility: number | null; reuse: number | null; assessedAt: string | null; parts: PriorityPart[] };
}

const tally = (values: string[], order: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return order.filter((id) => counts.has(id)).map((id) => ({ id, count: counts.get(id)! }));
};

/** Everything public about a set of requests, computed in a handful of queries whatever their number. */
export async function describeRows(db: DbOrTx, rows: DataRequestRow[], today: Ymd): Promise<DataRequestView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [rubric, supports, items, orgs, users, datasets] = await Promise.all([
    loadRubric(db),
    supportsOf(db, ids),
    findItemsBySubjects(db, SUBJECT_TYPE, ids),
    organisationsByIds(
      db,
      rows.flatMap((r) => [r.organisation_id, r.suggested_organisation_id ?? r.organisation_id]),
    ),
    userDisplayNames(
      db,
      rows.map((r) => r.author_id),
    ),
    datasetSummaries(db, [...new Set(rows.flatMap((r) => (r.dataset_id ? [r.dataset_id] : [])))]),
  ]);
  const clocks = await currentClocks(db, items, today);
  const org = (id: string): OrganisationRef => {
    const o = orgs.find((x) => x.id === id);
    return { id, slug: o?.slug ?? id, name: { ko: o?.name_ko ?? null, en: o?.name_en ?? null } };
  };
  return rows.map((r) => {
    const item = items.find((i) => i.subject_id === r.id);
    const waiting = item !== undefined && AWAITING_ANSWER.includes(item.state);
    const clock = item ? (clocks.get(item.id) ?? null) : null;
    const mine = supports.filter((s) => s.request_id === r.id);
    const districts = tally(
      mine.map((s) => s.district),
      SEOUL_DISTRICTS.map((d) => d.id),
    );
    const groups = tally(
      mine.map((s) => s.supporter_group),
      SUPPORTER_GROUPS,
    );
    const { score, parts } = priorityScore(rubric, {
      supporters: mine.length,
      districts: districts.length,
      groups: groups.length,
      feasibility: r.feasibility,
      reuse: r.reuse_potential,
    });
    const dataset = r.dataset_id ? datasets.find((d) => d.id === r.dataset_id) : undefined;
    return {
      id: r.id,
      url: requestUrl(r.id),
      title: r.title,
      why: r.why,
      useType: r.use_type,
      useDescription: r.use_description,
      requester: { id: r.author_id, displayName: users.get(r.author_id) ?? '' },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      suggestedOrganisation: r.suggested_organisation_id ? org(r.suggested_organisation_id) : null,
      department: org(r.organisation_id),
      state: publicState({
        datasetId: r.dataset_id,
        decision: r.decision,
        awaitingAnswer: waiting,
        overdue: clock?.kind === 'overdue',
        disputed: r.disputed_at !== null,
      }),
      answer: {
        itemId: item?.id ?? null,
        itemState: item?.state ?? null,
        dueOn: clock && clock.kind !== 'paused' ? clock.dueOn : null,
        overdue: clock?.kind === 'overdue',
        answeredOn: item?.answered_on ?? null,
        answeredOnTime: item?.answered_on_time === null || item?.answered_on_time === undefined ? null : item.answered_on_time === 1,
      },
      decision: r.decision
        ? {
            type: r.decision,
            publishBy: r.publish_by,
            partialWhat: r.partial_what,
            declineReason: r.decline_reason,
            declineText: r.decline_text,
            decidedAt: r.decided_at,
          }
        : null,
      publicationOverdue: publicationOverdue({ decision: r.decision, publishBy: r.publish_by, datasetId: r.dataset_id }, today),
      dataset: r.dataset_id
        ? {
            id: r.dataset_id,
            title: { ko: dataset?.title_ko ?? null, en: dataset?.title_en ?? null },
            url: `/data/datasets/${r.dataset_id}`,
            reason: r.link_reason,
          }
        : null,
      publishedAt: r.published_at,
      dispute: r.disputed_at ? { at: r.disputed_at, reason: r.dispute_reason ?? '' } : null,
      support: { supporters: mine.length, distinctDistricts: districts.length, distinctGroups: groups.length, districts, groups },
      priority: { score, feasibility: r.feasibility, reuse: r.reuse_potential, assessedAt: r.assessed_at, parts },
    };
  });
}

export async function describeDataRequest(db: DbOrTx, id: string, today: Ymd): Promise<DataRequestView> {
  const [view] = await describeRows(db, [await findRequest(db, id)], today);
  return view!;
}

export const describeAllRequests = async (db: DbOrTx, today: Ymd, opts: { organisationId?: string; ids?: string[] } = {}) =>
  describeRows(db, await listRequestRows(db, opts), today);

/**
 * A request as the public API shows it: the requester by display name only (the page uses their id to know whether
 * the reader is the requester; the API never gives it out). Dropped here on purpose, not by the response schema.
 */
export const publicRequestView = (v: DataRequestView) => ({ ...v, requester: { displayName: v.requester.displayName } });
