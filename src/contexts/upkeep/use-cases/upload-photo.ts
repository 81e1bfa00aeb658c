import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { notFound, unauthenticated } from '../../../core/errors.js';
import { stationExists } from '../../transit/index.js';
import { insertPhoto } from '../store/photo.repository.js';
import { reencodePhoto, type CleanPhoto } from './reencode-photo.js';

export { PHOTO_MAX_BYTES } from './reencode-photo.js';
const EXT = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

/** Where a photo is kept in the file store (local disk or object storage). */
export const photoKey = (p: { id: string; mime: string }) => `transit-photos/${p.id}.${EXT[p.mime as keyof typeof EXT] ?? 'bin'}`;

/**
 * Keeps a field photo for a later proposal: decoded and re-encoded without any metadata (reencodePhoto), at
 * most 5 MB and 60 megapixels. It stays private (its uploader and the station's stewards) until a proposal
 * that uses it is approved. Nothing is stored when the file is refused. `clean` is a photo already re-encoded
 * (the survey form checks every photo before it keeps any).
 */
export async function uploadPhoto(services: Services, actor: Actor, input: { stationId: string; data?: Buffer; clean?: CleanPhoto; caption?: string | null }) {
  if (!actor.user) throw unauthenticated();
  if (!(await stationExists(services.db, input.stationId))) throw notFound('station');
  const photo = input.clean ?? (await reencodePhoto(input.data ?? Buffer.alloc(0)));
  const caption = typeof input.caption === 'string' && input.caption.trim() ? input.caption.trim().slice(0, 200).replace(/[<>]/g, '') : null;
  const row = {
    id: randomUUID(),
    station_id: input.stationId,
    uploaded_by: actor.user.id,
    sha256: createHash('sha256').update(photo.data).digest('hex'),
    mime: photo.mime,
    bytes: photo.data.length,
    width: photo.width,
    height: photo.height,
    caption,
    created_at: services.now().toISOString(),
    public_at: null,
  };
  await services.files.put(photoKey(row), photo.data, { contentType: row.mime });
  try {
    await insertPhoto(services.db, row);
  } catch (error) {
    await services.files.delete(photoKey(row));
    throw error;
  }
  return { id: row.id, mime: row.mime, bytes: row.bytes, width: row.width, height: row.height, caption, public: false, url: `/transit/photos/${row.id}` };
}
