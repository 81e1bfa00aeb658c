import type { TableField, TableSchema } from '../domain/table-schema.js';
import type { CatalogueEntry } from './catalogue-view.js';
import { koFirst } from './catalogue-view.js';
import type { CompatUrls } from './urls.js';
import { licence } from './vocabularies.js';

/**
 * A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) for a dataset: each published
 * table is a tabular-data-resource whose path is the CSV download of that exact version and whose schema is
 * the version's Table Schema, adjusted to what the download contains (ISO dates, empty text for nulls);
 * link and API resources are plain resources. Sizes and hashes are left out: the CSV is generated on download,
 * and the uploaded file's size and hash describe another file.
 */
const NAME = /[^-a-z0-9._/]/g;
const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };
/** Frictionless names: lower case letters, digits and `-._/`. */
export const frictionlessName = (id: string) => id.toLowerCase().replace(NAME, '-');

/**
 * The schema of the CSV we serve: the source's reading hints (date patterns, thousands separators, missing
 * values) do not apply to it. Dates are ISO; date-times are written `YYYY-MM-DD HH:MM:SS`, hence `any`.
 */
export function downloadSchema(schema: TableSchema): TableSchema {
  const fields = schema.fields.map((f): TableField => {
    const rest: TableField = { name: f.name, type: f.type };
    if (f.title) rest.title = f.title;
    if (f.description) rest.description = f.description;
    if (f.constraints) rest.constraints = f.constraints;
    return f.type === 'datetime' || f.type === 'time' ? { ...rest, format: 'any' } : rest;
  });
  return { fields, ...(schema.primaryKey?.length ? { primaryKey: schema.primaryKey } : {}), missingValues: [''] };
}

export function dataPackage(entry: CatalogueEntry, urls: CompatUrls) {
  const d = entry.dataset;
  const lic = licence(d.licence);
  const resources = entry.resources.flatMap((r) => {
    if (r.row.kind === 'table') {
      if (!r.latest) return [];
      return [{
        name: frictionlessName(r.row.id), title: r.row.name, ...(r.row.description ? { description: r.row.description } : {}),
        profile: 'tabular-data-resource',
        path: urls.download(d.id, r.row.id, 'csv', r.latest.version),
        // The download is RFC 4180 with CRLF and a UTF-8 byte order mark (for Excel), which Frictionless readers skip.
        format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: CSV_DIALECT,
        schema: downloadSchema(r.latest.schema),
        'x-version': r.latest.version, 'x-rows': r.latest.rows, 'x-publishedAt': r.latest.publishedAt,
      }];
    }
    if (!r.row.url) return [];
    return [{
      name: frictionlessName(r.row.id), title: r.row.name, ...(r.row.description ? { description: r.row.description } : {}),
      profile: 'data-resource', path: r.row.url, ...(r.row.format ? { format: r.row.format.toLowerCase() } : {}),
    }];
  });
  const tabular = resources.length > 0 && resources.every((r) => r.profile === 'tabular-data-resource');
  const publisherName = entry.publisher ? koFirst(entry.publisher.name_ko, entry.publisher.name_en) : null;
  return {
    profile: tabular ? 'tabular-data-package' : 'data-package',
    name: frictionlessName(d.id),
    id: urls.datasetPage(d.id),
    title: koFirst(d.title_ko, d.title_en) ?? d.id,
    ...(koFirst(d.description_ko, d.description_en) ? { description: koFirst(d.description_ko, d.description_en)! } : {}),
    homepage: urls.datasetPage(d.id),
    created: d.created_at,
    keywords: entry.keywords,
    licenses: [{ name: lic.id, title: lic.ko, ...(lic.url ? { path: lic.url } : {}) }],
    sources: [
      ...(d.source_url ? [{ title: d.attribution ?? publisherName ?? d.source_url, path: d.source_url }] : []),
      ...(!d.source_url && d.attribution ? [{ title: d.attribution }] : []),
    ],
    contributors: entry.publisher
      ? [{ title: publisherName ?? entry.publisher.slug, role: 'publisher', path: urls.organisationPage(entry.publisher.slug) }]
      : [],
    resources,
  };
}
