import { describe, expect, it } from 'vitest';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('열린서울-비밀번호');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('열린서울-비밀번호', stored)).toBe(true);
    expect(await verifyPassword('wrong', stored)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('tokens', () => {
  it('are random and hashed deterministically', () => {
    const t = newToken('os_');
    expect(t).toMatch(/^os_[\w-]{32}$/);
    expect(hashToken(t)).toBe(hashToken(t));
    expect(newToken()).not.toBe(newToken());
  });
});
