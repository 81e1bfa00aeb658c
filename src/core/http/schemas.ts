import { Type, type TSchema } from '@sinclair/typebox';

export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable machine code, e.g. validation.failed' }),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
}, { $id: 'Error' });

/** The error responses every route can give, for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorSchema])) as Record<number, typeof ErrorSchema>;

export const LocalizedSchema = Type.Object({ ko: Type.Union([Type.String(), Type.Null()]), en: Type.Union([Type.String(), Type.Null()]) });

/** Deepest offset a list route pages to; beyond it clients narrow their query (or follow a cursor where there is one). */
export const MAX_OFFSET = 1_000_000;

export const PagingQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(item) });

/** A JSON request body: unknown fields are rejected, not dropped. */
export const Body = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
