import type { StepMode } from '../routing/route-types.js';
import { wrapLabel } from './label-wrap.js';
import { layoutTransferMap, MAP, type LegendItem, type MapLayout } from './layout.js';
import type { MapLocale, TransferMapInput } from './map-input.js';
import { PALETTE } from './map-palette.js';
import type { PictogramId } from './pictograms.js';
import { stepGuides, type StepGuide } from './step-guides.js';
import {
  blockCross,
  carGlyph,
  curvePath,
  esc,
  haloText,
  n1,
  nodeShape,
  pictogramSymbols,
  pictogramTile,
  plainText,
  startRing,
  stepMarker,
  turnTile,
} from './svg-parts.js';
import {
  asDrawnNote,
  blockedSentence,
  boardingSentence,
  guideWords,
  legendLabel,
  mapTitle,
  mapTranslator,
  provenanceLines,
  routeSummary,
  type MapTranslate,
} from './transfer-map-text.js';

/** The page's own font stack (site.css --os-font): the map loads no font of its own. */
const FONT = "Pretendard, 'Pretendard GOV', 'Noto Sans KR', NanumGothic, sans-serif";

/** FNV-1a, so ids differ between maps on one page yet stay the same for the same map. */
function idPrefix(input: TransferMapInput, locale: MapLocale): string {
  let h = 0x811c9dc5;
  for (const ch of `${input.station.id}|${input.profile.id}|${input.route.from.id}|${input.route.to.id}|${locale}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `tm${h.toString(36)}`;
}

/**
 * A self-contained, accessible SVG of the transfer: levels as bands (street on top), every pathway faint,
 * the route thick with numbered steps matching RouteStep.n, pictograms, the car and door to board, and a
 * legend. Same input → same string.
 */
export function renderTransferMapSvg(input: TransferMapInput, locale: MapLocale): string {
  const t = mapTranslator(locale);
  const layout = layoutTransferMap(input);
  const prefix = idPrefix(input, locale);
  const W = layout.width;

  // Header: title, summary, infeasible caption, live status; its height pushes the map down.
  const header: string[] = [];
  let y = 8;
  for (const line of wrapLabel(mapTitle(input, locale), W - 24, 18, 2)) header.push(plainText(12, (y += 24), line, { size: 18, bold: true }));
  for (const line of wrapLabel(routeSummary(input, locale), W - 24, 13, 3)) header.push(plainText(12, (y += 19), line, { size: 13 }));
  const boarding = boardingSentence(input, locale);
  if (boarding) for (const line of wrapLabel(boarding, W - 24, 13, 3)) header.push(plainText(12, (y += 19), line, { size: 13, bold: true }));
  if (!input.route.feasible) {
    const message = t('map.infeasible', { message: input.route.reason?.message[locale] ?? t('map.noBlocked') });
    const lines = wrapLabel(message, W - 48, 14, 4);
    const top = y + 10;
    header.push(
      `<g class="infeasible"><rect x="12" y="${top}" width="${W - 24}" height="${lines.length * 20 + 14}" rx="6" fill="${PALETTE.page}" stroke="${PALETTE.blocked}" stroke-width="3"/>`,
    );
    lines.forEach((line, i) => header.push(plainText(24, top + 24 + i * 20, line, { size: 14, bold: true, fill: PALETTE.blocked })));
    header.push('</g>');
    y = top + lines.length * 20 + 14;
  }
  for (const line of input.status ?? []) header.push(plainText(12, (y += 18), `● ${line}`, { size: 12, fill: PALETTE.muted }));
  const mapTop = y + 14;

  const footer = provenanceLines(input, locale).map((line, i) => plainText(12, mapTop + layout.height + 18 + i * 17, line, { size: 12, fill: PALETTE.muted }));
  const height = mapTop + layout.height + 12 + footer.length * 17;

  const used = new Set<PictogramId>(['exit', ...layout.edges.map((e) => e.mode)]);
  const desc = svgDescription(input, locale, stepGuides(input, layout));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${n1(height)}" width="100%" style="max-width:${W * 1.5}px;height:auto" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" lang="${locale}" font-family="${esc(FONT)}" class="transfer-map">`,
    `<title id="${prefix}-title">${esc(mapTitle(input, locale))}</title>`,
    `<desc id="${prefix}-desc">${esc(desc)}</desc>`,
    `<defs>${pictogramSymbols(prefix, [...used].sort())}</defs>`,
    `<rect width="${W}" height="${n1(height)}" fill="${PALETTE.page}"/>`,
    ...header,
    `<g transform="translate(0 ${n1(mapTop)})">${mapBody(layout, t, prefix, input)}</g>`,
    ...footer,
    '</svg>',
  ].join('\n');
}

function mapBody(layout: MapLayout, t: MapTranslate, prefix: string, input: TransferMapInput): string {
  const out: string[] = [];
  for (const b of layout.bands) {
    out.push(`<rect x="0" y="${n1(b.y)}" width="${layout.width}" height="${n1(b.h)}" fill="${b.shaded ? PALETTE.bandB : PALETTE.bandA}"/>`);
    out.push(`<path d="M0 ${n1(b.y)}H${layout.width}" stroke="${PALETTE.bandRule}" stroke-width="1"/>`);
  }
  const route = layout.edges.filter((e) => e.step !== null).sort((a, b) => a.step! - b.step!);
  for (const e of layout.edges) {
    if (e.step !== null) continue;
    const colour = e.blocked ? PALETTE.blocked : PALETTE.edge;
    out.push(
      `<path d="${curvePath(e)}" fill="none" stroke="${colour}" stroke-width="2"${e.blocked ? ' stroke-dasharray="6 4"' : ''} data-pathway="${esc(e.pathwayId)}"/>`,
    );
  }
  // Casings first, then the blue: where the route crosses itself it still reads as one line.
  for (const e of route) out.push(`<path d="${curvePath(e)}" fill="none" stroke="${PALETTE.casing}" stroke-width="11" stroke-linecap="round"/>`);
  for (const e of route)
    out.push(
      `<path class="route" d="${curvePath(e)}" fill="none" stroke="${PALETTE.route}" stroke-width="7" stroke-linecap="round" data-pathway="${esc(e.pathwayId)}" data-step="${e.step}"/>`,
    );
  for (const i of layout.icons) out.push(pictogramTile(prefix, i.mode, i.x - 8, i.y - 8, 16, PALETTE.edge));
  for (const n of layout.nodes) out.push(nodeShape(prefix, n.kind, n, n.onRoute));
  if (layout.start) out.push(startRing(layout.start));
  for (const n of layout.nodes) {
    if (n.leader)
      out.push(
        `<path class="leader" d="M${n1(n.leader[0].x)} ${n1(n.leader[0].y)}L${n1(n.leader[1].x)} ${n1(n.leader[1].y)}" stroke="${PALETTE.muted}" stroke-width="1"/>`,
      );
  }
  for (const n of layout.nodes) {
    const nameY = n.role ? n.labelAt.y + MAP.labelLine : n.labelAt.y;
    if (n.role)
      out.push(haloText(n.labelAt.x, n.labelAt.y, [t(n.role === 'start' ? 'map.start' : 'map.end')], { size: MAP.labelFont, bold: true, fill: PALETTE.route }));
    out.push(haloText(n.labelAt.x, nameY, n.label, { size: MAP.labelFont, lang: 'ko', lineH: MAP.labelLine, bold: n.onRoute }));
  }
  // Level names after the lines, with a halo: a lift at the left edge must not hide which level this is.
  for (const b of layout.bands) out.push(haloText(MAP.side, b.y + 20, [b.name ?? t('map.levelUnknown')], { size: MAP.levelFont, bold: true }));
  for (const p of layout.blocks) out.push(blockCross(p));
  for (const m of layout.markers) {
    out.push(pictogramTile(prefix, m.mode, m.icon.x, m.icon.y, MAP.iconSize, PALETTE.route));
    out.push(stepMarker(m.x, m.y, m.n, MAP.markerR));
  }
  for (const turn of layout.turns) out.push(turnTile(turn.x, turn.y, turn.size, turn.turn, turn.n));
  const b = layout.boarding;
  if (b) {
    out.push(`<g class="boarding">${carGlyph(b.x, b.y, b.w, b.h)}${haloText(b.textAt.x, b.textAt.y, [b.text], { size: 16, bold: true })}</g>`);
  }
  out.push(legend(layout, t, prefix, input));
  return out.join('\n');
}

function legend(layout: MapLayout, t: MapTranslate, prefix: string, input: TransferMapInput): string {
  const out = [
    `<path d="M0 ${n1(layout.legend.y)}H${layout.width}" stroke="${PALETTE.bandRule}" stroke-width="1"/>`,
    plainText(MAP.side, layout.legend.y + 22, t('map.legend'), { size: 14, bold: true }),
  ];
  for (const item of layout.legend.items)
    out.push(`<g class="legend-item">${legendSample(item, prefix)}${plainText(item.x + 46, item.y + 4.5, legendLabel(item.key, t, input), { size: 12 })}</g>`);
  return out.join('');
}

function legendSample(item: LegendItem, prefix: string): string {
  const { x, y } = item;
  const line = (colour: string, w: number) => `<path d="M${n1(x + 2)} ${n1(y)}H${n1(x + 36)}" stroke="${colour}" stroke-width="${w}" stroke-linecap="round"/>`;
  switch (item.key) {
    case 'route':
      return line(PALETTE.casing, 11) + line(PALETTE.route, 7);
    case 'edge':
      return line(PALETTE.edge, 2);
    case 'step':
      return stepMarker(x + 19, y, 1, 10, true);
    case 'turn':
      return turnTile(x + 11, y - 8, 16, 'right', null);
    case 'blocked':
      return blockCross({ x: x + 19, y }, 7, true);
    case 'boarding':
      return carGlyph(x, y - 9, 40, 18);
    case 'platform':
      return nodeShape(prefix, 'platform', { x: x + 19, y }, false);
    case 'junction':
      return nodeShape(prefix, 'junction', { x: x + 19, y }, false);
    case 'entrance':
      return nodeShape(prefix, 'entrance', { x: x + 19, y }, false);
    case 'boardingPosition':
      return nodeShape(prefix, 'boarding', { x: x + 19, y }, false);
    default:
      return pictogramTile(prefix, item.key.slice(5) as StepMode, x + 9, y - 10, 20, PALETTE.route);
  }
}

const guideSuffix = (guide: StepGuide | undefined, locale: MapLocale) => {
  const words = guideWords(guide, locale);
  return words ? ` (${words})` : '';
};

/** <desc>: the summary, the boarding advice and every step (or why there is no route), in the locale. */
export function svgDescription(input: TransferMapInput, locale: MapLocale, guides?: Map<number, StepGuide>): string {
  const t = mapTranslator(locale);
  const parts = [routeSummary(input, locale)];
  const boarding = boardingSentence(input, locale);
  if (boarding) parts.push(boarding);
  if (input.route.feasible) {
    parts.push(
      t('map.descSteps', {
        list: [...input.route.steps]
          .sort((a, b) => a.n - b.n)
          .map((s) => `${s.n}. ${s.instruction[locale]}${guideSuffix(guides?.get(s.n), locale)}`)
          .join(' '),
      }),
    );
    const note = guides && asDrawnNote(guides, locale);
    if (note) parts.push(note);
  } else {
    if (input.route.reason) parts.push(t('map.infeasible', { message: input.route.reason.message[locale] }));
    for (const b of input.route.reason?.blockedBy ?? []) parts.push(`${t('map.blockedHeading')} ${blockedSentence(input, b, locale)}.`);
  }
  return parts.join(' ');
}
