import { describe, expect, it } from 'vitest';
import { isSignedCertificateId, newCertificateId } from './certificate-token.js';

const SECRET = 'a test secret that is long enough';

describe('certificate ids', () => {
  it('are unguessable and verify under the secret that signed them', () => {
    const a = newCertificateId(SECRET);
    const b = newCertificateId(SECRET);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/);
    expect(isSignedCertificateId(SECRET, a)).toBe(true);
  });
  it('refuses forged, altered and foreign ids', () => {
    const id = newCertificateId(SECRET, Buffer.alloc(16, 7));
    const [body, sig] = id.split('.') as [string, string];
    expect(isSignedCertificateId(SECRET, `${body.slice(0, -1)}${body.endsWith('A') ? 'B' : 'A'}.${sig}`)).toBe(false);
    expect(isSignedCertificateId(SECRET, `${body}.${'x'.repeat(16)}`)).toBe(false);
    expect(isSignedCertificateId('another secret entirely', id)).toBe(false);
    expect(isSignedCertificateId(SECRET, 'not-a-certificate')).toBe(false);
    expect(isSignedCertificateId(SECRET, '')).toBe(false);
  });
});
