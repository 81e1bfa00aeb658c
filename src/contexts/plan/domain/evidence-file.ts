import { AppError } from '../../../core/errors.js';
import { reencodeImage, type ImageMime } from '../../../core/images/reencode-image.js';

/** Evidence files: PDF, or a PNG, JPEG or WebP image; the extension a stored file gets by its type. */
export const EVIDENCE_TYPES: Record<string, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'image/webp': '.webp' };
const IMAGES: ImageMime[] = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * An uploaded evidence file as it is kept. An image is checked by decoding it (sharp), not by the type the browser
 * declared: a file that is not a picture that opens is refused (415), and what is kept is the decoded picture
 * encoded again without its metadata (a phone photo's GPS position is not published), stored under the type it
 * really is. A PDF is kept as sent.
 */
export async function checkEvidenceFile(data: Buffer, declared: string | undefined): Promise<{ data: Buffer; type: string; ext: string }> {
  if (declared === 'application/pdf') return { data, type: declared, ext: '.pdf' };
  if (!declared || !(IMAGES as string[]).includes(declared)) throw new AppError('evidence.type', 'Evidence files must be PDF, PNG, JPEG or WebP', 415);
  const clean = await reencodeImage(data, {
    formats: IMAGES,
    maxBytes: 5 * 1024 * 1024,
    maxSide: 20_000,
    maxPixels: 60_000_000,
    storedSide: 4_000, // a scanned page stays legible
    codes: { tooLarge: 'evidence.too_large', notImage: 'evidence.type', dimensions: 'evidence.dimensions', undecodable: 'evidence.type' },
  });
  return { data: clean.data, type: clean.mime, ext: EVIDENCE_TYPES[clean.mime]! };
}
