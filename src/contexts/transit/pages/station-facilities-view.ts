import { translator } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { FACILITY_ORDER } from '../domain/facility.js';
import { transitMessages } from '../messages.js';
import { countsAsElevator } from '../seoul/city-elevators.js';
import type { ElevatorData } from '../seoul/elevator-data.js';
import { SEOUL_FILES } from '../seoul/sources.js';
import type { FacilityRow } from '../store/tables.js';
import type { StatusBasis } from '../domain/status-basis.js';
import { statusBasisCell } from './status-basis-view.js';

/** The station page's elevator information and facility tables. */

const tel = (phone: string) => phone.replace(/[^\d+]/g, '');

/** The message with each phone number a `tel:` link (the text stays the API's message, word for word). */
function withPhoneLinks(text: string, phones: ElevatorData['phones']): Html {
  const numbers = [...new Set(phones.map((p) => p.phone))];
  if (!numbers.length) return html`${text}`;
  const pattern = new RegExp(`(${numbers.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return html`${text.split(pattern).map((part) => (numbers.includes(part) ? html`<a href="tel:${tel(part)}">${part}</a>` : part))}`;
}

/** What the sources say about the station's elevators, in words; where something is unknown, the phone to call. */
export function elevatorInfo(ctx: PageContext, data: ElevatorData): Html {
  const t = translator(transitMessages, ctx.locale);
  const state = !data.known ? 'none' : data.lines.every((l) => l.known) ? 'all' : 'partial';
  return html`<section aria-labelledby="elev-h" class="alert ${state === 'all' ? 'alert-info' : 'alert-danger'}" data-elevators="${state}">
    <h2 id="elev-h">${t('transit.elev.title')}</h2>
    <p data-elevator-message>${withPhoneLinks(data.message[ctx.locale], data.phones)}</p>
    <h3>${t('transit.elev.sources')}</h3>
    <ul>${data.sources.map((s) => html`<li><span>${s.name[ctx.locale]}</span>: ${s.said[ctx.locale]}</li>`)}</ul></section>`;
}

const position = (d: Record<string, string>) => (d.lat && d.lon ? `${Number(d.lat).toFixed(6)}, ${Number(d.lon).toFixed(6)}` : '–');

/** Facilities grouped by type; elevators counted once, with positions, and Seoul City positions that may repeat them apart; `reported` flags a facility with an open report. */
export function facilitySections(ctx: PageContext, facilities: FacilityRow[], basis: Map<string, StatusBasis>, reported: Map<string, Html> = new Map()): Html {
  const t = translator(transitMessages, ctx.locale);
  const details = new Map(facilities.map((f) => [f.id, JSON.parse(f.details) as Record<string, string>]));
  const listed = facilities.filter((f) => f.type !== 'elevator' || countsAsElevator(details.get(f.id)!));
  const positionsOnly = facilities.filter((f) => f.type === 'elevator' && !countsAsElevator(details.get(f.id)!));
  const groups = new Map<string, FacilityRow[]>();
  for (const f of [...listed].sort((a, b) => (FACILITY_ORDER[a.type] ?? 99) - (FACILITY_ORDER[b.type] ?? 99)))
    groups.set(f.type, [...(groups.get(f.type) ?? []), f]);
  if (!groups.size && !positionsOnly.length) return html`<p>${t('transit.noFacilities')}</p>`;
  const typeName = (type: string) => t(`transit.type.${type}` as 'transit.type.elevator');
  const name = (f: FacilityRow) =>
    f.name ? html`<span lang="ko">${f.name}</span>` : f.source === SEOUL_FILES.cityElevators.file ? t('transit.elev.cityName') : '–';
  return html`${[...groups].map(
    ([type, list]) => html`<section aria-labelledby="fac-${type}"><h3 id="fac-${type}">${typeName(type)} (${list.length})</h3>
    <div class="table-wrap"><table data-type="${type}"><caption class="muted">${typeName(type)}</caption>
      <thead><tr><th scope="col">${t('transit.name')}</th><th scope="col">${t('transit.status')}</th><th scope="col">${t('transit.where')}</th><th scope="col">${t('transit.levels')}</th><th scope="col">${t('transit.exit')}</th>${type === 'elevator' ? html`<th scope="col">${t('transit.position')}</th>` : null}</tr></thead>
      <tbody>${list.map((f) => html`<tr><td>${name(f)}</td><td>${statusBasisCell(ctx, basis.get(f.id)!)}${reported.get(f.id) ?? null}</td><td lang="ko">${f.location ?? '–'}</td><td lang="ko">${f.levels ?? '–'}</td><td>${f.exit_no ?? '–'}</td>${type === 'elevator' ? html`<td data-position>${position(details.get(f.id)!)}</td>` : null}</tr>`)}</tbody></table></div></section>`,
  )}
    ${
      positionsOnly.length
        ? html`<section aria-labelledby="fac-positions"><h3 id="fac-positions">${t('transit.elev.positionsTitle')} (${positionsOnly.length})</h3>
      <p class="muted">${t('transit.elev.positionsIntro')}</p>
      <div class="table-wrap"><table data-type="elevator-position"><caption class="muted">${t('transit.elev.positionsTitle')}</caption>
        <thead><tr><th scope="col">${t('transit.position')}</th><th scope="col">${t('transit.status')}</th></tr></thead>
        <tbody>${positionsOnly.map((f) => html`<tr><td data-position>${position(details.get(f.id)!)}</td><td>${statusBasisCell(ctx, basis.get(f.id)!)}${reported.get(f.id) ?? null}</td></tr>`)}</tbody></table></div></section>`
        : null
    }`;
}
