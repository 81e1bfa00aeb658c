import { Type } from '@sinclair/typebox';
import { Body, component, LocalizedSchema, Page } from '../../../core/http/schemas.js';

/** Schemas of the catalogue and ingest API: validation, types and the OpenAPI document from one place. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Scalar = Type.Union([Type.String(), Type.Number(), Type.Null()]);
const StringMap = Type.Record(Type.String(), Type.String());

export const TableFieldSchema = Type.Object({
  name: Type.String(),
  type: Type.String({ description: 'string | integer | number | boolean | date | datetime | time' }),
  title: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  format: Type.Optional(Type.String({ description: 'Date layout as strptime, e.g. %Y%m%d' })),
  constraints: Type.Optional(Type.Object({ required: Type.Optional(Type.Boolean()), unique: Type.Optional(Type.Boolean()) })),
  'x-thousandsSeparator': Type.Optional(Type.Boolean()),
  'x-trim': Type.Optional(Type.Boolean()),
});
/** A Table Schema inline (request bodies are validated without the shared components); TableSchemaSchema for answers. */
const TableSchemaInline = Type.Object(
  {
    fields: Type.Array(TableFieldSchema),
    primaryKey: Type.Optional(Type.Array(Type.String())),
    missingValues: Type.Optional(Type.Array(Type.String())),
  },
  { description: 'Frictionless Table Schema' },
);
export const TableSchemaSchema = component('TableSchema', TableSchemaInline);

export const ColumnProfileSchema = Type.Object({
  name: Type.String(),
  type: Type.String(),
  count: Type.Integer(),
  nulls: Type.Integer(),
  distinct: Type.Integer(),
  min: Scalar,
  max: Scalar,
  mean: Type.Optional(Nullable(Type.Number())),
  histogram: Type.Optional(
    Type.Array(Type.Object({ from: Type.Union([Type.String(), Type.Number()]), to: Type.Union([Type.String(), Type.Number()]), count: Type.Integer() })),
  ),
  top: Type.Array(Type.Object({ value: Scalar, count: Type.Integer() })),
});

export const ValidationReportSchema = component(
  'ValidationReport',
  Type.Object(
    {
      total: Type.Integer(),
      byColumn: Type.Record(Type.String(), Type.Integer()),
      problems: Type.Array(
        Type.Object({
          row: Type.Integer(),
          column: Type.String(),
          value: Type.String(),
          rule: Type.String({ description: 'A type (integer, date …), required, unique, ragged_too_few, ragged_too_many or encoding_replacement' }),
          message: Type.String(),
        }),
      ),
      file: Type.Optional(
        Type.Object(
          { raggedTooFew: Type.Integer(), raggedTooMany: Type.Integer(), replacementCells: Type.Integer() },
          { description: "Rows with too few or too many fields; cells holding U+FFFD (bytes not text in the file's encoding)" },
        ),
      ),
      badRows: Type.Optional(
        Type.Object(
          { choice: Type.Union([Type.Literal('keep'), Type.Literal('drop')]), droppedRows: Type.Integer() },
          {
            description:
              'What the publisher chose for bad rows: kept (short rows padded with empty values, values beyond the last column not stored, invalid values stored empty, U+FFFD kept in text) or dropped',
          },
        ),
      ),
    },
    { description: 'What validation found in a file: problems by row and column, ragged rows, undecodable bytes, and the choice for bad rows' },
  ),
);

export const DetectionSchema = Type.Object({
  encoding: Type.String(),
  confidence: Type.Number(),
  bom: Type.Boolean(),
  overridden: Type.Boolean(),
  candidates: Type.Array(Type.Object({ encoding: Type.String(), score: Type.Number(), sample: Type.String() })),
});

export const HeaderDriftSchema = Type.Object({
  previousVersion: Type.Integer(),
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  renamed: Type.Array(Type.Object({ previous: Type.String(), current: Type.String(), reason: Type.String() })),
  unchanged: Type.Integer(),
  suggestedColumnMap: StringMap,
});

export const UploadPreviewSchema = Type.Object({
  versionId: Type.String(),
  version: Type.Integer(),
  datasetId: Type.String(),
  resourceId: Type.String(),
  status: Type.String(),
  detection: Nullable(DetectionSchema),
  format: Type.String(),
  delimiter: Nullable(Type.String()),
  rows: Type.Integer(),
  columns: Type.Array(Type.String()),
  dropped: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Record(Type.String(), Nullable(Type.String()))),
  schema: TableSchemaSchema,
  validation: ValidationReportSchema,
  profile: Type.Array(ColumnProfileSchema),
  headerDrift: Nullable(HeaderDriftSchema),
});

export const PublishedVersionSchema = Type.Object({
  versionId: Type.String(),
  version: Type.Integer(),
  datasetId: Type.String(),
  resourceId: Type.String(),
  status: Type.String(),
  publishedAt: Type.String(),
  rows: Type.Integer(),
  columns: Type.Array(Type.String()),
  validation: ValidationReportSchema,
  redone: Type.Boolean(),
});

export const PublishBody = Body({
  schema: Type.Optional(TableSchemaInline),
  columnMap: Type.Optional(Type.Record(Type.String(), Type.String(), { description: '{ new column name: previous column name }' })),
  encoding: Type.Optional(Type.String({ maxLength: 40, description: 'utf-8 | cp949 (euc-kr) | latin1 | windows-1252 | utf-16le | utf-16be' })),
  badRows: Type.Optional(
    Type.Union([Type.Literal('keep'), Type.Literal('drop')], {
      description: 'Required when the file has ragged rows or undecodable bytes: keep them as stated, or drop them',
    }),
  ),
});

export const CreateDatasetBody = Body({
  id: Type.String({ minLength: 3, maxLength: 80, pattern: '^[a-z0-9][a-z0-9-]*[a-z0-9]$' }),
  titleKo: Type.Optional(Type.String({ maxLength: 200 })),
  titleEn: Type.Optional(Type.String({ maxLength: 200 })),
  descriptionKo: Type.Optional(Type.String({ maxLength: 5000 })),
  descriptionEn: Type.Optional(Type.String({ maxLength: 5000 })),
  publisherId: Type.Optional(Type.String({ maxLength: 100, description: 'Organisation id' })),
  topics: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
  keywords: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 })),
  licence: Type.Optional(Type.String({ maxLength: 20 })),
  frequency: Type.Optional(Type.String({ maxLength: 20 })),
  temporalStart: Type.Optional(Type.String({ maxLength: 10 })),
  temporalEnd: Type.Optional(Type.String({ maxLength: 10 })),
  spatial: Type.Optional(Type.String({ maxLength: 200 })),
  contactName: Type.Optional(Type.String({ maxLength: 200 })),
  contactEmail: Type.Optional(Type.String({ maxLength: 200 })),
  sourceUrl: Type.Optional(Type.String({ maxLength: 500 })),
  attribution: Type.Optional(Type.String({ maxLength: 500 })),
});

export const AccessPolicySchema = Type.Object(
  {
    reason: LocalizedSchema,
    conditions: LocalizedSchema,
    contact: Nullable(Type.String()),
  },
  { description: 'Why the data is restricted, who may be approved as an analyst and how, whom to ask' },
);

const Org = Nullable(Type.Object({ id: Type.String(), slug: Type.String(), name: LocalizedSchema }));

export const DatasetSchema = component(
  'Dataset',
  Type.Object({
    id: Type.String(),
    title: LocalizedSchema,
    description: LocalizedSchema,
    publisher: Org,
    topics: Type.Array(Type.String()),
    keywords: Type.Array(Type.String()),
    licence: Type.String(),
    frequency: Type.String(),
    temporal: Type.Object({ start: Nullable(Type.String()), end: Nullable(Type.String()) }),
    spatial: Nullable(Type.String()),
    contact: Type.Object({ name: Nullable(Type.String()), email: Nullable(Type.String()) }),
    sourceUrl: Nullable(Type.String()),
    attribution: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    state: Type.Union([Type.Literal('draft'), Type.Literal('listed'), Type.Literal('private'), Type.Literal('restricted')], {
      description: "draft: no version yet (unlisted); private and restricted: seen by the publisher's members and admins only",
    }),
    access: Type.Union([Type.Literal('public'), Type.Literal('private'), Type.Literal('restricted')]),
    accessPolicy: Nullable(AccessPolicySchema),
    resources: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        format: Nullable(Type.String()),
        url: Nullable(Type.String()),
        latestVersion: Nullable(Type.Integer()),
      }),
    ),
    versions: Type.Array(
      Type.Object({
        version: Type.Integer(),
        status: Type.Union([Type.Literal('published'), Type.Literal('withdrawn')]),
        rows: Type.Integer(),
        format: Type.String(),
        encoding: Nullable(Type.String()),
        sourceName: Type.String(),
        publishedAt: Nullable(Type.String()),
        withdrawn: Nullable(
          Type.Object(
            { at: Nullable(Type.String()), reason: Nullable(Type.String()) },
            { description: 'A withdrawn version: its rows are no longer served; when and why' },
          ),
        ),
      }),
    ),
    version: Nullable(
      Type.Object({
        version: Type.Integer(),
        resourceId: Type.String(),
        publishedAt: Nullable(Type.String()),
        rows: Type.Integer(),
        format: Type.String(),
        encoding: Nullable(Type.String()),
        detection: Nullable(DetectionSchema),
        schema: TableSchemaSchema,
        profile: Type.Array(ColumnProfileSchema),
        validation: ValidationReportSchema,
      }),
    ),
  }),
);

export const DatasetSummarySchema = component(
  'DatasetSummary',
  Type.Object({
    id: Type.String(),
    title: LocalizedSchema,
    description: LocalizedSchema,
    publisher: Nullable(Type.Object({ slug: Type.String(), name: LocalizedSchema })),
    licence: Type.String(),
    topics: Type.Array(Type.String()),
    updatedAt: Type.String(),
    formats: Type.Array(Type.String()),
    rows: Nullable(Type.Integer()),
  }),
);

const FacetValues = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer(), label: Nullable(LocalizedSchema), selected: Type.Boolean() }));
export const DatasetListSchema = Page(DatasetSummarySchema, {
  facets: Type.Object({ topic: FacetValues, publisher: FacetValues, licence: FacetValues, format: FacetValues }),
});

export const DatasetListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  topic: Type.Optional(Type.String({ maxLength: 200, description: 'Topic id(s), comma-separated' })),
  publisher: Type.Optional(Type.String({ maxLength: 200, description: 'Publisher organisation slug(s), comma-separated' })),
  licence: Type.Optional(Type.String({ maxLength: 200 })),
  format: Type.Optional(Type.String({ maxLength: 200, description: 'CSV, JSON, XLSX …' })),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('title'), Type.Literal('updated')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});

export const DatasetQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  asOf: Type.Optional(Type.String({ format: 'date-time', description: 'The version that was current at this instant' })),
});

export const UploadForm = Type.Object(
  {
    file: Type.Unknown({ description: 'The file (CSV, TSV, JSON, NDJSON, XLSX or Parquet), up to 200 MB' }),
    format: Type.Optional(Type.Unknown({ description: 'csv | tsv | json | ndjson | xlsx | parquet (default: from the name and bytes)' })),
    encoding: Type.Optional(Type.Unknown({ description: 'Override the detected encoding: utf-8, cp949, latin1 …' })),
    delimiter: Type.Optional(Type.Unknown({ description: 'One character, or "tab"' })),
    _csrf: Type.Optional(Type.Unknown()),
  },
  { description: 'multipart/form-data' },
);
