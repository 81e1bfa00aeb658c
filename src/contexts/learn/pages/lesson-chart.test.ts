import { describe, expect, it } from 'vitest';
import { axisRange } from './lesson-chart.js';

describe('chart axes', () => {
  it('start at zero unless the lesson asks for a cut axis', () => {
    expect(axisRange([44, 40.4, 23.7], 'zero')).toMatchObject({ from: 0 });
    expect(axisRange([44, 40.4, 23.7], undefined).to).toBeGreaterThanOrEqual(44);
    const cut = axisRange([18.1, 19.4, 20.3], 'cut');
    expect(cut.from).toBeGreaterThan(0);
    expect(cut.from).toBeLessThanOrEqual(18.1);
    expect(cut.to).toBeGreaterThanOrEqual(20.3);
  });
});
