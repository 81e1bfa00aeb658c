import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, criterionShare, priorityScore } from './priority.js';

const none = { supporters: 0, districts: 0, groups: 0, feasibility: null, reuse: null };

describe('priority rubric', () => {
  it('scores nothing for a request nobody supports and nobody assessed', () => {
    expect(priorityScore(DEFAULT_WEIGHTS, none).score).toBe(0);
  });
  it('reaches 100 with 100 supporters from every district and group, assessed 3 and 3', () => {
    expect(priorityScore(DEFAULT_WEIGHTS, { supporters: 100, districts: 25, groups: 6, feasibility: 3, reuse: 3 }).score).toBe(100);
  });
  it('counts the first supporters most and caps support at saturation', () => {
    const one = criterionShare('support', { ...none, supporters: 1 });
    const ten = criterionShare('support', { ...none, supporters: 10 });
    expect(ten - one).toBeGreaterThan(criterionShare('support', { ...none, supporters: 19 }) - ten);
    expect(criterionShare('support', { ...none, supporters: 5000 })).toBe(1);
  });
  it('needs spread across districts and groups for representativeness', () => {
    const manyDistrictsOneGroup = criterionShare('representativeness', { ...none, districts: 25, groups: 1 });
    const balanced = criterionShare('representativeness', { ...none, districts: 10, groups: 3 });
    expect(balanced).toBeGreaterThan(manyDistrictsOneGroup);
    expect(criterionShare('representativeness', { ...none, districts: 5, groups: 0 })).toBe(0);
  });
  it('shows every part with its points, summing to the score', () => {
    const { score, parts } = priorityScore(
      { support: 1, representativeness: 1, feasibility: 1, reuse: 1 },
      { supporters: 3, districts: 2, groups: 2, feasibility: 2, reuse: null },
    );
    expect(parts.map((p) => p.criterion)).toEqual(['support', 'representativeness', 'feasibility', 'reuse']);
    expect(parts.find((p) => p.criterion === 'feasibility')).toMatchObject({ value: 2, points: 16.7 });
    expect(parts.find((p) => p.criterion === 'reuse')).toMatchObject({ value: null, points: 0 });
    expect(Math.abs(parts.reduce((n, p) => n + p.points, 0) - score)).toBeLessThanOrEqual(0.2);
  });
  it('gives 0 when every weight is 0, and a weight of 0 removes a criterion', () => {
    expect(priorityScore({ support: 0, representativeness: 0, feasibility: 0, reuse: 0 }, { ...none, supporters: 50 }).score).toBe(0);
    expect(priorityScore({ support: 0, representativeness: 0, feasibility: 1, reuse: 0 }, { ...none, supporters: 50, feasibility: 3 }).score).toBe(100);
  });
});
