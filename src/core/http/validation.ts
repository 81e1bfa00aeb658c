import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/**
 * Bodies are validated strictly: wrong types and unknown fields are errors, never silently coerced or dropped.
 * Query strings and path parameters arrive as text, so they alone are coerced to the schema's types.
 */
const strict = addFormats(new Ajv({ ...base, coerceTypes: false }));
const coercing = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));

/**
 * Every integer a client sends must fit the databases: an integer without its own bounds gets the safe range
 * (|n| ≤ 2^53 − 1), so `offset=1e308` is a 400, never a driver error. The route's schema (and the OpenAPI
 * document) is left as it was; only the compiled copy is bounded.
 */
export function boundIntegers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(boundIntegers);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'const' || k === 'default' || k === 'enum' || k === 'examples' ? v : boundIntegers(v);
  const types = [out.type].flat();
  if (types.includes('integer')) {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = Number.MAX_SAFE_INTEGER;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = Number.MIN_SAFE_INTEGER;
  }
  return out;
}

/**
 * A route's schema is compiled when the route is first used, not when the app starts: compiling all of them (some
 * 800 routes; ajv generates code for each) took about a second of CPU at every start, and a process (a replica, a
 * test file) uses few. Fastify reads `errors` after a failed call, and `schemaEnv` to pass the parent (so that a
 * coerced root value can be replaced): both come from the compiled function. `compilePending()` compiles those
 * not yet used, so that a test proves every schema compiles (as compiling at start did).
 */
const pending = new Set<WeakRef<() => unknown>>();

export function compilePending(): number {
  let n = 0;
  for (const ref of [...pending]) {
    pending.delete(ref);
    const compile = ref.deref();
    if (compile) {
      compile();
      n++;
    }
  }
  return n;
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  let compiled: ValidateFunction | undefined;
  const get = (): ValidateFunction => {
    if (!compiled) {
      compiled = (httpPart === 'body' ? strict : coercing).compile(boundIntegers(schema) as object);
      pending.delete(ref);
    }
    return compiled;
  };
  const ref = new WeakRef(get);
  pending.add(ref);
  const validate = (data: unknown, cxt?: Parameters<ValidateFunction>[1]) => get()(data, cxt);
  Object.defineProperties(validate, { errors: { get: () => compiled?.errors }, schemaEnv: { get: () => get().schemaEnv } });
  return validate as ReturnType<FastifySchemaCompiler<unknown>>;
};
