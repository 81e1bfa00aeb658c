/**
 * Puts each node of each band (level) in a grid cell (row, column) so that pathways between levels run as
 * straight and as uncrossed as possible, the route's first. Rows keep the band's reading order; inside a
 * row every assignment of its nodes to columns is tried (at most 3·2·1) and the cheapest kept, band after
 * band, until nothing improves (coordinate descent). Deterministic: a tie keeps the current assignment.
 */
export interface Slot {
  row: number;
  col: number;
}
export interface WeightedPair {
  a: string;
  b: string;
  weight: number;
}

const MAX_PASSES = 8;
/** Counting crossings is quadratic in pathways; past this many the map is too dense for it to matter. */
const MAX_CROSSING_LINKS = 200;

export function placeColumns(bands: string[][], pairs: WeightedPair[], columns: number): Map<string, Slot> {
  const bandOf = new Map<string, number>();
  bands.forEach((ids, b) => ids.forEach((id) => bandOf.set(id, b)));
  const links = pairs.filter((p) => bandOf.has(p.a) && bandOf.has(p.b) && p.a !== p.b);
  const slots = new Map<string, Slot>();
  const centre = (columns - 1) / 2;
  // Start from the reading order, each row centred.
  for (const ids of bands) {
    for (let start = 0, row = 0; start < ids.length; start += columns, row++) {
      const chunk = ids.slice(start, start + columns);
      const first = Math.floor((columns - chunk.length) / 2);
      chunk.forEach((id, i) => slots.set(id, { row, col: first + i }));
    }
  }

  const cost = () => {
    let c = 0;
    for (const l of links) {
      const sa = slots.get(l.a)!;
      const sb = slots.get(l.b)!;
      const dc = Math.abs(sa.col - sb.col);
      if (bandOf.get(l.a) !== bandOf.get(l.b)) {
        c += l.weight * dc;
        // A straight line through a level it skips (a lift from B3 to B1) should not run over B2's nodes.
        if (dc === 0) c += 0.3 * l.weight * between(bandOf.get(l.a)!, bandOf.get(l.b)!, sa.col);
      }
      // On one row, a line longer than one column runs over the nodes between (it will have to bow).
      else if (sa.row === sb.row) c += 0.5 * l.weight * Math.max(0, dc - 1);
      else c += 0.2 * l.weight * dc;
    }
    // Crossings between lines joining the same two bands.
    for (let i = 0; i < (links.length <= MAX_CROSSING_LINKS ? links.length : 0); i++) {
      const p = links[i]!;
      const [pa, pb] = orient(p, bandOf);
      if (bandOf.get(pa) === bandOf.get(pb)) continue;
      for (let j = i + 1; j < links.length; j++) {
        const [qa, qb] = orient(links[j]!, bandOf);
        if (bandOf.get(qa) !== bandOf.get(pa) || bandOf.get(qb) !== bandOf.get(pb)) continue;
        const d = (slots.get(pa)!.col - slots.get(qa)!.col) * (slots.get(pb)!.col - slots.get(qb)!.col);
        if (d < 0) c += 2 * Math.max(p.weight, links[j]!.weight);
      }
    }
    for (const s of slots.values()) c += 0.01 * Math.abs(s.col - centre);
    return c;
  };

  const between = (b1: number, b2: number, col: number) => {
    let n = 0;
    for (let b = Math.min(b1, b2) + 1; b < Math.max(b1, b2); b++) n += bands[b]!.filter((id) => slots.get(id)!.col === col).length;
    return n;
  };
  let current = cost();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (const ids of bands) {
      for (let start = 0, row = 0; start < ids.length; start += columns, row++) {
        const chunk = ids.slice(start, start + columns);
        const before = chunk.map((id) => slots.get(id)!.col);
        let best = before;
        for (const cols of arrangements(columns, chunk.length)) {
          chunk.forEach((id, i) => slots.set(id, { row, col: cols[i]! }));
          const c = cost();
          if (c < current - 1e-9) {
            current = c;
            best = cols;
            improved = true;
          }
        }
        chunk.forEach((id, i) => slots.set(id, { row, col: best[i]! }));
      }
    }
    if (!improved) break;
  }
  return slots;
}

/** The pair with its upper band's end first, so two lines between the same bands compare end to end. */
function orient(p: WeightedPair, bandOf: Map<string, number>): [string, string] {
  return bandOf.get(p.a)! <= bandOf.get(p.b)! ? [p.a, p.b] : [p.b, p.a];
}

/** Every ordered choice of k distinct columns out of n, in lexicographic order. */
function arrangements(n: number, k: number): number[][] {
  const out: number[][] = [];
  const walk = (acc: number[]) => {
    if (acc.length === k) {
      out.push(acc);
      return;
    }
    for (let i = 0; i < n; i++) if (!acc.includes(i)) walk([...acc, i]);
  };
  walk([]);
  return out;
}
