import type { Services } from '../../../core/context.js';
import { atomFeed } from '../../../web/atom.js';
import { listStationNames, seoulTime, statusWords } from '../../transit/index.js';
import { listChangesAfter, listLatestChanges } from '../store/change.repository.js';
import { recordStaleness } from './record-staleness.js';
import { englishUnit, facilityTypeWords } from './facility-words.js';

export interface ChangeEntry {
  seq: number;
  kind: string;
  stationId: string;
  ref: string;
  at: string;
  data: unknown;
}

/** Changes after `after` (a sequence number), oldest first: what an app polls to keep in sync. Statuses gone stale are recorded first. */
export async function listChanges(services: Services, opts: { after?: number; stationId?: string; limit?: number } = {}): Promise<ChangeEntry[]> {
  await recordStaleness(services);
  const rows = await listChangesAfter(services.db, { after: opts.after ?? 0, stationId: opts.stationId, limit: Math.min(opts.limit ?? 100, 1000) });
  return rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, stationId: r.station_id, ref: r.ref, at: r.at, data: JSON.parse(r.payload) as unknown }));
}

interface Payload {
  version?: number;
  summary?: string;
  status?: string;
  previous?: string;
  name?: string | null;
  type?: string;
  changes?: unknown[];
  stale?: boolean;
  unknownSince?: string;
}

/** An entry's title, Korean then English, in words (never raw status codes). */
export function changeTitle(kind: string, p: Payload, station: { ko: string; en: string }): { ko: string; en: string } {
  if (kind === 'station_version') {
    return { ko: `${station.ko} 내부 지도 ${p.version}판: ${p.summary ?? ''}`, en: `${station.en}: interior map version ${p.version}` };
  }
  const type = facilityTypeWords(p.type ?? '');
  const unit = englishUnit(p.name ?? null, type.en) ?? type.en.toLowerCase();
  const was = statusWords(p.previous ?? 'unknown');
  const now = statusWords(p.status ?? 'unknown');
  if (p.stale && p.unknownSince) {
    return {
      ko: `${station.ko} ${p.name ?? type.ko}: ${seoulTime(p.unknownSince)}부터 상태 모름 (운영기관 확인 끊김, 마지막 상태 ${was.ko})`,
      en: `${station.en} ${unit}: status unknown since ${seoulTime(p.unknownSince)} KST (the operator stopped confirming; last said ${was.en})`,
    };
  }
  return { ko: `${station.ko} ${p.name ?? type.ko}: ${was.ko} → ${now.ko}`, en: `${station.en} ${unit}: ${was.en} → ${now.en}` };
}

/** The latest changes as an Atom feed (newest first), titles in Korean and English. */
export async function changesAtom(services: Services, base: string): Promise<string> {
  await recordStaleness(services);
  const changes = await listLatestChanges(services.db, 100);
  // Station names from transit's read model, for the 100 changes at once.
  const names = new Map((changes.length ? await listStationNames(services.db, [...new Set(changes.map((c) => c.station_id))]) : []).map((s) => [s.id, s]));
  const rows = changes.map((c) => ({ ...c, name_ko: names.get(c.station_id)?.name_ko ?? null, name_en: names.get(c.station_id)?.name_en ?? null }));
  const updated = rows.reduce((max, r) => (r.at > max ? r.at : max), new Date(0).toISOString());
  const entries = rows.map((r) => {
    const p = JSON.parse(r.payload) as Payload;
    const station = { ko: `${r.name_ko ?? r.station_id}역`, en: r.name_en ? `${r.name_en} Station` : r.station_id };
    const title = changeTitle(r.kind, p, station);
    const link =
      r.kind === 'station_version'
        ? `${base}/transit/stations/${encodeURIComponent(r.station_id)}/versions/${p.version}`
        : `${base}/transit/stations/${encodeURIComponent(r.station_id)}`;
    const content =
      r.kind === 'station_version'
        ? `${(p.changes ?? []).length}건 변경 · ${(p.changes ?? []).length} changes`
        : p.stale
          ? `상태 모름 · status unknown (${p.unknownSince})`
          : `${statusWords(p.status ?? 'unknown').ko} · ${statusWords(p.status ?? 'unknown').en}`;
    return { id: `urn:open-seoul:transit-change:${r.seq}`, title: `${title.ko} · ${title.en}`, updated: r.at, link, category: { term: r.kind }, text: content };
  });
  return atomFeed({
    id: 'urn:open-seoul:transit-changes',
    title: '열린 서울 환승 지도 변경 · Open Seoul transfer map changes',
    self: `${base}/transit/changes.atom`,
    updated,
    lang: 'ko',
    entries,
  });
}
