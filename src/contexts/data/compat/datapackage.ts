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
 * and the uploaded file's size and hash describe another file (DCAT gives the Parquet file's, which is served as is).
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
      return [
        {
          name: frictionlessName(r.row.id),
          title: r.row.name,
          ...(r.row.description ? { description: r.row.description } : {}),
          profile: 'tabular-data-resource',
          // The version's CSV without the byte order mark the Excel download carries: the spec wants an IANA
          // encoding name ("utf-8-sig" is none, and the official JS library refuses it), and with "utf-8" that
          // library fails to parse a file that starts with a BOM.
          path: urls.packageCsv(d.id, r.row.id, r.latest.version),
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          dialect: CSV_DIALECT,
          schema: downloadSchema(r.latest.schema),
          'x-version': r.latest.version,
          'x-rows': r.latest.rows,
          'x-publishedAt': r.latest.publishedAt,
        },
      ];
    }
    if (!r.row.url) return [];
    return [
      {
        name: frictionlessName(r.row.id),
        title: r.row.name,
        ...(r.row.description ? { description: r.row.description } : {}),
        profile: 'data-resource',
        path: r.row.url,
        ...(r.row.format ? { format: r.row.format.toLowerCase() } : {}),
      },
    ];
  });
  const tabular = resources.length > 0 && resources.every((r) => r.profile === 'tabular-data-resource');
  const publisherName = entry.publisher ? koFirst(entry.publisher.name_ko, entry.publisher.name_en) : null;
  const sources = [
    ...(d.source_url ? [{ title: d.attribution ?? publisherName ?? d.source_url, path: d.source_url }] : []),
    ...(!d.source_url && d.attribution ? [{ title: d.attribution }] : []),
  ];
  const contributors = entry.publisher
    ? [{ title: publisherName ?? entry.publisher.slug, role: 'publisher', path: urls.organisationPage(entry.publisher.slug) }]
    : [];
  // The Data Package profile wants at least one item in sources, keywords and contributors when they are
  // present: an unknown list is left out rather than given empty.
  return {
    profile: tabular ? 'tabular-data-package' : 'data-package',
    name: frictionlessName(d.id),
    id: urls.datasetPage(d.id),
    title: koFirst(d.title_ko, d.title_en) ?? d.id,
    ...(koFirst(d.description_ko, d.description_en) ? { description: koFirst(d.description_ko, d.description_en)! } : {}),
    homepage: urls.datasetPage(d.id),
    created: d.created_at,
    ...(entry.keywords.length ? { keywords: entry.keywords } : {}),
    licenses: [{ name: lic.id, title: lic.ko, ...(lic.url ? { path: lic.url } : {}) }],
    ...(sources.length ? { sources } : {}),
    ...(contributors.length ? { contributors } : {}),
    resources,
  };
}
