import { isAdmin, type Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import type { OpIssue } from './change-ops.js';
import { isStewardAnywhere, stewardsOf } from './stewardship.js';
import { findPhoto, listOwnPhotoIds, makePhotosPublic } from '../store/photo.repository.js';
import type { PhotoRow } from '../store/tables.js';

/**
 * Who sees a field photo. Volunteers photograph stations with people in them, from where they stand: until a
 * proposal that uses the photo is approved, only its uploader, the station's stewards and admins see it. Once
 * approved it is public evidence of the station's map (public_at), and stays so.
 */
export async function photoVisibleTo(services: Services, actor: Actor, photo: Pick<PhotoRow, 'station_id' | 'uploaded_by' | 'public_at'>): Promise<boolean> {
  if (photo.public_at) return true;
  if (!actor.user) return false;
  if (actor.user.id === photo.uploaded_by || isAdmin(actor)) return true;
  return isStewardAnywhere(actor, await stewardsOf(services.db, photo.station_id));
}

/** The photo to send, or a clear refusal: 404 when there is none, 403 while it is private to others. */
export async function photoFor(services: Services, actor: Actor, id: string) {
  const row = /^[0-9a-f-]{36}$/.test(id) ? await findPhoto(services.db, id) : undefined;
  if (!row) throw new AppError('photo.not_found', 'photo not found', 404);
  if (!(await photoVisibleTo(services, actor, row))) {
    throw new AppError(
      'photo.private',
      "This photo is private until the proposal it supports is approved: only its uploader and the station's stewards may see it",
      actor.user ? 403 : 401,
    );
  }
  return row;
}

/** Photo ids of a proposal that are not the author's own photos of this station (one may only cite one's own). */
export async function foreignPhotos(db: DbOrTx, stationId: string, authorId: string, photos: string[]): Promise<OpIssue[]> {
  if (!photos.length) return [];
  const known = await listOwnPhotoIds(db, { ids: photos, stationId, uploadedBy: authorId });
  return photos.filter((p) => !known.includes(p)).map((p) => ({ path: 'photos', message: `no photo "${p}" uploaded by you for this station` }));
}

/** An approved proposal's photos become public. */
export async function publishPhotos(db: DbOrTx, photos: string[], at: string) {
  if (photos.length) await makePhotosPublic(db, photos, at);
}

/** Every photo a proposal cites: its evidence and any `photos` list inside its operations. */
export function photoIdsOf(ops: unknown, evidencePhotos: string[]): string[] {
  const out = new Set(evidencePhotos);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'photos' && Array.isArray(x)) x.forEach((p) => typeof p === 'string' && out.add(p));
        else walk(x);
      }
    }
  };
  walk(ops);
  return [...out];
}
