import { describe, expect, it } from 'vitest';
import { contrastRatio, PALETTE } from './map-palette.js';

describe('map palette (WCAG 2.1)', () => {
  const backgrounds = [PALETTE.bandA, PALETTE.bandB, PALETTE.page];

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5);
  });

  it('keeps text at 4.5:1 or more on every background', () => {
    for (const bg of backgrounds) {
      for (const fg of [PALETTE.text, PALETTE.muted, PALETTE.route, PALETTE.blocked])
        expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    // Step numbers: white on the route colour.
    expect(contrastRatio(PALETTE.onRoute, PALETTE.route)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps graphics (route, other pathways, crosses, exits, platforms) at 3:1 or more', () => {
    for (const bg of backgrounds) {
      for (const fg of [PALETTE.route, PALETTE.edge, PALETTE.blocked, PALETTE.entrance, PALETTE.platform])
        expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });
});
