import type { Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { englishPlace } from '../routing/instructions.js';
import { riderLineOfSection } from '../seoul/rider-lines.js';

/** How the pages name lines, stations, places and durations in the reader's language. */

/**
 * A line id under the name riders use, in the reader's language: "2" → "2호선" / "Line 2", 경부선 → 1호선 / Line 1,
 * 신분당선(연장) → 신분당선 / Shinbundang Line. A section that carries more than one rider line (경원선: 1호선 or
 * 경의중앙선 depending on the station) keeps its own Korean name: which one it is cannot be told from the id alone.
 */
export const lineLabel = (id: string, locale: Locale) => {
  const rider = riderLineOfSection(id);
  return rider ? (locale === 'en' && rider.en ? rider.en : rider.ko) : id;
};

/** A line name with its language, for a `lang` attribute: a line with no English name stays Korean on English pages. */
export const lineName = (id: string, locale: Locale): Html => {
  const rider = riderLineOfSection(id);
  return rider && (locale === 'ko' || rider.en) ? html`${lineLabel(id, locale)}` : html`<span lang="ko">${id}</span>`;
};

export interface StationNames {
  ko: string | null;
  en: string | null;
}

/** The station's name in the reader's language (Korean when it has no English one), marked with its language. */
export function stationLabel(names: StationNames | undefined, fallback: string, locale: Locale): Html {
  if (locale === 'en' && names?.en) return html`<span lang="en">${names.en}</span>`;
  return html`<span lang="ko">${names?.ko ?? fallback}</span>`;
}

export const stationText = (names: StationNames | undefined, fallback: string, locale: Locale) =>
  locale === 'en' && names?.en ? names.en : (names?.ko ?? fallback);

/** Interior place names are derived in Korean ("2호선 승강장 (서초 방면)"); English pages translate their parts. */
export const placeName = (name: string | null, fallback: string, locale: Locale) => (locale === 'en' ? englishPlace(name ?? fallback) : (name ?? fallback));

/** Whole minutes, at least one: what a traveller plans with. */
export const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/**
 * A catalog message with markup in its placeholders ("{station}에서 갈아타기" with the name in its own
 * `lang`): the text is escaped, the parts are inserted as they are.
 */
export function fillHtml(template: string, parts: Record<string, Html>): Html {
  return html`${template.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name && name in parts ? parts[name]! : piece;
  })}`;
}
