import iconv from 'iconv-lite';

/**
 * How plausible a decoded text is, per script. A wrong single-byte guess usually decodes "without error", so
 * error counts alone cannot tell CP949 from Latin-1: `seoul-open-data/bike/SeoulBikeData.csv` is Latin-1 (0xB0 = °)
 * and decodes as CP949 into 캜, a syllable outside the 2,350 of KS X 1001 that Korean text almost always uses.
 */

let ksx1001: Set<string> | null = null;

/** The 2,350 Hangul syllables of KS X 1001 (EUC-KR rows 0xB0–0xC8), built once from the decoder. */
export function ksx1001Syllables(): Set<string> {
  if (ksx1001) return ksx1001;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xc8; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  ksx1001 = new Set(iconv.decode(Buffer.from(bytes), 'cp949'));
  return ksx1001;
}

const isSyllable = (ch: string) => ch >= '\uac00' && ch <= '\ud7a3';
const isAsciiLetter = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);

/**
 * 0..1 for text decoded as CP949: the share of Hangul syllables among the KS X 1001 common ones, lowered by
 * lone syllables glued to Latin letters (`(캜C)`, `Temperature(캜)`) and by replacement characters.
 * Text without any syllable scores 0: nothing in it argues for a Korean encoding.
 */
export function hangulPlausibility(text: string): number {
  const common = ksx1001Syllables();
  let syllables = 0;
  let inCommon = 0;
  let runs = 0;
  let glued = 0;
  let replacements = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\ufffd') replacements++;
    if (!isSyllable(ch)) continue;
    syllables++;
    if (common.has(ch)) inCommon++;
    if (i > 0 && isSyllable(chars[i - 1]!)) continue;
    runs++;
    let end = i;
    while (end + 1 < chars.length && isSyllable(chars[end + 1]!)) end++;
    // A one-syllable "word" touching Latin letters, or wrapped in ASCII punctuation after a Latin word, is what
    // a Latin-1 symbol (°, ±, µ) becomes when read as CP949.
    const before = chars[i - 1];
    const after = chars[end + 1];
    const beforeWord = /[A-Za-z]/.test(chars.slice(Math.max(0, i - 3), i).join(''));
    if (end === i && (isAsciiLetter(before) || isAsciiLetter(after) || (beforeWord && /[()[\]/]/.test(before ?? '')))) glued++;
  }
  if (syllables === 0) return 0;
  const commonShare = inCommon / syllables;
  const gluedShare = runs ? glued / runs : 0;
  const replacementShare = Math.min(1, (10 * replacements) / Math.max(1, chars.length));
  return commonShare * (1 - gluedShare) * (1 - replacementShare);
}

const LATIN_LETTER = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e]/;
const LATIN_SYMBOL = /[\u00a0-\u00bf\u00d7\u00f7\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/**
 * 0..1 for text decoded as Latin-1 or windows-1252: non-ASCII characters should be letters or common symbols
 * (°, µ, é, ü), mostly standing alone between ASCII. Korean read as Latin-1 gives long runs of accented
 * letters and symbols (`ÃøÁ¤¼Ò¸í`), and C1 control characters count against it.
 */
export function latinPlausibility(text: string): number {
  let nonAscii = 0;
  let typical = 0;
  let inLongRuns = 0;
  let run = 0;
  const closeRun = () => {
    if (run >= 3) inLongRuns += run;
    run = 0;
  };
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      closeRun();
      continue;
    }
    nonAscii++;
    run++;
    if (LATIN_LETTER.test(ch) || LATIN_SYMBOL.test(ch)) typical++;
  }
  closeRun();
  if (nonAscii === 0) return 0;
  return (typical / nonAscii) * (1 - inLongRuns / nonAscii);
}
