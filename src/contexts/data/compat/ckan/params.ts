/**
 * CKAN action parameters arrive as query strings (GET, all text) or as a JSON body (POST, typed, which is what
 * ckanapi and ckan.js send). These readers accept both, and fail the way CKAN does: a `Validation Error`
 * (HTTP 409) naming the field.
 */
export type CkanErrorType = 'Not Found Error' | 'Validation Error' | 'Search Query Error' | 'Bad request' | 'Authorization Error';

export class CkanError extends Error {
  constructor(
    readonly type: CkanErrorType,
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'CkanError';
  }
}

export const notFoundError = (what: string) => new CkanError('Not Found Error', `${what} not found`, 404);
export const invalid = (field: string, message: string) => new CkanError('Validation Error', `${field}: ${message}`, 409, { [field]: [message] });

export type Params = Record<string, unknown>;

export function text(p: Params, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw invalid(name, 'Must be a string');
}

export function required(p: Params, name: string): string {
  const v = text(p, name);
  if (v === undefined) throw invalid(name, 'Missing value');
  return v;
}

export function integer(p: Params, name: string, opts: { default: number; min: number; max?: number }): number {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === '') return opts.default;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(n)) throw invalid(name, 'Invalid integer');
  if (n < opts.min) throw invalid(name, `Must be a natural number${opts.min > 0 ? ` of at least ${opts.min}` : ''}`);
  if (opts.max !== undefined && n > opts.max) throw invalid(name, `Must be at most ${opts.max}`);
  return n;
}

export function bool(p: Params, name: string, fallback: boolean): boolean {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (typeof raw === 'boolean') return raw;
  const s = String(raw).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'no', 'off'].includes(s)) return false;
  throw invalid(name, 'Must be a boolean');
}

/** A list given as a JSON array, a JSON array in a string (CKAN's GET form), or comma-separated text. */
export function list(p: Params, name: string): string[] | undefined {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const s = raw.trim();
    if (s.startsWith('[')) {
      try {
        value = JSON.parse(s);
      } catch {
        throw invalid(name, 'Must be a JSON list');
      }
    } else
      value = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
  }
  if (!Array.isArray(value) || value.some((x) => typeof x !== 'string')) throw invalid(name, 'Must be a list of strings');
  return value as string[];
}

/** A JSON object given as an object (POST) or as JSON text (GET). */
export function object(p: Params, name: string): Record<string, unknown> | undefined {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw invalid(name, 'Cannot parse JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(name, 'Must be a JSON object');
  return value as Record<string, unknown>;
}
