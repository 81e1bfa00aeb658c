import { pick } from '../../../core/pick.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { searchDocuments } from '../../../core/search/search-index.js';
import { describeSubject } from '../../accountability/index.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { diffTexts } from '../domain/rule-diff.js';
import { organisationsById } from '../store/organisations.js';
import { endorsementCounts, feedbackOn, findFeedback, findRule, listRules, versionsOf } from '../store/rule.repository.js';
import { FEEDBACK_SUBJECT, feedbackUrl, ruleUrl, type RuleRow, type RuleVersionRow } from '../store/tables.js';

const org = (o: { slug: string; name_ko: string | null; name_en: string | null } | undefined) => ({
  slug: o?.slug ?? '',
  name: { ko: o?.name_ko ?? null, en: o?.name_en ?? null },
});
/** A version with what changed in its text since the one before (null for the first version). */
const versionView = (v: RuleVersionRow, before: RuleVersionRow | undefined) => ({
  version: v.version,
  effectiveOn: v.effective_on,
  dateKind: v.date_kind,
  textKind: v.text_kind,
  text: { ko: v.text_ko, en: v.text_en },
  change: { ko: v.change_ko, en: v.change_en },
  textChanges: before ? { ko: diffTexts(before.text_ko, v.text_ko), en: diffTexts(before.text_en, v.text_en) } : null,
});

function ruleView(r: RuleRow, versions: RuleVersionRow[], department: Parameters<typeof org>[0]) {
  const own = versions.filter((v) => v.rule_id === r.id); // newest first
  const views = own.map((v, i) => versionView(v, own[i + 1]));
  return {
    id: r.id,
    slug: r.slug,
    url: ruleUrl(r.slug),
    title: { ko: r.title_ko, en: r.title_en },
    kind: r.kind,
    department: org(department),
    source: { name: r.source_name, url: r.source_url },
    tags: JSON.parse(r.tags) as string[],
    updatedAt: r.updated_at,
    current: views[0] ?? null,
    versions: views,
  };
}
export type RuleView = ReturnType<typeof ruleView>;

/** The library, searched in Korean and English (the platform's bigram index) and filtered by tag. */
export async function searchRules(db: DbOrTx, opts: { q?: string; tag?: string; kind?: string }) {
  const q = opts.q?.trim();
  const ids = q ? (await searchDocuments(db, q, { types: ['startup_rule'], limit: 500 })).hits.map((h) => h.id) : undefined;
  let rows = await listRules(db, ids);
  if (ids) rows = ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is RuleRow => r !== undefined);
  if (opts.tag) rows = rows.filter((r) => (JSON.parse(r.tags) as string[]).includes(opts.tag!));
  if (opts.kind) rows = rows.filter((r) => r.kind === opts.kind);
  const [versions, orgs] = await Promise.all([
    versionsOf(
      db,
      rows.map((r) => r.id),
    ),
    organisationsById(db, [...new Set(rows.map((r) => r.organisation_id))]),
  ]);
  return rows.map((r) => ruleView(r, versions, orgs.get(r.organisation_id)));
}

type FeedbackRowPlus = Awaited<ReturnType<typeof feedbackOn>>[number];
export async function feedbackViews(db: DbOrTx, rows: FeedbackRowPlus[], today: Ymd) {
  const counts = await endorsementCounts(
    db,
    rows.map((f) => f.id),
  );
  return Promise.all(
    rows.map(async (f) => {
      const panel = await describeSubject(db, FEEDBACK_SUBJECT, f.id, today);
      return {
        id: f.id,
        url: feedbackUrl(f.id),
        ruleId: f.rule_id,
        kind: f.kind,
        title: f.title,
        body: f.body,
        proposal: f.proposal,
        createdAt: f.created_at,
        startup: { slug: f.startup_slug, name: { ko: f.startup_name_ko, en: f.startup_name_en } },
        authorId: f.author_id,
        endorsements: counts.get(f.id) ?? 0,
        decision: f.decision,
        reviewBy: f.review_by,
        decidedAt: f.decided_at,
        answer: {
          itemId: panel?.item.id ?? null,
          state: panel?.item.state ?? null,
          receivedOn: panel?.item.received_on ?? null,
          dueOn: panel?.clock && panel.clock.kind !== 'paused' ? panel.clock.dueOn : null,
          overdue: panel?.clock?.kind === 'overdue',
          answeredOn: panel?.item.answered_on ?? null,
          answeredOnTime: panel?.item.answered_on_time == null ? null : panel.item.answered_on_time === 1,
          escalationLevel: panel?.item.escalation_level ?? 0,
          answers: (panel?.answers ?? []).map((a) => ({ decision: a.decision, reasons: a.reasons, nextSteps: a.next_steps, publishedAt: a.published_at })),
        },
        panel,
      };
    }),
  );
}
export type FeedbackView = Awaited<ReturnType<typeof feedbackViews>>[number];

/**
 * What the API publishes of a piece of feedback: every field named here, nothing else. The internal view also
 * carries `authorId` (who may not endorse it), `ruleId` and the accountability `panel` (the pages use them);
 * they are left out here, not by the response schema.
 */
export const publicFeedback = (v: FeedbackView) =>
  pick(v, ['id', 'url', 'kind', 'title', 'body', 'proposal', 'createdAt', 'startup', 'endorsements', 'decision', 'reviewBy', 'decidedAt', 'answer']);
export type PublicFeedback = ReturnType<typeof publicFeedback>;

export async function describeRule(db: DbOrTx, slug: string, today: Ymd) {
  const r = await findRule(db, slug);
  const [versions, orgs, feedback] = await Promise.all([versionsOf(db, [r.id]), organisationsById(db, [r.organisation_id]), feedbackOn(db, { ruleId: r.id })]);
  return { ...ruleView(r, versions, orgs.get(r.organisation_id)), organisationId: r.organisation_id, feedback: await feedbackViews(db, feedback, today) };
}

/** A rule as the API publishes it: without the department's internal id, with its feedback in public shape. */
export const publicRuleDetail = ({ organisationId: _organisationId, feedback, ...rule }: Awaited<ReturnType<typeof describeRule>>) => ({
  ...(rule satisfies RuleView),
  feedback: feedback.map(publicFeedback),
});

export async function describeFeedback(db: DbOrTx, id: string, today: Ymd) {
  const f = await findFeedback(db, id);
  const rule = await findRule(db, f.rule_id);
  const orgs = await organisationsById(db, [rule.organisation_id]);
  const [view] = await feedbackViews(db, [f], today);
  return {
    ...view!,
    rule: { slug: rule.slug, url: ruleUrl(rule.slug), title: { ko: rule.title_ko, en: rule.title_en }, department: org(orgs.get(rule.organisation_id)) },
  };
}

/** A piece of feedback as the API publishes it, with its rule. */
export const publicFeedbackDetail = (f: Awaited<ReturnType<typeof describeFeedback>>) => ({ ...publicFeedback(f), rule: f.rule });
