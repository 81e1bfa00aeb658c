import { describe, expect, it } from 'vitest';
import { checkImage, IMAGE_LIMIT_BYTES, sniffImage } from './image.js';

const png = Buffer.from('89504e470d0a1a0a0000000d494844520000000200000002080600000072b60d2400000011494441547801633c01040c40c0c400050030a60324e93ef6660000000049454e44ae426082', 'hex');

describe('solution images', () => {
  it('tells PNG and JPEG by their bytes', () => {
    expect(sniffImage(png)).toBe('png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0xff, 0xd9]))).toBe('jpeg');
    expect(sniffImage(Buffer.from('GIF89a......................'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
  it('refuses a PNG whose image data does not decode (it would break the booklet)', () => {
    const corrupt = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3b5a50000000049454e44ae426082', 'hex');
    expect(sniffImage(corrupt)).toBeNull();
    expect(() => checkImage(corrupt)).toThrow(expect.objectContaining({ code: 'startups.image_type' }));
  });
  it('refuses a renamed text file and a huge image, naming the field', () => {
    expect(() => checkImage(Buffer.from('not an image at all, just text'))).toThrow(expect.objectContaining({ code: 'startups.image_type', status: 400, details: { field: 'image' } }));
    const huge = Buffer.concat([png, Buffer.alloc(IMAGE_LIMIT_BYTES)]);
    expect(() => checkImage(huge)).toThrow(expect.objectContaining({ code: 'startups.image_too_large', status: 400 }));
    expect(checkImage(png)).toBe('png');
  });
});
