import { describe, expect, it } from 'vitest';
import { bookletGaps, type BookletSource } from './booklet-readiness.js';

const ready: BookletSource = {
  name: { en: 'Seoul Moving' },
  what: { en: 'A step-free route guide.' },
  booklet: { team: 'Five engineers', traction: '3 pilots', ask: 'Partners', contactName: 'Kim Minji' },
  solutions: [{ title: { en: 'Routes' }, description: { en: 'Lift-aware routes.' } }],
};

describe('the English booklet takes English only', () => {
  it('finds nothing missing in a complete profile', () => expect(bookletGaps(ready)).toEqual([]));
  it('names every missing English field, never falling back to Korean', () => {
    expect(
      bookletGaps({
        ...ready,
        name: { en: null },
        booklet: { team: ' ', traction: null, ask: 'x', contactName: null },
        solutions: [{ title: { en: null }, description: { en: 'd' } }],
      }),
    ).toEqual(['nameEn', 'teamEn', 'tractionEn', 'contactNameEn', 'solutions.0.titleEn']);
    expect(bookletGaps({ ...ready, solutions: [] })).toEqual(['solutions']);
  });
});
