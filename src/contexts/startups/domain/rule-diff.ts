import { diffWordsWithSpace } from 'diff';

/** One run of a word diff: text kept, added or removed between two versions of a rule. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}
export interface TextDiff {
  parts: DiffPart[];
  added: number;
  removed: number;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * What changed between two texts of a rule, word by word (Korean and English both separate words by spaces).
 * Null when either side is missing: a diff against nothing would claim everything changed.
 */
export function diffTexts(before: string | null | undefined, after: string | null | undefined): TextDiff | null {
  if (before == null || after == null) return null;
  const parts: DiffPart[] = diffWordsWithSpace(before, after).map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
  return {
    parts,
    added: parts.filter((p) => p.op === 'added').reduce((n, p) => n + words(p.text), 0),
    removed: parts.filter((p) => p.op === 'removed').reduce((n, p) => n + words(p.text), 0),
  };
}
