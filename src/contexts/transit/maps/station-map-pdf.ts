import PDFDocument from 'pdfkit';
import { pdfBytes, pdfFontFiles } from '../../../core/pdf/pdf.js';
import type { Locale } from '../../../core/i18n/messages.js';
import { artifact, LANG_TAG, MARGIN, tagged, WIDTH, type Ctx } from './pdf-blocks.js';
import { FONT_BOLD, FONT_REGULAR, textAt } from './pdf-map.js';
import { layoutStationPlot } from './station-map-plot.js';
import { COLOUR, type StationMapFacts, type StationMapText } from './station-map-svg.js';

/**
 * The printable station map (A4, as many pages as it takes): the same facts and plot as the SVG, tagged for
 * screen readers — a structure tree in reading order (title, lines, the plot as a figure whose alt text
 * names every placed facility and where it is, then each list under its heading, what is not known, the
 * sources), in the page's language. Deterministic for the same facts and `generatedAt`.
 */
const PLOT = { w: 720, h: 320 };

export async function renderStationMapPdf(f: StationMapFacts, t: StationMapText, locale: Locale, generatedAt: string): Promise<Buffer> {
  const fonts = pdfFontFiles();
  const created = new Date(generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: LANG_TAG[locale],
    displayTitle: true,
    font: fonts.regular,
    tagged: true,
    pdfVersion: '1.5',
    info: { Title: t.title, Author: 'Open Seoul', Creator: 'Open Seoul', ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }) },
  });
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  const bytes = pdfBytes(doc);

  const root = doc.struct('Document', { lang: LANG_TAG[locale] });
  doc.addStructure(root);
  const ctx: Ctx = { doc, k: 1, parent: root };
  const para = (role: 'H1' | 'H2' | 'P', s: string, o: { size: number; bold?: boolean; colour?: string; indent?: number; gap?: number }) => {
    doc.font(o.bold ? FONT_BOLD : FONT_REGULAR).fontSize(o.size);
    const width = WIDTH - (o.indent ?? 0);
    if (doc.y + doc.heightOfString(s, { width }) > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    tagged(ctx, role, { lang: locale }, () => {
      doc.fillColor(o.colour ?? COLOUR.text).text(s, MARGIN + (o.indent ?? 0), y, { width, lineGap: 1 });
    });
    doc.y += o.gap ?? 4;
  };

  para('H1', t.title, { size: 18, bold: true, gap: 8 });
  para('P', `${t.linesHeading}: ${f.lines.map((l) => l.name).join(', ') || '–'}`, { size: 11, gap: 2 });
  const y0 = doc.y;
  artifact(ctx, () =>
    f.lines.forEach((l, i) =>
      doc
        .save()
        .roundedRect(MARGIN + i * 30, y0, 24, 8, 4)
        .fill(l.colour)
        .restore(),
    ),
  );
  doc.y = y0 + 16;

  // The plot, scaled to the page's width, as one figure; its words are the alt text.
  const plot = layoutStationPlot(f, t.centre, PLOT.w, PLOT.h);
  const k = WIDTH / PLOT.w;
  if (plot) {
    para('P', t.placed, { size: 10, colour: COLOUR.muted, gap: 2 });
    const top = doc.y;
    const placed = [...f.lifts, ...f.toilets.map((x) => ({ ...x, statusText: x.text }))].filter((x) => x.lat !== null && x.lon !== null);
    const alt = `${t.placed}. ${placed.map((x) => `${x.label}: ${x.statusText}`).join('. ')}. ${t.key}`;
    artifact(ctx, () =>
      doc
        .save()
        .rect(MARGIN, top, WIDTH, PLOT.h * k)
        .lineWidth(0.75)
        .fillAndStroke('#f6f7f8', COLOUR.rule)
        .restore(),
    );
    tagged(ctx, 'Figure', { lang: locale, alt }, () => {
      doc.save().translate(MARGIN, top).scale(k);
      const { cx, cy } = plot.centre;
      doc.circle(cx, cy, 7).lineWidth(2).stroke(COLOUR.text);
      doc
        .moveTo(cx - 11, cy)
        .lineTo(cx + 11, cy)
        .moveTo(cx, cy - 11)
        .lineTo(cx, cy + 11)
        .lineWidth(1.5)
        .stroke(COLOUR.text);
      textAt(doc, t.centre, cx, cy + 24, { size: 12, anchor: 'middle', colour: COLOUR.muted });
      for (const m of plot.markers) {
        if (m.kind === 'lift')
          doc
            .rect(m.x - 6, m.y - 6, 12, 12)
            .lineWidth(1.5)
            .fillAndStroke(COLOUR[m.status], '#ffffff');
        else doc.circle(m.x, m.y, 6).lineWidth(1.5).fillAndStroke(COLOUR.toilet, '#ffffff');
      }
      for (const l of plot.labels) {
        if (l.leader) doc.moveTo(l.leader[0].x, l.leader[0].y).lineTo(l.leader[1].x, l.leader[1].y).lineWidth(1).stroke(COLOUR.muted);
        textAt(doc, l.text, l.x, l.y, { size: l.size, bold: true });
      }
      doc.polygon([PLOT.w - 50, 44], [PLOT.w - 42, 24], [PLOT.w - 34, 44]).fill(COLOUR.text);
      textAt(doc, t.north, PLOT.w - 42, 60, { size: 12, anchor: 'middle' });
      doc
        .moveTo(40, PLOT.h - 16)
        .lineTo(40 + plot.scaleBar.px, PLOT.h - 16)
        .lineWidth(3)
        .stroke(COLOUR.text);
      textAt(doc, `${plot.scaleBar.metres} ${t.metres}`, 40, PLOT.h - 24, { size: 12 });
      doc.restore();
    });
    doc.y = top + PLOT.h * k + 4;
    para('P', t.key, { size: 9, colour: COLOUR.muted, gap: 8 });
  } else {
    para('P', t.noPositions, { size: 11, gap: 8 });
  }

  const list = (heading: string, items: string[], colour?: string) => {
    para('H2', heading, { size: 13, bold: true, colour, gap: 3 });
    for (const item of items.length ? items : ['–']) para('P', item, { size: 10, indent: 12, gap: 2 });
    doc.y += 6;
  };
  list(
    t.lifts,
    f.lifts.map((l) => `${l.label}: ${l.statusText}`),
  );
  list(
    t.toilets,
    f.toilets.map((l) => `${l.label}: ${l.text}`),
  );
  list(t.exits, [f.exits.length ? f.exits.join(', ') : t.noExits]);
  list(t.interior, [f.interior ?? '–']);
  list(
    t.unknownHeading,
    f.unknowns.map((u) => `• ${u}`),
    COLOUR.out,
  );
  list(t.sourcesHeading, f.sources);

  root.end();
  doc.end();
  return bytes;
}
