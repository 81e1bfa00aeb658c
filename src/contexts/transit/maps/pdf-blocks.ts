import { PALETTE } from './map-palette.js';
import { FONT_BOLD, FONT_REGULAR } from './pdf-map.js';

/**
 * Text blocks of the PDF, measured before they are drawn so the page can be planned (the map takes the
 * height that is left). `k` scales every type size: a long route is set smaller rather than spilling over.
 */
export const A4 = { w: 595.28, h: 841.89 };
export const MARGIN = 40;
export const WIDTH = A4.w - 2 * MARGIN;

/**
 * `parent` is the structure element (tagged PDF) the blocks' text goes into, in drawing order, which is the
 * reading order; absent while blocks are only measured.
 */
export interface Ctx {
  doc: PDFKit.PDFDocument;
  k: number;
  parent?: PDFKit.PDFStructureElement;
}
export type TextRole = 'H1' | 'H2' | 'P';
export type TextLang = 'ko' | 'en';
export const LANG_TAG: Record<TextLang, string> = { ko: 'ko-KR', en: 'en-US' };

/** Drawn content as a structure element of the given role and language (or plainly, when there is no tree). */
export function tagged(ctx: Ctx, role: string, o: { lang?: TextLang; alt?: string }, draw: () => void) {
  if (!ctx.parent) {
    draw();
    return;
  }
  ctx.parent.add(ctx.doc.struct(role, { ...(o.lang ? { lang: LANG_TAG[o.lang] } : {}), ...(o.alt ? { alt: o.alt } : {}) }, [draw]));
}

/** Drawn content that is decoration (frames, numbered circles repeated in the text): an artifact, skipped by readers. */
export function artifact(ctx: Ctx, draw: () => void) {
  if (!ctx.parent) {
    draw();
    return;
  }
  ctx.doc.markContent('Artifact');
  draw();
  ctx.doc.endMarkedContent();
}
/** `optional` blocks (later steps, counts) may be left out when even the smallest type does not fit. */
export interface Block {
  height: number;
  draw: (y: number) => void;
  optional?: boolean;
}

export function textBlock(
  ctx: Ctx,
  s: string,
  o: { size: number; bold?: boolean; colour?: string; indent?: number; gap?: number; role?: TextRole; lang?: TextLang },
): Block {
  const { doc, k } = ctx;
  const width = WIDTH - (o.indent ?? 0);
  const font = o.bold ? FONT_BOLD : FONT_REGULAR;
  const size = o.size * k;
  doc.font(font).fontSize(size);
  const height = doc.heightOfString(s, { width, lineGap: 1 }) + (o.gap ?? 2) * k;
  return {
    height,
    draw: (y) =>
      tagged(ctx, o.role ?? 'P', { lang: o.lang ?? 'ko' }, () => {
        doc
          .font(font)
          .fontSize(size)
          .fillColor(o.colour ?? PALETTE.text)
          .text(s, MARGIN + (o.indent ?? 0), y, { width, lineGap: 1 });
      }),
  };
}

/** Korean line, then its English twin in smaller grey type. */
export const pair = (ctx: Ctx, ko: string, en: string, size: number, o: { bold?: boolean; indent?: number; gap?: number } = {}): Block[] => [
  textBlock(ctx, ko, { size, bold: o.bold, indent: o.indent, gap: 1, lang: 'ko' }),
  textBlock(ctx, en, { size: size - 1.5, colour: PALETTE.muted, indent: o.indent, gap: o.gap ?? 5, lang: 'en' }),
];

/** A Korean/English pair with a mark at its left (a step number, a cross), as one block. */
export function marked(ctx: Ctx, ko: string, en: string, size: number, mark: (x: number, y: number) => void): Block {
  const [a, b] = pair(ctx, ko, en, size, { indent: 24, gap: 4 }) as [Block, Block];
  return {
    height: a.height + b.height,
    optional: true,
    draw: (y) => {
      artifact(ctx, () => mark(MARGIN + 9, y + 7 * ctx.k));
      a.draw(y);
      b.draw(y + a.height);
    },
  };
}

/** Blocks inside a rounded frame (boarding advice, "no route"), with an optional glyph at the left. */
export function framed(ctx: Ctx, inner: Block[], colour: string, glyph?: (x: number, y: number) => void): Block {
  const pad = 8;
  const height = inner.reduce((s, b) => s + b.height, 0) + 2 * pad;
  return {
    height: height + 6,
    draw: (y) => {
      artifact(ctx, () => {
        ctx.doc.save().roundedRect(MARGIN, y, WIDTH, height, 6).lineWidth(2).stroke(colour).restore();
        glyph?.(MARGIN + pad, y + pad + 2);
      });
      let at = y + pad;
      for (const b of inner) {
        b.draw(at);
        at += b.height;
      }
    },
  };
}

export const totalHeight = (blocks: Block[]) => blocks.reduce((s, b) => s + b.height, 0);
