import type { Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { isOpen } from '../domain/eligibility.js';
import { startupsPolicy } from '../domain/policy.js';
import { AGE_BANDS, OPPORTUNITY_KINDS, PROGRAMME_DEPARTMENT, type AgeBand, type CallKind, type Field } from '../domain/vocabularies.js';
import { applicationsOf, bodyMembers, findCall, listCalls, listCouncilCompanies, listMeetings } from '../store/call.repository.js';
import { profilesOfOrganisations } from '../store/profile.repository.js';
import { programmeDepartmentId } from '../store/organisations.js';
import { callUrl, type CallRow } from '../store/tables.js';

type Application = Awaited<ReturnType<typeof applicationsOf>>[number];

/**
 * A call with its applications as this actor may see them: the programme's officials see all; a startup's
 * members see their own; everyone sees who was selected once results are out (always, for the body).
 */
export function callView(call: CallRow, applications: Application[], today: string, see: { all: boolean; own: (organisationProfileId: string) => boolean }) {
  const published = call.kind === 'body' || call.results_published_at !== null;
  const visible = applications.filter((a) => see.all || see.own(a.profile_id) || (published && a.state === 'selected'));
  return {
    id: call.id,
    slug: call.slug,
    kind: call.kind,
    url: callUrl(call),
    title: { ko: call.title_ko, en: call.title_en },
    summary: { ko: call.summary_ko, en: call.summary_en },
    location: call.location,
    link: call.url,
    startsOn: call.starts_on,
    endsOn: call.ends_on,
    opensOn: call.opens_on,
    applyBy: call.apply_by,
    open: isOpen(call, today),
    eligibility: { ko: call.eligibility_ko, en: call.eligibility_en },
    covers: { ko: call.covers_ko, en: call.covers_en },
    how: { ko: call.how_ko, en: call.how_en },
    membersOnly: call.members_only === 1,
    maxAgeBand: call.max_age_band,
    seats: call.seats,
    resultsPublishedAt: call.results_published_at,
    example: call.example === 1,
    applicationCount: applications.length,
    fields: JSON.parse(call.fields) as Field[],
    applications: visible.map((a) => ({
      id: a.id,
      startup: { slug: a.slug, name: { ko: a.name_ko, en: a.name_en } },
      state: see.all || see.own(a.profile_id) || published ? a.state : ('submitted' as const),
      motivation: see.all || see.own(a.profile_id) ? a.motivation : null,
      reason: see.all || see.own(a.profile_id) || published ? a.decision_reason : null,
      createdAt: a.created_at,
      decidedAt: a.decided_at,
    })),
  };
}
export type CallView = ReturnType<typeof callView>;

async function seer(db: DbOrTx, actor: Actor) {
  const all = startupsPolicy.canRunProgramme(actor, await programmeDepartmentId(db, PROGRAMME_DEPARTMENT));
  const mine = new Set((await profilesOfOrganisations(db, actor.user?.memberships.map((m) => m.organisationId) ?? [])).map((r) => r.id));
  return { all, own: (id: string) => mine.has(id) };
}

/** What the catalogue of opportunities and support schemes is filtered by. */
export interface CallFilter {
  kind?: CallKind;
  field?: Field;
  ageBand?: AgeBand;
  open?: boolean;
}

/** A call matches a filter: its kind, a field it is for (or any field), an age band it admits, open today. */
export function matchesFilter(call: CallRow, filter: CallFilter, today: string) {
  const fields = JSON.parse(call.fields) as string[];
  return (
    (!filter.kind || call.kind === filter.kind) &&
    (!filter.field || fields.length === 0 || fields.includes(filter.field)) &&
    (!filter.ageBand || !call.max_age_band || AGE_BANDS.indexOf(filter.ageBand) <= AGE_BANDS.indexOf(call.max_age_band)) &&
    (!filter.open || isOpen(call, today))
  );
}

export async function describeCalls(db: DbOrTx, actor: Actor, kind: 'body' | 'opportunity', today: string, filter: CallFilter = {}) {
  const calls = (await listCalls(db, kind === 'body' ? ['body'] : OPPORTUNITY_KINDS)).filter((c) => matchesFilter(c, filter, today));
  const [applications, see] = await Promise.all([
    applicationsOf(
      db,
      calls.map((c) => c.id),
    ),
    seer(db, actor),
  ]);
  return calls.map((c) =>
    callView(
      c,
      applications.filter((a) => a.call_id === c.id),
      today,
      see,
    ),
  );
}

export async function describeCall(db: DbOrTx, actor: Actor, slug: string, kind: 'body' | 'opportunity', today: string) {
  const call = await findCall(db, slug, kind);
  const [applications, see] = await Promise.all([applicationsOf(db, [call.id]), seer(db, actor)]);
  return callView(call, applications, today, see);
}

/** The consultative body: its members, the council it partners with, and its meetings. */
export async function describeBody(db: DbOrTx) {
  const [members, council, meetings] = await Promise.all([bodyMembers(db), listCouncilCompanies(db), listMeetings(db)]);
  return {
    members: members.map((m) => ({
      slug: m.slug,
      url: `/startups/${m.slug}`,
      name: { ko: m.name_ko, en: m.name_en },
      field: m.field,
      since: m.decided_at?.slice(0, 10) ?? null,
    })),
    council: council.map((c) => ({ id: c.id, name: { ko: c.name_ko, en: c.name_en }, field: c.field, website: c.website, example: c.example === 1 })),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.held_on,
      title: { ko: m.title_ko, en: m.title_en },
      minutes: { ko: m.minutes_ko, en: m.minutes_en },
    })),
  };
}
