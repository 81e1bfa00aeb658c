import { FREQUENCIES, LICENCES, TOPICS, type FrequencyId, type LicenceId, type TopicId } from '../domain/catalogue.js';
import type { FieldType } from '../domain/table-schema.js';

/**
 * Our catalogue vocabularies mapped to the ones harvesters expect: the EU Publications Office authority
 * tables that DCAT-AP 3 recommends (data themes, frequencies, file types, languages), IANA media types,
 * GeoNames for Seoul, and CKAN DataStore column types.
 */
const EU = 'http://publications.europa.eu/resource/authority';

export const EU_THEME: Record<TopicId, string> = {
  transport: `${EU}/data-theme/TRAN`,
  environment: `${EU}/data-theme/ENVI`,
  welfare: `${EU}/data-theme/SOCI`,
  economy: `${EU}/data-theme/ECON`,
  safety: `${EU}/data-theme/JUST`,
  health: `${EU}/data-theme/HEAL`,
  culture: `${EU}/data-theme/EDUC`,
  urban: `${EU}/data-theme/REGI`,
  administration: `${EU}/data-theme/GOVE`,
};
export const EU_THEME_SCHEME = `${EU}/data-theme`;

export const EU_FREQUENCY: Record<FrequencyId, string> = {
  continuous: `${EU}/frequency/CONT`,
  daily: `${EU}/frequency/DAILY`,
  weekly: `${EU}/frequency/WEEKLY`,
  monthly: `${EU}/frequency/MONTHLY`,
  quarterly: `${EU}/frequency/QUARTERLY`,
  annual: `${EU}/frequency/ANNUAL`,
  irregular: `${EU}/frequency/IRREG`,
  never: `${EU}/frequency/NEVER`,
};

export const EU_FILE_TYPE: Record<string, string> = {
  csv: `${EU}/file-type/CSV`,
  json: `${EU}/file-type/JSON`,
  parquet: `${EU}/file-type/PARQUET`,
  xlsx: `${EU}/file-type/XLSX`,
  tsv: `${EU}/file-type/TSV`,
  ndjson: `${EU}/file-type/JSON`,
  xml: `${EU}/file-type/XML`,
  html: `${EU}/file-type/HTML`,
};
export const EU_LANGUAGE_KOREAN = `${EU}/language/KOR`;
export const EU_ACCESS_PUBLIC = `${EU}/access-right/PUBLIC`;

export const ianaMediaType = (mediaType: string) => `https://www.iana.org/assignments/media-types/${mediaType}`;

/** GeoNames feature of Seoul (the special city), used when a dataset's spatial coverage names Seoul. */
export const GEONAMES_SEOUL = 'https://sws.geonames.org/1835848/';
export const coversSeoul = (spatial: string | null) => !!spatial && /서울|seoul/i.test(spatial);

/** Public Domain Mark for "public domain" without a licence document of its own. */
const PUBLIC_DOMAIN_MARK = 'https://creativecommons.org/publicdomain/mark/1.0/';

export function licence(id: string) {
  const known = LICENCES[id as LicenceId];
  if (!known) return { id, ko: id, en: id, url: null as string | null, open: false };
  return { id, ko: known.ko, en: known.en, url: known.url ?? (id === 'PD' ? PUBLIC_DOMAIN_MARK : null), open: known.open };
}

export const topicLabel = (id: string) => TOPICS[id as TopicId] ?? { ko: id, en: id };
export const frequencyLabel = (id: string) => FREQUENCIES[id as FrequencyId] ?? { ko: id, en: id };

/** Table Schema type → CKAN DataStore column type. */
export const CKAN_FIELD_TYPE: Record<FieldType, string> = {
  string: 'text',
  integer: 'int',
  number: 'numeric',
  boolean: 'bool',
  date: 'date',
  datetime: 'timestamp',
  time: 'time',
};

/** Hangul in a literal → Korean; otherwise we do not guess a language. */
export const langOf = (text: string): 'ko' | undefined => (/[\uac00-\ud7a3\u3131-\u318e]/.test(text) ? 'ko' : undefined);

/** DuckDB type name (from the SQL sandbox) → CKAN DataStore column type. */
export function CKAN_DUCK_TYPE(duckType: string): string {
  const t = duckType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(t)) return 'int';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(t)) return 'numeric';
  if (t === 'BOOLEAN') return 'bool';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'TIME') return 'time';
  return 'text';
}
