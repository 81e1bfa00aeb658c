/**
 * What the English booklet needs from a startup, in English, and what is missing. The booklet prints English
 * only: a missing field is a publishing error the founder sees on their profile (and the booklet is refused
 * with it), never a silent Korean stand-in.
 */
export type BookletField =
  | 'nameEn'
  | 'whatEn'
  | 'teamEn'
  | 'tractionEn'
  | 'askEn'
  | 'contactNameEn'
  | 'solutions'
  | `solutions.${number}.titleEn`
  | `solutions.${number}.descriptionEn`;

export interface BookletSource {
  name: { en: string | null };
  what: { en: string | null };
  booklet: { team: string | null; traction: string | null; ask: string | null; contactName: string | null };
  solutions: Array<{ title: { en: string | null }; description: { en: string | null } }>;
}

const blank = (v: string | null | undefined) => !v?.trim();

export function bookletGaps(s: BookletSource): BookletField[] {
  const gaps: BookletField[] = [];
  if (blank(s.name.en)) gaps.push('nameEn');
  if (blank(s.what.en)) gaps.push('whatEn');
  if (blank(s.booklet.team)) gaps.push('teamEn');
  if (blank(s.booklet.traction)) gaps.push('tractionEn');
  if (blank(s.booklet.ask)) gaps.push('askEn');
  if (blank(s.booklet.contactName)) gaps.push('contactNameEn');
  if (!s.solutions.length) gaps.push('solutions');
  s.solutions.forEach((sol, i) => {
    if (blank(sol.title.en)) gaps.push(`solutions.${i}.titleEn`);
    if (blank(sol.description.en)) gaps.push(`solutions.${i}.descriptionEn`);
  });
  return gaps;
}
