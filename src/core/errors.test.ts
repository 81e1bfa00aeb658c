import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE, isErrorCode, notFound } from './errors.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : sourceFiles(file);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [file] : [];
  });
}

const LITERAL = /^\s*(['"`])((?:\\.|(?!\1).)*)\1/s;

/** The first argument of every call `callee(` in `text`, with its line: the literal text, or null when it is an expression. */
function firstArguments(text: string, callee: RegExp): Array<{ line: number; literal: string | null; raw: string }> {
  const out = [];
  for (const m of text.matchAll(callee)) {
    const rest = text.slice(m.index! + m[0].length);
    const lit = LITERAL.exec(rest);
    const isTemplate = lit?.[1] === '`' && lit[2]!.includes('${');
    out.push({ line: text.slice(0, m.index).split('\n').length, literal: lit && !isTemplate ? lit[2]! : null, raw: rest.slice(0, 60).split('\n')[0]! });
  }
  return out;
}

/**
 * Where an error code is not written at the call itself but passed on: each place is listed here with how its
 * codes are found, so that a new indirection has to be looked at before it is allowed.
 */
const INDIRECTIONS: Record<string, (text: string) => string[]> = {
  // notFound builds `${what}.not_found`; its callers are checked below.
  'core/errors.ts': () => [],
  // datasetProblem(code, message): its callers pass the code.
  'contexts/demand/use-cases/link-published-dataset.ts': (text) =>
    firstArguments(text, /\bdatasetProblem\(/g)
      .map((a) => a.literal)
      .filter((c): c is string => c !== null),
  // ProposalInvalid(issues, code = 'transit.proposal_invalid'): its callers that pass a code are checked below.
  'contexts/upkeep/use-cases/change-ops.ts': (text) => [...text.matchAll(/\bcode = '([^']+)'/g)].map((m) => m[1]!),
  // reencodeImage(input, policy): the codes come in the policy, written by each caller (below).
  'core/images/reencode-image.ts': () => [],
  'contexts/upkeep/use-cases/reencode-photo.ts': (text) => [...text.matchAll(/\b(?:tooLarge|notImage|dimensions|undecodable): '([^']+)'/g)].map((m) => m[1]!),
  // cleanImage re-throws reencodeImage's refusal with its own message: the codes are those of its policy.
  'contexts/startups/domain/image.ts': (text) => [...text.matchAll(/\b(?:tooLarge|notImage|dimensions|undecodable): '([^']+)'/g)].map((m) => m[1]!),
  // notFound(entity): one of the content entities, the keys of TABLE.
  'contexts/plan/store/content.repository.ts': (text) =>
    [...(/const TABLE[^{]*\{([^}]*)\}/.exec(text)?.[1] ?? '').matchAll(/(\w+):/g)].map((m) => `${m[1]}.not_found`),
  // REFUSALS: [code, message, field] per reason.
  'contexts/startups/use-cases/apply-to-call.ts': (text) => [...text.matchAll(/^\s+\w+: \['([^']*)',/gm)].map((m) => m[1]!),
};

/** Every error code written in src/, with where it is; and the AppError calls whose code could not be read. */
function codesInSource() {
  const codes: Array<{ where: string; code: string }> = [];
  const unread: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    // new AppError(code, …), and super(code, …) in the classes that extend it.
    const calls = /extends AppError\b/.test(text) ? /\bnew AppError\(|\bsuper\(/g : /\bnew AppError\(/g;
    for (const a of firstArguments(text, calls)) {
      if (a.literal !== null) codes.push({ where: `${rel}:${a.line}`, code: a.literal });
      else if (!(rel in INDIRECTIONS)) unread.push(`${rel}:${a.line} new AppError(${a.raw}`);
    }
    // notFound from core/errors (the CKAN layer has a notFound of its own that answers CKAN's error types).
    if (/import \{[^}]*\bnotFound\b[^}]*\} from '[./]*\/?(core\/)?errors\.js'/.test(text)) {
      for (const a of firstArguments(text, /\bnotFound\(/g)) {
        // An expression (`kind === 'body' ? 'call' : 'opportunity'`): each literal in it is a possible code.
        const literals = a.literal !== null ? [a.literal] : [...a.raw.split(')')[0]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
        if (!literals.length && !(rel in INDIRECTIONS)) unread.push(`${rel}:${a.line} notFound(${a.raw}`);
        for (const what of literals) codes.push({ where: `${rel}:${a.line}`, code: `${what}.not_found` });
      }
    }
    for (const m of text.matchAll(/\bProposalInvalid\([^;]*?,\s*'([^']+)'\)/g)) codes.push({ where: rel, code: m[1]! });
    if (rel === 'core/http/errors.ts') for (const m of text.matchAll(/\bcode: '([^']+)'/g)) codes.push({ where: rel, code: m[1]! });
    for (const code of INDIRECTIONS[rel]?.(text) ?? []) codes.push({ where: rel, code });
  }
  return { codes, unread };
}

describe('error codes', () => {
  it('are dotted identifiers without spaces', () => {
    for (const ok of ['station.not_found', 'transit.interior.not_found', 'gtfs.feed_reserved', 'request.rate_limited']) expect(isErrorCode(ok)).toBe(true);
    for (const bad of ['station interior.not_found', 'Dataset.not_found', 'not_found', 'a..b', '.a.b', 'a.b.', 'a.1b', 'a-b.c'])
      expect(isErrorCode(bad)).toBe(false);
  });

  it('notFound makes a code of that shape from anything, and keeps the message in words', () => {
    expect(notFound('transit.interior', 'station interior not found')).toMatchObject({
      code: 'transit.interior.not_found',
      status: 404,
      message: 'station interior not found',
    });
    expect(notFound('station_version')).toMatchObject({ code: 'station_version.not_found', message: 'station version not found' });
    for (const what of ['station interior', 'Dataset', ' Resource ', 'a..b', '1st thing', '역', 'call/opportunity', '']) {
      expect(notFound(what).code).toMatch(ERROR_CODE);
    }
    expect(notFound('station interior').code).toBe('station_interior.not_found');
  });

  it('every code written in the source has that shape', () => {
    const { codes, unread } = codesInSource();
    expect(unread).toEqual([]);
    expect(codes.length).toBeGreaterThan(200); // the scan found the codes (a broken pattern would find none)
    expect(codes.some((c) => c.code === 'transit.interior.not_found')).toBe(true);
    expect(codes.filter((c) => !isErrorCode(c.code))).toEqual([]);
  });
});
