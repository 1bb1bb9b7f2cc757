// Real image bytes for the media library's tests, made by sharp in the test run (no binary
// fixtures): photos with and without EXIF, each accepted format, and the bad files an upload must
// refuse (a truncated JPEG, a zip, an SVG, a PNG decompression bomb).

import { deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

/** A noisy picture (compresses like a photo) `width` × `height`. */
export function photo(width: number, height: number, options: { alpha?: boolean } = {}): Sharp {
  return sharp({
    create: {
      width,
      height,
      channels: options.alpha ? 4 : 3,
      background: options.alpha ? { r: 200, g: 60, b: 40, alpha: 0.5 } : { r: 200, g: 60, b: 40 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });
}

/** GPS position and a camera's tags in EXIF, stored turned a quarter (orientation 6). */
export const GPS_EXIF = {
  IFD0: { Make: 'TestCam', Model: 'T-1', Copyright: 'Agency photographer' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '27/1 33/1 0/1' },
};

export async function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return photo(width, height).withExif(GPS_EXIF).withMetadata({ orientation: 6 }).jpeg({ quality: 85 }).toBuffer();
}

/** True when an EXIF block holds a GPS IFD pointer (tag 0x8825), in either byte order. */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

export const images = {
  jpeg: (w = 640, h = 480) => photo(w, h).jpeg().toBuffer(),
  png: (w = 400, h = 300) => photo(w, h, { alpha: true }).png().toBuffer(),
  webp: (w = 500, h = 300) => photo(w, h).webp().toBuffer(),
  avif: (w = 360, h = 240) => photo(w, h).avif({ effort: 0 }).toBuffer(),
  gif: (w = 200, h = 100) => photo(w, h).gif().toBuffer(),
};

export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await images.jpeg(800, 600);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A one-file zip archive, stored (not compressed), written by hand. */
export function zipFile(): Buffer {
  const name = Buffer.from('photo.jpg');
  const data = Buffer.from('not really a photo');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, name, data]);
}

export const SVG_WITH_SCRIPT = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

/**
 * A PNG of 20,000 × 20,000 one-bit pixels (400 million) in about 50 KB: decoded to RGBA it
 * would take 1.6 GB. Written by hand so making it costs no decoding.
 */
export function pngBomb(side = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed), 0);
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
