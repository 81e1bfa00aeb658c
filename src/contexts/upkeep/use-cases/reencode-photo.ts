import { reencodeImage, type CleanImage, type ImageMime } from '../../../core/images/reencode-image.js';

/** Field photos: PNG, JPEG or WebP up to 5 MB, kept at most 3,000 px a side (a survey needs to read a sign, not print a poster). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_SIDE = 12_000;
export const PHOTO_MAX_PIXELS = 60_000_000;
export const PHOTO_STORED_SIDE = 3_000;

export type PhotoMime = ImageMime;
export type CleanPhoto = CleanImage;

/** A field photo decoded and encoded again with no metadata (core/images/reencode-image.ts); `field` names the form field in errors. */
export const reencodePhoto = (input: Buffer, field = 'file'): Promise<CleanPhoto> =>
  reencodeImage(
    input,
    {
      formats: ['image/png', 'image/jpeg', 'image/webp'],
      maxBytes: PHOTO_MAX_BYTES,
      maxSide: PHOTO_MAX_SIDE,
      maxPixels: PHOTO_MAX_PIXELS,
      storedSide: PHOTO_STORED_SIDE,
      codes: {
        tooLarge: 'transit.photo_too_large',
        notImage: 'transit.photo_not_image',
        dimensions: 'transit.photo_dimensions',
        undecodable: 'transit.photo_undecodable',
      },
    },
    field,
  );
