import { randomUUID } from 'node:crypto';
import { romanize } from 'es-hangul';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { indexDocument, removeDocumentsOfType } from '../../../core/search/search-index.js';
import { deleteFeedNetwork, insertImport, insertNetworkRows as insertAll } from '../store/network.repository.js';
import { buildNetwork, type ImportedStation, type SeoulNetwork } from '../seoul/build-network.js';
import { routingFor } from '../routing/routing-service.js';
import { RENAMED } from '../seoul/names.js';
import { riderLineAliases } from '../seoul/rider-lines.js';
import { readSource, SEOUL_FILES, type SourceKey } from '../seoul/sources.js';

export const SEOUL_FEED = 'seoul';

/** Romanised name for searching and display (Revised Romanization, e.g. 교대 → Gyodae). */
export const romanised = (nameKo: string) => {
  const base = nameKo.replace(/\(.*?\)/g, '').trim();
  const r = romanize(base);
  return r ? r.charAt(0).toUpperCase() + r.slice(1) : null;
};

/** The newer name of a renamed station (당고개 is now 불암산), so people find it by either. */
const renamedAs = (key: string) =>
  Object.entries(RENAMED)
    .filter(([, old]) => old === key)
    .map(([now]) => now);

/** What the station row keeps beyond its columns: staff phone numbers per line and the road address. */
const stationExtra = (s: ImportedStation) => ({
  ...(s.phones.length ? { phones: s.phones } : {}),
  ...(s.address ? { address: s.address } : {}),
});

/**
 * Imports the Seoul subway files (stations, lines, transfers, run times, facilities) in one transaction:
 * the previous Seoul import is replaced, nothing is half-written, and rows that could not be matched are
 * returned with their file and line.
 */
export async function importSeoul(services: Services, actor: Actor, dir: string): Promise<{ network: SeoulNetwork; importId: string }> {
  const sources = Object.fromEntries(await Promise.all((Object.keys(SEOUL_FILES) as SourceKey[]).map(async (k) => [k, await readSource(dir, k)]))) as Record<
    SourceKey,
    Awaited<ReturnType<typeof readSource>>
  >;
  const network = buildNetwork(sources);
  const now = nowIso();
  const importId = randomUUID();
  await services.db.transaction().execute(async (tx) => {
    await removeDocumentsOfType(tx, 'station');
    await deleteFeedNetwork(tx, SEOUL_FEED);
    const provenance = JSON.stringify({ source: 'seoul-open-data', method: 'derived', dir: 'seed/transit/seoul-subway', importedAt: now, verified: false });
    await insertAll(
      tx,
      'transit_line',
      network.lines.map((l) => ({ id: l.id, name_ko: l.nameKo, name_en: /^\d$/.test(l.id) ? `Line ${l.id}` : null, operator: null, sort: l.sort })),
    );
    await insertAll(
      tx,
      'transit_station',
      network.stations.map((s) => ({
        id: s.id,
        feed: SEOUL_FEED,
        gtfs_stop_id: null,
        name_ko: s.nameKo,
        name_en: s.nameEn,
        name_zh: s.nameZh,
        name_ja: s.nameJa,
        name_romanised: romanised(s.nameKo),
        lat: s.lat,
        lon: s.lon,
        wheelchair_boarding: null,
        codes: JSON.stringify({ masterIds: s.masterIds }),
        provenance,
        extra: JSON.stringify(stationExtra(s)),
        created_at: now,
        updated_at: now,
      })),
    );
    await insertAll(
      tx,
      'transit_rider_line',
      network.riderLines.map((l) => ({ id: l.id, name_ko: l.nameKo, name_en: l.nameEn, aliases: JSON.stringify(riderLineAliases(l.id)), sort: l.sort })),
    );
    await insertAll(
      tx,
      'transit_station_rider_line',
      network.stationRiderLines.map((r) => ({
        station_id: r.stationId,
        rider_line_id: r.riderLineId,
        line_ids: JSON.stringify(r.lineIds),
        also_called: JSON.stringify(r.alsoCalled),
        basis: r.basis,
      })),
    );
    await insertAll(
      tx,
      'transit_station_line',
      network.stationLines.map((l) => ({
        station_id: l.stationId,
        line_id: l.lineId,
        station_code: l.stationCode,
        external_code: l.externalCode,
        seq: l.seq,
        master_id: l.masterId,
      })),
    );
    const transferKeys = new Set<string>();
    await insertAll(
      tx,
      'transit_transfer',
      network.transfers
        .filter((t) => {
          const k = `${t.stationId}|${t.fromLineId}|${t.toLineId}`;
          if (transferKeys.has(k)) return false;
          transferKeys.add(k);
          return true;
        })
        .map((t) => ({
          station_id: t.stationId,
          from_line_id: t.fromLineId,
          to_line_id: t.toLineId,
          distance_m: t.distanceM,
          time_s: t.timeS,
          source: SEOUL_FILES.transfers.file,
        })),
    );
    const runKeys = new Set<string>();
    await insertAll(
      tx,
      'transit_run',
      network.runs
        .filter((r) => {
          const k = `${r.lineId}|${r.fromStationId}|${r.toStationId}`;
          if (runKeys.has(k)) return false;
          runKeys.add(k);
          return true;
        })
        .map((r) => ({ line_id: r.lineId, from_station_id: r.fromStationId, to_station_id: r.toStationId, time_s: r.timeS, distance_km: r.distanceKm })),
    );
    await insertAll(
      tx,
      'transit_facility',
      network.facilities.map((f) => ({
        id: randomUUID(),
        station_id: f.stationId,
        line_id: f.lineId,
        type: f.type,
        name: f.name,
        status: f.status,
        location: f.location,
        levels: f.levels,
        exit_no: f.exitNo,
        details: JSON.stringify(f.details),
        source: SEOUL_FILES[f.source].file,
        source_row: f.line,
        updated_at: now,
      })),
    );
    const riderNames = new Map(network.riderLines.map((l) => [l.id, l]));
    for (const s of network.stations) {
      // Summary: the rider lines; body: their English names and the legal section names, so 경부선 finds 구로.
      const riders = network.stationRiderLines.filter((r) => r.stationId === s.id);
      await indexDocument(tx, {
        type: 'station',
        id: s.id,
        url: `/transit/stations/${s.id}`,
        title: { ko: s.nameKo, en: s.nameEn },
        summary: {
          ko: riders.map((r) => riderNames.get(r.riderLineId)?.nameKo ?? r.riderLineId).join(', '),
          en: riders.map((r) => riderNames.get(r.riderLineId)?.nameEn ?? r.riderLineId).join(', '),
        },
        body: [romanised(s.nameKo), s.nameZh, s.nameJa, ...new Set([...s.lines].filter((l) => !/^\d$/.test(l))), ...renamedAs(s.key)].filter(Boolean).join(' '),
      });
    }
    const summary = {
      counts: network.counts,
      stations: network.stations.length,
      lines: network.lines.length,
      riderLines: network.riderLines.length,
      facilities: network.facilities.length,
      unmatched: network.unmatched,
    };
    await insertImport(tx, { id: importId, source: 'seoul', at: now, summary: JSON.stringify(summary) });
    await recordAudit(tx, actor, {
      action: 'transit.import_seoul',
      entityType: 'transit_import',
      entityId: importId,
      after: { ...summary, unmatched: summary.unmatched.length },
    });
  });
  routingFor(services).invalidateAll(); // here and on every replica
  return { network, importId };
}
