import { describe, expect, it } from 'vitest';
import { safeLocalPath } from './safe-redirect.js';

describe('safeLocalPath', () => {
  it.each([
    '/\\evil.example/x',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%09/evil.example',
    '//evil.example',
    '///evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'data:text/html,x',
    'evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' /x',
    '/x\u0000',
    '/%00',
    '/%E0%A4%A',
    '',
    '/\u2028/evil.example',
    '/%255Cevil.example',
    'http:/evil.example',
    '\u0000//evil.example',
  ])('refuses %j', (next) => {
    expect(safeLocalPath(next, '/account')).toBe('/account');
  });

  it.each([
    ['/plan/commitments/transit?tab=2#c', '/plan/commitments/transit?tab=2#c'],
    ['/transit/stations/0150/edit', '/transit/stations/0150/edit'],
    ['/data?q=%EC%A7%80%ED%95%98%EC%B2%A0', '/data?q=%EC%A7%80%ED%95%98%EC%B2%A0'],
    ['/', '/'],
    ['/a/../b', '/b'],
  ])('keeps the same-origin path %j', (next, expected) => {
    expect(safeLocalPath(next, '/account')).toBe(expected);
  });

  it('refuses what is not a string', () => {
    expect(safeLocalPath(['/x'], '/')).toBe('/');
    expect(safeLocalPath(undefined, '/')).toBe('/');
  });
});
