import type { StepMode } from '../routing/route-types.js';
import type { Curve, Point } from './geometry.js';
import { MAP, type LegendKey, type MapLayout, type NodeKind } from './layout.js';
import { PALETTE } from './map-palette.js';
import { PICTOGRAM_STROKE, PICTOGRAMS, type PictogramId } from './pictograms.js';
import { START_RING, TURN_ARROWS } from './svg-parts.js';

/**
 * The map part of the PDF: the same layout the SVG draws, with pdfkit's vector primitives, in layout units
 * under one scale transform. Shapes mirror svg-parts.ts one for one.
 */
export const FONT_REGULAR = 'map-regular';
export const FONT_BOLD = 'map-bold';

export interface PdfMapText {
  start: string;
  end: string;
  levelUnknown: string;
}

type Doc = PDFKit.PDFDocument;

/** Text on its baseline; `halo` first strokes it in white so lines under it do not cut through. */
export function textAt(doc: Doc, s: string, x: number, y: number, o: { size: number; bold?: boolean; colour?: string; anchor?: 'middle'; halo?: boolean }) {
  doc.font(o.bold ? FONT_BOLD : FONT_REGULAR).fontSize(o.size);
  const left = o.anchor === 'middle' ? x - doc.widthOfString(s) / 2 : x;
  if (o.halo) {
    doc
      .save()
      .lineWidth(3)
      .lineJoin('round')
      .strokeColor(PALETTE.page)
      .text(s, left, y, { lineBreak: false, baseline: 'alphabetic', stroke: true, fill: false })
      .restore();
  }
  doc.fillColor(o.colour ?? PALETTE.text).text(s, left, y, { lineBreak: false, baseline: 'alphabetic' });
}

export function pictogram(doc: Doc, id: PictogramId, x: number, y: number, size: number, colour: string) {
  doc
    .save()
    .translate(x, y)
    .scale(size / 28)
    .translate(2, 2);
  for (const part of PICTOGRAMS[id]) {
    doc.path(part.d);
    if (part.paint === 'fill') doc.fill(colour);
    else doc.lineWidth(PICTOGRAM_STROKE).lineJoin('round').lineCap('round').stroke(colour);
  }
  doc.restore();
}

export function pictogramTile(doc: Doc, id: PictogramId, x: number, y: number, size: number, colour: string) {
  doc
    .roundedRect(x - 1, y - 1, size + 2, size + 2, 3)
    .lineWidth(1.5)
    .fillAndStroke(PALETTE.page, colour);
  pictogram(doc, id, x, y, size, colour);
}

const curve = (doc: Doc, c: Curve) => doc.moveTo(c.from.x, c.from.y).quadraticCurveTo(c.control.x, c.control.y, c.to.x, c.to.y);

export function nodeShape(doc: Doc, kind: NodeKind, p: Point, onRoute: boolean) {
  const ring = onRoute ? PALETTE.route : PALETTE.text;
  const w = onRoute ? 3 : 2;
  doc.save().lineWidth(w);
  switch (kind) {
    case 'platform':
      doc.roundedRect(p.x - 16, p.y - 9, 32, 18, 3).fillAndStroke(PALETTE.platform, onRoute ? PALETTE.route : PALETTE.page);
      doc
        .moveTo(p.x - 10, p.y)
        .lineTo(p.x + 10, p.y)
        .lineWidth(2)
        .stroke(PALETTE.page);
      break;
    case 'entrance':
      doc.roundedRect(p.x - 12, p.y - 12, 24, 24, 4).fillAndStroke(PALETTE.entrance, onRoute ? PALETTE.route : PALETTE.page);
      pictogram(doc, 'exit', p.x - 9, p.y - 9, 18, PALETTE.page);
      break;
    case 'boarding':
      doc.polygon([p.x, p.y - 9], [p.x + 9, p.y], [p.x, p.y + 9], [p.x - 9, p.y]).fillAndStroke(PALETTE.page, ring);
      break;
    default:
      doc.circle(p.x, p.y, 7).fillAndStroke(PALETTE.page, ring);
  }
  doc.restore();
}

export function stepMarker(doc: Doc, x: number, y: number, n: number, r: number = MAP.markerR) {
  doc.save().circle(x, y, r).lineWidth(2).fillAndStroke(PALETTE.route, PALETTE.page).restore();
  textAt(doc, String(n), x, y + r * 0.38, { size: Math.round(r * 1.1), bold: true, colour: PALETTE.onRoute, anchor: 'middle' });
}

export function blockCross(doc: Doc, p: Point, s = 8) {
  const cross = () =>
    doc
      .moveTo(p.x - s, p.y - s)
      .lineTo(p.x + s, p.y + s)
      .moveTo(p.x + s, p.y - s)
      .lineTo(p.x - s, p.y + s);
  doc.save().lineCap('round');
  cross().lineWidth(8).stroke(PALETTE.casing);
  cross().lineWidth(4).stroke(PALETTE.blocked);
  doc.restore();
}

export function turnTile(doc: Doc, x: number, y: number, size: number, turn: keyof typeof TURN_ARROWS) {
  doc.save().roundedRect(x, y, size, size, 8).lineWidth(1.5).fillAndStroke(PALETTE.route, PALETTE.page);
  doc
    .translate(x, y)
    .scale(size / 16)
    .path(TURN_ARROWS[turn])
    .lineWidth(2)
    .lineCap('round')
    .lineJoin('round')
    .stroke(PALETTE.onRoute);
  doc.restore();
}

export function carGlyph(doc: Doc, x: number, y: number, w: number, h: number) {
  doc.save().roundedRect(x, y, w, h, 4).fill(PALETTE.platform);
  for (const i of [0, 1, 3]) doc.rect(x + 4 + i * 9, y + 4, 6, 5).fill(PALETTE.page);
  doc
    .rect(x + 22, y + 3, 8, h - 3)
    .lineWidth(1)
    .fillAndStroke(PALETTE.route, PALETTE.page)
    .restore();
}

/** Bands, pathways, route, nodes, labels, markers and the boarding glyph; the legend is drawn by the caller. */
export function drawMapBody(doc: Doc, layout: MapLayout, words: PdfMapText) {
  for (const b of layout.bands) {
    doc.rect(0, b.y, layout.width, b.h).fill(b.shaded ? PALETTE.bandB : PALETTE.bandA);
    doc.moveTo(0, b.y).lineTo(layout.width, b.y).lineWidth(1).stroke(PALETTE.bandRule);
  }
  for (const e of layout.edges) {
    if (e.step !== null) continue;
    doc.save();
    if (e.blocked) doc.dash(6, { space: 4 });
    curve(doc, e)
      .lineWidth(2)
      .stroke(e.blocked ? PALETTE.blocked : PALETTE.edge);
    doc.restore();
  }
  const route = layout.edges.filter((e) => e.step !== null).sort((a, b) => a.step! - b.step!);
  doc.save().lineCap('round');
  for (const e of route) curve(doc, e).lineWidth(11).stroke(PALETTE.casing);
  for (const e of route) curve(doc, e).lineWidth(7).stroke(PALETTE.route);
  doc.restore();
  for (const i of layout.icons) pictogramTile(doc, i.mode, i.x - 8, i.y - 8, 16, PALETTE.edge);
  for (const n of layout.nodes) nodeShape(doc, n.kind, n, n.onRoute);
  if (layout.start) doc.save().circle(layout.start.x, layout.start.y, START_RING).lineWidth(3).stroke(PALETTE.route).restore();
  for (const n of layout.nodes) {
    if (n.leader) doc.save().moveTo(n.leader[0].x, n.leader[0].y).lineTo(n.leader[1].x, n.leader[1].y).lineWidth(1).stroke(PALETTE.muted).restore();
  }
  for (const n of layout.nodes) {
    let y = n.labelAt.y;
    if (n.role) {
      textAt(doc, n.role === 'start' ? words.start : words.end, n.labelAt.x, y, { size: MAP.labelFont, bold: true, colour: PALETTE.route, halo: true });
      y += MAP.labelLine;
    }
    for (const line of n.label) {
      textAt(doc, line, n.labelAt.x, y, { size: MAP.labelFont, bold: n.onRoute, halo: true });
      y += MAP.labelLine;
    }
  }
  for (const b of layout.bands) textAt(doc, b.name ?? words.levelUnknown, MAP.side, b.y + 20, { size: MAP.levelFont, bold: true, halo: true });
  for (const p of layout.blocks) blockCross(doc, p);
  for (const m of layout.markers) {
    pictogramTile(doc, m.mode as StepMode, m.icon.x, m.icon.y, MAP.iconSize, PALETTE.route);
    stepMarker(doc, m.x, m.y, m.n);
  }
  for (const t of layout.turns) turnTile(doc, t.x, t.y, t.size, t.turn);
  const b = layout.boarding;
  if (b) {
    carGlyph(doc, b.x, b.y, b.w, b.h);
    textAt(doc, b.text, b.textAt.x, b.textAt.y, { size: 16, bold: true, halo: true });
  }
}

/** The legend's sample for one key, centred vertically on y, 38 units wide (as the SVG's). */
export function legendSample(doc: Doc, key: LegendKey, x: number, y: number) {
  const line = (colour: string, w: number) =>
    doc
      .moveTo(x + 2, y)
      .lineTo(x + 36, y)
      .lineWidth(w)
      .lineCap('round')
      .stroke(colour);
  switch (key) {
    case 'route':
      line(PALETTE.casing, 11);
      line(PALETTE.route, 7);
      return;
    case 'edge':
      line(PALETTE.edge, 2);
      return;
    case 'step':
      stepMarker(doc, x + 19, y, 1, 10);
      return;
    case 'turn':
      turnTile(doc, x + 11, y - 8, 16, 'right');
      return;
    case 'blocked':
      blockCross(doc, { x: x + 19, y }, 7);
      return;
    case 'boarding':
      carGlyph(doc, x, y - 9, 40, 18);
      return;
    case 'platform':
    case 'junction':
    case 'entrance':
      nodeShape(doc, key, { x: x + 19, y }, false);
      return;
    case 'boardingPosition':
      nodeShape(doc, 'boarding', { x: x + 19, y }, false);
      return;
    default:
      pictogramTile(doc, key.slice(5) as StepMode, x + 9, y - 10, 20, PALETTE.route);
  }
}
