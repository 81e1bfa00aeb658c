import { AppError } from '../../../core/errors.js';

/**
 * Keyset paging. A cursor carries the sort-key values of the last row of a page (as DuckDB's text for them,
 * which casts back exactly) plus its row ordinal, the version it was read from (so every page of a walk comes
 * from one version even if another is published meanwhile) and a hash of the query (a cursor is refused with
 * another filter, sort or grouping). Encoded as base64url JSON: opaque to clients, not a secret.
 */
export interface Cursor {
  /** Resource id and version number the walk reads. */
  resource: string;
  version: number;
  /** Hash of filters + sort + grouping. */
  hash: string;
  /** Key values of the last row returned, in key order (text or null). */
  keys: Array<string | null>;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ r: c.resource, v: c.version, h: c.hash, k: c.keys }), 'utf8').toString('base64url');
}

const invalid = () => new AppError('data.query_cursor', 'Parameter "cursor": not a cursor returned by this API', 400, { field: 'cursor' });

export function decodeCursor(text: string): Cursor {
  if (!/^[A-Za-z0-9_-]{1,20000}$/.test(text)) throw invalid();
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const o = raw as { r?: unknown; v?: unknown; h?: unknown; k?: unknown };
  if (
    typeof o !== 'object' ||
    o === null ||
    typeof o.r !== 'string' ||
    !Number.isInteger(o.v) ||
    typeof o.h !== 'string' ||
    !Array.isArray(o.k) ||
    !o.k.every((x) => x === null || typeof x === 'string')
  )
    throw invalid();
  return { resource: o.r, version: o.v as number, hash: o.h, keys: o.k as Array<string | null> };
}

export interface KeyDef {
  /** SQL expression (an identifier or the row ordinal) the key sorts on. */
  expr: string;
  desc: boolean;
  /** DuckDB type the cursor text is cast back to. */
  castType: string;
}

/**
 * The rows strictly after `values` in ORDER BY keys (each NULLS LAST):
 * k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND …))), with NULL handled (after a non-null value come the larger
 * values and the NULLs; after a NULL only other NULLs, decided by the next key). `param` binds one value, returns `$n`.
 */
export function keysetCondition(keys: KeyDef[], values: Array<string | null>, param: (value: string) => string): string {
  if (values.length !== keys.length) throw invalid();
  const build = (i: number): string => {
    const key = keys[i]!;
    const value = values[i]!;
    const p = value === null ? null : `CAST(${param(value)} AS ${key.castType})`;
    const rest = i + 1 < keys.length ? build(i + 1) : null;
    if (p === null) {
      return rest === null ? 'FALSE' : `(${key.expr} IS NULL AND ${rest})`;
    }
    const after = `(${key.expr} ${key.desc ? '<' : '>'} ${p} OR ${key.expr} IS NULL)`;
    return rest === null ? after : `(${after} OR (${key.expr} = ${p} AND ${rest}))`;
  };
  return build(0);
}
