import type { Services } from '../../../core/context.js';
import { escapeHtml as xmlEscape } from '../../../web/html.js';

export interface ChangeEntry { seq: number; kind: string; stationId: string; ref: string; at: string; data: unknown }

/** Changes after `after` (a sequence number), oldest first: what an app polls to keep in sync. */
export async function listChanges(services: Services, opts: { after?: number; stationId?: string; limit?: number } = {}): Promise<ChangeEntry[]> {
  let q = services.db.selectFrom('transit_change').selectAll().where('seq', '>', opts.after ?? 0);
  if (opts.stationId) q = q.where('station_id', '=', opts.stationId);
  const rows = await q.orderBy('seq').limit(Math.min(opts.limit ?? 100, 1000)).execute();
  return rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, stationId: r.station_id, ref: r.ref, at: r.at, data: JSON.parse(r.payload) as unknown }));
}

/** The latest changes as an Atom feed (newest first). */
export async function changesAtom(services: Services, base: string): Promise<string> {
  const rows = await services.db.selectFrom('transit_change as c').leftJoin('transit_station as s', 's.id', 'c.station_id')
    .select(['c.seq', 'c.kind', 'c.station_id', 'c.ref', 'c.payload', 'c.at', 's.name_ko', 's.name_en']).orderBy('c.seq', 'desc').limit(100).execute();
  const updated = rows[0]?.at ?? new Date(0).toISOString();
  const entries = rows.map((r) => {
    const p = JSON.parse(r.payload) as { version?: number; summary?: string; status?: string; previous?: string; name?: string | null; changes?: unknown[] };
    const station = r.name_ko ?? r.station_id;
    const title = r.kind === 'station_version'
      ? `${station} 내부 지도 ${p.version}판 · version ${p.version}: ${p.summary ?? ''}`
      : `${station} ${p.name ?? '시설'}: ${p.previous ?? '?'} → ${p.status ?? '?'}`;
    const link = r.kind === 'station_version' ? `${base}/transit/stations/${encodeURIComponent(r.station_id)}/versions/${p.version}` : `${base}/transit/stations/${encodeURIComponent(r.station_id)}`;
    return `<entry><id>urn:open-seoul:transit-change:${r.seq}</id><title>${xmlEscape(title)}</title><updated>${r.at}</updated>`
      + `<link rel="alternate" href="${xmlEscape(link)}"/><category term="${r.kind}"/>`
      + `<content type="text">${xmlEscape(r.kind === 'station_version' ? `${(p.changes ?? []).length} changes` : `status ${p.status}`)}</content></entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">`
    + `<id>urn:open-seoul:transit-changes</id><title>열린 서울 환승 지도 변경 · Open Seoul transfer map changes</title><updated>${updated}</updated>`
    + `<link rel="self" href="${xmlEscape(base)}/transit/changes.atom"/><author><name>Open Seoul</name></author>${entries.join('')}</feed>\n`;
}
