// The shapes of the Seoul network as buildNetwork (build-network.ts) joins it from the files of sources.ts.
import type { StationRiderLine } from './rider-lines.js';
import type { SourceKey } from './sources.js';

export type FacilityType = 'elevator' | 'escalator' | 'wheelchair_lift' | 'moving_walkway' | 'accessible_toilet' | 'nursing_room' | 'locker' | 'audio_beacon';
export type FacilityStatus = 'available' | 'not_available' | 'unknown';

export interface ImportedStation {
  id: string;
  nameKo: string;
  nameEn: string | null;
  nameZh: string | null;
  nameJa: string | null;
  lat: number;
  lon: number;
  key: string;
  masterIds: string[];
  lines: Set<string>;
  /** The position of every master row of the complex (one per line): distances are measured to the nearest. */
  points: Array<{ lat: number; lon: number }>;
  /** Station staff to call for help, per line (Seoul Metro), and the road address; written to the station's `extra`. */
  phones: Array<{ line: string; phone: string }>;
  address: { road: string; other?: Array<{ line: string; road: string }> } | null;
}
export interface ImportedFacility {
  stationId: string;
  lineId: string | null;
  type: FacilityType;
  name: string | null;
  status: FacilityStatus;
  location: string | null;
  levels: string | null;
  exitNo: string | null;
  details: Record<string, string>;
  source: SourceKey;
  line: number;
}
export interface Unmatched {
  file: string;
  line: number;
  reason: string;
  value: string;
}

export interface SeoulNetwork {
  stations: ImportedStation[];
  lines: Array<{ id: string; nameKo: string; sort: number }>;
  /** The lines riders know (1호선, 수인분당선, 공항철도 …), and per station the ones that serve it. */
  riderLines: Array<{ id: string; nameKo: string; nameEn: string | null; sort: number }>;
  stationRiderLines: Array<StationRiderLine & { stationId: string }>;
  stationLines: Array<{
    stationId: string;
    lineId: string;
    masterId: string | null;
    stationCode: string | null;
    externalCode: string | null;
    seq: number | null;
  }>;
  transfers: Array<{ stationId: string; fromLineId: string; toLineId: string; distanceM: number | null; timeS: number | null }>;
  runs: Array<{ lineId: string; fromStationId: string; toStationId: string; timeS: number | null; distanceKm: number | null }>;
  facilities: ImportedFacility[];
  unmatched: Unmatched[];
  counts: Record<SourceKey, number>;
}
