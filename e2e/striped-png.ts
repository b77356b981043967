import { crc32, deflateSync } from 'node:zlib';

/**
 * A black-and-white PNG of any size, made on the spot: stripes 8 pixels wide and tall (a checkerboard of
 * bars, so a downscaled copy is still a picture). One bit per pixel keeps an 8000 × 6000 image at 6 MB raw
 * and well under 1 MB compressed: huge in pixels, the case a save must downscale, without a huge fixture.
 */
export function stripedPng(width: number, height: number): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const raw = Buffer.alloc((rowBytes + 1) * height); // each row: filter byte 0, then the pixels
  for (let y = 0; y < height; y++) {
    const fill = (y >> 3) & 1 ? 0xff : 0x00;
    raw.fill(fill, y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
    // Every other byte inverted: 8-pixel vertical bars across the horizontal ones.
    for (let x = 0; x < rowBytes; x += 2) raw[y * (rowBytes + 1) + 1 + x] = fill ^ 0xff;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
