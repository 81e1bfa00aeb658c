import { AppError } from '../../../core/errors.js';
import { reencodeImage } from '../../../core/images/reencode-image.js';

/** Solution images: PNG or JPEG (what pdfkit embeds in the booklet), at most 2 MB, kept at most 1,600 px a side. */
export const IMAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export type ImageType = 'png' | 'jpeg';

/**
 * A solution image decoded and encoded again with no metadata (a phone photo's GPS position never reaches the
 * public profile or the booklet): what is refused is said with the field named, as a 400 the form shows beside it.
 */
export async function cleanImage(data: Buffer): Promise<{ data: Buffer; type: ImageType }> {
  try {
    const clean = await reencodeImage(
      data,
      {
        formats: ['image/png', 'image/jpeg'],
        maxBytes: IMAGE_LIMIT_BYTES,
        maxSide: 10_000,
        maxPixels: 40_000_000,
        storedSide: 1_600,
        codes: {
          tooLarge: 'startups.image_too_large',
          notImage: 'startups.image_type',
          dimensions: 'startups.image_dimensions',
          undecodable: 'startups.image_type',
        },
      },
      'image',
    );
    return { data: clean.data, type: clean.mime === 'image/png' ? 'png' : 'jpeg' };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message =
      error.code === 'startups.image_too_large'
        ? `The image is ${data.length} bytes; at most ${IMAGE_LIMIT_BYTES} are allowed`
        : error.code === 'startups.image_dimensions'
          ? error.message
          : 'The image must be a PNG or JPEG file that opens';
    throw new AppError(error.code, message, 400, { field: 'image', ...(error.code === 'startups.image_too_large' ? { limit: IMAGE_LIMIT_BYTES } : {}) });
  }
}
