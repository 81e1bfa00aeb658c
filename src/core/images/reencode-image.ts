import sharp from 'sharp';
import { AppError, type ErrorStatus } from '../errors.js';

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';
export interface CleanImage {
  data: Buffer;
  mime: ImageMime;
  width: number;
  height: number;
}

/** What a context accepts: formats, size limits, the size kept, and its own error codes (said in its own words). */
export interface ImagePolicy {
  formats: ImageMime[];
  maxBytes: number;
  maxSide: number;
  maxPixels: number;
  /** Kept images fit in this many pixels a side. */
  storedSide: number;
  codes: { tooLarge: string; notImage: string; dimensions: string; undecodable: string };
}

const FORMATS: Record<string, ImageMime> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const NAMES: Record<ImageMime, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

/**
 * An uploaded image as the platform keeps it: decoded and encoded again by sharp (libvips), so what is stored is
 * pixels and nothing else. EXIF (GPS position, camera serial, time), XMP, IPTC and ICC are dropped (sharp keeps
 * no metadata unless asked to); the EXIF orientation is applied to the pixels first, so the image stays upright.
 * A file that only looks like an image (a valid header with no decodable picture) is refused with a 4xx.
 * `field` names the form field in errors, so a form can point at it.
 */
export async function reencodeImage(input: Buffer, policy: ImagePolicy, field = 'file'): Promise<CleanImage> {
  const refuse = (code: string, message: string, status: ErrorStatus) => new AppError(code, `${field}: ${message}`, status, [{ path: field, field, message }]);
  const names = policy.formats.map((f) => NAMES[f]);
  const accepted = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
  if (input.length > policy.maxBytes)
    throw refuse(
      policy.codes.tooLarge,
      `the file is ${(input.length / 1048576).toFixed(1)} MB; the limit is ${(policy.maxBytes / 1048576).toFixed(0)} MB`,
      413,
    );
  const meta = await sharp(input)
    .metadata()
    .catch(() => null);
  const mime = meta?.format ? FORMATS[meta.format] : undefined;
  if (!meta || !mime || !policy.formats.includes(mime)) throw refuse(policy.codes.notImage, `the file is not a ${accepted} image`, 415);
  const { width = 0, height = 0 } = meta;
  if (width < 1 || height < 1 || width > policy.maxSide || height > policy.maxSide || width * height > policy.maxPixels) {
    throw refuse(
      policy.codes.dimensions,
      `${width}×${height} pixels is outside the accepted size (up to ${policy.maxSide} px a side, ${Math.round(policy.maxPixels / 1e6)} megapixels)`,
      400,
    );
  }
  const pipeline = sharp(input, { failOn: 'error', limitInputPixels: policy.maxPixels })
    .rotate() // applies the EXIF orientation to the pixels before the EXIF goes
    .resize({ width: policy.storedSide, height: policy.storedSide, fit: 'inside', withoutEnlargement: true });
  const encoded =
    mime === 'image/png'
      ? pipeline.png({ compressionLevel: 9 })
      : mime === 'image/webp'
        ? pipeline.webp({ quality: 85 })
        : pipeline.jpeg({ quality: 85, mozjpeg: true });
  try {
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, mime, width: info.width, height: info.height };
  } catch (error) {
    throw refuse(
      policy.codes.undecodable,
      `the file has a ${NAMES[mime]} header but its picture cannot be decoded (${error instanceof Error ? error.message.split('\n')[0] : 'damaged'})`,
      422,
    );
  }
}
