import fc from 'fast-check';
import type { App } from '../../src/core/context.js';

/** One operation of openapi.json: its method, path template, parameters and whether it takes a body. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: Array<{ name: string; in: 'path' | 'query'; schema?: { type?: string } }>;
  body?: { contentTypes: string[]; properties: Record<string, { type?: string }> };
}

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Operation['params']; requestBody?: { content: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }> } }
    >
  >;
};

export function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => {
        const contentTypes = op.requestBody ? Object.keys(op.requestBody.content) : [];
        const properties = op.requestBody ? (Object.values(op.requestBody.content)[0]?.schema?.properties ?? {}) : {};
        return {
          method: m.toUpperCase() as Operation['method'],
          path,
          params: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
          ...(op.requestBody ? { body: { contentTypes, properties } } : {}),
        };
      }),
  );
}

/** Values a careless or hostile client sends: wrong types, huge and negative numbers, odd Unicode, traversal. */
const nastyText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '-0',
    '1e308',
    '-1e308',
    '1e-308',
    '9007199254740993',
    '99999999999999999999999',
    'NaN',
    'Infinity',
    '0x10',
    '1.5',
    'true',
    'null',
    '../../../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f',
    '..\\..\\windows',
    '/',
    '//',
    '%00',
    '\u0000',
    '%',
    '%zz',
    '%E0%A4%A',
    '<img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    '"; DROP TABLE x; --',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, deliberately a plain string
    '${7*7}',
    '{{7*7}}',
    '\u202e',
    '\ud800',
    '🙂'.repeat(300),
    '가'.repeat(5000),
    'a'.repeat(70_000),
    '2026-02-30',
    '9999-99-99T99:99',
    '[]',
    '{}',
    '[object Object]',
    'ko',
    'en',
    'zz',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0, true, false, null),
  fc.array(nastyText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), nastyText, { maxKeys: 3 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant({ constructor: { prototype: { x: 1 } } }),
);

const encodePath = (text: string, raw: boolean) => {
  const value = (text as string & { toWellFormed(): string }).toWellFormed(); // a URL carries no lone surrogate
  if (!raw) return encodeURIComponent(value);
  // Raw: what a client might put in the URL itself (kept to characters inject accepts).
  return value.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)).replace(/[#?]/g, (c) => encodeURIComponent(c));
};

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string;
  authenticated: boolean;
}

export function requestFor(operations: Operation[]): fc.Arbitrary<FuzzRequest> {
  return fc.integer({ min: 0, max: operations.length - 1 }).chain((i) => {
    const op = operations[i]!;
    const pathParams = op.params.filter((p) => p.in === 'path');
    const queryParams = op.params.filter((p) => p.in === 'query');
    return fc
      .record({
        path: fc.tuple(...pathParams.map(() => fc.tuple(nastyText, fc.boolean())), fc.constant(null)),
        query: fc.subarray(queryParams).chain((ps) => fc.tuple(...ps.map((p) => fc.tuple(fc.constant(p.name), nastyText)), fc.constant(null))),
        extraQuery: fc.option(fc.tuple(nastyText, nastyText), { nil: undefined }),
        bodyKind: fc.constantFrom('json-wrong-types', 'json-junk', 'not-json', 'multipart-not-multipart', 'urlencoded', 'text', 'xml', 'empty-json', 'none'),
        bodyValues: fc.tuple(...Object.keys(op.body?.properties ?? {}).map((k) => fc.tuple(fc.constant(k), nastyJson)), fc.constant(null)),
        junk: nastyJson,
        authenticated: fc.boolean(),
      })
      .map(({ path, query, extraQuery, bodyKind, bodyValues, junk, authenticated }) => {
        let url = op.path;
        pathParams.forEach((p, k) => {
          const [value, raw] = path[k] as [string, boolean];
          url = url.replace(`{${p.name}}`, encodePath(value, raw) || 'x');
        });
        const search = new URLSearchParams();
        for (const pair of query.slice(0, -1) as Array<[string, string]>) search.append(pair[0], pair[1]);
        if (extraQuery) search.append(extraQuery[0], extraQuery[1]);
        const qs = search.toString();
        if (qs) url += `?${qs}`;
        const headers: Record<string, string> = { accept: 'application/json' };
        let payload: string | undefined;
        if (op.method !== 'GET' && bodyKind !== 'none') {
          const wrong = Object.fromEntries(bodyValues.slice(0, -1) as Array<[string, unknown]>);
          switch (bodyKind) {
            case 'json-wrong-types':
              headers['content-type'] = 'application/json';
              payload = JSON.stringify(wrong);
              break;
            case 'json-junk':
              headers['content-type'] = 'application/json';
              payload = JSON.stringify(junk) ?? 'null';
              break;
            case 'not-json':
              headers['content-type'] = 'application/json';
              payload = '{"a": 1,,}';
              break;
            case 'multipart-not-multipart':
              headers['content-type'] = 'multipart/form-data; boundary=zzz';
              payload = JSON.stringify(wrong);
              break;
            case 'urlencoded':
              headers['content-type'] = 'application/x-www-form-urlencoded';
              payload = new URLSearchParams(
                Object.entries(wrong).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
              ).toString();
              break;
            case 'text':
              headers['content-type'] = 'text/plain';
              payload = typeof junk === 'string' ? junk : (JSON.stringify(junk) ?? '');
              break;
            case 'xml':
              headers['content-type'] = 'application/xml';
              payload = '<a>1</a>';
              break;
            case 'empty-json':
              headers['content-type'] = 'application/json';
              payload = '';
              break;
          }
        }
        return { method: op.method, url, headers, ...(payload === undefined ? {} : { payload }), authenticated };
      });
  });
}

export interface FuzzFailure {
  request: FuzzRequest;
  status: number;
  body: string;
}

/** Sends `runs` seeded requests; returns every one answered with a status >= 500. */
export async function fuzzOperations(app: App, operations: Operation[], opts: { runs: number; seed: number; auth: Record<string, string> }) {
  const failures: FuzzFailure[] = [];
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(requestFor(operations), async (r) => {
      sent++;
      const res = await app.inject({
        method: r.method,
        url: r.url,
        headers: { ...r.headers, ...(r.authenticated ? opts.auth : {}) },
        ...(r.payload === undefined ? {} : { payload: r.payload }),
      });
      if (res.statusCode >= 500) failures.push({ request: r, status: res.statusCode, body: res.body.slice(0, 300) });
      return true; // collect them all, report at the end
    }),
    { numRuns: opts.runs, seed: opts.seed, endOnFailure: true },
  );
  return { sent, failures };
}
