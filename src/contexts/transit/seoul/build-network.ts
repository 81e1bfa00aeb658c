import { cityElevatorFacilities, placeCityPoints } from './city-elevators.js';
import { joinFacilities } from './join-facilities.js';
import { joinLineOrder } from './join-line-order.js';
import { joinStations, type Miss } from './join-stations.js';
import type { SeoulNetwork, Unmatched } from './network-types.js';
import { joinRiderLines } from './rider-lines.js';
import { SEOUL_FILES, type SourceKey, type SourceRow } from './sources.js';

export type { FacilityStatus, FacilityType, ImportedFacility, ImportedStation, SeoulNetwork, Unmatched } from './network-types.js';

/**
 * Joins the Seoul files into one network. Pure: no I/O. Every row either lands somewhere or is reported in
 * `unmatched` with its file, line and reason; nothing is dropped silently. The steps, in order (later steps
 * find stations by the names and codes the earlier ones gathered):
 * 1–2b. station complexes, names, codes, phones and addresses (join-stations.ts);
 * 3–3b. transfers, run times and station order (join-line-order.ts);
 * 3c. rider lines (rider-lines.ts);
 * 4. Seoul Metro's facilities (join-facilities.ts);
 * 5. Seoul City's elevator points, every operator (city-elevators.ts).
 */
export function buildNetwork(src: Record<SourceKey, SourceRow[]>): SeoulNetwork {
  const unmatched: Unmatched[] = [];
  const miss: Miss = (key, row, reason, value) => unmatched.push({ file: SEOUL_FILES[key].file, line: row.line, reason, value });

  const complexes = joinStations(src, miss);
  const { stations, stationLines, lineNames } = complexes;
  const { transfers, runs } = joinLineOrder(src, complexes.byKey, stationLines, miss);
  const { riderLines, stationRiderLines } = joinRiderLines(src.order, SEOUL_FILES.order.file, stations, unmatched);
  const facilities = joinFacilities(src, complexes, miss);

  const lines = [...lineNames]
    .map(([id, nameKo]) => ({ id, nameKo: /^\d$/.test(id) ? `${id}호선` : nameKo, sort: /^\d$/.test(id) ? Number(id) : 100 }))
    .sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id))
    .map((l, i) => ({ ...l, sort: i }));
  // 5. Seoul City's elevator points, every operator (city-elevators.ts): placed, merged into a Seoul Metro row, or reported.
  const points = placeCityPoints(src.cityElevators, stations, (row, reason, value) => miss('cityElevators', row, reason, value));
  facilities.push(...cityElevatorFacilities(points, facilities));

  const counts = Object.fromEntries(Object.entries(src).map(([k, rows]) => [k, rows.length])) as Record<SourceKey, number>;
  return { stations, lines, riderLines, stationRiderLines, stationLines: [...stationLines.values()], transfers, runs, facilities, unmatched, counts };
}
