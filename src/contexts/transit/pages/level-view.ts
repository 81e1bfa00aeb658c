import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { interiorMessages } from '../interiors/messages.js';
import type { EdgeRow, LevelRow, NodeRow } from '../store/tables.js';

/** What stationGraph returns. */
export interface InteriorGraph {
  levels: LevelRow[];
  nodes: NodeRow[];
  edges: EdgeRow[];
}
export interface InteriorStation {
  id: string;
  name_ko: string | null;
  name_en: string | null;
}

type T = ReturnType<typeof translator<typeof interiorMessages>>;

const MODES = [1, 2, 3, 4, 5, 6, 7] as const;
/** Stroke per pathway mode: elevators stand out (thick, solid, dark orange); stairs and escalators differ by dash. */
const STROKE: Record<number, { color: string; width: number; dash: string | null }> = {
  1: { color: '#505a5f', width: 3, dash: null },
  2: { color: '#6f3c00', width: 3, dash: '2 4' },
  3: { color: '#505a5f', width: 3, dash: '10 4' },
  4: { color: '#1d70b8', width: 3, dash: '6 3' },
  5: { color: '#b34700', width: 7, dash: null },
  6: { color: '#4c2c92', width: 3, dash: '1 3' },
  7: { color: '#4c2c92', width: 3, dash: '1 3' },
};

const W = 720;
const ROW_H = 130;
const PER_ROW = 3;
const mmss = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

function isDerived(row: { provenance: string }) {
  try {
    return (JSON.parse(row.provenance) as { source?: unknown }).source === 'derived';
  } catch {
    return false;
  }
}

/** Places on a level in reading order: platforms, junctions, entrances, then the rest; by name within a kind. */
const KIND_ORDER: Record<number, number> = { 0: 0, 4: 1, 3: 2, 2: 3 };
const sortNodes = (nodes: NodeRow[]) =>
  [...nodes].sort(
    (a, b) => (KIND_ORDER[a.location_type] ?? 9) - (KIND_ORDER[b.location_type] ?? 9) || (a.name ?? a.stop_id).localeCompare(b.name ?? b.stop_id, 'ko'),
  );

function shape(node: NodeRow, x: number, y: number): Html {
  switch (node.location_type) {
    case 0:
      return html`<rect x="${x - 60}" y="${y - 18}" width="120" height="36" rx="4" fill="#ffffff" stroke="#0b0c0c" stroke-width="2"/>`;
    case 2:
      return html`<polygon points="${x},${y - 24} ${x + 24},${y} ${x},${y + 24} ${x - 24},${y}" fill="#ffffff" stroke="#00703c" stroke-width="3"/>`;
    // Boarding areas: a pill, so they are not mistaken for junctions (circles).
    case 4:
      return html`<rect x="${x - 22}" y="${y - 12}" width="44" height="24" rx="12" fill="#ffffff" stroke="#1d70b8" stroke-width="2"/>`;
    default:
      return html`<circle cx="${x}" cy="${y}" r="18" fill="#ffffff" stroke="#0b0c0c" stroke-width="2"/>`;
  }
}

const line = (mode: number, x1: number, y1: number, x2: number, y2: number, extra?: Html) => {
  const s = STROKE[mode] ?? STROKE[1]!;
  return html`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${s.color}" stroke-width="${s.width}" ${s.dash ? html`stroke-dasharray="${s.dash}"` : null} stroke-linecap="round">${extra ?? null}</line>`;
};

/** One level as an SVG: places as labelled shapes, pathways on the level as lines, pathways to other levels as stubs. */
function levelSvg(t: T, station: string, level: LevelRow, graph: InteriorGraph, idBase: string): Html {
  const nodes = sortNodes(graph.nodes.filter((n) => n.level_id === level.level_id));
  const byStop = new Map(graph.nodes.map((n) => [n.stop_id, n]));
  const levelOf = new Map(graph.levels.map((l) => [l.level_id, l]));
  const pos = new Map<string, { x: number; y: number }>();
  const rows = Math.max(1, Math.ceil(nodes.length / PER_ROW));
  nodes.forEach((n, i) => {
    const row = Math.floor(i / PER_ROW);
    const inRow = Math.min(PER_ROW, nodes.length - row * PER_ROW);
    pos.set(n.stop_id, { x: Math.round((W / inRow) * (i % PER_ROW) + 70), y: 80 + row * ROW_H });
  });
  const height = 40 + rows * ROW_H;
  const here = new Set(nodes.map((n) => n.stop_id));
  const touching = graph.edges.filter((e) => here.has(e.from_stop_id) || here.has(e.to_stop_id));
  const same = touching.filter((e) => here.has(e.from_stop_id) && here.has(e.to_stop_id));
  const other = touching.filter((e) => !(here.has(e.from_stop_id) && here.has(e.to_stop_id)));
  // Pathways to other levels: one stub per place, mode and level reached (up when that level is higher), labelled ×n.
  const groups = new Map<string, { mine: string; mode: number; up: boolean; label: string; n: number }>();
  for (const e of other) {
    const mine = here.has(e.from_stop_id) ? e.from_stop_id : e.to_stop_id;
    const far = byStop.get(mine === e.from_stop_id ? e.to_stop_id : e.from_stop_id);
    const farLevel = far?.level_id ? levelOf.get(far.level_id) : undefined;
    const up = (farLevel?.level_index ?? 0) > level.level_index;
    const label = farLevel?.level_name ?? '?';
    const key = `${mine}|${e.pathway_mode}|${label}`;
    const g = groups.get(key) ?? { mine, mode: e.pathway_mode, up, label, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  const stubCount = new Map<string, number>();
  const stubs = [...groups.values()]
    .sort((a, b) => b.mode - a.mode || a.label.localeCompare(b.label))
    .map((g) => {
      const side = `${g.mine}|${g.up}`;
      const k = stubCount.get(side) ?? 0;
      stubCount.set(side, k + 1);
      const p = pos.get(g.mine)!;
      const dx = (k % 2 ? 1 : -1) * (20 + 40 * Math.floor(k / 2));
      const y1 = g.up ? p.y - 20 : p.y + 20;
      const y2 = g.up ? p.y - 46 : p.y + 46;
      return html`<g>${line(g.mode, p.x + dx, y1, p.x + dx, y2)}<text x="${p.x + dx}" y="${g.up ? y2 - 4 : y2 + 12}" font-size="10" text-anchor="middle" fill="#0b0c0c">${g.up ? '↑' : '↓'}${g.label}${g.n > 1 ? `×${g.n}` : ''}</text></g>`;
    });
  const title = t('interior.levelTitle', { station, level: level.level_name ?? level.level_id });
  const desc = t('interior.levelDesc', { nodes: nodes.length, edges: touching.length });
  const id = `${idBase}-${level.level_id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return html`<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${W} ${height}" width="100%" class="level-svg" data-level="${level.level_id}" xmlns="http://www.w3.org/2000/svg">
    <title id="${id}-t">${title}</title><desc id="${id}-d">${desc}</desc>
    <rect x="1" y="1" width="${W - 2}" height="${height - 2}" fill="#f3f2f1" stroke="#b1b4b6"/>
    <text x="12" y="24" font-size="16" font-weight="bold" fill="#0b0c0c">${level.level_name ?? level.level_id}</text>
    ${same.map((e) => {
      const a = pos.get(e.from_stop_id)!;
      const b = pos.get(e.to_stop_id)!;
      return line(e.pathway_mode, a.x, a.y, b.x, b.y);
    })}
    ${stubs}
    ${nodes.map((n) => {
      const p = pos.get(n.stop_id)!;
      const [first, ...rest] = (n.name ?? n.stop_id).split(/ (?=\()/);
      // Platforms are labelled inside their box; other places to the right of their shape, clear of the stubs.
      const inside = n.location_type === 0;
      const x = inside ? p.x : p.x + 44;
      return html`<g class="node node-${n.location_type}">${shape(n, p.x, p.y)}<text x="${x}" y="${inside ? p.y + 5 : p.y - 2}" font-size="13" text-anchor="${inside ? 'middle' : 'start'}" fill="#0b0c0c" lang="ko">${first}${rest.length ? html`<tspan x="${x}" dy="15">${rest.join(' ')}</tspan>` : null}</text></g>`;
    })}
  </svg>`;
}

function legend(t: T): Html {
  const swatch = (mode: number) => {
    const s = STROKE[mode]!;
    return html`<svg aria-hidden="true" focusable="false" width="48" height="14" viewBox="0 0 48 14"><line x1="2" y1="7" x2="46" y2="7" stroke="${s.color}" stroke-width="${s.width}" ${s.dash ? html`stroke-dasharray="${s.dash}"` : null}/></svg>`;
  };
  const node = (kind: number) =>
    html`<svg aria-hidden="true" focusable="false" width="48" height="30" viewBox="-64 -26 128 52">${shape({ location_type: kind } as NodeRow, 0, 0)}</svg>`;
  return html`<h3>${t('interior.legend')}</h3><ul class="interior-legend">
    ${MODES.filter((m) => m <= 5).map((m) => html`<li>${swatch(m)} ${t(`interior.mode.${m}` as 'interior.mode.1')}</li>`)}
    ${[0, 4, 3, 2].map((k) => html`<li>${node(k)} ${t(`interior.kind.${k}` as 'interior.kind.0')}</li>`)}
  </ul>`;
}

/** A platform with boarding areas has no pathway of its own (GTFS): say where to board on it instead. */
function boardingAreas(t: T, graph: InteriorGraph, platform: NodeRow): Html | null {
  const areas = graph.nodes.filter((n) => n.location_type === 4 && n.parent_stop_id === platform.stop_id);
  return areas.length ? html` – ${t('interior.boardingAreas')} <span lang="ko">${areas.map((a) => a.name ?? a.stop_id).join(', ')}</span>` : null;
}

/** The same content as text: levels (top first) → places → their connections, in a nested ordered list. */
function textAlternative(t: T, graph: InteriorGraph, levels: LevelRow[]): Html {
  const byStop = new Map(graph.nodes.map((n) => [n.stop_id, n]));
  const levelName = (id: string | null) => graph.levels.find((l) => l.level_id === id)?.level_name ?? id ?? '?';
  return html`<ol class="interior-text">${levels.map(
    (level) => html`<li><span>${t('interior.levelHeading', { level: level.level_name ?? level.level_id })}</span>
    <ol>${sortNodes(graph.nodes.filter((n) => n.level_id === level.level_id)).map((n) => {
      const links = graph.edges.filter((e) => e.from_stop_id === n.stop_id || (e.to_stop_id === n.stop_id && e.is_bidirectional === 1));
      return html`<li><span lang="ko">${n.name ?? n.stop_id}</span> <span class="muted">(${t(`interior.kind.${n.location_type}` as 'interior.kind.0')})</span>
        ${
          links.length
            ? html`<ul>${links.map((e) => {
                const target = byStop.get(e.from_stop_id === n.stop_id ? e.to_stop_id : e.from_stop_id);
                const facts = [
                  e.is_bidirectional === 1 ? null : t('interior.oneWay'),
                  e.length !== null ? t('interior.length', { m: e.length }) : null,
                  e.traversal_time !== null ? t('interior.time', { time: mmss(e.traversal_time) }) : null,
                ]
                  .filter(Boolean)
                  .join(', ');
                // A walkway between levels whose kind the data does not give is said as such, never as a level walkway.
                const levelChange =
                  e.pathway_mode === 1 &&
                  (() => {
                    try {
                      return (JSON.parse(e.extra) as { levelChange?: unknown }).levelChange === 'unknown';
                    } catch {
                      return false;
                    }
                  })();
                const mode = levelChange ? t('interior.mode.levelChange') : t(`interior.mode.${e.pathway_mode}` as 'interior.mode.1');
                return html`<li>${t('interior.link', { mode, level: levelName(target?.level_id ?? null) })} <span lang="ko">${target?.name ?? '?'}</span>${facts ? html` <span class="muted">(${facts})</span>` : null}</li>`;
              })}</ul>`
            : (boardingAreas(t, graph, n) ?? html` – ${t('interior.noConnections')}`)
        }</li>`;
    })}</ol></li>`,
  )}</ol>`;
}

/**
 * A station's interior: one accessible SVG per level (top level first), a legend, and the same content as a
 * nested list for screen readers and anyone who prefers text. Returns a notice when the station has none.
 */
export function interiorSection(ctx: Pick<PageContext, 'locale'>, graph: InteriorGraph, station: InteriorStation, opts: { geojsonHref?: string } = {}): Html {
  const t = translator(interiorMessages, ctx.locale);
  const levels = [...graph.levels].sort((a, b) => b.level_index - a.level_index);
  const placed = graph.nodes.filter((n) => n.location_type !== 1);
  if (!placed.length || !levels.length) {
    return html`<section aria-labelledby="interior-h"><h2 id="interior-h">${t('interior.title')}</h2><p>${t('interior.none')}</p></section>`;
  }
  const name = stationName(station, ctx.locale);
  const derived = [...graph.nodes, ...graph.edges].some(isDerived);
  return html`<section aria-labelledby="interior-h" class="interior"><h2 id="interior-h">${t('interior.title')}</h2>
    <p>${t('interior.intro')}</p>${derived ? html`<p class="muted"><strong>${t('interior.derived')}</strong></p>` : null}
    ${levels.map(
      (l) => html`<figure class="level-figure"><figcaption><h3>${t('interior.levelHeading', { level: l.level_name ?? l.level_id })}</h3></figcaption>
      ${levelSvg(t, name, l, graph, `lv-${station.id.replace(/[^A-Za-z0-9_-]/g, '_')}`)}</figure>`,
    )}
    ${legend(t)}
    <h3 id="interior-text-h">${t('interior.textAlt')}</h3>
    <div aria-labelledby="interior-text-h" role="region">${textAlternative(t, graph, levels)}</div>
    ${opts.geojsonHref ? html`<p><a href="${opts.geojsonHref}" type="application/geo+json">${t('interior.geojson')}</a></p>` : null}
  </section>`;
}

const stationName = (s: InteriorStation, locale: Locale) => (locale === 'en' && s.name_en ? s.name_en : (s.name_ko ?? s.id));
