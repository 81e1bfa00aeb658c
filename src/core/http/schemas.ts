import { type Static, Type, type TProperties, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * Schemas shared by many routes are OpenAPI components: `component(id, schema)` registers the schema under `id` (the
 * app adds every one with `app.addSchema` before the routes, so validation and serialization resolve it) and returns a
 * `$ref` to it that still carries the static type. openapi.json lists it once under components.schemas.
 */
const components = new Map<string, { source: TSchema; schema: TSchema }>();

export function component<T extends TSchema>(id: string, schema: T): TUnsafe<Static<T>> {
  const existing = components.get(id);
  if (existing && existing.source !== schema) throw new Error(`Schema component "${id}" is already taken by another schema`);
  if (!existing) components.set(id, { source: schema, schema: { ...schema, $id: id } });
  return Type.Unsafe<Static<T>>(Type.Ref(id));
}

/** Every shared schema registered so far (route modules register theirs when they are imported). */
export const sharedSchemas = (): TSchema[] => [...components.values()].map((c) => c.schema);

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine code, e.g. validation.failed' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: 'The error body of every 4xx and 5xx answer' },
);

const ErrorRef = component('Error', ErrorSchema);

/** The error responses every route can give, for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorRef])) as Record<number, typeof ErrorRef>;

/** Text in Korean and English; null where that language was not written. */
export const LocalizedSchema = component(
  'Localized',
  Type.Object(
    { ko: Type.Union([Type.String(), Type.Null()]), en: Type.Union([Type.String(), Type.Null()]) },
    {
      description: 'Text in Korean (ko) and English (en); null where that language was not written',
    },
  ),
);

/** Deepest offset a list route pages to; beyond it clients narrow their query (or follow a cursor where there is one). */
export const MAX_OFFSET = 1_000_000;

export const PagingQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 })),
};

/** Where a page of a list stands: how many items match in all, and the limit and offset that cut this page. */
export const PaginationSchema = component(
  'Pagination',
  Type.Object(
    {
      total: Type.Integer({ description: 'How many items match in all (not only on this page)' }),
      limit: Type.Integer({ description: 'The most items this page could hold' }),
      offset: Type.Integer({ description: 'How many matching items come before this page' }),
    },
    { description: 'Where a page of a list stands: the total that matches, and the limit and offset of this page' },
  ),
);

/**
 * A page of a list: the shared `Pagination` component (`$ref`) and the page's `items`, plus any fields the list adds
 * (a catalogue's facets). The answer is one flat object: `{ total, limit, offset, items, ... }`.
 */
export const Page = <T extends TSchema, P extends TProperties = Record<never, never>>(item: T, more?: P) =>
  Type.Intersect([PaginationSchema, Type.Object({ items: Type.Array(item), ...(more ?? ({} as P)) })]);

/** A JSON request body: unknown fields are rejected, not dropped. */
export const Body = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });

/** Non-JSON answers: the content type and a string (text) or binary body, for openapi.json. */
type Sent = string | Buffer | Uint8Array | NodeJS.ReadableStream;
export const textBody = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: Type.Unsafe<Sent>({ type: 'string' }) } },
});
export const binaryBody = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: Type.Unsafe<Sent>({ type: 'string', format: 'binary' }) } },
});
