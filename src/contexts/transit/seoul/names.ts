/**
 * Station and line names as the files write them disagree: '서울역' vs '서울', '서울역(1)', '서울역 (1)',
 * '교대(법원.검찰청)', '종로3가역(1호선)'. One key per station name: no parenthesised part, no trailing '역'
 * (except where the name is only '…역' of two characters), no spaces.
 */
export function stationKey(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/\s+/g, '')
    .replace(/\(.*?\)/g, '')
    .replace(/·/g, '.'); // 4·19민주묘지 = 4.19민주묘지
  if (s.endsWith('역') && s.length > 2) s = s.slice(0, -1);
  return RENAMED[s] ?? s;
}

/**
 * Stations renamed in 2024 under their new name → the name the station master still uses. Seoul Metro's newer
 * files (names, phones, elevators, beacons) and MOLIT write the new name.
 */
export const RENAMED: Record<string, string> = { 불암산: '당고개', 자양: '뚝섬유원지' };

/** The station's display name without the line suffix ('서울역(1)' → '서울역'). */
export const displayName = (name: string) =>
  name
    .normalize('NFC')
    .replace(/\s*\(\d+(호선)?\)\s*$/, '')
    .trim();

/** Line ids: '01호선', '1호선' and '1' are all line '1'; other lines keep their Korean name. */
export function lineKey(raw: string): string {
  const s = raw.replace(/\s+/g, '');
  const m = /^0?(\d)호선$/.exec(s) ?? /^0?(\d)$/.exec(s);
  return m ? m[1]! : s;
}

/** The distance in metres between two WGS84 points (haversine). */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

/** 'mm:ss' → seconds; empty or malformed → null (unknown, not zero). */
export function minutesSeconds(text: string): number | null {
  const m = /^(\d{1,3}):(\d{2})$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
