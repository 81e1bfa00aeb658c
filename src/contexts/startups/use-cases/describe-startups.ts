import { pick } from '../../../core/pick.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { startupsPolicy } from '../domain/policy.js';
import { bodyMemberIds, findProfile, listProfiles, solutionsOf } from '../store/profile.repository.js';
import { profileUrl, type ProfileRow, type SolutionRow } from '../store/tables.js';

export const imageUrl = (p: Pick<ProfileRow, 'slug'>, s: Pick<SolutionRow, 'image_file'>) =>
  s.image_file ? `/startups/${p.slug}/images/${s.image_file}` : null;

/** The public view of a startup: its profile, solutions with image links, and whether it sits on the body. */
export function startupView(p: ProfileRow, solutions: SolutionRow[], isBodyMember: boolean) {
  return {
    id: p.id,
    slug: p.slug,
    url: profileUrl(p.slug),
    name: { ko: p.name_ko, en: p.name_en },
    what: { ko: p.what_ko, en: p.what_en },
    field: p.field,
    stage: p.stage,
    teamSize: p.team_size,
    foundersAgeBand: p.founders_age_band,
    foundedYear: p.founded_year,
    website: p.website,
    contact: { name: p.contact_name, email: p.contact_email, phone: p.contact_phone },
    references: p.references_text,
    booklet: { team: p.team_en, traction: p.traction_en, ask: p.ask_en, contactName: p.contact_name_en },
    example: p.example === 1,
    bodyMember: isBodyMember,
    organisationId: p.organisation_id,
    solutions: solutions.map((s) => ({
      id: s.id,
      title: { ko: s.title_ko, en: s.title_en },
      description: { ko: s.description_ko, en: s.description_en },
      image: imageUrl(p, s),
      imageAlt: s.image_alt,
    })),
  };
}
export type StartupView = ReturnType<typeof startupView>;

/**
 * What the API publishes of a startup: every field named here, nothing else. The internal view also carries
 * `organisationId` (the pages check who may edit with it); it is left out here, not by the response schema.
 */
export const publicStartup = (v: StartupView) =>
  pick(v, [
    'id',
    'slug',
    'url',
    'name',
    'what',
    'field',
    'stage',
    'teamSize',
    'foundersAgeBand',
    'foundedYear',
    'website',
    'contact',
    'references',
    'booklet',
    'example',
    'bodyMember',
    'solutions',
  ]);
export type PublicStartup = ReturnType<typeof publicStartup>;

export async function describeStartups(db: DbOrTx, opts: { slugs?: string[]; field?: string } = {}) {
  const rows = await listProfiles(db, opts);
  const [solutions, members] = await Promise.all([
    solutionsOf(
      db,
      rows.map((r) => r.id),
    ),
    bodyMemberIds(db),
  ]);
  return rows.map((p) =>
    startupView(
      p,
      solutions.filter((s) => s.profile_id === p.id),
      members.has(p.id),
    ),
  );
}

export async function describeStartup(db: DbOrTx, slug: string) {
  const p = await findProfile(db, slug);
  const [solutions, members] = await Promise.all([solutionsOf(db, [p.id]), bodyMemberIds(db)]);
  return startupView(p, solutions, members.has(p.id));
}

/** The startups this person may act for (all of them for an admin). */
export async function startupsOf(db: DbOrTx, actor: Actor) {
  if (!actor.user) return [];
  const all = await listProfiles(db);
  return all.filter((p) => startupsPolicy.canActFor(actor, p));
}
