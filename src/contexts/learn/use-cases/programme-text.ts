import type { ProgrammeRow } from '../store/tables.js';

/** A programme's title in both languages, the Korean standing in where there is no English. */
export const programmeTitle = (p: Pick<ProgrammeRow, 'title_ko' | 'title_en'>) => ({ ko: p.title_ko, en: p.title_en || p.title_ko });
