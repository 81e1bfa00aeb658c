import { inflateSync } from 'node:zlib';
import { AppError } from '../../../core/errors.js';

/** Solution images: PNG or JPEG (what pdfkit embeds in the booklet), at most 2 MB. */
export const IMAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export type ImageType = 'png' | 'jpeg';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Whether a PNG's image data really decompresses: its chunks are walked and the IDAT data inflated. A PNG whose
 * data is corrupt passes a signature check but makes the PDF renderer fail (pdfkit decodes it asynchronously).
 */
export function pngDataIsSound(data: Uint8Array): boolean {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parts: Buffer[] = [];
  let at = 8;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > buf.length) return false;
    if (type === 'IDAT') parts.push(buf.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!parts.length) return false;
  try {
    return inflateSync(Buffer.concat(parts)).length > 0;
  } catch {
    return false;
  }
}

/** The type told by the file's first bytes (never by its name or declared type); a PNG must also decode. */
export function sniffImage(data: Uint8Array): ImageType | null {
  if (data.length >= 24 && PNG.every((b, i) => data[i] === b) && String.fromCharCode(...data.subarray(12, 16)) === 'IHDR') return pngDataIsSound(data) ? 'png' : null;
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
