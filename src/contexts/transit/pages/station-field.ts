import type { DbOrTx } from '../../../core/db/database.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { layoutT } from '../../../web/layout.js';
import { findStations } from '../store/station.repository.js';
import { journeyMessages } from './journey.messages.js';
import { lineLabel, stationText } from './transit-labels.js';

/** A station as the journey form shows it. */
export interface StationPick { id: string; ko: string | null; en: string | null; romanised: string | null; lines: string[] }

/** What a typed station name comes to: one station, a choice to make, or nothing found. */
export type StationResolution =
  | { kind: 'empty' }
  | { kind: 'station'; station: StationPick }
  | { kind: 'choices'; text: string; choices: StationPick[]; total: number }
  | { kind: 'none'; text: string };

const MAX_CHOICES = 10;
const squash = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, '');
const pick = (s: { id: string; name_ko: string | null; name_en: string | null; name_romanised: string | null; lines: string[] }): StationPick =>
  ({ id: s.id, ko: s.name_ko, en: s.name_en, romanised: s.name_romanised, lines: s.lines });

/**
 * A station id is taken as it is; other text goes through the station search (Korean, English, romanised):
 * a single exact name match, or a single result, is the station; several results are a choice.
 */
export async function resolveStation(db: DbOrTx, raw: string | undefined): Promise<StationResolution> {
  const text = (raw ?? '').trim().slice(0, 100);
  if (!text) return { kind: 'empty' };
  const byId = await findStationById(db, text);
  if (byId) return { kind: 'station', station: byId };
  const { items, total } = await findStations(db, { q: text, limit: 50, offset: 0 });
  const wanted = squash(text);
  const exact = items.filter((s) => [s.name_ko, s.name_ko?.replace(/\(.*?\)/g, ''), s.name_en, s.name_romanised].some((n) => n && squash(n) === wanted));
  if (exact.length === 1) return { kind: 'station', station: pick(exact[0]!) };
  if (total === 1) return { kind: 'station', station: pick(items[0]!) };
  if (!items.length) return { kind: 'none', text };
  const matching = exact.length ? exact : items;
  return { kind: 'choices', text, choices: matching.slice(0, MAX_CHOICES).map(pick), total: exact.length ? exact.length : total };
}

async function findStationById(db: DbOrTx, id: string): Promise<StationPick | null> {
  const row = await db.selectFrom('transit_station').select(['id', 'name_ko', 'name_en', 'name_romanised']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const lines = await db.selectFrom('transit_station_line').select('line_id').where('station_id', '=', id).execute();
  return pick({ ...row, lines: lines.map((l) => l.line_id) });
}

const choiceLabel = (s: StationPick, locale: Locale) => html`<span lang="${locale === 'en' && s.en ? 'en' : 'ko'}">${stationText(s, s.id, locale)}</span>
  ${locale === 'en' && s.en ? html` <span lang="ko">${s.ko}</span>` : s.en ? html` <span lang="en">${s.en}</span>` : null}
  <span class="muted">(${s.lines.map((l) => lineLabel(l, locale)).join(', ')})</span>`;

/**
 * The "from" or "to" field: a text input (with the station search as a datalist when scripts run), or,
 * when the typed name matched several stations, a radio group to choose one.
 */
export function stationField(opts: { name: 'from' | 'to'; label: string; locale: Locale; resolution: StationResolution; error?: string }): Html {
  const t = translator(journeyMessages, opts.locale);
  const id = `f-${opts.name}`;
  const r = opts.resolution;
  if (r.kind === 'choices') {
    return html`<fieldset class="station-choices" id="${id}-choices" aria-describedby="${id}-choose-hint">
      <legend>${t('journey.choose', { field: opts.label, text: r.text })}</legend>
      <p class="hint" id="${id}-choose-hint">${t('journey.chooseHint')}${r.total > r.choices.length ? html` ${t('journey.more', { total: r.total, shown: r.choices.length })}` : null}</p>
      ${r.choices.map((s, i) => html`<div class="radio"><input type="radio" id="${id}-${i}" name="${opts.name}" value="${s.id}">
        <label for="${id}-${i}">${choiceLabel(s, opts.locale)}</label></div>`)}
      <details><summary>${t('journey.retype')}</summary>${textInput(opts, id, r.text)}</details>
    </fieldset>`;
  }
  const value = r.kind === 'station' ? stationText(r.station, r.station.id, opts.locale) : r.kind === 'none' ? r.text : '';
  return textInput(opts, id, value);
}

function textInput(opts: { name: string; label: string; locale: Locale; error?: string; resolution: StationResolution }, id: string, value: string): Html {
  const t = translator(journeyMessages, opts.locale);
  const inChoice = opts.resolution.kind === 'choices';
  const inputId = inChoice ? `${id}-retype` : id;
  const describedBy = [`${inputId}-hint`, opts.error ? `${inputId}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="form-group${opts.error ? ' has-error' : ''}">
    <label for="${inputId}">${inChoice ? t('journey.retype') : html`${opts.label} <span class="req">(${layoutT(opts.locale)('form.required')})</span>`}</label>
    <p class="hint" id="${inputId}-hint">${t('journey.stationHint')}</p>
    ${opts.error ? html`<p class="field-error" id="${inputId}-error">${opts.error}</p>` : null}
    <input id="${inputId}" name="${inChoice ? `${opts.name}Text` : opts.name}" type="text" value="${value}" autocomplete="off" spellcheck="false"
      data-station-suggest ${inChoice ? null : html`required`} aria-describedby="${describedBy}" ${opts.error ? html`aria-invalid="true"` : null}>
  </div>`;
}
