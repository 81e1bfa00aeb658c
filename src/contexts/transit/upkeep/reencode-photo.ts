import sharp from 'sharp';
import { AppError, type ErrorStatus } from '../../../core/errors.js';

/**
 * A field photo as the platform keeps it: decoded and encoded again by sharp (libvips), so what is stored is
 * pixels and nothing else. EXIF (GPS position, camera serial, time), XMP, IPTC and ICC are dropped (sharp keeps
 * no metadata unless asked to); the EXIF orientation is applied to the pixels first, so the photo stays upright.
 * A file that only looks like an image (a valid header with no decodable picture) fails here, with a 4xx.
 */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_SIDE = 12_000;
export const PHOTO_MAX_PIXELS = 60_000_000;
/** Kept photos fit in this many pixels a side (a survey needs to read a sign, not print a poster). */
export const PHOTO_STORED_SIDE = 3_000;

export type PhotoMime = 'image/png' | 'image/jpeg' | 'image/webp';
export interface CleanPhoto { data: Buffer; mime: PhotoMime; width: number; height: number }

const FORMATS: Record<string, PhotoMime> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** `field` names the form field in errors (e.g. s2_photo), so a form can point at it. */
export async function reencodePhoto(input: Buffer, field = 'file'): Promise<CleanPhoto> {
  const refuse = (code: string, message: string, status: ErrorStatus) => new AppError(code, `${field}: ${message}`, status, [{ path: field, message }]);
  if (input.length > PHOTO_MAX_BYTES) throw refuse('transit.photo_too_large', `the file is ${(input.length / 1048576).toFixed(1)} MB; the limit is 5 MB`, 413);
  const meta = await sharp(input).metadata().catch(() => null);
  const mime = meta?.format ? FORMATS[meta.format] : undefined;
  if (!meta || !mime) throw refuse('transit.photo_not_image', 'the file is not a PNG, JPEG or WebP image', 415);
  const { width = 0, height = 0 } = meta;
  if (width < 1 || height < 1 || width > PHOTO_MAX_SIDE || height > PHOTO_MAX_SIDE || width * height > PHOTO_MAX_PIXELS) {
    throw refuse('transit.photo_dimensions', `${width}×${height} pixels is outside the accepted size (up to ${PHOTO_MAX_SIDE} px a side, 60 megapixels)`, 400);
  }
  const pipeline = sharp(input, { failOn: 'error', limitInputPixels: PHOTO_MAX_PIXELS })
    .rotate() // applies the EXIF orientation to the pixels before the EXIF goes
    .resize({ width: PHOTO_STORED_SIDE, height: PHOTO_STORED_SIDE, fit: 'inside', withoutEnlargement: true });
  const encoded = mime === 'image/png' ? pipeline.png({ compressionLevel: 9 }) : mime === 'image/webp' ? pipeline.webp({ quality: 85 }) : pipeline.jpeg({ quality: 85, mozjpeg: true });
  try {
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, mime, width: info.width, height: info.height };
  } catch (error) {
    throw refuse('transit.photo_undecodable', `the file has a ${meta.format.toUpperCase()} header but its picture cannot be decoded (${error instanceof Error ? error.message.split('\n')[0] : 'damaged'})`, 422);
  }
}
