import { describe, expect, it } from 'vitest';
import { effectiveStatus } from './facility-freshness.js';

const at = new Date('2026-11-23T01:00:00Z');

describe('stale operator status', () => {
  const details = (source: string, setAt: string) => JSON.stringify({ statusSource: source, statusSetAt: setAt });
  it('is unknown once not confirmed in time; other sources do not go stale', () => {
    const live = { status: 'available', details: details('operator_api', '2026-11-23T00:00:00Z') };
    expect(effectiveStatus(live, new Date('2026-11-23T00:29:59Z'), 30)).toMatchObject({
      status: 'available',
      stale: false,
      staleAt: '2026-11-23T00:30:00.000Z',
    });
    expect(effectiveStatus(live, new Date('2026-11-23T00:30:00Z'), 30)).toMatchObject({ status: 'unknown', stale: true, reportedStatus: 'available' });
    expect(effectiveStatus({ status: 'not_available', details: details('staff', '2020-01-01T00:00:00Z') }, at, 30)).toMatchObject({
      status: 'not_available',
      stale: false,
    });
    expect(effectiveStatus({ status: 'available', details: '{}' }, at, 30)).toMatchObject({ status: 'available', stale: false, staleAt: null });
  });
});
