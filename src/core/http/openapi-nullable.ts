/**
 * OpenAPI 3.0 has no `type: null`: @fastify/swagger writes a null branch of `anyOf` as `{ type: 'object', nullable: true,
 * enum: [null] }`, which client generators cannot read. This rewrites such unions the 3.0 way: the other branches, and
 * `nullable: true` (a lone `$ref` becomes `allOf: [$ref]`, since siblings of a `$ref` are ignored).
 */
type Node = Record<string, unknown>;

const isNullBranch = (x: unknown) =>
  !!x &&
  typeof x === 'object' &&
  ((x as Node).type === 'null' ||
    (Array.isArray((x as Node).enum) && ((x as Node).enum as unknown[]).length === 1 && ((x as Node).enum as unknown[])[0] === null));

function rewrite(node: Node): Node {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (!Array.isArray(branches) || !branches.some(isNullBranch)) continue;
    const rest = branches.filter((b) => !isNullBranch(b));
    const { [key]: _union, ...siblings } = node;
    if (rest.length > 1) return { ...siblings, [key]: rest, nullable: true };
    const only = (rest[0] ?? {}) as Node;
    if ('$ref' in only) return { ...siblings, allOf: [only], nullable: true };
    return { ...only, ...siblings, nullable: true };
  }
  return node;
}

export function nullableFor30<T>(value: T): T {
  if (Array.isArray(value)) return value.map(nullableFor30) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Node = {};
  for (const [k, v] of Object.entries(value as Node)) out[k] = nullableFor30(v);
  return rewrite(out) as T;
}
