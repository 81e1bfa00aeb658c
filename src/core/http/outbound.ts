import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * The one client for requests the platform makes to addresses others gave it (webhooks, status adapters, any
 * URL fetched for a user). The name is resolved here, every address is checked, and the connection goes to the
 * checked address (the socket's lookup is pinned to it, so a second DNS answer cannot swap it); each redirect
 * is checked the same way. Refused: private, loopback, link-local, CGNAT (100.64/10), unspecified, multicast,
 * reserved and documentation ranges, and IPv6 forms that embed IPv4 (mapped ::ffff:0:0/96, NAT64, 6to4,
 * Teredo). `allowPrivate` (WEBHOOK_ALLOW_PRIVATE, on only outside production) lets development and tests
 * deliver to a receiver on loopback.
 */
// One list per family: Node checks IPv4 addresses against IPv6 rules too (as ::ffff:a.b.c.d).
const blocked4 = new BlockList();
const blocked6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked6.addSubnet(net, prefix, 'ipv6');

/** True when `address` (an IP literal) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return false;
  return family === 4 ? !blocked4.check(bare, 'ipv4') : !blocked6.check(bare, 'ipv6');
}

export class OutboundRefused extends Error {
  constructor(readonly reason: 'scheme' | 'credentials' | 'address' | 'unresolved' | 'redirects') {
    super(`outbound request refused (${reason})`);
  }
}

export interface OutboundPolicy {
  /** Deliver to any address (development and tests only). */
  allowPrivate: boolean;
  /** Redirects followed (each checked); 0 = a 3xx is the answer. */
  maxRedirects?: number;
  timeoutMs?: number;
  /** Tests: replaces the address check. */
  isAllowed?: (address: string) => boolean;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  url: string;
}

/** Resolves `url`'s host and returns its addresses when every one is allowed; throws OutboundRefused otherwise. */
export async function checkedAddresses(url: URL, policy: OutboundPolicy): Promise<Array<{ address: string; family: 4 | 6 }>> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefused('scheme');
  if (url.username || url.password) throw new OutboundRefused('credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: 4 | 6 }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) as 4 | 6 }];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
    } catch {
      throw new OutboundRefused('unresolved');
    }
  }
  if (!addresses.length) throw new OutboundRefused('unresolved');
  const allowed = policy.isAllowed ?? ((a: string) => policy.allowPrivate || isPublicAddress(a));
  if (addresses.some((a) => !allowed(a.address))) throw new OutboundRefused('address');
  return addresses;
}

function requestOnce(
  url: URL,
  pinned: { address: string; family: 4 | 6 },
  init: { method: string; headers: Record<string, string>; body?: string },
  signal: AbortSignal,
) {
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = client.request(url, { method: init.method, headers: init.headers, lookup, signal, agent: false }, (res) => {
      res.resume(); // the status is the answer; the body is not kept
      resolve({ status: res.statusCode ?? 0, headers: res.headers, url: url.toString() });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Sends one request through the guard (see above); follows at most `maxRedirects` redirects, each checked. */
export async function guardedRequest(
  target: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
  policy: OutboundPolicy,
): Promise<OutboundResponse> {
  const signal = AbortSignal.timeout(policy.timeoutMs ?? 10_000);
  let url = new URL(target);
  let method = init.method;
  let body = init.body;
  for (let hop = 0; ; hop++) {
    const [first] = await checkedAddresses(url, policy);
    const response = await requestOnce(url, first!, { method, headers: init.headers ?? {}, ...(body === undefined ? {} : { body }) }, signal);
    const location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location || (policy.maxRedirects ?? 0) === 0) return response;
    if (hop >= (policy.maxRedirects ?? 0)) throw new OutboundRefused('redirects');
    url = new URL(location, url);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

/** What a caller of the platform may read about a failed request: a fixed phrase, never an address or a system message. */
export function publicOutboundError(error: unknown): string {
  if (error instanceof OutboundRefused) {
    return error.reason === 'address'
      ? 'refused: the address is not public'
      : error.reason === 'unresolved'
        ? 'the host name does not resolve'
        : error.reason === 'redirects'
          ? 'too many redirects'
          : 'refused: not an allowed URL';
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timed out';
  return 'connection failed';
}
