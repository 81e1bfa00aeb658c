import { randomBytes } from 'node:crypto';
import { hmac, safeEqual } from '../../../core/auth/secrets.js';

/**
 * A certificate's public id: 16 random bytes and an HMAC of them under the platform secret. The random part
 * makes it unguessable; the signature lets a forged or mistyped id be refused before any lookup, with a clear
 * answer ("this certificate number is not one we issued"), and nothing changes.
 */
const SHAPE = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/;

export function newCertificateId(secret: string, random: Buffer = randomBytes(16)): string {
  const body = random.toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export function isSignedCertificateId(secret: string, id: string): boolean {
  if (!SHAPE.test(id)) return false;
  const [body, signature] = id.split('.') as [string, string];
  return safeEqual(signature, sign(secret, body));
}

const sign = (secret: string, body: string) => hmac(secret, `learn-certificate:${body}`).slice(0, 16);
