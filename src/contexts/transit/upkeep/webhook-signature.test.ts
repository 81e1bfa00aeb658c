import { describe, expect, it } from 'vitest';
import { backoffMs, MAX_ATTEMPTS } from './deliver-webhooks.js';
import { effectiveStatus } from './facility-freshness.js';
import { probeImage } from './image-probe.js';
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

describe('stale operator status', () => {
  const details = (source: string, setAt: string) => JSON.stringify({ statusSource: source, statusSetAt: setAt });
  it('is unknown once not confirmed in time; other sources do not go stale', () => {
    const live = { status: 'available', details: details('operator_api', '2026-11-23T00:00:00Z') };
    expect(effectiveStatus(live, new Date('2026-11-23T00:29:59Z'), 30)).toMatchObject({ status: 'available', stale: false, staleAt: '2026-11-23T00:30:00.000Z' });
    expect(effectiveStatus(live, new Date('2026-11-23T00:30:00Z'), 30)).toMatchObject({ status: 'unknown', stale: true, reportedStatus: 'available' });
    expect(effectiveStatus({ status: 'not_available', details: details('staff', '2020-01-01T00:00:00Z') }, at, 30)).toMatchObject({ status: 'not_available', stale: false });
    expect(effectiveStatus({ status: 'available', details: '{}' }, at, 30)).toMatchObject({ status: 'available', stale: false, staleAt: null });
  });
});

describe('photos are what their bytes say', () => {
  it('reads PNG, JPEG and WebP sizes and refuses anything else', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000280000001e00806000000', 'hex');
    expect(probeImage(png)).toEqual({ mime: 'image/png', width: 640, height: 480 });
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0001108012c0190030122000211010311', 'hex');
    expect(probeImage(jpeg)).toEqual({ mime: 'image/jpeg', width: 400, height: 300 });
    const webp = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8X', 'latin1'), Buffer.alloc(8), Buffer.from([0x7f, 0x02, 0x00, 0xdf, 0x01, 0x00])]);
    expect(probeImage(webp)).toEqual({ mime: 'image/webp', width: 640, height: 480 });
    expect(probeImage(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(probeImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});
