import type { APIRequestContext } from '@playwright/test';
import createClient from 'openapi-fetch';
import type { paths } from '../api-client/schema.js';

/**
 * The typed API client (types generated from openapi.json) over a Playwright request context: its base URL, its
 * cookies. A spec that reads a field the API no longer has, or sends one it no longer takes, fails `tsc -p e2e`.
 */
export function apiClient(request: APIRequestContext, headers: Record<string, string> = {}) {
  return createClient<paths>({
    baseUrl: 'http://api.invalid', // replaced by the context's own base URL below
    fetch: async (input: Request) => {
      const url = new URL(input.url);
      const body = input.body ? Buffer.from(await input.arrayBuffer()) : undefined;
      const res = await request.fetch(`${url.pathname}${url.search}`, {
        method: input.method,
        headers: { ...Object.fromEntries(input.headers.entries()), ...headers },
        ...(body ? { data: body } : {}),
      });
      const empty = res.status() === 204 || res.status() === 304;
      return new Response(empty ? null : new Uint8Array(await res.body()), { status: res.status(), headers: res.headers() });
    },
  });
}
