/**
 * The differencing guard's arithmetic, on record sets (no I/O). Each released cell of a result over restricted
 * data is the set of records it counts (their row numbers in the dataset version's file). What an analyst can
 * work out from two results without any further query: the count of any union of disjoint cells of one result
 * (by adding them up), and so the count of a difference whenever one such union lies inside another. The guard
 * compares a new result with each earlier result on the same dataset version and finds every nested pair among
 *  1. each new cell and the union of the earlier cells it meets,
 *  2. each earlier cell and the union of the new cells it meets,
 *  3. each connected group of overlapping new and earlier cells (their two unions),
 * and refuses the new result when a nested pair differs by 1 to k−1 records: a small cell revealed by subtraction
 * (28 − 23 = 5), by complement (a total minus the visible cells of a breakdown whose small cell was suppressed), or
 * by a tracker's padding. It also refuses
 *  4. a new cell and an earlier cell that overlap and differ by fewer than k records on each side: sliding
 *     windows (ids 1–20, then 2–21) whose averages or sums, subtracted, tie a few records' values together. Not covered: combinations of three or more results that only linear algebra would find
 * (the SDC literature's full audit problem); the human output check and the audit log are the backstop there.
 */
export interface EarlierResult {
  id: string;
  cells: number[][];
}
export interface Differencing {
  earlier: string;
  rule: 'new-in-earlier' | 'earlier-in-new' | 'overlap' | 'sliding';
  cell: number | null;
  derived: number;
}

const small = (d: number, k: number) => d > 0 && d < k;

export function findDifferencing(cells: number[][], earlier: EarlierResult[], k: number): Differencing | null {
  for (const e of earlier) {
    const found = compare(cells, e.cells, k);
    if (found) return { earlier: e.id, ...found };
  }
  return null;
}

function compare(news: number[][], olds: number[][], k: number): Omit<Differencing, 'earlier'> | null {
  const owner = new Map<number, number>();
  olds.forEach((c, j) => {
    for (const r of c) owner.set(r, j);
  });
  // Intersection sizes |X_i ∩ Y_j|, from the new cells' side.
  const meets: Array<Map<number, number>> = news.map((x) => {
    const m = new Map<number, number>();
    for (const r of x) {
      const j = owner.get(r);
      if (j !== undefined) m.set(j, (m.get(j) ?? 0) + 1);
    }
    return m;
  });
  const nested = (a: number, b: number, both: number) => (both === a ? b - a : both === b ? a - b : 0);
  // 4. pairs of cells that differ by fewer than k records on each side (nested pairs included)
  for (let i = 0; i < news.length; i++) {
    for (const [j, n] of meets[i]!) {
      const a = news[i]!.length - n;
      const b = olds[j]!.length - n;
      if ((a || b) && a < k && b < k)
        return { rule: nested(news[i]!.length, olds[j]!.length, n) ? 'new-in-earlier' : 'sliding', cell: i, derived: Math.max(a, b) };
    }
  }
  // 1. each new cell against the union of the earlier cells it meets
  for (let i = 0; i < news.length; i++) {
    if (!meets[i]!.size) continue;
    let union = 0;
    let both = 0;
    for (const [j, n] of meets[i]!) {
      union += olds[j]!.length;
      both += n;
    }
    const d = nested(news[i]!.length, union, both);
    if (small(d, k)) return { rule: 'new-in-earlier', cell: i, derived: d };
  }
  // 2. each earlier cell against the union of the new cells it meets
  const metBy: Array<Map<number, number>> = olds.map(() => new Map());
  meets.forEach((m, i) => {
    for (const [j, n] of m) metBy[j]!.set(i, n);
  });
  for (let j = 0; j < olds.length; j++) {
    if (!metBy[j]!.size) continue;
    let union = 0;
    let both = 0;
    for (const [i, n] of metBy[j]!) {
      union += news[i]!.length;
      both += n;
    }
    const d = nested(olds[j]!.length, union, both);
    if (small(d, k)) return { rule: 'earlier-in-new', cell: null, derived: d };
  }
  // 3. connected groups of overlapping cells (union-find over new cells 0..n-1 and earlier cells n..n+m-1)
  const parent = Array.from({ length: news.length + olds.length }, (_, i) => i);
  const find = (a: number): number => (parent[a] === a ? a : (parent[a] = find(parent[a]!)));
  meets.forEach((m, i) => {
    for (const j of m.keys()) parent[find(i)] = find(news.length + j);
  });
  const groups = new Map<number, { a: number; b: number; both: number }>();
  const group = (i: number) => {
    const g = find(i);
    let v = groups.get(g);
    if (!v) groups.set(g, (v = { a: 0, b: 0, both: 0 }));
    return v;
  };
  news.forEach((x, i) => {
    const g = group(i);
    g.a += x.length;
    for (const n of meets[i]!.values()) g.both += n;
  });
  olds.forEach((y, j) => {
    group(news.length + j).b += y.length;
  });
  for (const g of groups.values()) {
    if (!g.both) continue;
    const d = nested(g.a, g.b, g.both);
    if (small(d, k)) return { rule: 'overlap', cell: null, derived: d };
  }
  return null;
}

/** A sorted set of non-negative integers as text: deltas in LEB128 varints, base64url. */
export function encodeRecords(sorted: readonly number[]): string {
  const bytes: number[] = [];
  let prev = -1;
  for (const r of sorted) {
    let d = r - prev - 1;
    prev = r;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    bytes.push(d);
  }
  return Buffer.from(bytes).toString('base64url');
}

export function decodeRecords(text: string): number[] {
  const bytes = Buffer.from(text, 'base64url');
  const out: number[] = [];
  let prev = -1;
  let d = 0;
  let scale = 1;
  for (const b of bytes) {
    d += (b & 0x7f) * scale;
    if (b & 0x80) {
      scale *= 128;
      continue;
    }
    prev = prev + d + 1;
    out.push(prev);
    d = 0;
    scale = 1;
  }
  return out;
}
