import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanImage, IMAGE_LIMIT_BYTES } from './image.js';

const png = Buffer.from(
  '89504e470d0a1a0a0000000d494844520000000200000002080600000072b60d2400000011494441547801633c01040c40c0c400050030a60324e93ef6660000000049454e44ae426082',
  'hex',
);

describe('solution images', () => {
  it('keeps PNG and JPEG as pixels only: a phone photo loses its GPS position', async () => {
    expect((await cleanImage(png)).type).toBe('png');
    const phone = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3060a0' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'FounderPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 30/1 0/1' } })
      .toBuffer();
    expect(phone.includes(Buffer.from('FounderPhone'))).toBe(true);
    const clean = await cleanImage(phone);
    expect(clean.type).toBe('jpeg');
    expect(clean.data.includes(Buffer.from('FounderPhone'))).toBe(false);
    expect((await sharp(clean.data).metadata()).exif).toBeUndefined();
  });
  it('refuses a GIF, an SVG and a PNG whose image data does not decode (it would break the booklet)', async () => {
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    await expect(cleanImage(gif)).rejects.toMatchObject({ code: 'startups.image_type', status: 400, details: { field: 'image' } });
    await expect(cleanImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).rejects.toMatchObject({ code: 'startups.image_type' });
    const corrupt = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3b5a50000000049454e44ae426082',
      'hex',
    );
    await expect(cleanImage(corrupt)).rejects.toMatchObject({ code: 'startups.image_type' });
  });
  it('refuses a renamed text file and a huge image, naming the field', async () => {
    await expect(cleanImage(Buffer.from('not an image at all, just text'))).rejects.toMatchObject({
      code: 'startups.image_type',
      status: 400,
      details: { field: 'image' },
    });
    await expect(cleanImage(Buffer.concat([png, Buffer.alloc(IMAGE_LIMIT_BYTES)]))).rejects.toMatchObject({ code: 'startups.image_too_large', status: 400 });
  });
});
