import PDFDocument from 'pdfkit';
import { pdfBytes, pdfFontFiles } from '../../../core/pdf/pdf.js';
import { layoutTransferMap, type MapLayout } from './layout.js';
import type { TransferMapInput } from './map-input.js';
import { PALETTE } from './map-palette.js';
import { A4, artifact, framed, MARGIN, marked, pair, tagged, textBlock, totalHeight, WIDTH, type Block, type Ctx } from './pdf-blocks.js';
import { blockCross, carGlyph, drawMapBody, FONT_BOLD, FONT_REGULAR, legendSample, stepMarker, textAt } from './pdf-map.js';
import {
  asDrawnNote,
  blockedSentence,
  boardingSentence,
  legendLabel,
  mapTitle,
  mapTranslator,
  provenanceLines,
  routeSummary,
  stepSentence,
} from './transfer-map-text.js';
import { svgDescription } from './transfer-map-svg.js';
import { stepGuides, type StepGuide } from './step-guides.js';

/**
 * The printable transfer map: one A4 page, Korean first and English below each line, with the same map as
 * the SVG (one shared layout) beside its legend, the steps, the boarding advice and where the data comes
 * from. Text is measured first and the map takes the height left; a long route is set in smaller type, and
 * only as a last resort are later steps left to the text version, so the page never spills onto a second.
 */
const GAP = 10;
const LEGEND = { w: 168, rowH: 22, minRowH: 17, sampleScale: 0.6 };
/** Below this the map's labels (12 units) fall under about 5 pt and stop being readable on paper. */
const MIN_MAP_SCALE = 0.42;
const TYPE_SCALES = [1, 0.9, 0.8, 0.7, 0.62];

function compose(ctx: Ctx, input: TransferMapInput, guides: Map<number, StepGuide>): { before: Block[]; after: Block[] } {
  const { doc } = ctx;
  const ko = mapTranslator('ko');
  const en = mapTranslator('en');
  const { route } = input;
  const before: Block[] = [
    textBlock(ctx, mapTitle(input, 'ko'), { size: 18, bold: true, gap: 0, role: 'H1' }),
    textBlock(ctx, mapTitle(input, 'en'), { size: 11, colour: PALETTE.muted, gap: 6, lang: 'en' }),
    ...pair(ctx, routeSummary(input, 'ko'), routeSummary(input, 'en'), 10.5),
  ];
  const boardKo = boardingSentence(input, 'ko');
  const boardEn = boardingSentence(input, 'en');
  if (boardKo && boardEn) {
    before.push(framed(ctx, pair(ctx, boardKo, boardEn, 11, { bold: true, indent: 52, gap: 0 }), PALETTE.route, (x, y) => carGlyph(doc, x, y, 40, 18)));
  }
  if (!route.feasible) {
    const message = route.reason?.message;
    const inner = pair(
      ctx,
      ko('map.infeasible', { message: message?.ko ?? ko('map.noBlocked') }),
      en('map.infeasible', { message: message?.en ?? en('map.noBlocked') }),
      11,
      { bold: true, indent: 8, gap: 0 },
    );
    before.push(framed(ctx, inner, PALETTE.blocked));
  }
  for (const line of input.status ?? []) before.push(textBlock(ctx, `● ${line}`, { size: 9, colour: PALETTE.muted, gap: 1 }));

  const after: Block[] = [];
  if (route.feasible) {
    after.push(textBlock(ctx, `${ko('map.stepsHeading')} · ${en('map.stepsHeading')}`, { size: 12, bold: true, gap: 4, role: 'H2' }));
    for (const step of [...route.steps].sort((a, b) => a.n - b.n)) {
      after.push(
        marked(ctx, stepSentence(step, 'ko', false, guides.get(step.n)), stepSentence(step, 'en', false, guides.get(step.n)), 10, (x, y) =>
          stepMarker(doc, x, y, step.n, 8 * ctx.k),
        ),
      );
    }
    const asKo = asDrawnNote(guides, 'ko');
    const asEn = asDrawnNote(guides, 'en');
    if (asKo && asEn) after.push(...pair(ctx, asKo, asEn, 8.5));
    const c = route.counts;
    const counts = { elevators: c.elevatorRides, levels: c.levelChanges, gates: c.fareGates, stairs: c.stairs, escalators: c.escalators };
    after.push(...pair(ctx, ko('map.counts', counts), en('map.counts', counts), 9));
    if (route.dependsOn.length) {
      const list = (t: typeof ko) => route.dependsOn.map((d) => t('map.facility', { name: d.name ?? d.facilityId, status: d.status })).join(', ');
      after.push(...pair(ctx, ko('map.dependsOn', { list: list(ko) }), en('map.dependsOn', { list: list(en) }), 9));
    }
    if (route.unknownSteps > 0)
      after.push(...pair(ctx, ko('map.unknownSteps', { n: route.unknownSteps }), en('map.unknownSteps', { n: route.unknownSteps }), 9));
  } else {
    after.push(textBlock(ctx, `${ko('map.blockedHeading')} ${en('map.blockedHeading')}`, { size: 12, bold: true, gap: 4, role: 'H2' }));
    for (const b of route.reason?.blockedBy ?? []) {
      after.push(marked(ctx, blockedSentence(input, b, 'ko'), blockedSentence(input, b, 'en'), 10, (x, y) => blockCross(doc, { x, y }, 5 * ctx.k)));
    }
  }
  after.push(textBlock(ctx, provenanceLines(input, 'ko').join(' · '), { size: 8, colour: PALETTE.muted, gap: 1 }));
  after.push(textBlock(ctx, provenanceLines(input, 'en').join(' · '), { size: 8, colour: PALETTE.muted, gap: 0, lang: 'en' }));
  return { before, after };
}

interface Plan {
  before: Block[];
  after: Block[];
  scale: number;
  legendRowH: number;
  ctx: Ctx;
}

/** The largest type that leaves the map readable; failing that, the smallest type with later steps cut. */
function plan(doc: PDFKit.PDFDocument, input: TransferMapInput, layout: MapLayout): Plan {
  const guides = stepGuides(input, layout);
  const items = Math.max(1, layout.legend.items.length);
  const legendNeed = 18 + items * LEGEND.minRowH;
  const roomFor = (p: { before: Block[]; after: Block[] }) => A4.h - 2 * MARGIN - totalHeight(p.before) - totalHeight(p.after) - 2 * GAP - 4;
  const finish = (p: { before: Block[]; after: Block[] }): Plan => {
    const room = roomFor(p);
    const scale = Math.max(0.2, Math.min((WIDTH - LEGEND.w - GAP) / layout.width, room / layout.legend.y));
    return { ...p, scale, legendRowH: Math.max(LEGEND.minRowH, Math.min(LEGEND.rowH, (room - 18) / items)), ctx };
  };
  const fits = (p: { before: Block[]; after: Block[] }) => {
    const room = roomFor(p);
    return room >= legendNeed && room / layout.legend.y >= MIN_MAP_SCALE;
  };
  let last: { before: Block[]; after: Block[] } | null = null;
  let ctx: Ctx = { doc, k: 1 };
  for (const k of TYPE_SCALES) {
    ctx = { doc, k };
    last = compose(ctx, input, guides);
    if (fits(last)) return finish(last);
  }
  // Still too long: leave out later steps (from the end) and say where to read them.
  const p = last!;
  const more = pair(ctx, mapTranslator('ko')('map.moreInText'), mapTranslator('en')('map.moreInText'), 10);
  while (!fits({ before: p.before, after: [...p.after, ...more] })) {
    const i = p.after.findLastIndex((b) => b.optional);
    if (i < 0) break;
    p.after.splice(i, 1);
  }
  const footer = p.after.splice(-2);
  return finish({ before: p.before, after: [...p.after, ...more, ...footer] });
}

/** The legend: a heading, then each sample (decoration) with its words in Korean and English. */
function drawLegend(ctx: Ctx, layout: MapLayout, input: TransferMapInput, x: number, y: number, rowH: number) {
  const { doc } = ctx;
  const ko = mapTranslator('ko');
  const en = mapTranslator('en');
  tagged(ctx, 'H2', { lang: 'ko' }, () => textAt(doc, `${ko('map.legend')} · ${en('map.legend')}`, x, y + 10, { size: 10, bold: true }));
  layout.legend.items.forEach((item, i) => {
    const cy = y + 18 + i * rowH + rowH / 2;
    artifact(ctx, () => {
      doc.save().translate(x, cy).scale(LEGEND.sampleScale);
      legendSample(doc, item.key, 0, 0);
      doc.restore();
    });
    tagged(ctx, 'P', { lang: 'ko' }, () => textAt(doc, legendLabel(item.key, ko, input), x + 30, cy - 1, { size: 8.5 }));
    tagged(ctx, 'P', { lang: 'en' }, () => textAt(doc, legendLabel(item.key, en, input), x + 30, cy + 8, { size: 7.5, colour: PALETTE.muted }));
  });
}

export async function renderTransferMapPdf(input: TransferMapInput): Promise<Buffer> {
  const fonts = pdfFontFiles();
  const created = new Date(input.generatedAt);
  const doc = new PDFDocument({
    // Tagged (PDF 1.5): a structure tree in reading order, each text in its language, the map a figure with alt text.
    size: 'A4',
    margin: MARGIN,
    lang: 'ko-KR',
    displayTitle: true,
    font: fonts.regular,
    tagged: true,
    pdfVersion: '1.5',
    info: {
      Title: `${mapTitle(input, 'ko')} / ${mapTitle(input, 'en')}`,
      Subject: routeSummary(input, 'ko'),
      Author: 'Open Seoul',
      Creator: 'Open Seoul',
      Keywords: `${input.station.nameKo}, ${input.station.nameEn ?? ''}, ${input.profile.label.ko}, 환승, transfer`,
      // The date the data was assembled, not the clock: printing the same input twice gives the same metadata.
      ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }),
    },
  });
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  const bytes = pdfBytes(doc);

  const layout = layoutTransferMap(input);
  const { before, after, scale, legendRowH, ctx } = plan(doc, input, layout);
  const root = doc.struct('Document', { lang: 'ko-KR' });
  doc.addStructure(root);
  ctx.parent = root;
  let y = MARGIN;
  for (const b of before) {
    b.draw(y);
    y += b.height;
  }
  y += GAP / 2;
  const mapW = layout.width * scale;
  const mapH = layout.legend.y * scale;
  const top = y;
  tagged(
    ctx,
    'Figure',
    { lang: 'ko', alt: `${svgDescription(input, 'ko', stepGuides(input, layout))} / ${svgDescription(input, 'en', stepGuides(input, layout))}` },
    () => {
      doc.save().translate(MARGIN, top).scale(scale);
      drawMapBody(doc, layout, { start: '출발 Start', end: '도착 End', levelUnknown: '층 모름 · Level unknown' });
      doc.restore();
    },
  );
  artifact(ctx, () => doc.save().rect(MARGIN, top, mapW, mapH).lineWidth(0.75).stroke(PALETTE.bandRule).restore());
  drawLegend(ctx, layout, input, MARGIN + mapW + GAP, y, legendRowH);
  y += Math.max(mapH, 18 + layout.legend.items.length * legendRowH) + GAP;
  for (const b of after) {
    b.draw(y);
    y += b.height;
  }

  root.end();
  doc.end();
  return bytes;
}
