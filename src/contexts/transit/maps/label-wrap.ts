/**
 * Estimated text widths and word wrapping, without a font: the SVG is drawn in the page's font, which the
 * server cannot measure. Widths are deliberately generous (Hangul = 1 em) so labels rarely overflow.
 */
export function estimateWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (
      c >= 0x1100 &&
      (c <= 0x11ff || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef))
    )
      em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[A-Z0-9#@%&MW]/.test(ch)) em += 0.66;
    else if (/[il.,:;'|()-]/.test(ch)) em += 0.32;
    else em += 0.55;
  }
  return em * fontSize;
}

/**
 * Breaks text into at most `maxLines` lines of at most `maxWidth`, at spaces first, inside a word only when
 * the word alone is too long (Korean names often have no spaces). The last line ends in "…" when cut.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let current = '';
  const push = (line: string) => {
    if (line) lines.push(line);
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (estimateWidth(candidate, fontSize) <= maxWidth) {
      current = candidate;
      continue;
    }
    push(current);
    current = '';
    let rest = word;
    while (estimateWidth(rest, fontSize) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && estimateWidth(rest.slice(0, cut), fontSize) > maxWidth) cut--;
      push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && estimateWidth(`${last}…`, fontSize) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last}…`;
  return kept;
}
