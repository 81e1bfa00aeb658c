import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { layoutT } from '../../../web/layout.js';
import { journeyMessages } from './journey.messages.js';
import { lineLabel, stationText } from './transit-labels.js';

export { resolveStation, type StationPick, type StationResolution } from '../use-cases/resolve-station.js';
import type { StationPick, StationResolution } from '../use-cases/resolve-station.js';

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
      ${r.choices.map(
        (s, i) => html`<div class="radio"><input type="radio" id="${id}-${i}" name="${opts.name}" value="${s.id}">
        <label for="${id}-${i}">${choiceLabel(s, opts.locale)}</label></div>`,
      )}
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
