import { AppError } from '../../../core/errors.js';

/** Solution images: PNG or JPEG (what pdfkit embeds in the booklet), at most 2 MB. */
export const IMAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export type ImageType = 'png' | 'jpeg';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type told by the file's first bytes (never by its name or declared type). */
export function sniffImage(data: Uint8Array): ImageType | null {
  if (data.length >= 24 && PNG.every((b, i) => data[i] === b) && String.fromCharCode(...data.subarray(12, 16)) === 'IHDR') return 'png';
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff && data[data.length - 2] === 0xff && data[data.length - 1] === 0xd9) return 'jpeg';
  return null;
}

/** Refuses what is not a real PNG or JPEG, or is too large, with the field named; returns the type. */
export function checkImage(data: Uint8Array): ImageType {
  if (data.length > IMAGE_LIMIT_BYTES) {
    throw new AppError('startups.image_too_large', `The image is ${data.length} bytes; at most ${IMAGE_LIMIT_BYTES} are allowed`, 400, { field: 'image', limit: IMAGE_LIMIT_BYTES });
  }
  const type = sniffImage(data);
  if (!type) throw new AppError('startups.image_type', 'The image must be a PNG or JPEG file', 400, { field: 'image' });
  return type;
}
