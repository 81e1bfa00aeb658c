/** Facility kinds and units in words, Korean and English, for titles and alerts (no raw codes for people). */
const TYPE_WORDS: Record<string, { ko: string; en: string }> = {
  elevator: { ko: '엘리베이터', en: 'Lift' },
  escalator: { ko: '에스컬레이터', en: 'Escalator' },
  wheelchair_lift: { ko: '휠체어리프트', en: 'Wheelchair lift' },
  stair_lift: { ko: '휠체어리프트', en: 'Wheelchair lift' },
  moving_walkway: { ko: '무빙워크', en: 'Moving walkway' },
};
export const facilityTypeWords = (type: string) => TYPE_WORDS[type] ?? { ko: type, en: type.replace(/_/g, ' ') };

/** `엘리베이터 내부#1` → `inside lift 1`; `외부#2` → `street lift 2`; other names are not translated (null). */
export function englishUnit(name: string | null, typeEn: string): string | null {
  const m = name ? /(내부|외부)\s*#?\s*(\d+)/.exec(name) : null;
  if (!m) return null;
  return `${m[1] === '내부' ? 'inside' : 'street'} ${typeEn.toLowerCase()} ${m[2]}`;
}
