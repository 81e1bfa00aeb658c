import { describe, expect, it } from 'vitest';
import { backoffMs, MAX_ATTEMPTS } from './deliver-webhooks.js';
import { signPayload, verifySignature } from './webhook-signature.js';

const at = new Date('2026-11-23T01:00:00Z');
const secret = 'a'.repeat(64);

describe('signatures', () => {
  it('verifies its own, and refuses a wrong secret, an altered body, an old timestamp and garbage', () => {
    const body = '{"seq":1}';
    const sig = signPayload(secret, body, at);
    expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, sig, body, at)).toEqual({ ok: true });
    expect(verifySignature('b'.repeat(64), sig, body, at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(secret, sig, '{"seq":2}', at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(secret, sig, body, new Date(at.getTime() + 301_000))).toEqual({ ok: false, reason: 'expired' });
    expect(verifySignature(secret, undefined, body, at)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature(secret, 'v1=abc', body, at)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('retries', () => {
  it('doubles the wait from 30 s and gives up after a bounded number of attempts', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(MAX_ATTEMPTS).toBeGreaterThan(3);
  });
});
