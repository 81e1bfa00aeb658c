import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { cleanImage } from '../domain/image.js';
import { startupsPolicy } from '../domain/policy.js';
import { findProfile, insertSolution } from '../store/profile.repository.js';
import type { SolutionRow } from '../store/tables.js';

export interface AddSolutionInput {
  startup: string;
  titleKo?: unknown;
  titleEn?: unknown;
  descriptionKo?: unknown;
  descriptionEn?: unknown;
  /** Text alternative of the image: required with an image. */
  imageAlt?: unknown;
  image?: Buffer | null;
}

/** Where a solution's image is kept in the file store (local disk or object storage). */
export const imageKey = (file: string) => `startups/images/${file}`;

/**
 * A solution on the startup's profile, optionally with an image. The image is decoded and encoded again without
 * its metadata (PNG or JPEG, at most 2 MB) before anything is written, so a refused upload changes nothing.
 */
export async function addSolution(services: Services, actor: Actor, input: AddSolutionInput): Promise<SolutionRow> {
  const profile = await findProfile(services.db, input.startup);
  assertAllowed(actor, startupsPolicy.canActFor(actor, profile), 'add a solution to this startup');
  const c = new Checker();
  const titleKo = c.text('titleKo', input.titleKo, { max: 200, required: false });
  const titleEn = c.text('titleEn', input.titleEn, { max: 200, required: false });
  if (!titleKo && !titleEn) c.add('titleKo', 'validation.required');
  const descriptionKo = c.text('descriptionKo', input.descriptionKo, { max: 3000, required: false });
  const descriptionEn = c.text('descriptionEn', input.descriptionEn, { max: 3000, required: false });
  const image = input.image?.length ? input.image : null;
  const imageAlt = c.text('imageAlt', input.imageAlt, { max: 300, required: image !== null });
  c.done();
  const clean = image ? await cleanImage(image) : null;
  const file = clean ? `${randomUUID()}.${clean.type === 'png' ? 'png' : 'jpg'}` : null;
  const row: SolutionRow = {
    id: randomUUID(),
    profile_id: profile.id,
    title_ko: titleKo,
    title_en: titleEn,
    description_ko: descriptionKo,
    description_en: descriptionEn,
    image_file: file,
    image_alt: image ? imageAlt : null,
    created_at: services.now().toISOString(),
  };
  if (file && clean) {
    await services.files.put(imageKey(file), clean.data, { contentType: clean.type === 'png' ? 'image/png' : 'image/jpeg' });
  }
  try {
    await services.db.transaction().execute(async (tx) => {
      await insertSolution(tx, row);
      await recordAudit(tx, actor, { action: 'startups.add_solution', entityType: 'startups_solution', entityId: row.id, after: row });
    });
  } catch (error) {
    if (file) await services.files.delete(imageKey(file));
    throw error;
  }
  return row;
}
