/**
 * The one text analyzer for Korean and English, used identically on SQLite and PostgreSQL.
 *
 * Korean words are mostly two syllables (공원, 청년) and agglutinate (공원녹지과, 청년을), so whole-word
 * indexing misses them and trigram indexes (FTS5 trigram, pg_trgm) cannot match a two-syllable query.
 * We index character bigrams of every word, in a plain table with a B-tree index: a query word matches a
 * document when all of its bigrams are present, and the candidate is then confirmed with a substring test
 * on the normalized text (so bigrams in the wrong order do not match). This finds two-syllable Korean
 * words, partial words in both scripts ("park" in "parking") and is exact, on both dialects.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const norm = normalize(text);
  return norm ? [...new Set(norm.split(' '))] : [];
}

/** Bigrams of a word; a one-character word yields itself. */
export function grams(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length < 2) return chars;
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** The tokens to store for a document, with the highest weight a token gets from any field. */
export function indexTokens(fields: Array<{ text: string; weight: number }>): Map<string, number> {
  const tokens = new Map<string, number>();
  for (const field of fields) {
    for (const word of words(field.text)) {
      for (const gram of grams(word)) tokens.set(gram, Math.max(tokens.get(gram) ?? 0, field.weight));
    }
  }
  return tokens;
}

export interface ParsedQuery {
  /** Normalized words, each must appear as a substring of the document text. */
  words: string[];
  /** Bigrams that must all be present in the index (empty when every word is a single character). */
  grams: string[];
}

export function parseQuery(query: string): ParsedQuery {
  const ws = words(query).slice(0, 12);
  const gs = new Set<string>();
  for (const w of ws) if (Array.from(w).length >= 2) for (const g of grams(w)) gs.add(g);
  return { words: ws, grams: [...gs] };
}
