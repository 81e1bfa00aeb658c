import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { FAKE_JPEG, phoneJpeg } from '../../../../test/support/photos.js';
import { reencodePhoto } from './reencode-photo.js';

const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? { code: e.code, status: e.status, message: e.message } : e),
  );

describe('photos are re-encoded by an image library', () => {
  it('keeps the pixels and drops every byte of EXIF, GPS included', async () => {
    const input = await phoneJpeg();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(Buffer.from('VolunteerPhone'))).toBe(true);
    const gpsPointer = Buffer.from([0x25, 0x88]); // tag 0x8825 (GPS IFD), little-endian TIFF as libexif writes it
    expect(before.exif!.includes(gpsPointer)).toBe(true);
    const out = await reencodePhoto(input);
    expect(out).toMatchObject({ mime: 'image/jpeg', width: 64, height: 48 });
    const after = await sharp(out.data).metadata();
    expect([after.exif, after.xmp, after.iptc, after.icc]).toEqual([undefined, undefined, undefined, undefined]);
    expect(out.data.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(out.data.includes(Buffer.from('VolunteerPhone'))).toBe(false);
    expect(out.data.includes(Buffer.from('Exif'))).toBe(false);
  });

  it('turns a sideways phone photo upright before dropping its orientation tag', async () => {
    const out = await reencodePhoto(await phoneJpeg(64, 48, 6)); // 6: rotate 90° clockwise to view
    expect([out.width, out.height]).toEqual([48, 64]);
  });

  it('refuses a 59-byte JPEG whose header is valid but whose picture cannot be decoded', async () => {
    expect(FAKE_JPEG.length).toBe(59);
    expect((await sharp(FAKE_JPEG).metadata()).width).toBe(640); // the header alone passes a header check
    expect(await refusal(reencodePhoto(FAKE_JPEG))).toMatchObject({ code: 'transit.photo_undecodable', status: 422 });
  });

  it('refuses what is not a PNG, JPEG or WebP, and sizes outside the limits', async () => {
    expect(await refusal(reencodePhoto(Buffer.from('%PDF-1.7')))).toMatchObject({ code: 'transit.photo_not_image', status: 415 });
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(await refusal(reencodePhoto(gif))).toMatchObject({ code: 'transit.photo_not_image', status: 415 });
    const wide = await sharp({ create: { width: 12_001, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await refusal(reencodePhoto(wide, 's3_photo'))).toMatchObject({
      code: 'transit.photo_dimensions',
      status: 400,
      message: expect.stringContaining('s3_photo: 12001×1'),
    });
    expect(await refusal(reencodePhoto(Buffer.alloc(5 * 1024 * 1024 + 1)))).toMatchObject({ status: 413 });
  });

  it('shrinks a large photo to 3000 px a side and keeps PNG and WebP as they are', async () => {
    const big = await sharp({ create: { width: 4000, height: 1000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(await reencodePhoto(big)).toMatchObject({ mime: 'image/png', width: 3000, height: 750 });
    const webp = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#00f' } })
      .webp()
      .toBuffer();
    expect(await reencodePhoto(webp)).toMatchObject({ mime: 'image/webp', width: 10, height: 10 });
  });
});
