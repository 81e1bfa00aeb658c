import { randomUUID } from 'node:crypto';

/**
 * The requests the Python `ckanapi` client sends, reproduced byte for byte where it matters (PyPI is not
 * reachable here, so the client itself cannot run). Sources, read from ckan/ckanapi on GitHub:
 * - ckanapi/common.py `prepare_action`: the URL is `api/action/<name>` under the address; a JSON body is
 *   `json.dumps(data_dict).encode('ascii')` (non-ASCII escaped as \uXXXX, `", "` and `": "` separators) with
 *   `Content-Type: application/json`; with files, every field is sent as text in a multipart body (None dropped,
 *   numbers as str); an API key goes bare into both `X-CKAN-API-Key` and `Authorization`.
 * - ckanapi/remoteckan.py `RemoteCKAN.call_action`: `User-Agent: ckanapi/<version> (+https://github.com/ckan/ckanapi)`;
 *   `requests` POST (`data=…, files=…`) or, with `get_only=True`, GET with the dict as query parameters.
 * - common.py `reverse_apicontroller_action`: `success` → result; otherwise `error.__type` picks the exception
 *   (Validation Error → ValidationError(err), Not Found Error → NotFound, Authorization Error → NotAuthorized,
 *   Search Query Error → SearchQueryError; anything else CKANAPIError).
 */
export class CkanApiError extends Error {
  constructor(
    readonly kind: 'ValidationError' | 'NotFound' | 'NotAuthorized' | 'SearchQueryError' | 'SearchError' | 'CKANAPIError',
    readonly status: number,
    readonly error: Record<string, unknown>,
  ) {
    super(`${kind} (${status}): ${JSON.stringify(error)}`);
  }
}

/** Python's json.dumps with its defaults (ensure_ascii=True, separators (', ', ': ')). */
export function pythonJsonDumps(value: unknown): string {
  const ascii = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return ascii(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${ascii(k)}: ${pythonJsonDumps(v)}`)
    .join(', ')}}`;
}

export interface FileField {
  filename: string;
  data: Buffer;
}

export class RemoteCkan {
  constructor(
    readonly address: string,
    readonly apikey?: string,
    readonly opts: { getOnly?: boolean } = {},
  ) {}

  async callAction(action: string, dataDict: Record<string, unknown> = {}, files?: Record<string, FileField>): Promise<any> {
    const headers: Record<string, string> = { 'User-Agent': 'ckanapi/4.8 (+https://github.com/ckan/ckanapi)' };
    if (this.apikey) {
      headers['X-CKAN-API-Key'] = this.apikey;
      headers.Authorization = this.apikey;
    }
    const url = `${this.address.replace(/\/$/, '')}/api/action/${action}`;
    let res: Response;
    if (this.opts.getOnly) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(dataDict)) for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
      res = await fetch(`${url}?${q}`, { headers });
    } else if (files) {
      const boundary = randomUUID().replace(/-/g, '');
      const parts: Buffer[] = [];
      for (const [k, v] of Object.entries(dataDict)) {
        if (v === null || v === undefined) continue;
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`));
      }
      for (const [k, f] of Object.entries(files)) {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.filename}"\r\n\r\n`), f.data, Buffer.from('\r\n'));
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      res = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        body: Buffer.concat(parts),
        redirect: 'manual',
      });
    } else {
      res = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: Buffer.from(pythonJsonDumps(dataDict), 'ascii'),
        redirect: 'manual',
      });
    }
    const text = await res.text();
    let parsed: { success?: boolean; result?: unknown; error?: Record<string, unknown> } = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CkanApiError('CKANAPIError', res.status, { body: text.slice(0, 200) });
    }
    if (parsed.success) return parsed.result;
    const err = parsed.error ?? {};
    const kind =
      (
        {
          'Validation Error': 'ValidationError',
          'Not Found Error': 'NotFound',
          'Authorization Error': 'NotAuthorized',
          'Search Query Error': 'SearchQueryError',
          'Search Error': 'SearchError',
        } as const
      )[String(err.__type)] ?? 'CKANAPIError';
    throw new CkanApiError(kind, res.status, err);
  }

  /** ckanapi's `ckan.action.<name>(**kwargs)` (ActionShortcut): file-like values are sent as files. */
  action(name: string, kwargs: Record<string, unknown> = {}) {
    const files = Object.fromEntries(Object.entries(kwargs).filter(([, v]) => (v as FileField)?.data instanceof Buffer)) as Record<string, FileField>;
    const rest = Object.fromEntries(Object.entries(kwargs).filter(([k]) => !(k in files)));
    return this.callAction(name, rest, Object.keys(files).length ? files : undefined);
  }
}
