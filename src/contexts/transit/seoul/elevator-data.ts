import { translator, type Locale, type Message } from '../../../core/i18n/messages.js';
import { transitMessages } from '../messages.js';
import { countsAsElevator } from './city-elevators.js';
import { riderLine } from './rider-lines.js';
import { SEOUL_FILES } from './sources.js';

/**
 * What the platform knows about a station's elevators, in words: which sources were searched, what each said,
 * which of the station's lines have elevator data, and, where something is unknown, the station's phone (or that
 * we have none). Pure: the API and the station page both show it.
 */
export interface ElevatorData {
  /** At least one source lists an elevator (or an elevator position) at the station. */
  known: boolean;
  /** Elevators counted once: a position that may be a unit already listed is not counted again. */
  elevators: number;
  /** Of those, how many have a position (lat/lon). */
  withPosition: number;
  /** Positions from Seoul City's data that may be elevators already counted (`details.maybeSameAs`). */
  positionsOnly: number;
  lines: Array<{ id: string; name: Message; known: boolean; elevators: number }>;
  sources: Array<{ file: string; name: Message; applies: boolean; listed: number; said: Message }>;
  phones: Array<{ line: string; phone: string }>;
  message: Message;
}

export interface ElevatorFacts {
  stationName: { ko: string; en: string | null };
  /** The station's sections (transit_line ids). */
  sections: string[];
  riderLines: Array<{ id: string; name_ko: string; name_en: string | null; lineIds: string[] }>;
  facilities: Array<{ type: string; line_id: string | null; source: string; details: string }>;
  phones: Array<{ line: string; phone: string }>;
}

const both = (f: (t: ReturnType<typeof translator<typeof transitMessages>>, l: Locale) => string): Message => ({
  ko: f(translator(transitMessages, 'ko'), 'ko'),
  en: f(translator(transitMessages, 'en'), 'en'),
});

export function describeElevatorData(facts: ElevatorFacts): ElevatorData {
  const lifts = facts.facilities.filter((f) => f.type === 'elevator').map((f) => ({ ...f, d: JSON.parse(f.details) as Record<string, string> }));
  const counted = lifts.filter((f) => countsAsElevator(f.d));
  const positionsOnly = lifts.length - counted.length;
  const metroFile = SEOUL_FILES.elevators.file;
  const cityFile = SEOUL_FILES.cityElevators.file;
  const metro = lifts.filter((f) => f.source === metroFile);
  const cityOwn = lifts.filter((f) => f.source === cityFile);
  const merged = metro.filter((f) => f.d.positionRow?.startsWith(`${cityFile}:`)).length;
  const maybe = cityOwn.filter((f) => !countsAsElevator(f.d)).length;
  const hasMetroLine = facts.sections.some((l) => /^[1-8]$/.test(l));

  const sources: ElevatorData['sources'] = [
    {
      file: metroFile,
      name: both((t) => t('transit.elev.src.elevators')),
      applies: hasMetroLine,
      listed: metro.length,
      said: both((t) =>
        metro.length ? t('transit.elev.said.listed', { n: metro.length }) : hasMetroLine ? t('transit.elev.said.none') : t('transit.elev.said.outOfScope'),
      ),
    },
    {
      file: cityFile,
      name: both((t) => t('transit.elev.src.cityElevators')),
      applies: true,
      listed: cityOwn.length + merged,
      said: both((t) =>
        cityOwn.length + merged
          ? [
              t('transit.elev.said.positions', { n: cityOwn.length + merged }),
              merged ? t('transit.elev.said.merged', { n: merged }) : null,
              maybe ? t('transit.elev.said.maybe', { n: maybe }) : null,
            ]
              .filter(Boolean)
              .join('; ')
          : t('transit.elev.said.none'),
      ),
    },
  ];
  // Rows from anywhere else (a field survey, an operator's feed) are sources too.
  for (const file of [...new Set(lifts.map((f) => f.source))].filter((s) => s !== metroFile && s !== cityFile).sort()) {
    const n = lifts.filter((f) => f.source === file).length;
    sources.push({ file, name: { ko: file, en: file }, applies: true, listed: n, said: both((t) => t('transit.elev.said.listed', { n })) });
  }

  const lines = facts.riderLines.map((r) => {
    const n = counted.filter((f) => f.line_id !== null && r.lineIds.includes(f.line_id)).length;
    return { id: r.id, name: { ko: r.name_ko, en: r.name_en ?? r.name_ko }, known: n > 0, elevators: n };
  });
  const known = lifts.length > 0;
  const unknownLines = lines.filter((l) => !l.known);
  const noLine = lifts.filter((f) => f.line_id === null).length;
  const phoneText = (l: Locale) =>
    facts.phones.map((p) => `${p.phone} (${l === 'ko' ? (riderLine(p.line)?.ko ?? p.line) : (riderLine(p.line)?.en ?? p.line)})`).join(', ');
  const message = both((t, l) => {
    const station = l === 'en' && facts.stationName.en ? facts.stationName.en : facts.stationName.ko;
    const parts: string[] = [];
    if (!known) parts.push(t('transit.elev.none', { station }));
    else if (unknownLines.length) {
      parts.push(t('transit.elev.lineUnknown', { lines: unknownLines.map((x) => x.name[l]).join(', ') }));
      if (noLine) parts.push(t('transit.elev.positionsNoLine', { n: noLine }));
    } else parts.push(t('transit.elev.allLines'));
    if (!known || unknownLines.length) parts.push(facts.phones.length ? t('transit.elev.call', { phones: phoneText(l) }) : t('transit.elev.noPhone'));
    return parts.join(' ');
  });
  return {
    known,
    elevators: counted.length,
    withPosition: counted.filter((f) => f.d.lat && f.d.lon).length,
    positionsOnly,
    lines,
    sources,
    phones: facts.phones,
    message,
  };
}
