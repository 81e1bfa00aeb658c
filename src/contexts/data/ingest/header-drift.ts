/**
 * Header drift between editions of one dataset (pure). Seoul Metro's congestion files rename columns every few
 * years: `5:30~ (%)` (2017), `5시30분` (2019), `05:30`; `역명` → `출발역`; `구분` → `상하구분`, `방향`. A new version's
 * columns are matched to the previous published version's: same name, then same normalised name, then the same
 * meaning (a small synonym table), then similar spelling. The match is a suggestion: the publisher confirms it
 * by passing `columnMap` ({ new name: previous name }) at publish.
 */
export interface HeaderDrift {
  previousVersion: number;
  added: string[];
  removed: string[];
  renamed: Array<{ previous: string; current: string; reason: 'normalised' | 'synonym' | 'similar' }>;
  unchanged: number;
  /** { new name: previous name } for every suggested rename. */
  suggestedColumnMap: Record<string, string>;
}

/** Same meaning, different words, as seen across Seoul's editions. */
const SYNONYMS: string[][] = [
  ['역명', '출발역', '역이름', '역사명', '전철역명', 'station', 'stationname'],
  ['구분', '상하구분', '방향', '상하행구분', '상하선', 'direction'],
  ['요일', '요일구분', '사용일', '조사일자', 'daytype'],
  ['역번호', '역번', '역코드', '전철역코드', 'stationcode'],
  ['호선', '노선', '노선명', '호선명', 'line'],
  ['연번', '순번', '번호', 'no'],
];

const TIME_SLOT = /^(\d{1,2})\s*(?::|시)\s*(\d{2})\s*(?:분)?\s*~?\s*(?:\(%\))?$/;

/** A comparable form of a column name: time slots as HH:MM (24:30 = 00:30), no spaces, no trailing (%). */
export function normaliseColumn(name: string): string {
  const text = name.normalize('NFKC').trim().toLowerCase();
  const slot = TIME_SLOT.exec(text);
  if (slot) return `${String(Number(slot[1]) % 24).padStart(2, '0')}:${slot[2]}`;
  return text.replace(/\s+/g, '').replace(/~?\(%\)$/, '');
}

const synonymKey = (name: string) => {
  const n = normaliseColumn(name);
  const group = SYNONYMS.find((g) => g.includes(n));
  return group ? `syn:${group[0]}` : null;
};

const bigrams = (s: string) => {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
};

/** Dice coefficient of character bigrams, 0..1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(normaliseColumn(a));
  const y = bigrams(normaliseColumn(b));
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return (2 * both) / (x.size + y.size);
}

const SIMILAR = 0.6;

export function compareHeaders(previous: string[], current: string[], previousVersion: number): HeaderDrift | null {
  const prevLeft = new Set(previous);
  const curLeft = new Set(current);
  let unchanged = 0;
  for (const name of current) {
    if (prevLeft.has(name)) {
      prevLeft.delete(name);
      curLeft.delete(name);
      unchanged++;
    }
  }
  const renamed: HeaderDrift['renamed'] = [];
  const pair = (key: (n: string) => string | null, reason: HeaderDrift['renamed'][number]['reason']) => {
    for (const cur of [...curLeft]) {
      const k = key(cur);
      if (k === null) continue;
      const prev = [...prevLeft].find((p) => key(p) === k);
      if (prev === undefined) continue;
      renamed.push({ previous: prev, current: cur, reason });
      prevLeft.delete(prev);
      curLeft.delete(cur);
    }
  };
  pair(normaliseColumn, 'normalised');
  pair(synonymKey, 'synonym');
  for (const cur of [...curLeft]) {
    const best = [...prevLeft].map((p) => ({ p, s: similarity(p, cur) })).sort((a, b) => b.s - a.s)[0];
    if (best && best.s >= SIMILAR) {
      renamed.push({ previous: best.p, current: cur, reason: 'similar' });
      prevLeft.delete(best.p);
      curLeft.delete(cur);
    }
  }
  const added = current.filter((c) => curLeft.has(c));
  const removed = previous.filter((p) => prevLeft.has(p));
  if (!added.length && !removed.length && !renamed.length) return null;
  return {
    previousVersion,
    added,
    removed,
    renamed,
    unchanged,
    suggestedColumnMap: Object.fromEntries(renamed.map((r) => [r.current, r.previous])),
  };
}
