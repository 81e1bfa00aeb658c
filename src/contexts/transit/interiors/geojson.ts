import type { EdgeRow, LevelRow, NodeRow } from '../store/tables.js';

/**
 * A station's interior as GeoJSON (RFC 7946): one FeatureCollection per level, places as Points. A node
 * without coordinates is put at the station's position (the anchor) and marked `approximate: true`, so
 * that a map can show it but nobody mistakes it for a surveyed position. Pathways are listed as properties
 * of the level (`connections`), not as lines: with approximate points they would be drawn as zero-length
 * or misleading segments.
 */
export interface InteriorGeoJsonInput {
  station: { id: string; name_ko: string | null; name_en: string | null; lat: number | null; lon: number | null };
  levels: LevelRow[];
  nodes: NodeRow[];
  edges: EdgeRow[];
}

export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: {
    stopId: string;
    name: string | null;
    locationType: number;
    levelId: string | null;
    levelIndex: number | null;
    platformCode: string | null;
    wheelchairBoarding: number | null;
    approximate: boolean;
    provenance: unknown;
  };
}

export interface LevelFeatureCollection {
  type: 'FeatureCollection';
  properties: {
    stationId: string;
    stationName: { ko: string | null; en: string | null };
    levelId: string | null;
    levelIndex: number | null;
    levelName: string | null;
    /** `levelChange`: the two ends are on different levels (whatever the mode: a walkway between levels is one too). */
    connections: Array<{
      pathwayId: string;
      from: string;
      to: string;
      mode: number;
      bidirectional: boolean;
      length: number | null;
      traversalTime: number | null;
      levelChange: boolean;
    }>;
  };
  features: PointFeature[];
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** One FeatureCollection per level (top level first), then one for nodes with no level (the station itself). */
export function interiorGeoJson(input: InteriorGeoJsonInput): LevelFeatureCollection[] {
  const { station } = input;
  const anchor: [number, number] | null = station.lat !== null && station.lon !== null ? [station.lon, station.lat] : null;
  const levels = [...input.levels].sort((a, b) => b.level_index - a.level_index);
  const levelOf = new Map(levels.map((l) => [l.level_id, l]));
  const indexOf = new Map(input.nodes.map((n) => [n.stop_id, n.level_id ? (levelOf.get(n.level_id)?.level_index ?? null) : null]));
  const changesLevel = (a: string, b: string) => {
    const [x, y] = [indexOf.get(a) ?? null, indexOf.get(b) ?? null];
    return x !== null && y !== null && x !== y;
  };
  const feature = (n: NodeRow): PointFeature => {
    const exact = n.lat !== null && n.lon !== null;
    const level = n.level_id ? levelOf.get(n.level_id) : undefined;
    return {
      type: 'Feature',
      id: n.id,
      geometry: exact ? { type: 'Point', coordinates: [n.lon!, n.lat!] } : anchor ? { type: 'Point', coordinates: anchor } : null,
      properties: {
        stopId: n.stop_id,
        name: n.name,
        locationType: n.location_type,
        levelId: n.level_id,
        levelIndex: level?.level_index ?? null,
        platformCode: n.platform_code,
        wheelchairBoarding: n.wheelchair_boarding,
        approximate: !exact,
        provenance: parse(n.provenance),
      },
    };
  };
  const collection = (level: LevelRow | null, nodes: NodeRow[]): LevelFeatureCollection => {
    const stops = new Set(nodes.map((n) => n.stop_id));
    return {
      type: 'FeatureCollection',
      properties: {
        stationId: station.id,
        stationName: { ko: station.name_ko, en: station.name_en },
        levelId: level?.level_id ?? null,
        levelIndex: level?.level_index ?? null,
        levelName: level?.level_name ?? null,
        connections: input.edges
          .filter((e) => stops.has(e.from_stop_id) || stops.has(e.to_stop_id))
          .map((e) => ({
            pathwayId: e.pathway_id,
            from: e.from_stop_id,
            to: e.to_stop_id,
            mode: e.pathway_mode,
            bidirectional: e.is_bidirectional === 1,
            length: e.length,
            traversalTime: e.traversal_time,
            levelChange: changesLevel(e.from_stop_id, e.to_stop_id),
          })),
      },
      features: nodes.map(feature),
    };
  };
  const out = levels.map((l) =>
    collection(
      l,
      input.nodes.filter((n) => n.level_id === l.level_id),
    ),
  );
  const unlevelled = input.nodes.filter((n) => !n.level_id || !levelOf.has(n.level_id));
  if (unlevelled.length) out.push(collection(null, unlevelled));
  return out;
}
