import type { DbOrTx } from '../../../../core/db/database.js';
import { findOrganisation } from '../../../accounts/index.js';
import type { DatasetInput } from '../../use-cases/create-dataset.js';
import { TOPICS } from '../../domain/catalogue.js';
import { EU_FREQUENCY, langOf } from '../vocabularies.js';
import { invalid, type Params } from './params.js';

/**
 * A CKAN package dict (as package_create and package_patch receive it, from ckanapi or a harvester) read into
 * our catalogue fields. Only the keys present are returned, so a patch changes nothing else. The mapping is the
 * inverse of ckanPackage (package.ts): name → id, title / title_translated, notes / notes_translated, owner_org,
 * tags → keywords, groups → topics, license_id, url → source, maintainer(_email) → contact, and the extras we
 * write ourselves (temporal_start, temporal_end, spatial_text, attribution). Keys we do not keep are refused by
 * name rather than dropped in silence.
 */
/** Keys read here, and keys read by the action itself (id, resources) or that describe what CKAN computes. */
const KNOWN = new Set([
  'name',
  'title',
  'notes',
  'owner_org',
  'license_id',
  'url',
  'maintainer',
  'maintainer_email',
  'tags',
  'groups',
  'extras',
  'title_translated',
  'notes_translated',
  'id',
  'type',
  'state',
  'private',
  'resources',
  'author',
  'author_email',
  'version',
]);
const EXTRAS: Record<string, keyof DatasetInput> = {
  temporal_start: 'temporalStart',
  temporal_end: 'temporalEnd',
  spatial_text: 'spatial',
  attribution: 'attribution',
  frequency: 'frequency',
};

const names = (value: unknown, field: string): string[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, 'Must be a list of {"name": …}');
  return value.map((v) => {
    const name = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? (v as { name?: unknown }).name : undefined;
    if (typeof name !== 'string' || !name.trim()) throw invalid(field, 'Each item needs a name');
    return name.trim();
  });
};

const translated = (value: unknown, field: string): { ko?: string; en?: string } => {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(field, 'Must be an object such as {"ko": …, "en": …}');
  const v = value as Record<string, unknown>;
  return { ...(typeof v.ko === 'string' ? { ko: v.ko } : {}), ...(typeof v.en === 'string' ? { en: v.en } : {}) };
};

/** Free text goes to the Korean field when it has Hangul, else to the English one (the same rule langOf uses for DCAT). */
const byLanguage = (text: string | undefined, pair: { ko?: string; en?: string }) => {
  const out = { ...pair };
  if (text !== undefined && out.ko === undefined && out.en === undefined) out[langOf(text) === 'ko' ? 'ko' : 'en'] = text;
  return out;
};

export async function packageInput(db: DbOrTx, p: Params): Promise<Partial<DatasetInput>> {
  for (const key of Object.keys(p)) {
    if (!KNOWN.has(key)) throw invalid(key, 'Not a field this catalogue keeps');
  }
  if (p.private === true || p.private === 'true') throw invalid('private', 'Private datasets are not made through the CKAN API here; use the publisher pages');
  if (p.type !== undefined && p.type !== 'dataset') throw invalid('type', 'Only "dataset" is kept');
  const out: Partial<DatasetInput> = {};
  if (p.name !== undefined) out.id = p.name;
  const title = byLanguage(typeof p.title === 'string' ? p.title : undefined, translated(p.title_translated, 'title_translated'));
  if (title.ko !== undefined) out.titleKo = title.ko;
  if (title.en !== undefined) out.titleEn = title.en;
  const notes = byLanguage(typeof p.notes === 'string' ? p.notes : undefined, translated(p.notes_translated, 'notes_translated'));
  if (notes.ko !== undefined) out.descriptionKo = notes.ko;
  if (notes.en !== undefined) out.descriptionEn = notes.en;
  if (p.owner_org !== undefined) {
    const org = typeof p.owner_org === 'string' ? await findOrganisation(db, p.owner_org) : undefined;
    if (!org) throw invalid('owner_org', 'Organization does not exist');
    out.publisherId = org.id;
  }
  if (p.tags !== undefined) out.keywords = names(p.tags, 'tags');
  if (p.groups !== undefined) {
    const groups = names(p.groups, 'groups');
    const unknown = groups.filter((g) => !(g in TOPICS));
    if (unknown.length) throw invalid('groups', `Unknown group(s): ${unknown.join(', ')}; see group_list`);
    out.topics = groups;
  }
  if (p.license_id !== undefined) out.licence = p.license_id;
  if (p.url !== undefined) out.sourceUrl = p.url === '' ? null : p.url;
  if (p.maintainer !== undefined) out.contactName = p.maintainer;
  if (p.maintainer_email !== undefined) out.contactEmail = p.maintainer_email;
  if (p.extras !== undefined) {
    if (!Array.isArray(p.extras)) throw invalid('extras', 'Must be a list of {"key": …, "value": …}');
    for (const e of p.extras as Array<{ key?: unknown; value?: unknown }>) {
      const field = typeof e?.key === 'string' ? EXTRAS[e.key] : undefined;
      if (!field) throw invalid('extras', `Extra "${String(e?.key)}" is not kept; use ${Object.keys(EXTRAS).join(', ')}`);
      const freq = field === 'frequency' ? Object.entries(EU_FREQUENCY).find(([, uri]) => uri === e.value)?.[0] : undefined;
      (out as Record<string, unknown>)[field] = freq ?? e.value;
    }
  }
  return out;
}
