import sharp from 'sharp';

/** A real JPEG as a phone makes it: EXIF with the camera, the time and the GPS position of the volunteer. */
export async function phoneJpeg(width = 64, height = 48, orientation?: number) {
  const image = sharp({ create: { width, height, channels: 3, background: '#2a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'VolunteerPhone', Model: 'SM-S921N' },
      IFD2: { DateTimeOriginal: '2026:11:23 10:15:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 29/1 3507/100', GPSLongitudeRef: 'E', GPSLongitude: '127/1 0/1 5012/100' },
    });
  return (orientation ? image.withMetadata({ orientation }) : image).toBuffer();
}
/** SOI, JFIF, a frame header saying 640×480 and a scan header, but no picture: the header alone is valid. */
export const FAKE_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffc000110801e002800301220002110103110 1ffda000c03010002110311003f0000000000ffd9'.replace(/ /g, ''),
  'hex',
);
