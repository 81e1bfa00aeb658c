import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed payloads, as Stripe and GitHub sign theirs: header `X-Open-Seoul-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 = HMAC-SHA256(secret, `${t}.${body}`). The timestamp bounds replays; receivers compare in constant time.
 */
export const SIGNATURE_HEADER = 'x-open-seoul-signature';
export const DEFAULT_TOLERANCE_S = 300;

export function signPayload(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

export function verifySignature(secret: string, header: string | undefined, body: string, now: Date, toleranceS = DEFAULT_TOLERANCE_S): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceS) return { ok: false, reason: 'expired' };
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
