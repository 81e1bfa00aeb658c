/**
 * A client of the Seoul Open API (openapi.seoul.go.kr:8088) in its URL form `{base}/{KEY}/json/{SERVICE}/{START}/{END}/`.
 * Its answers (as public clients of SeoulMetroFaciInfo read them): success is `{ SERVICE: { list_total_count, RESULT:
 * { CODE: 'INFO-000', MESSAGE }, row: [...] } }`; a problem comes with HTTP 200 too, as a top-level
 * `{ RESULT: { CODE, MESSAGE } }` (INFO-100 a wrong key, INFO-200 no data, ERROR-3xx/5xx/6xx request or server errors),
 * so the code is read, not the HTTP status. Rows carry no time: the response's Date header is the time the source gives.
 */
export const PAGE_MAX = 1000;

export interface OpenApiPage {
  total: number;
  rows: Array<Record<string, string>>;
  sourceTime: string | null;
}

export class OpenApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OpenApiError';
  }
}

/** The URL of one page; the key is a path segment (kept out of every message and log: see `describe`). */
export const pageUrl = (base: string, key: string, service: string, start: number, end: number) =>
  `${base}/${encodeURIComponent(key)}/json/${encodeURIComponent(service)}/${start}/${end}/`;

export function parsePage(service: string, body: unknown, dateHeader: string | null): OpenApiPage {
  const b = (body ?? {}) as Record<string, { list_total_count?: unknown; RESULT?: { CODE?: string; MESSAGE?: string }; row?: unknown } | undefined> & {
    RESULT?: { CODE?: string; MESSAGE?: string };
  };
  const sourceTime = dateHeader && !Number.isNaN(Date.parse(dateHeader)) ? new Date(dateHeader).toISOString() : null;
  const wrapped = b[service];
  const result = wrapped?.RESULT ?? b.RESULT;
  const code = result?.CODE ?? 'none';
  if (code === 'INFO-200') return { total: 0, rows: [], sourceTime };
  if (code !== 'INFO-000' || !wrapped) throw new OpenApiError(code, `${code}: ${result?.MESSAGE ?? 'an answer without a RESULT'}`);
  const rows = Array.isArray(wrapped.row) ? (wrapped.row as Array<Record<string, string>>) : [];
  return { total: Number(wrapped.list_total_count ?? rows.length), rows, sourceTime };
}

/** Every row of a service, page by page (`pageSize` at most 1000, the API's limit). */
export async function fetchAll(opts: { base: string; key: string; service: string; pageSize?: number; timeoutMs?: number }): Promise<OpenApiPage> {
  const size = Math.min(opts.pageSize ?? PAGE_MAX, PAGE_MAX);
  const rows: Array<Record<string, string>> = [];
  let total = Infinity;
  let sourceTime: string | null = null;
  for (let start = 1; start <= total; start += size) {
    let response: Response;
    try {
      response = await fetch(pageUrl(opts.base, opts.key, opts.service, start, start + size - 1), {
        signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      throw new OpenApiError('network', `the status API did not answer (${(error as Error).name === 'TimeoutError' ? 'timeout' : 'connection failed'})`);
    }
    if (response.status !== 200) throw new OpenApiError(`http-${response.status}`, `HTTP ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new OpenApiError('not-json', 'the answer is not JSON');
    }
    const page = parsePage(opts.service, body, response.headers.get('date'));
    total = page.total;
    rows.push(...page.rows);
    // The oldest page's time: a status is never said to be newer than the page it came in.
    if (page.sourceTime && (!sourceTime || page.sourceTime < sourceTime)) sourceTime = page.sourceTime;
    if (!page.rows.length) break;
  }
  return { total: Number.isFinite(total) ? total : rows.length, rows, sourceTime };
}
