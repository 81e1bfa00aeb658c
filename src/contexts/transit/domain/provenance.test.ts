import { describe, expect, it } from 'vitest';
import { provenanceOf, weakest } from './provenance.js';

describe('provenance', () => {
  it('is surveyed only where an approved survey wrote the row', () => {
    expect(provenanceOf(JSON.stringify({ source: 'surveyed', proposalId: 'p1' }))).toBe('surveyed');
    expect(provenanceOf(JSON.stringify({ source: 'derived', method: 'derived from open data' }))).toBe('derived');
    expect(provenanceOf(JSON.stringify({ source: 'gtfs', feed: 'detroit', file: 'pathways.txt' }))).toBe('derived');
    expect(provenanceOf(JSON.stringify({ source: 'proposal', proposalId: 'p2' }))).toBe('derived');
    expect(provenanceOf(JSON.stringify({ source: 'estimated' }))).toBe('estimated');
    expect(provenanceOf(JSON.stringify({ verified: true }))).toBe('unknown');
    expect(provenanceOf('not json')).toBe('unknown');
    expect(provenanceOf(null)).toBe('unknown');
  });

  it('rates a whole answer by its weakest part', () => {
    expect(weakest(['surveyed', 'surveyed'])).toBe('surveyed');
    expect(weakest(['surveyed', 'derived'])).toBe('derived');
    expect(weakest(['derived', 'estimated', 'surveyed'])).toBe('estimated');
    expect(weakest(['surveyed', 'unknown', 'derived'])).toBe('unknown');
    expect(weakest([])).toBe('unknown');
  });
});
