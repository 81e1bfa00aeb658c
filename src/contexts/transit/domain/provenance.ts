import type { Text } from '../routing/route-types.js';

/**
 * How we know what we tell people, in one vocabulary for every place, pathway, transfer, journey leg and
 * whole answer:
 * - `surveyed`: checked in the field, in a survey that a steward approved (the only way to reach it);
 * - `derived`: computed from published data (the operators' open data, an agency's GTFS feed, a steward's
 *   edit in the editor) without anyone checking it on site;
 * - `estimated`: an assumption or a figure inferred from another (a transfer time from a distance, a run
 *   time from the distance, a position taken from the station's centre);
 * - `unknown`: the data says nothing.
 * Ordered from strongest to weakest; an answer is only as sure as its weakest part.
 */
export const PROVENANCES = ['surveyed', 'derived', 'estimated', 'unknown'] as const;
export type Provenance = (typeof PROVENANCES)[number];

const rank = (p: Provenance) => PROVENANCES.indexOf(p);

/** The weakest of the parts ('unknown' for no parts at all: nothing was known). */
export function weakest(parts: Iterable<Provenance>): Provenance {
  let worst: Provenance | null = null;
  for (const p of parts) if (worst === null || rank(p) > rank(worst)) worst = p;
  return worst ?? 'unknown';
}

export const isProvenance = (v: unknown): v is Provenance => typeof v === 'string' && (PROVENANCES as readonly string[]).includes(v);

/**
 * The provenance of a stored row, from its `provenance` JSON. Only a row written by an approved field survey
 * says `surveyed` (review-proposal.ts writes `{ source: 'surveyed', … }`); derived interiors, GTFS imports and
 * editor changes are `derived`; a row that states an estimate keeps it; anything unreadable is `unknown`.
 */
export function provenanceOf(json: string | null | undefined | Record<string, unknown>): Provenance {
  let p: Record<string, unknown>;
  try {
    p = typeof json === 'string' ? (JSON.parse(json) as Record<string, unknown>) : (json ?? {});
  } catch {
    return 'unknown';
  }
  if (!p || typeof p !== 'object') return 'unknown';
  if (isProvenance(p.provenance)) return p.provenance;
  if (p.source === 'surveyed') return 'surveyed';
  if (p.source === 'estimated') return 'estimated';
  if (p.source === 'derived' || p.source === 'gtfs' || p.source === 'proposal' || p.source === 'seoul-open-data' || p.source === 'transit_station')
    return 'derived';
  return 'unknown';
}

/** The words pages use for each provenance, in both languages (the API gives the code beside them). */
export const PROVENANCE_WORDS: Record<Provenance, Text> = {
  surveyed: { ko: '현장 조사로 확인함', en: 'checked in a field survey' },
  derived: { ko: '공개 자료로 만든 것 (현장 미확인)', en: 'derived from open data (not checked on site)' },
  estimated: { ko: '추정 (확인되지 않음)', en: 'estimated (not confirmed)' },
  unknown: { ko: '정보 없음', en: 'not known' },
};
