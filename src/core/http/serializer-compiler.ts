import fastJsonStringify, { type Options, type Schema as FjsSchema } from 'fast-json-stringify';

type Schema = Record<string, unknown>;

/** Every `$ref` target's schema id in a schema (`Localized`, `Localized#/properties/ko` → `Localized`). */
function refIds(schema: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) refIds(item, into);
  else if (schema && typeof schema === 'object')
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string') {
        const id = value.split('#')[0];
        if (id) into.add(id);
      } else refIds(value, into);
    }
  return into;
}

/**
 * Fastify's serializer factory (`schemaController.compilersFactory.buildSerializer`), the default one but for the
 * shared schemas it hands fast-json-stringify: only those a response schema reaches through `$ref`, where the
 * default hands every shared schema to every response, and fast-json-stringify validates and indexes each of them
 * once per response schema. With 39 shared schemas and every route's responses, that was three quarters of
 * `app.ready()` (2.5–3.5 s of CPU at each start, measured with --cpu-prof). The serializers are the same.
 */
export function buildSerializerFactory(shared: unknown, serializerOpts?: Options) {
  const externalSchemas = (shared ?? {}) as Record<string, Schema>;
  const directRefs = new Map<string, Set<string>>();
  const refsOf = (id: string) => {
    let ids = directRefs.get(id);
    if (!ids) directRefs.set(id, (ids = refIds(externalSchemas[id], new Set())));
    return ids;
  };
  return ({ schema: routeSchema }: { schema?: unknown }): ((doc: unknown) => string) => {
    const schema = (routeSchema ?? {}) as Schema;
    // The shared schemas the response reaches, directly or through other shared schemas (cycles included).
    const ids = refIds(schema, new Set());
    for (const id of ids) if (externalSchemas[id]) for (const next of refsOf(id)) ids.add(next);
    if (typeof schema.$id === 'string') ids.delete(schema.$id); // as the default: a schema is not its own external
    const needed = Object.fromEntries([...ids].filter((id) => externalSchemas[id]).map((id) => [id, externalSchemas[id]]));
    return fastJsonStringify(schema as unknown as FjsSchema, { ...serializerOpts, schema: needed as unknown as Record<string, FjsSchema> });
  };
}
