/**
 * The transit context's tables. Station complexes (GTFS location_type 1) hold lines and facilities; station
 * interiors are levels, nodes (GTFS stops of location_type 0, 2, 3, 4) and edges (GTFS pathways). Every row
 * records where it came from (`feed`, `provenance`). Accessibility is tri-state: 1 yes, 0 no, null unknown.
 */
import type { GtfsPathwayFields } from '../gtfs/gtfs-spec.js';
export interface StationRow {
  id: string;
  feed: string;
  gtfs_stop_id: string | null;
  name_ko: string | null;
  name_en: string | null;
  name_zh: string | null;
  name_ja: string | null;
  name_romanised: string | null;
  lat: number | null;
  lon: number | null;
  wheelchair_boarding: number | null;
  codes: string;
  provenance: string;
  extra: string;
  created_at: string;
  updated_at: string;
}
export interface LevelRow {
  id: string;
  feed: string;
  station_id: string | null;
  level_id: string;
  level_index: number;
  level_name: string | null;
  extra: string;
}
export interface NodeRow {
  id: string;
  feed: string;
  station_id: string | null;
  stop_id: string;
  location_type: number;
  parent_stop_id: string | null;
  level_id: string | null;
  name: string | null;
  code: string | null;
  platform_code: string | null;
  lat: number | null;
  lon: number | null;
  wheelchair_boarding: number | null;
  extra: string;
  provenance: string;
}
export interface EdgeRow extends GtfsPathwayFields {
  id: string;
  feed: string;
  extra: string;
  provenance: string;
}
export interface FacilityRow {
  id: string;
  station_id: string;
  line_id: string | null;
  type: string;
  name: string | null;
  status: string;
  location: string | null;
  levels: string | null;
  exit_no: string | null;
  details: string;
  source: string;
  source_row: number;
  updated_at: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    transit_station: StationRow;
    transit_line: { id: string; name_ko: string; name_en: string | null; operator: string | null; sort: number };
    transit_rider_line: { id: string; name_ko: string; name_en: string | null; aliases: string; sort: number };
    transit_station_rider_line: { station_id: string; rider_line_id: string; line_ids: string; also_called: string; basis: string };
    transit_station_line: {
      station_id: string;
      line_id: string;
      station_code: string | null;
      external_code: string | null;
      seq: number | null;
      master_id: string | null;
    };
    transit_transfer: { station_id: string; from_line_id: string; to_line_id: string; distance_m: number | null; time_s: number | null; source: string };
    transit_run: { line_id: string; from_station_id: string; to_station_id: string; time_s: number | null; distance_km: number | null };
    transit_facility: FacilityRow;
    transit_level: LevelRow;
    transit_node: NodeRow;
    transit_edge: EdgeRow;
    transit_import: { id: string; source: string; at: string; summary: string };
  }
}
