import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { callSlugTaken, insertCall } from '../store/call.repository.js';
import { Checker, slugify } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { validYmd } from '../domain/eligibility.js';
import { startupsPolicy } from '../domain/policy.js';
import { AGE_BANDS, CALL_KINDS, FIELDS, PROGRAMME_DEPARTMENT, type AgeBand, type CallKind } from '../domain/vocabularies.js';
import { programmeDepartmentId } from '../store/organisations.js';
import type { CallRow } from '../store/tables.js';

export interface OpenCallInput {
  kind: unknown;
  slug?: unknown;
  titleKo: unknown;
  titleEn: unknown;
  summaryKo: unknown;
  summaryEn: unknown;
  location?: unknown;
  url?: unknown;
  startsOn?: unknown;
  endsOn?: unknown;
  opensOn: unknown;
  applyBy: unknown;
  eligibilityKo: unknown;
  eligibilityEn: unknown;
  coversKo?: unknown;
  coversEn?: unknown;
  howKo?: unknown;
  howEn?: unknown;
  membersOnly?: unknown;
  maxAgeBand?: unknown;
  seats?: unknown;
  fields?: unknown;
  example?: boolean;
}

/**
 * The programme opens a call: for the consultative body (kind body) or an opportunity (conference,
 * exhibition, roadshow, incentive, programme) with its dates, deadline, eligibility, what the city covers
 * and how to apply. Bilingual throughout.
 */
export async function openCall(services: Services, actor: Actor, input: OpenCallInput): Promise<CallRow> {
  assertAllowed(actor, startupsPolicy.canRunProgramme(actor, await programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT)), 'open a call');
  const c = new Checker();
  const kind = c.oneOf<CallKind>('kind', input.kind, CALL_KINDS);
  const t = (field: string, v: unknown, max: number, required = true) => c.text(field, v, { max, required });
  const date = (field: string, v: unknown, required: boolean) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (!s) {
      if (required) c.add(field, 'validation.required');
      return null;
    }
    if (!validYmd(s)) c.add(field, 'validation.date');
    return s;
  };
  const row = {
    title_ko: t('titleKo', input.titleKo, 200) ?? '',
    title_en: t('titleEn', input.titleEn, 200) ?? '',
    summary_ko: t('summaryKo', input.summaryKo, 3000) ?? '',
    summary_en: t('summaryEn', input.summaryEn, 3000) ?? '',
    location: t('location', input.location, 200, false),
    url: c.url('url', input.url),
    starts_on: date('startsOn', input.startsOn, false),
    ends_on: date('endsOn', input.endsOn, false),
    opens_on: date('opensOn', input.opensOn, true) ?? '',
    apply_by: date('applyBy', input.applyBy, true) ?? '',
    eligibility_ko: t('eligibilityKo', input.eligibilityKo, 3000) ?? '',
    eligibility_en: t('eligibilityEn', input.eligibilityEn, 3000) ?? '',
    covers_ko: t('coversKo', input.coversKo, 2000, false),
    covers_en: t('coversEn', input.coversEn, 2000, false),
    how_ko: t('howKo', input.howKo, 2000, false),
    how_en: t('howEn', input.howEn, 2000, false),
  };
  if (row.opens_on && row.apply_by && row.apply_by < row.opens_on) c.add('applyBy', 'validation.range');
  if (row.starts_on && row.ends_on && row.ends_on < row.starts_on) c.add('endsOn', 'validation.range');
  const maxAgeBand =
    input.maxAgeBand === undefined || input.maxAgeBand === null || input.maxAgeBand === '' ? null : c.oneOf<AgeBand>('maxAgeBand', input.maxAgeBand, AGE_BANDS);
  const seatsRaw = input.seats === undefined || input.seats === null || input.seats === '' ? null : Number(input.seats);
  if (seatsRaw !== null && (!Number.isInteger(seatsRaw) || seatsRaw < 1 || seatsRaw > 1000)) c.add('seats', 'validation.range');
  const fieldList = (Array.isArray(input.fields) ? input.fields : typeof input.fields === 'string' ? input.fields.split(',') : [])
    .map((f) => String(f).trim())
    .filter(Boolean);
  if (fieldList.some((f) => !(FIELDS as readonly string[]).includes(f))) c.add('fields', 'validation.choice');
  const membersOnly = input.membersOnly === true || input.membersOnly === 'true' || input.membersOnly === '1' || input.membersOnly === 'on';
  c.done();
  const at = services.now().toISOString();
  return services.db.transaction().execute(async (tx) => {
    let slug = slugify(typeof input.slug === 'string' && input.slug ? input.slug : row.title_en);
    if (slug === 'new' || (await callSlugTaken(tx, slug))) slug = `${slug}-${randomUUID().slice(0, 6)}`;
    const call: CallRow = {
      id: randomUUID(),
      slug,
      kind,
      ...row,
      members_only: membersOnly ? 1 : 0,
      max_age_band: maxAgeBand,
      seats: seatsRaw,
      fields: JSON.stringify([...new Set(fieldList)]),
      results_published_at: null,
      example: input.example ? 1 : 0,
      created_by: actor.user?.id ?? null,
      created_at: at,
      updated_at: at,
    };
    await insertCall(tx, call);
    await recordAudit(tx, actor, { action: 'startups.open_call', entityType: 'startups_call', entityId: call.id, after: call });
    return call;
  });
}
