import type { Locale, Translate } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { FieldError } from '../../../web/layout.js';
import { EDGE_MODES, type EdgeMode, type EdgeView, type Interior, type LevelView, type NodeView } from '../use-cases/interior-model.js';
import { placeName } from '../../transit/index.js';
import { fieldText, inputName, TABLE_FIELDS, type TableField } from './editor-form.js';
import { layoutLevel, levelBox, type Origin, type Point } from './editor-geometry.js';
import type { editorMessages } from './editor.messages.js';

/** The editor's drawing without script (one SVG per level) and its pathway table form. */
export type EditorT = Translate<Extract<keyof typeof editorMessages, string>>;

/** Stroke per pathway kind; kinds differ by dash and width too, never by colour alone (the legend names them). */
export const MODE_STROKE: Record<EdgeMode, { color: string; width: number; dash: string | null }> = {
  walkway: { color: '#505a5f', width: 3, dash: null },
  ramp: { color: '#00703c', width: 4, dash: '12 3 2 3' },
  stairs: { color: '#6f3c00', width: 3, dash: '2 4' },
  stair_lift: { color: '#6f3c00', width: 5, dash: '8 4' },
  travelator: { color: '#505a5f', width: 3, dash: '10 4' },
  escalator: { color: '#1d70b8', width: 3, dash: '6 3' },
  elevator: { color: '#b34700', width: 7, dash: null },
  fare_gate: { color: '#4c2c92', width: 3, dash: '1 3' },
  exit_gate: { color: '#4c2c92', width: 4, dash: '1 5' },
};

export interface PlacedNode extends NodeView {
  x: number;
  y: number;
  label: string;
}
export interface EditorLayout {
  origin: Origin;
  levels: LevelView[];
  nodes: PlacedNode[];
  edges: EdgeView[];
}

/** Every place but the station itself, positioned level by level. */
export function placeInterior(interior: Interior, origin: Origin, locale: Locale): EditorLayout {
  const nodes: PlacedNode[] = [];
  for (const level of interior.levels) {
    const here = interior.nodes.filter((n) => n.levelId === level.levelId && n.locationType !== 1);
    const pos = layoutLevel(origin, here);
    for (const n of here) nodes.push({ ...n, ...pos.get(n.stopId)!, label: placeName(n.name, n.stopId, locale) });
  }
  return { origin, levels: interior.levels, nodes, edges: interior.edges };
}

export function nodeShape(kind: number, x: number, y: number): Html {
  switch (kind) {
    case 0:
      return html`<rect x="${x - 40}" y="${y - 16}" width="80" height="32" rx="4" fill="#ffffff" stroke="#0b0c0c" stroke-width="2"/>`;
    case 2:
      return html`<polygon points="${x},${y - 20} ${x + 20},${y} ${x},${y + 20} ${x - 20},${y}" fill="#ffffff" stroke="#00703c" stroke-width="3"/>`;
    case 4:
      return html`<rect x="${x - 22}" y="${y - 12}" width="44" height="24" rx="12" fill="#ffffff" stroke="#1d70b8" stroke-width="2"/>`;
    default:
      return html`<circle cx="${x}" cy="${y}" r="15" fill="#ffffff" stroke="#0b0c0c" stroke-width="2"/>`;
  }
}

const stroke = (mode: EdgeMode) => {
  const s = MODE_STROKE[mode];
  return html`stroke="${s.color}" stroke-width="${s.width}" ${s.dash ? html`stroke-dasharray="${s.dash}"` : null} stroke-linecap="round"`;
};

const svgId = (levelId: string) => `ed-lv-${levelId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** One level as a picture: pathways on the level as lines, to other levels as labelled stubs, places as labelled shapes. */
function levelSvg(t: EditorT, station: string, level: LevelView, layout: EditorLayout): Html {
  const here = layout.nodes.filter((n) => n.levelId === level.levelId);
  const ids = new Set(here.map((n) => n.stopId));
  const at = new Map<string, Point>(here.map((n) => [n.stopId, n]));
  const byId = new Map(layout.nodes.map((n) => [n.stopId, n]));
  const levelOf = new Map(layout.levels.map((l) => [l.levelId, l]));
  const touching = layout.edges.filter((e) => ids.has(e.from) || ids.has(e.to));
  const box = levelBox(here);
  const stubs = new Map<string, number>();
  const id = svgId(level.levelId);
  return html`<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="${box.x} ${box.y} ${box.w} ${box.h}" class="ed-svg" xmlns="http://www.w3.org/2000/svg">
    <title id="${id}-t">${t('editor.levelTitle', { station, level: level.levelName ?? level.levelId })}</title>
    <desc id="${id}-d">${t('editor.levelDesc', { nodes: here.length, edges: touching.length })}</desc>
    <rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" fill="#f3f2f1" stroke="#b1b4b6"/>
    ${touching.map((e) => {
      const a = at.get(e.from);
      const b = at.get(e.to);
      if (a && b) return html`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" ${stroke(e.mode)}/>`;
      const mine = a ? e.from : e.to;
      const p = (a ?? b)!;
      const far = byId.get(a ? e.to : e.from);
      const farLevel = far?.levelId ? levelOf.get(far.levelId) : undefined;
      const up = (farLevel?.levelIndex ?? 0) > level.levelIndex;
      const k = stubs.get(`${mine}|${up}`) ?? 0;
      stubs.set(`${mine}|${up}`, k + 1);
      const dx = (k % 2 ? 1 : -1) * (14 + 28 * Math.floor(k / 2));
      const y2 = up ? p.y - 52 : p.y + 52;
      return html`<line x1="${p.x + dx}" y1="${p.y}" x2="${p.x + dx}" y2="${y2}" ${stroke(e.mode)}/>
        <text x="${p.x + dx}" y="${up ? y2 - 4 : y2 + 12}" font-size="10" text-anchor="middle" fill="#0b0c0c">${up ? '↑' : '↓'}${farLevel?.levelName ?? '?'}</text>`;
    })}
    ${here.map((n) => html`<g>${nodeShape(n.locationType, n.x, n.y)}<text x="${n.x + 26}" y="${n.y + 4}" font-size="13" fill="#0b0c0c">${n.label}</text></g>`)}
  </svg>`;
}

export function levelFigures(t: EditorT, station: string, layout: EditorLayout): Html {
  return html`${layout.levels.map(
    (l) => html`<figure class="ed-level"><figcaption><h3>${t('editor.levelHeading', { level: l.levelName ?? l.levelId })}</h3></figcaption>
    ${levelSvg(t, station, l, layout)}</figure>`,
  )}`;
}

export function legend(t: EditorT): Html {
  const swatch = (mode: EdgeMode) =>
    html`<svg aria-hidden="true" focusable="false" width="48" height="14" viewBox="0 0 48 14"><line x1="4" y1="7" x2="44" y2="7" ${stroke(mode)}/></svg>`;
  const kind = (k: number) => html`<svg aria-hidden="true" focusable="false" width="48" height="30" viewBox="-44 -22 88 44">${nodeShape(k, 0, 0)}</svg>`;
  return html`<h3 id="ed-legend-h">${t('editor.legend')}</h3><ul class="ed-legend" aria-labelledby="ed-legend-h">
    ${EDGE_MODES.map((m) => html`<li>${swatch(m)} ${t(`editor.mode.${m}`)}</li>`)}
    ${[0, 4, 3, 2].map((k) => html`<li>${kind(k)} ${t(`editor.kind.${k}` as 'editor.kind.0')}</li>`)}
  </ul>`;
}

const value = (values: Record<string, unknown> | undefined, name: string, fallback: string) => {
  const v = values?.[name];
  return typeof v === 'string' ? v : fallback;
};

/** The pathway table: a row per pathway, an input per attribute (labelled by its column and row headers). */
export function pathwayTable(t: EditorT, locale: Locale, layout: EditorLayout, values: Record<string, unknown> | undefined, errors: FieldError[]): Html {
  const byId = new Map(layout.nodes.map((n) => [n.stopId, n]));
  const levelName = new Map(layout.levels.map((l) => [l.levelId, l.levelName ?? l.levelId]));
  const where = (stopId: string) => {
    const n = byId.get(stopId);
    return n ? `${n.label} (${levelName.get(n.levelId ?? '') ?? '?'})` : placeName(null, stopId, locale);
  };
  const cell = (row: number, field: TableField, edge: EdgeView) => {
    const name = inputName(row, field);
    const id = `f-${name}`;
    const error = errors.find((e) => e.field === name);
    const attrs = html`id="${id}" name="${name}" aria-labelledby="ed-col-${field} ed-row-${row}" ${error ? html`aria-invalid="true" aria-describedby="${id}-error"` : null}`;
    const current = value(values, name, fieldText(edge, field));
    const input =
      field === 'mode'
        ? html`<select ${attrs}>${EDGE_MODES.map((m) => html`<option value="${m}" ${m === current ? html`selected` : null}>${t(`editor.mode.${m}`)}</option>`)}</select>`
        : html`<input type="text" inputmode="decimal" size="6" ${attrs} value="${current}">`;
    return html`<td${error ? html` class="has-error"` : null}>${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : null}${input}</td>`;
  };
  return html`<div class="table-wrap"><table class="ed-table">
    <caption>${t('editor.table.caption', { n: layout.edges.length })}</caption>
    <thead><tr><th scope="col">${t('editor.table.pathway')}</th>${TABLE_FIELDS.map((f) => html`<th scope="col" id="ed-col-${f}">${t(`editor.field.${f}`)}</th>`)}</tr></thead>
    <tbody>${layout.edges.map(
      (e, row) => html`<tr>
      <th scope="row" id="ed-row-${row}"><input type="hidden" name="${inputName(row, 'id')}" value="${e.pathwayId}">${where(e.from)} → ${where(e.to)}</th>
      ${TABLE_FIELDS.map((f) => cell(row, f, e))}</tr>`,
    )}</tbody>
  </table></div>`;
}
