import { CkanError } from './params.js';

/**
 * The documented subset of Solr syntax that package_search accepts in `fq` (and in a fielded `q`):
 * space-separated terms are ANDed; `OR` joins terms into one clause; `-key:value` negates, `+` is accepted;
 * values are bare, "quoted", `*` (any), `(a OR b)`, or ranges `[from TO to]` (ISO dates or `*`) for the date
 * fields. Raw Solr is not passed through (we have no Solr); anything else is a Search Query Error.
 */
export const FQ_FIELDS = [
  'organization',
  'tags',
  'groups',
  'res_format',
  'license_id',
  'name',
  'id',
  'metadata_modified',
  'metadata_created',
  'dataset_type',
] as const;
export type FqField = (typeof FQ_FIELDS)[number];
const DATE_FIELDS: FqField[] = ['metadata_modified', 'metadata_created'];

export type Match = { kind: 'any' } | { kind: 'value'; value: string } | { kind: 'range'; from: number | null; to: number | null };
export interface Term {
  field: FqField;
  match: Match;
}
/** Terms of a clause are ORed; clauses are ANDed. */
export interface Clause {
  negate: boolean;
  any: Term[];
}

const queryError = (message: string) => new CkanError('Search Query Error', `Search error: ${message}`, 409);

/** Splits on whitespace outside quotes, brackets and parentheses. */
function tokens(input: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '[')) depth++;
    else if (!quoted && (ch === ')' || ch === ']')) depth--;
    if (!quoted && depth === 0 && /\s/.test(ch)) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted || depth !== 0) throw queryError(`unbalanced quotes or brackets in "${input}"`);
  if (current) out.push(current);
  return out;
}

const unquote = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

function dateBound(field: string, raw: string): number | null {
  if (raw === '*') return null;
  const t = Date.parse(unquote(raw));
  if (Number.isNaN(t)) throw queryError(`${field}: "${raw}" is not an ISO date`);
  return t;
}

function parseTerms(token: string): Term[] {
  if (token.startsWith('(') && token.endsWith(')')) {
    return tokens(token.slice(1, -1))
      .filter((t) => t !== 'OR')
      .flatMap(parseTerms);
  }
  const colon = token.indexOf(':');
  if (colon <= 0) throw queryError(`"${token}" is not of the form field:value`);
  const field = token.slice(0, colon) as FqField;
  const value = token.slice(colon + 1);
  if (!FQ_FIELDS.includes(field)) throw queryError(`unsupported field "${field}"; use ${FQ_FIELDS.join(', ')}`);
  if (value === '') throw queryError(`no value for ${field}`);
  if (value.startsWith('(') && value.endsWith(')')) {
    return tokens(value.slice(1, -1))
      .filter((t) => t !== 'OR')
      .map((v) => ({ field, match: { kind: 'value', value: unquote(v) } }));
  }
  if (value.startsWith('[') && value.endsWith(']')) {
    if (!DATE_FIELDS.includes(field)) throw queryError(`ranges are only supported on ${DATE_FIELDS.join(', ')}`);
    const parts = value
      .slice(1, -1)
      .trim()
      .split(/\s+TO\s+/);
    if (parts.length !== 2) throw queryError(`range "${value}" must be [from TO to]`);
    return [{ field, match: { kind: 'range', from: dateBound(field, parts[0]!), to: dateBound(field, parts[1]!) } }];
  }
  if (value === '*') return [{ field, match: { kind: 'any' } }];
  return [{ field, match: { kind: 'value', value: unquote(value) } }];
}

export function parseFilterQuery(fq: string | undefined): Clause[] {
  if (!fq?.trim()) return [];
  const clauses: Clause[] = [];
  let joinNext = false;
  for (const token of tokens(fq.trim())) {
    if (token === 'AND' || token === '&&') continue;
    if (token === 'OR' || token === '||') {
      if (clauses.length === 0) throw queryError('OR without a term before it');
      joinNext = true;
      continue;
    }
    const negate = token.startsWith('-') || token.startsWith('!');
    const body = token.replace(/^[-+!]/, '');
    const terms = parseTerms(body);
    if (joinNext && !negate) clauses.at(-1)!.any.push(...terms);
    else clauses.push({ negate, any: terms });
    joinNext = false;
  }
  return clauses;
}

/** A fielded q (`tags:교통 organization:seoul-metro`) is a filter; anything else is a text query. */
export function isFieldedQuery(q: string): boolean {
  try {
    return parseFilterQuery(q).length > 0;
  } catch {
    return false;
  }
}

/** What a package exposes to fq: each field's values. */
export type Facts = Record<FqField, string[]>;

function termMatches(term: Term, facts: Facts): boolean {
  const values = facts[term.field];
  const m = term.match;
  if (m.kind === 'any') return values.length > 0;
  if (m.kind === 'range') {
    return values.some((v) => {
      const t = Date.parse(v);
      return (m.from === null || t >= m.from) && (m.to === null || t <= m.to);
    });
  }
  const caseless = term.field === 'res_format' || term.field === 'license_id';
  return values.some((v) => (caseless ? v.toLowerCase() === m.value.toLowerCase() : v === m.value));
}

export const matchesAll = (clauses: Clause[], facts: Facts) => clauses.every((c) => c.any.some((t) => termMatches(t, facts)) !== c.negate);

export const SORT_FIELDS = ['score', 'metadata_modified', 'metadata_created', 'title_string', 'name', 'id'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export interface SortKey {
  field: SortField;
  desc: boolean;
}

/** `score desc, metadata_modified desc` (CKAN's default) and the like. */
export function parseSort(sort: string | undefined): SortKey[] {
  const text = sort?.trim() || 'score desc, metadata_modified desc';
  return text.split(',').map((part) => {
    const [field, dir = 'asc', ...rest] = part.trim().split(/\s+/);
    if (!SORT_FIELDS.includes(field as SortField) || !['asc', 'desc'].includes(dir.toLowerCase()) || rest.length) {
      throw new CkanError('Search Query Error', `Search error: cannot sort by "${part.trim()}"; use ${SORT_FIELDS.join(', ')} with asc or desc`, 409);
    }
    return { field: field as SortField, desc: dir.toLowerCase() === 'desc' };
  });
}
