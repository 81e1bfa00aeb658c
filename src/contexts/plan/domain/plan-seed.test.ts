import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Keeps seed/plan/seoul-ogp-action-plan-2018-2020.json (the structured transcription) in step with the source
 * text it was transcribed from (seed/ogp/…). Everything is re-read from the text here, so the test fails if
 * either file drifts.
 */

type Text = { ko: string | null; en: string };
type Milestone = { number: number; title: Text; activities: Text; status: 'new' | 'ongoing'; start: string | null; end: string | null };
type Commitment = {
  number: number;
  slug: string;
  title: Text;
  outline: Text;
  objectives: Text;
  statusQuo: Text;
  description: Text;
  responsible: { department: string; contactName: string; phone: string; email: string; organisationSlug: string };
  otherActors: { government: string[]; civilSociety: string[] };
  ogpValues: string[];
  policyAreas: string[];
  milestones: Milestone[];
};
type PlanSeed = { source: { file: string; title: string; publisher: string }; commitments: Commitment[] };

const read = (file: string) => readFileSync(path.join(process.cwd(), file), 'utf8');
const plan = JSON.parse(read('seed/plan/seoul-ogp-action-plan-2018-2020.json')) as PlanSeed;
const text = read(plan.source.file);
const ogpPage = read('seed/ogp/ogp-commitment-SEO0006-digital-literacy.txt');

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const lines = (s: string) => s.split('\n').map((l) => l.trim());

/** Month spellings as written in the plan (it uses "March." and "April." besides the usual abbreviations). */
const MONTHS: Record<string, number> = {
  'Jan.': 1,
  'Feb.': 2,
  'Mar.': 3,
  'March.': 3,
  March: 3,
  'Apr.': 4,
  'April.': 4,
  April: 4,
  May: 5,
  'May.': 5,
  'Jun.': 6,
  June: 6,
  'Jul.': 7,
  July: 7,
  'Aug.': 8,
  'Sep.': 9,
  'Sept.': 9,
  'Oct.': 10,
  'Nov.': 11,
  'Dec.': 12,
};
const MONTH_LINE = new RegExp(
  `^(${Object.keys(MONTHS)
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace('.', '\\.'))
    .join('|')})\\s+(\\d{4})$`,
);
/** "Aug. 2018" → "2018-08"; anything else → undefined. */
function yearMonth(line: string): string | undefined {
  const m = MONTH_LINE.exec(line);
  return m ? `${m[2]}-${String(MONTHS[m[1]!]).padStart(2, '0')}` : undefined;
}

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];
const VALUE_IDS: Record<string, string> = {
  Transparency: 'transparency',
  Accountability: 'accountability',
  'Citizen Participation': 'citizen_participation',
  'Technology & Innovation': 'technology_innovation',
};
const MILESTONES_MARKER = 'Verifiable and measurable milestones';

/** The text cut into one part per 【Commitment ⓝ】 heading, up to the next heading or the end. */
const parts = [...text.matchAll(/【Commitment\s*([①-⑨])】([^\n]*)/g)].map((m, i, all) => ({
  number: CIRCLED.indexOf(m[1]!) + 1,
  heading: m[2]!.trim(),
  body: text.slice(m.index, all[i + 1]?.index ?? text.length),
}));

type SourceMilestone = { number: number; title: string; block: string };
/** Numbered milestone title lines ("1. …") of a part's milestone section, each with the text up to the next one. */
function sourceMilestones(body: string): SourceMilestone[] {
  const at = body.indexOf(MILESTONES_MARKER);
  if (at < 0) return [];
  const section = body.slice(at);
  const heads = [...section.matchAll(/^[ \t]*(\d+)\.[ \t]+(\S[^\n]*)$/gm)];
  return heads.map((h, i) => ({
    number: Number(h[1]),
    title: collapse(h[2]!),
    block: section.slice(h.index + h[0].length, heads[i + 1]?.index ?? section.length),
  }));
}

/** The status line ("New"/"Ongoing") of a milestone block and the lines after it (the start and end months). */
function statusAndDates(block: string) {
  const ls = lines(block);
  const s = ls.findIndex((l) => /^(new|ongoing)$/i.test(l));
  return { status: s < 0 ? undefined : ls[s]!.toLowerCase(), after: s < 0 ? [] : ls.slice(s + 1).filter(Boolean) };
}

function partOf(c: Commitment) {
  const part = parts.find((p) => p.number === c.number);
  if (!part) throw new Error(`no 【Commitment】 heading numbered ${c.number} in ${plan.source.file}`);
  return part;
}

/** Text between two marker lines of a part (exclusive), or '' if a marker is missing. */
function between(body: string, from: string, to: string) {
  const a = body.indexOf(from);
  const b = body.indexOf(to, a + from.length);
  return a < 0 || b < 0 ? '' : body.slice(a + from.length, b);
}

describe('plan seed (seed/plan/seoul-ogp-action-plan-2018-2020.json) against the action plan text', () => {
  it('names its source, whose first line is the title', () => {
    expect(plan.source.file).toBe('seed/ogp/seoul-ogp-action-plan-2018-2020.txt');
    expect(plan.source.title).toBe(lines(text)[0]);
    expect(text).toContain(plan.source.publisher);
  });

  it('has exactly the three commitments of the text, numbered 1..3, each with milestones', () => {
    expect(parts.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(plan.commitments.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(new Set(plan.commitments.map((c) => c.slug)).size).toBe(3);
    for (const c of plan.commitments) {
      expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.milestones.length, `commitment ${c.number}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('takes each commitment title from its 【Commitment】 heading', () => {
    for (const c of plan.commitments) {
      expect(collapse(text)).toContain(collapse(c.title.en));
      expect(collapse(c.title.en)).toBe(collapse(partOf(c).heading));
    }
  });

  it('transcribes outline, objectives, status quo and description from the commitment’s own part', () => {
    for (const c of plan.commitments) {
      const body = collapse(partOf(c).body);
      for (const field of ['outline', 'objectives', 'statusQuo', 'description'] as const) {
        expect(c[field].en.trim(), `commitment ${c.number} ${field}`).not.toBe('');
        expect(body, `commitment ${c.number} ${field}`).toContain(collapse(c[field].en));
      }
    }
  });

  it('has the responsible department and contact as written in the text', () => {
    for (const c of plan.commitments) {
      const r = c.responsible;
      expect(text).toContain(r.email);
      const body = partOf(c).body;
      expect(body).toContain(`${r.contactName}, ${r.department}`);
      expect(body).toContain(`Tel.${r.phone}, e-mail. ${r.email}`);
      expect(r.organisationSlug).toMatch(/^smg-[a-z-]+$/);
    }
  });

  it('lists the other involved actors as written in the text', () => {
    for (const c of plan.commitments) {
      const actors = between(partOf(c).body, 'Other involved actors', 'Status quo or problem');
      const government = between(actors, 'Government', 'Civil Society, Private Sector');
      const civil = actors.slice(actors.indexOf('Civil Society, Private Sector') + 'Civil Society, Private Sector'.length);
      const names = (s: string) =>
        lines(s)
          .filter(Boolean)
          .flatMap((l) => l.split(/,\s*/));
      expect(actors, `commitment ${c.number}`).not.toBe('');
      expect(c.otherActors.government, `commitment ${c.number}`).toEqual(names(government));
      expect(c.otherActors.civilSociety, `commitment ${c.number}`).toEqual(names(civil));
    }
  });

  it('has the OGP values marked [○] on each commitment’s values line', () => {
    for (const c of plan.commitments) {
      const marks = [...partOf(c).body.matchAll(/\[\s*(○?)\s*\]\s*(Transparency|Accountability|Citizen Participation|Technology & Innovation)/g)];
      expect(
        marks.map((m) => m[2]),
        `commitment ${c.number}`,
      ).toEqual(Object.keys(VALUE_IDS));
      expect(c.ogpValues, `commitment ${c.number}`).toEqual(marks.filter((m) => m[1] === '○').map((m) => VALUE_IDS[m[2]!]));
    }
  });

  it('takes policy areas only from the OGP commitment page that describes the commitment', () => {
    const pageLines = lines(ogpPage);
    const lineAfter = (heading: string) => pageLines.slice(pageLines.indexOf(heading) + 1).find(Boolean) ?? '';
    const areas = lineAfter('Policy Areas').split(/,\s*/);
    const described = lineAfter('Description');
    expect(areas).toContain('Open Data');
    expect(collapse(described)).toBe(collapse(plan.commitments[1]!.title.en));
    for (const c of plan.commitments) {
      expect(c.policyAreas, `commitment ${c.number}`).toEqual(collapse(described) === collapse(c.title.en) ? areas : []);
    }
    expect(plan.commitments.filter((c) => c.policyAreas.length > 0)).toHaveLength(1);
  });

  it('has as many milestones as numbered milestone lines in the milestone sections', () => {
    const inText = parts.reduce((n, p) => n + sourceMilestones(p.body).length, 0);
    const inJson = plan.commitments.reduce((n, c) => n + c.milestones.length, 0);
    expect(inText).toBeGreaterThan(0);
    expect(inJson).toBe(inText);
  });

  it('transcribes each milestone’s number, title, activities, status and start/end months', () => {
    for (const c of plan.commitments) {
      const source = sourceMilestones(partOf(c).body);
      expect(
        c.milestones.map((m) => m.number),
        `commitment ${c.number}`,
      ).toEqual(source.map((m) => m.number));
      c.milestones.forEach((m, i) => {
        const where = `commitment ${c.number} milestone ${m.number}`;
        const s = source[i]!;
        expect(collapse(text), where).toContain(collapse(m.title.en));
        expect(collapse(m.title.en), where).toBe(s.title);
        expect(collapse(s.block), where).toContain(collapse(m.activities.en));
        const { status, after } = statusAndDates(s.block);
        expect(m.status, where).toBe(status);
        // After the status line come the start month and the end month, e.g. "Aug. 2018" for "2018-08".
        expect(after, where).toHaveLength(2);
        expect(after.map(yearMonth), where).toEqual([m.start, m.end]);
      });
    }
  });
});
