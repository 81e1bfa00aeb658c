import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecords, findDifferencing } from './differencing.js';
import { dominance, identifyingColumns, nearUnique } from './disclosure-rules.js';

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const K = 10;

describe('findDifferencing', () => {
  it('refuses a cell that sits inside an earlier one and differs by 1 to k−1 records (28 − 23 = 5)', () => {
    expect(findDifferencing([ids(0, 22)], [{ id: 'q1', cells: [ids(0, 27)] }], K)).toMatchObject({ earlier: 'q1', derived: 5 });
    expect(findDifferencing([ids(0, 27)], [{ id: 'q1', cells: [ids(0, 22)] }], K)).toMatchObject({ earlier: 'q1', derived: 5 });
  });

  it('refuses a total when an earlier breakdown suppressed a small cell (complementary disclosure)', () => {
    // earlier: 40-59 → 23 records released, 20-29 → 5 records suppressed (not in the ledger); now the total of 28
    expect(findDifferencing([ids(0, 27)], [{ id: 'q1', cells: [ids(5, 27)] }], K)).toMatchObject({ derived: 5 });
    // and the other way round: a breakdown whose released cells fall 5 short of an earlier total
    expect(findDifferencing([ids(5, 14), ids(15, 27)], [{ id: 'q1', cells: [ids(0, 27)] }], K)).toMatchObject({ rule: 'earlier-in-new', derived: 5 });
  });

  it('refuses sliding windows and unions that fall a few records short', () => {
    expect(findDifferencing([ids(1, 20)], [{ id: 'q1', cells: [ids(0, 19)] }], K)).toMatchObject({ rule: 'sliding' });
    // two earlier cells of 20 cover a new cell of 37: their union minus it is 3 records
    expect(findDifferencing([ids(0, 36)], [{ id: 'q1', cells: [ids(0, 19), ids(20, 39)] }], K)).toMatchObject({ rule: 'new-in-earlier', derived: 3 });
  });

  it('lets through identical, disjoint and coarser-or-finer results that differ by k or more', () => {
    expect(findDifferencing([ids(0, 27)], [{ id: 'q1', cells: [ids(0, 27)] }], K)).toBeNull();
    expect(findDifferencing([ids(0, 99)], [{ id: 'q1', cells: [ids(0, 49), ids(50, 99)] }], K)).toBeNull();
    expect(
      findDifferencing(
        [ids(0, 49), ids(50, 99)],
        [
          { id: 'q1', cells: [ids(0, 99)] },
          { id: 'q2', cells: [ids(200, 300)] },
        ],
        K,
      ),
    ).toBeNull();
    expect(findDifferencing([ids(0, 39)], [{ id: 'q1', cells: [ids(0, 19)] }], K)).toBeNull();
  });
});

describe('record-set codec', () => {
  it('round-trips sorted sets, large gaps included, in a few bytes for runs', () => {
    const set = [0, 1, 2, 3, 127, 128, 300, 16_384, 2_000_000_000];
    expect(decodeRecords(encodeRecords(set))).toEqual(set);
    expect(encodeRecords(ids(0, 999)).length).toBeLessThan(1400);
    expect(decodeRecords(encodeRecords([]))).toEqual([]);
  });
});

describe('cell rules', () => {
  it('dominance: the (1,50) and (2,67) rules, and the p% rule under looser (n,k) settings', () => {
    expect(dominance(1000, [510, 20])).toBe('nk');
    expect(dominance(1000, [400, 300])).toBe('nk');
    expect(dominance(1000, [400, 250])).toBeNull();
    expect(dominance(1000, [480, 480], { nk: [[2, 99]], pPercent: 10 })).toBe('p');
    expect(dominance(1000, [100, 90])).toBeNull();
    expect(dominance(0, [])).toBeNull();
  });

  it('near-unique breakdowns and identifying columns', () => {
    expect(nearUnique(10, 6)).toBe(true);
    expect(nearUnique(10, 5)).toBe(false);
    expect(nearUnique(4, 4)).toBe(false);
    expect(identifyingColumns(1000, { record_id: 1000, phone: 600, district: 25 })).toEqual(['record_id', 'phone']);
  });
});
