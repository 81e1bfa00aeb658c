import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { Checker, failField, slugify } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { validYmd } from '../domain/eligibility.js';
import { startupsPolicy } from '../domain/policy.js';
import { FIELDS, PROGRAMME_DEPARTMENT, RULE_DATE_KINDS, RULE_KINDS, TEXT_KINDS, type RuleDateKind, type TextKind } from '../domain/vocabularies.js';
import { programmeDepartmentId } from '../store/organisations.js';
import { findDepartment } from '../store/organisations.js';
import { findRule, insertRule, insertRuleVersion, ruleSlugTaken, touchRule, versionsOf } from '../store/rule.repository.js';
import { ruleUrl, type RuleRow, type RuleVersionRow } from '../store/tables.js';

export interface VersionInput {
  effectiveOn: unknown;
  dateKind?: unknown;
  textKind: unknown;
  textKo: unknown;
  textEn?: unknown;
  changeKo?: unknown;
  changeEn?: unknown;
}
export interface RuleInput extends VersionInput {
  slug?: unknown;
  titleKo: unknown;
  titleEn: unknown;
  kind: unknown;
  department: unknown;
  sourceName: unknown;
  sourceUrl: unknown;
  tags: unknown;
}

/** The rule in the search index: both titles, the current text and the tags (searched in Korean and English). */
export async function indexRule(db: DbOrTx, rule: RuleRow) {
  const [current] = await versionsOf(db, [rule.id]);
  await indexDocument(db, {
    type: 'startup_rule',
    id: rule.id,
    url: ruleUrl(rule.slug),
    title: { ko: rule.title_ko, en: rule.title_en },
    summary: { ko: current?.text_ko.slice(0, 300) ?? null, en: current?.text_en?.slice(0, 300) ?? null },
    body: `${(JSON.parse(rule.tags) as string[]).join(' ')} ${rule.source_name} ${current?.text_ko ?? ''} ${current?.text_en ?? ''}`.slice(0, 5000),
  });
}

function checkVersion(c: Checker, input: VersionInput) {
  const effectiveOn = typeof input.effectiveOn === 'string' ? input.effectiveOn.trim() : '';
  if (!validYmd(effectiveOn)) c.add('effectiveOn', effectiveOn ? 'validation.date' : 'validation.required');
  return {
    effective_on: effectiveOn,
    date_kind:
      input.dateKind === undefined || input.dateKind === null || input.dateKind === ''
        ? 'effective'
        : c.oneOf<RuleDateKind>('dateKind', input.dateKind, RULE_DATE_KINDS),
    text_kind: c.oneOf<TextKind>('textKind', input.textKind, TEXT_KINDS),
    text_ko: c.text('textKo', input.textKo, { max: 20_000 }) ?? '',
    text_en: c.text('textEn', input.textEn, { max: 20_000, required: false }),
    change_ko: c.text('changeKo', input.changeKo, { max: 2000, required: false }),
    change_en: c.text('changeEn', input.changeEn, { max: 2000, required: false }),
  };
}

const tagsOf = (c: Checker, v: unknown) => {
  const list = (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map((s) => String(s).trim()).filter(Boolean);
  if (!list.length || list.some((t) => !(FIELDS as readonly string[]).includes(t))) c.add('tags', 'validation.choice');
  return [...new Set(list)];
};

/** A rule enters the library with its first version: official text or a summary (said so), source, link and department. */
export async function addRule(services: Services, actor: Actor, input: RuleInput): Promise<RuleRow> {
  const c = new Checker();
  const titleKo = c.text('titleKo', input.titleKo, { max: 300 }) ?? '';
  const titleEn = c.text('titleEn', input.titleEn, { max: 300 }) ?? '';
  const kind = c.oneOf('kind', input.kind, RULE_KINDS);
  const sourceName = c.text('sourceName', input.sourceName, { max: 200 }) ?? '';
  const sourceUrl = c.url('sourceUrl', input.sourceUrl);
  if (!sourceUrl) c.add('sourceUrl', 'validation.required');
  const tags = tagsOf(c, input.tags);
  const version = checkVersion(c, input);
  const departmentRef = typeof input.department === 'string' ? input.department : '';
  const department = departmentRef ? await findDepartment(services.db, departmentRef) : undefined;
  if (!department) c.add('department', 'validation.choice');
  c.done();
  assertAllowed(
    actor,
    startupsPolicy.canKeepRule(actor, { organisation_id: department!.id }, await programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT)),
    'add a rule',
  );
  const at = services.now().toISOString();
  return services.db.transaction().execute(async (tx) => {
    let slug = slugify(typeof input.slug === 'string' && input.slug ? input.slug : titleEn);
    if (slug === 'new' || (await ruleSlugTaken(tx, slug))) slug = `${slug}-${randomUUID().slice(0, 6)}`;
    const rule: RuleRow = {
      id: randomUUID(),
      slug,
      title_ko: titleKo,
      title_en: titleEn,
      kind,
      organisation_id: department!.id,
      source_name: sourceName,
      source_url: sourceUrl!,
      tags: JSON.stringify(tags),
      created_at: at,
      updated_at: at,
    };
    await insertRule(tx, rule);
    const v: RuleVersionRow = { id: randomUUID(), rule_id: rule.id, version: 1, ...version, created_by: actor.user?.id ?? null, created_at: at };
    await insertRuleVersion(tx, v);
    await indexRule(tx, rule);
    await recordAudit(tx, actor, { action: 'startups.add_rule', entityType: 'startups_rule', entityId: rule.id, after: { rule, version: v } });
    return rule;
  });
}

/** A new version of a rule (what changed, from when); versions only move forward in time. */
export async function addRuleVersion(services: Services, actor: Actor, input: VersionInput & { rule: string }): Promise<RuleVersionRow> {
  const rule = await findRule(services.db, input.rule);
  assertAllowed(actor, startupsPolicy.canKeepRule(actor, rule, await programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT)), 'change this rule');
  const c = new Checker();
  const version = checkVersion(c, input);
  if (!version.change_ko && !version.change_en) c.add('changeKo', 'validation.required');
  c.done();
  const at = services.now().toISOString();
  return services.db.transaction().execute(async (tx) => {
    const [latest] = await versionsOf(tx, [rule.id]);
    if (latest && version.effective_on < latest.effective_on) failField('effectiveOn', 'validation.range');
    const v: RuleVersionRow = {
      id: randomUUID(),
      rule_id: rule.id,
      version: (latest?.version ?? 0) + 1,
      ...version,
      created_by: actor.user?.id ?? null,
      created_at: at,
    };
    await insertRuleVersion(tx, v).catch(() => {
      throw new AppError('startups.version_conflict', 'Someone added a version at the same time; reload', 409);
    });
    await touchRule(tx, rule.id, at);
    await indexRule(tx, { ...rule, updated_at: at });
    await recordAudit(tx, actor, { action: 'startups.add_rule_version', entityType: 'startups_rule', entityId: rule.id, after: v });
    return v;
  });
}
