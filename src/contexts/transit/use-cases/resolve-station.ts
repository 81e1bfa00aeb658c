import type { DbOrTx } from '../../../core/db/database.js';
import { findStationNaming, findStations, listStationLineIds } from '../store/station.repository.js';

/** A station as the journey form shows it. */
export interface StationPick {
  id: string;
  ko: string | null;
  en: string | null;
  romanised: string | null;
  lines: string[];
}

/** What a typed station name comes to: one station, a choice to make, or nothing found. */
export type StationResolution =
  | { kind: 'empty' }
  | { kind: 'station'; station: StationPick }
  | { kind: 'choices'; text: string; choices: StationPick[]; total: number }
  | { kind: 'none'; text: string };

const MAX_CHOICES = 10;
const squash = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, '');
const pick = (s: { id: string; name_ko: string | null; name_en: string | null; name_romanised: string | null; lines: string[] }): StationPick => ({
  id: s.id,
  ko: s.name_ko,
  en: s.name_en,
  romanised: s.name_romanised,
  lines: s.lines,
});

/**
 * A station id is taken as it is; other text goes through the station search (Korean, English, romanised):
 * a single exact name match, or a single result, is the station; several results are a choice.
 */
export async function resolveStation(db: DbOrTx, raw: string | undefined): Promise<StationResolution> {
  const text = (raw ?? '').trim().slice(0, 100);
  if (!text) return { kind: 'empty' };
  const byId = await findStationById(db, text);
  if (byId) return { kind: 'station', station: byId };
  const { items, total } = await findStations(db, { q: text, limit: 50, offset: 0 });
  const wanted = squash(text);
  const exact = items.filter((s) => [s.name_ko, s.name_ko?.replace(/\(.*?\)/g, ''), s.name_en, s.name_romanised].some((n) => n && squash(n) === wanted));
  if (exact.length === 1) return { kind: 'station', station: pick(exact[0]!) };
  if (total === 1) return { kind: 'station', station: pick(items[0]!) };
  if (!items.length) return { kind: 'none', text };
  const matching = exact.length ? exact : items;
  return { kind: 'choices', text, choices: matching.slice(0, MAX_CHOICES).map(pick), total: exact.length ? exact.length : total };
}

async function findStationById(db: DbOrTx, id: string): Promise<StationPick | null> {
  const row = await findStationNaming(db, id);
  if (!row) return null;
  return pick({ ...row, lines: await listStationLineIds(db, id) });
}
