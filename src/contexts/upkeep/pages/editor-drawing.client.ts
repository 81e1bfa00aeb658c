import { levelBox, type Point } from './editor-geometry.js';
import type { EditorIslandData } from './editor-geometry.js';
import type { EditorUi } from './editor-ui.client.js';

/**
 * The interior editor's drawings: one SVG per level, each place and pathway a focusable button (a pathway to
 * another level is a stub with an arrow and the level's name), and the list of changes. Browser-only.
 */
const SVG = 'http://www.w3.org/2000/svg';
const r2 = (v: number) => Math.round(v * 100) / 100;

/** A point of an SVG in its own units, from a pointer's screen position. */
export function svgPoint(svg: SVGSVGElement, ev: { clientX: number; clientY: number }): Point {
  const pt = svg.createSVGPoint();
  pt.x = ev.clientX;
  pt.y = ev.clientY;
  const p = pt.matrixTransform(svg.getScreenCTM()?.inverse());
  return { x: r2(p.x), y: r2(p.y) };
}

function el<T extends SVGElement = SVGElement>(name: string, attrs: Record<string, string | number | null | undefined>, parent?: Element): T {
  const x = document.createElementNS(SVG, name) as T;
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) x.setAttribute(k, String(v));
  if (parent) parent.appendChild(x);
  return x;
}
function shape(kind: number, g: Element) {
  if (kind === 0) return el('rect', { x: -40, y: -16, width: 80, height: 32, rx: 4, class: 'ed-shape', stroke: '#0b0c0c', 'stroke-width': 2 }, g);
  if (kind === 2) return el('polygon', { points: '0,-20 20,0 0,20 -20,0', class: 'ed-shape', stroke: '#00703c', 'stroke-width': 3 }, g);
  if (kind === 4) return el('rect', { x: -22, y: -12, width: 44, height: 24, rx: 12, class: 'ed-shape', stroke: '#1d70b8', 'stroke-width': 2 }, g);
  return el('circle', { r: 15, class: 'ed-shape', stroke: '#0b0c0c', 'stroke-width': 2 }, g);
}
/** The target around a pathway: a band 24 units wide (a stroked line has no area for hit tests and layout). */
export function band(x1: number, y1: number, x2: number, y2: number, half: number) {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const nx = (-(y2 - y1) / len) * half;
  const ny = ((x2 - x1) / len) * half;
  return [
    [x1 + nx, y1 + ny],
    [x2 + nx, y2 + ny],
    [x2 - nx, y2 - ny],
    [x1 - nx, y1 - ny],
  ]
    .map((p) => p.map(r2).join(','))
    .join(' ');
}
function focusable(g: SVGElement, key: string, label: string, isSelected: boolean) {
  g.setAttribute('tabindex', '0');
  g.setAttribute('role', 'button');
  g.setAttribute('aria-label', label);
  g.setAttribute('aria-pressed', isSelected ? 'true' : 'false');
  g.dataset.key = key;
  if (isSelected) g.classList.add('is-selected');
}

function renderLevel(ui: EditorUi, level: EditorIslandData['levels'][number]) {
  const s = ui.session;
  const { t, data: D, nodes, edges, selected, pending } = s;
  const modes = new Map(D.modes.map((m) => [m.mode, m]));
  const stroke = (mode: string) => {
    const m = (modes.get(mode) ?? modes.get('walkway'))!;
    return { stroke: m.color, 'stroke-width': m.width, 'stroke-dasharray': m.dash, 'stroke-linecap': 'round', class: 'ed-line' };
  };
  const here = [...nodes.values()].filter((n) => n.levelId === level.levelId && n.locationType !== 1);
  const ids = new Set(here.map((n) => n.stopId));
  const touching = [...edges.values()].filter((e) => ids.has(e.from) || ids.has(e.to));
  const b = levelBox(here);
  const figure = document.createElement('figure');
  figure.className = 'ed-level';
  const caption = document.createElement('figcaption');
  const h = document.createElement('h3');
  h.textContent = t('editor.levelHeading', { level: s.levelName(level.levelId) });
  const add = document.createElement('button');
  add.type = 'button';
  add.className = 'btn btn-secondary btn-small';
  add.textContent = t('editor.addHere', { level: s.levelName(level.levelId) });
  add.dataset.addLevel = level.levelId;
  add.dataset.key = `add:${level.levelId}`;
  caption.append(h, add);
  figure.appendChild(caption);
  const wrap = document.createElement('div');
  wrap.className = 'ed-scroll';
  figure.appendChild(wrap);
  const tid = `ed-edit-${level.levelId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const svg = el<SVGSVGElement>(
    'svg',
    {
      role: 'group',
      'aria-labelledby': `${tid}-t`,
      'aria-describedby': `${tid}-d`,
      viewBox: `${b.x} ${b.y} ${b.w} ${b.h}`,
      width: b.w,
      height: b.h,
      class: 'ed-svg',
    },
    wrap,
  );
  svg.dataset.level = level.levelId;
  el('title', { id: `${tid}-t` }, svg).textContent = t('editor.levelTitle', { station: D.stationName, level: s.levelName(level.levelId) });
  el('desc', { id: `${tid}-d` }, svg).textContent = t('editor.levelDesc', { nodes: here.length, edges: touching.length });
  el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, class: 'ed-bg' }, svg);
  const stubs = new Map<string, number>();
  for (const e of touching) {
    const a = ids.has(e.from) ? nodes.get(e.from) : null;
    const z = ids.has(e.to) ? nodes.get(e.to) : null;
    const isSel = selected?.type === 'edge' && selected.id === e.pathwayId;
    const g = el<SVGGElement>('g', { class: 'ed-edge' }, svg);
    g.dataset.pathway = e.pathwayId;
    let x1: number,
      y1: number,
      x2: number,
      y2: number,
      text: { x: number; y: number; s: string } | null = null;
    if (a && z) {
      x1 = a.x;
      y1 = a.y;
      x2 = z.x;
      y2 = z.y;
    } else {
      const p = (a ?? z)!;
      const far = nodes.get(a ? e.to : e.from);
      const farLevel = s.level(far?.levelId);
      const up = (farLevel?.levelIndex ?? 0) > level.levelIndex;
      const k = stubs.get(`${p.stopId}|${up}`) ?? 0;
      stubs.set(`${p.stopId}|${up}`, k + 1);
      const dx = (k % 2 ? 1 : -1) * (14 + 28 * Math.floor(k / 2));
      x1 = p.x + dx;
      y1 = p.y;
      x2 = x1;
      y2 = up ? p.y - 52 : p.y + 52;
      text = { x: x2, y: up ? y2 - 4 : y2 + 12, s: `${up ? '↑' : '↓'}${farLevel ? s.levelName(farLevel.levelId) : '?'}` };
    }
    focusable(g, `e:${e.pathwayId}`, s.edgeLabel(e) + (text ? ` (${text.s})` : ''), isSel);
    el('line', { x1, y1, x2, y2, class: 'ed-ring' }, g);
    el('line', { x1, y1, x2, y2, ...stroke(e.mode) }, g);
    el('polygon', { points: band(x1, y1, x2, y2, 12), class: 'ed-hit' }, g);
    if (text) el('text', { x: text.x, y: text.y, 'font-size': 11, 'text-anchor': 'middle', class: 'ed-stub' }, g).textContent = text.s;
  }
  for (const n of here) {
    const isSel = selected?.type === 'node' && selected.id === n.stopId;
    const g = el<SVGGElement>('g', { class: `ed-node${pending === n.stopId ? ' is-pending' : ''}`, transform: `translate(${n.x} ${n.y})` }, svg);
    g.dataset.stop = n.stopId;
    focusable(g, `n:${n.stopId}`, s.nodeLabel(n), isSel);
    el('circle', { r: 27, class: 'ed-ring' }, g);
    shape(n.locationType, g);
    el('circle', { r: 18, class: 'ed-hit' }, g);
    el('text', { x: n.locationType === 0 ? 46 : 26, y: 4, 'font-size': 13, class: 'ed-label' }, g).textContent = n.label;
  }
  return figure;
}

/** Redraws every level, keeping the focus on the element (by its data-key) that had it. */
export function drawLevels(ui: EditorUi) {
  const { canvas } = ui;
  const active = document.activeElement?.closest<HTMLElement | SVGElement>('[data-key]')?.dataset.key;
  canvas.textContent = '';
  for (const l of ui.session.data.levels) canvas.appendChild(renderLevel(ui, l));
  if (active) canvas.querySelector<HTMLElement | SVGElement>(`[data-key="${CSS.escape(active)}"]`)?.focus();
}

/** The list of changes, one line per operation. */
export function drawOps(ui: EditorUi) {
  const list = ui.$('ed-ops');
  list.textContent = '';
  for (const n of ui.session.notes) {
    const li = document.createElement('li');
    li.textContent = ui.session.t(`editor.op.${n.kind}`, { name: n.label });
    list.appendChild(li);
  }
}
