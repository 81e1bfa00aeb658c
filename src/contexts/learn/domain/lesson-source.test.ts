import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLesson } from './lesson-source.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../seed/learn/lessons');
const header =
  '---\n{ "slug": "x", "position": 1, "level": "beginner", "datasets": [], "title": { "ko": "가", "en": "A" }, "summary": { "ko": "가", "en": "A" } }\n---\n';
const ex = '[{ "id": "q", "kind": "text", "prompt": { "ko": "?", "en": "?" }, "accepted": ["a"], "hint": { "ko": "h", "en": "h" } }]';

describe('lesson files', () => {
  it('every seeded lesson parses, places each exercise in both languages, and checks its answers by data where they are figures', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const slugs = new Set<string>();
    for (const f of files) {
      const l = parseLesson(fs.readFileSync(path.join(DIR, f), 'utf8'));
      slugs.add(l.meta.slug);
      expect(l.exercises.length, f).toBeGreaterThan(0);
      for (const e of l.exercises) {
        expect(e.hint.ko && e.hint.en && e.prompt.ko && e.prompt.en, `${f} ${e.id}`).toBeTruthy();
        if (e.kind === 'number' || e.kind === 'sql') expect(e.expectedSql, `${f} ${e.id}`).toMatch(/^SELECT /);
        if (e.kind === 'choice')
          expect(
            e.choices.map((c) => c.id),
            `${f} ${e.id}`,
          ).toContain(e.answer);
      }
    }
    expect(slugs.size).toBe(files.length);
  });
  it('splits Markdown around exercise and chart markers', () => {
    const l = parseLesson(`${header}=== ko\n# 제목\n본문\n[[exercise:q]]\n끝\n=== en\n# Title\n[[exercise:q]]\n=== exercises\n${ex}\n`);
    expect(l.blocks.ko.map((b) => b.type)).toEqual(['markdown', 'exercise', 'markdown']);
    expect(l.blocks.en).toEqual([
      { type: 'markdown', text: '# Title' },
      { type: 'exercise', id: 'q' },
    ]);
  });
  it('refuses a lesson whose exercise is missing from one language or unknown', () => {
    expect(() => parseLesson(`${header}=== ko\n[[exercise:q]]\n=== en\nno exercise\n=== exercises\n${ex}\n`)).toThrow(/not placed in the en text/);
    expect(() => parseLesson(`${header}=== ko\n[[exercise:zz]]\n=== en\n[[exercise:zz]]\n=== exercises\n${ex}\n`)).toThrow(/unknown exercise zz/);
    expect(() => parseLesson('no header')).toThrow(/JSON header/);
  });
});
