import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError, notFound, unauthenticated } from '../../../core/errors.js';
import { probeImage } from './image-probe.js';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const MAX_SIDE = 12_000;
const MAX_PIXELS = 60_000_000;
const EXT = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

export const photoDir = (services: Services) => path.join(services.config.dataDir, 'transit-photos');
export const photoFile = (services: Services, p: { id: string; mime: string }) => path.join(photoDir(services), `${p.id}.${EXT[p.mime as keyof typeof EXT] ?? 'bin'}`);

/**
 * Keeps a field photo for a later proposal: it must really be a PNG, JPEG or WebP (by its bytes), at most
 * 5 MB and 60 megapixels. Nothing is stored when it is not.
 */
export async function uploadPhoto(services: Services, actor: Actor, input: { stationId: string; data: Buffer; caption?: string | null }) {
  if (!actor.user) throw unauthenticated();
  const station = await services.db.selectFrom('transit_station').select('id').where('id', '=', input.stationId).executeTakeFirst();
  if (!station) throw notFound('station');
  if (input.data.length > PHOTO_MAX_BYTES) throw new AppError('transit.photo_too_large', `photo: the file is ${(input.data.length / 1048576).toFixed(1)} MB; the limit is 5 MB`, 413);
  const info = probeImage(input.data);
  if (!info) throw new AppError('transit.photo_not_image', 'photo: the file is not a PNG, JPEG or WebP image', 415);
  if (info.width < 1 || info.height < 1 || info.width > MAX_SIDE || info.height > MAX_SIDE || info.width * info.height > MAX_PIXELS) {
    throw new AppError('transit.photo_dimensions', `photo: ${info.width}×${info.height} pixels is outside the accepted size (up to ${MAX_SIDE} px a side, 60 megapixels)`, 400);
  }
  const caption = typeof input.caption === 'string' && input.caption.trim() ? input.caption.trim().slice(0, 200).replace(/[<>]/g, '') : null;
  const row = {
    id: randomUUID(), station_id: input.stationId, uploaded_by: actor.user.id, sha256: createHash('sha256').update(input.data).digest('hex'),
    mime: info.mime, bytes: input.data.length, width: info.width, height: info.height, caption, created_at: services.now().toISOString(),
  };
  await fs.mkdir(photoDir(services), { recursive: true });
  const file = photoFile(services, row);
  await fs.writeFile(file, input.data);
  try {
    await services.db.insertInto('transit_photo').values(row).execute();
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
  return { id: row.id, mime: row.mime, bytes: row.bytes, width: row.width, height: row.height, caption, url: `/transit/photos/${row.id}` };
}
