import type { StepMode } from '../routing/route-types.js';

/**
 * Pictograms as SVG path data in a 24×24 box. The SVG renderer defines each once as a <symbol>; the PDF
 * renderer passes the same strings to pdfkit's `path()`, so both outputs show the same shapes.
 * Only M, L, H, V, Z commands (absolute and relative): both renderers read them the same way.
 */
export interface PictogramPart {
  d: string;
  paint: 'fill' | 'stroke';
}
export type PictogramId = StepMode | 'exit';

const STAIRS = 'M3 21h5v-5h5v-5h5V6h3';

export const PICTOGRAMS: Record<PictogramId, PictogramPart[]> = {
  // A lift car with an up and a down arrow, as on Seoul's station signs.
  elevator: [
    { d: 'M4 2h16v20H4z', paint: 'stroke' },
    { d: 'M12 5l4 5H8z', paint: 'fill' },
    { d: 'M12 19l4-5H8z', paint: 'fill' },
  ],
  escalator: [
    { d: 'M2 20h5L17 7h5', paint: 'stroke' },
    { d: 'M16 3h5v5z', paint: 'fill' },
  ],
  stairs: [{ d: STAIRS, paint: 'stroke' }],
  // Stairs with a lift platform riding on them.
  stair_lift: [
    { d: STAIRS, paint: 'stroke' },
    { d: 'M4 3h7v7H4z', paint: 'fill' },
  ],
  walkway: [
    { d: 'M3 12h15', paint: 'stroke' },
    { d: 'M15 6l7 6-7 6z', paint: 'fill' },
  ],
  travelator: [
    { d: 'M2 19h20M2 22h20', paint: 'stroke' },
    { d: 'M3 10h12', paint: 'stroke' },
    { d: 'M14 5l7 5-7 5z', paint: 'fill' },
  ],
  ramp: [{ d: 'M2 21L22 21L22 9z', paint: 'stroke' }],
  // Two gate posts and a flap.
  fare_gate: [
    { d: 'M5 3v18M19 3v18', paint: 'stroke' },
    { d: 'M5 10h8v4H5z', paint: 'fill' },
  ],
  exit_gate: [
    { d: 'M4 3v18M12 3v18', paint: 'stroke' },
    { d: 'M13 12h6', paint: 'stroke' },
    { d: 'M18 8l5 4-5 4z', paint: 'fill' },
  ],
  // A door with an arrow leaving it.
  exit: [
    { d: 'M3 3h10v18H3z', paint: 'stroke' },
    { d: 'M9 12h9', paint: 'stroke' },
    { d: 'M17 7l6 5-6 5z', paint: 'fill' },
  ],
};

/** Stroke width of pictogram outlines, in pictogram units (24 = full size). */
export const PICTOGRAM_STROKE = 2.2;
