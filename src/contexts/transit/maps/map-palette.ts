/**
 * Colours of the transfer maps, shared by SVG and PDF. Chosen for WCAG 2.1: text ≥ 4.5:1 and graphics ≥ 3:1
 * against both band backgrounds (map-palette.test.ts checks it, so a change that breaks it fails).
 */
export const PALETTE = {
  page: '#ffffff',
  /** Alternate level bands, so a band reads as one level without relying on the label alone. */
  bandA: '#ffffff',
  bandB: '#eef1f4',
  bandRule: '#8a939c',
  text: '#1e2124',
  muted: '#464c53',
  /** Pathways not on the route: thin and grey, still ≥ 3:1 so they can be seen. */
  edge: '#6b737c',
  /** The route: thick dark blue over a white casing, so it stays visible where it crosses other lines. */
  route: '#0b50d0',
  casing: '#ffffff',
  onRoute: '#ffffff',
  blocked: '#b3261e',
  entrance: '#1f7a3a',
  platform: '#1e2124',
} as const;

export type PaletteColour = keyof typeof PALETTE;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
