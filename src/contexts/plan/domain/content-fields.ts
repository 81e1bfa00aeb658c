/**
 * The plan's editable content: for each kind of entity, the fields officials and admins may change, how each
 * is checked, and the column it is kept in. Bilingual texts are pairs (`titleKo`/`titleEn`); a pair marked
 * `oneOf` must keep at least one language.
 */
export const CONTENT_ENTITIES = ['commitment', 'milestone', 'organisation', 'committee_member', 'meeting'] as const;
export type ContentEntity = (typeof CONTENT_ENTITIES)[number];

export type FieldKind = 'line' | 'text' | 'weight' | 'date' | 'sector' | 'subgroup';
export interface ContentField {
  /** The name in the API and forms (camelCase; `Ko`/`En` ends a bilingual half). */
  name: string;
  column: string;
  kind: FieldKind;
  max: number;
  /** The language of a bilingual half; absent for fields in no language (weight, dates) or free names. */
  lang?: 'ko' | 'en';
  /** Bilingual pairs that may not lose both languages, and single fields that may not be empty. */
  required?: boolean;
}

const pair = (base: string, column: string, kind: 'line' | 'text', max: number, required = false): ContentField[] => [
  { name: `${base}Ko`, column: `${column}_ko`, kind, max, lang: 'ko', required },
  { name: `${base}En`, column: `${column}_en`, kind, max, lang: 'en', required },
];

export const CONTENT_FIELDS: Record<ContentEntity, ContentField[]> = {
  commitment: [
    ...pair('title', 'title', 'line', 300, true),
    ...pair('outline', 'outline', 'text', 5000),
    ...pair('objectives', 'objectives', 'text', 10_000),
    ...pair('statusQuo', 'status_quo', 'text', 10_000),
    ...pair('description', 'description', 'text', 10_000),
  ],
  milestone: [
    ...pair('title', 'title', 'line', 500, true),
    ...pair('activities', 'activities', 'text', 10_000),
    { name: 'weight', column: 'weight', kind: 'weight', max: 100 },
  ],
  organisation: pair('name', 'name', 'line', 120, true),
  committee_member: [
    { name: 'name', column: 'name', kind: 'line', max: 100, required: true },
    ...pair('affiliation', 'affiliation', 'line', 200),
    { name: 'sector', column: 'sector', kind: 'sector', max: 20, required: true },
    { name: 'subgroup', column: 'commitment_id', kind: 'subgroup', max: 100 },
  ],
  meeting: [
    { name: 'heldOn', column: 'held_on', kind: 'date', max: 10, required: true },
    ...pair('title', 'title', 'line', 200, true),
    { name: 'place', column: 'place', kind: 'line', max: 200 },
    ...pair('agenda', 'agenda', 'text', 10_000),
    ...pair('minutes', 'minutes', 'text', 50_000),
    { name: 'subgroup', column: 'commitment_id', kind: 'subgroup', max: 100 },
  ],
};

export const isContentEntity = (v: unknown): v is ContentEntity => typeof v === 'string' && (CONTENT_ENTITIES as readonly string[]).includes(v);

/** The other half of a bilingual pair (`titleKo` ↔ `titleEn`), if the field is one. */
export const otherHalf = (entity: ContentEntity, f: ContentField) =>
  f.lang ? CONTENT_FIELDS[entity].find((g) => g.name === `${f.name.slice(0, -2)}${f.lang === 'ko' ? 'En' : 'Ko'}`) : undefined;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const validDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
