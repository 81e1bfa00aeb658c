import type { Checker } from '../../../core/validation/checker.js';
import { AGE_BANDS, FIELDS, STAGES, type AgeBand, type Field, type Stage } from './vocabularies.js';

export interface ProfileInput {
  nameKo?: unknown;
  nameEn?: unknown;
  whatKo?: unknown;
  whatEn?: unknown;
  field: unknown;
  stage: unknown;
  teamSize: unknown;
  foundersAgeBand: unknown;
  foundedYear?: unknown;
  website?: unknown;
  contactName?: unknown;
  contactEmail: unknown;
  contactPhone?: unknown;
  references?: unknown;
  teamEn?: unknown;
  tractionEn?: unknown;
  askEn?: unknown;
  contactNameEn?: unknown;
}

export interface ProfileFields {
  name_ko: string | null;
  name_en: string | null;
  what_ko: string | null;
  what_en: string | null;
  field: Field;
  stage: Stage;
  team_size: number;
  founders_age_band: AgeBand;
  founded_year: number | null;
  website: string | null;
  contact_name: string | null;
  contact_email: string;
  contact_phone: string | null;
  references_text: string | null;
  /** The booklet's English: team, traction, what the startup seeks, the contact's name in roman letters. */
  team_en: string | null;
  traction_en: string | null;
  ask_en: string | null;
  contact_name_en: string | null;
}

const int = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

/**
 * A bilingual profile: a name and what the startup makes in at least one language each (the English
 * booklet wants English, so a profile without it is shown with the Korean), field, stage, team size,
 * the founders' age band and a contact email; every problem at once.
 */
export function checkProfile(c: Checker, input: ProfileInput, thisYear: number): ProfileFields {
  const name_ko = c.text('nameKo', input.nameKo, { max: 120, required: false });
  const name_en = c.text('nameEn', input.nameEn, { max: 120, required: false });
  if (!name_ko && !name_en) c.add('nameKo', 'validation.nameOneLanguage');
  const what_ko = c.text('whatKo', input.whatKo, { max: 2000, required: false });
  const what_en = c.text('whatEn', input.whatEn, { max: 2000, required: false });
  if (!what_ko && !what_en) c.add('whatKo', 'validation.required');
  const field = c.oneOf<Field>('field', input.field, FIELDS);
  const stage = c.oneOf<Stage>('stage', input.stage, STAGES);
  const team_size = int(input.teamSize);
  if (!Number.isInteger(team_size) || team_size < 1 || team_size > 10_000) c.add('teamSize', 'validation.range');
  const founders_age_band = c.oneOf<AgeBand>('foundersAgeBand', input.foundersAgeBand, AGE_BANDS);
  const yearText = input.foundedYear === undefined || input.foundedYear === null || input.foundedYear === '' ? null : int(input.foundedYear);
  if (yearText !== null && (!Number.isInteger(yearText) || yearText < 1990 || yearText > thisYear)) c.add('foundedYear', 'validation.range');
  const website = c.url('website', input.website);
  const contact_name = c.text('contactName', input.contactName, { max: 120, required: false });
  const contact_email = c.email('contactEmail', input.contactEmail);
  const contact_phone = c.text('contactPhone', input.contactPhone, { max: 40, required: false });
  const references_text = c.text('references', input.references, { max: 3000, required: false });
  // The booklet's English (optional here: what is missing is listed for the founder as a publishing error).
  const team_en = c.text('teamEn', input.teamEn, { max: 600, required: false });
  const traction_en = c.text('tractionEn', input.tractionEn, { max: 600, required: false });
  const ask_en = c.text('askEn', input.askEn, { max: 600, required: false });
  const contact_name_en = c.text('contactNameEn', input.contactNameEn, { max: 120, required: false });
  if (contact_name_en && !/^[\p{Script=Latin}\p{M}\s.'’-]+$/u.test(contact_name_en)) c.add('contactNameEn', 'validation.romanised');
  return {
    name_ko,
    name_en,
    what_ko,
    what_en,
    field,
    stage,
    team_size,
    founders_age_band,
    founded_year: yearText,
    website,
    contact_name,
    contact_email,
    contact_phone,
    references_text,
    team_en,
    traction_en,
    ask_en,
    contact_name_en,
  };
}
