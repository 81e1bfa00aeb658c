import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { renderBooklet, renderProposalSheet } from '../booklet/render-booklet.js';
import { imageKey } from './add-solution.js';
import { bookletGaps } from '../domain/booklet-readiness.js';
import { describeStartup, describeStartups, type StartupView } from './describe-startups.js';

const MAX_STARTUPS = 40;

/** English only: a startup with English missing is a publishing error that names each field, never a Korean stand-in. */
function assertBookletReady(startups: StartupView[]) {
  const gaps = startups.map((s) => ({ slug: s.slug, fields: bookletGaps(s) })).filter((g) => g.fields.length);
  if (gaps.length) {
    throw new AppError(
      'startups.booklet_english_missing',
      `English is missing for ${gaps.map((g) => `${g.slug} (${g.fields.join(', ')})`).join('; ')}: the founders see what to fill in on their profiles`,
      422,
      { field: 'startups', startups: gaps },
    );
  }
}

/** Startup slugs from a comma-separated list or repeated values, in the order given, each once. */
export function pickedSlugs(value: unknown): string[] {
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
  return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
}

/** The English booklet for the startups picked, in that order; an empty or unknown pick is refused. */
export async function makeBooklet(services: Services, input: { startups: unknown }) {
  const slugs = pickedSlugs(input.startups);
  if (!slugs.length) throw new AppError('startups.booklet_empty', 'Pick at least one startup for the booklet', 400, { field: 'startups' });
  if (slugs.length > MAX_STARTUPS)
    throw new AppError('startups.booklet_too_many', `At most ${MAX_STARTUPS} startups fit in one booklet`, 400, { field: 'startups' });
  const found = await describeStartups(services.db, { slugs });
  const missing = slugs.filter((s) => !found.some((f) => f.slug === s));
  if (missing.length) throw new AppError('startups.booklet_unknown', `Unknown startup(s): ${missing.join(', ')}`, 400, { field: 'startups', missing });
  const ordered = slugs.map((s) => found.find((f) => f.slug === s)!);
  assertBookletReady(ordered);
  return renderBooklet({
    startups: ordered,
    publicUrl: services.config.publicUrl,
    readImage: (file: string) => services.files.read(imageKey(file)),
    generatedOn: kstDate(services.now()),
  });
}

export async function makeProposalSheet(services: Services, input: { startup: string }) {
  const startup = await describeStartup(services.db, input.startup);
  assertBookletReady([startup]);
  return {
    slug: startup.slug,
    pdf: await renderProposalSheet(startup, {
      publicUrl: services.config.publicUrl,
      readImage: (file: string) => services.files.read(imageKey(file)),
      generatedOn: kstDate(services.now()),
    }),
  };
}
