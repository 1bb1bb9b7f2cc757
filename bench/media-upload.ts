// `node --import tsx bench/media-upload.ts`: how long an upload takes (content checks, metadata
// removal, every rendition, atomic writes, rows) for photo-like JPEGs of common camera sizes, on a
// temporary SQLite database. Beside it, in the same run, the reference: sharp alone making the
// same renditions from the same bytes in memory, with no checks, files or database.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { mediaContextFor, uploadImage } from '../src/media/index.ts';
import { GPS_EXIF } from '../src/testing/images.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const SIZES: Array<[number, number]> = [[1600, 1067], [4000, 3000], [6000, 4000]];

/** A photo-like picture: a gradient with shapes and mild grain, with a GPS position in EXIF. */
async function photoLike(width: number, height: number, seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#${(0x336699 + seed * 4099).toString(16).slice(-6)}"/><stop offset="1" stop-color="#e8c070"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#204020" fill-opacity="0.7"/><rect x="${width / 2}" y="${height / 3}" width="${width / 4}" height="${height / 3}" fill="#a03020" fill-opacity="0.6"/></svg>`;
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } } }).png().toBuffer();
  return sharp(Buffer.from(svg)).composite([{ input: grain, blend: 'soft-light' }]).withExif(GPS_EXIF).jpeg({ quality: 90 }).toBuffer();
}

async function reference(bytes: Buffer, width: number): Promise<void> {
  for (const w of [320, 640, 960, 1280, 1920].filter((x) => x < width)) {
    await sharp(bytes).rotate().resize({ width: w }).avif({ quality: 50, effort: 0 }).toBuffer();
    await sharp(bytes).rotate().resize({ width: w }).webp({ quality: 75, effort: 2 }).toBuffer();
    await sharp(bytes).rotate().resize({ width: w }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-media-bench-'));
const database = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
await migrateToLatest(database);
const media = mediaContextFor({ database, languages: ['ru', 'en', 'be'], clock: () => new Date() }, { mediaDir: path.join(dir, 'media'), mediaMaxBytes: 50 * 1024 * 1024, mediaMaxPixels: 50_000_000 });
const actor = { userId: 1, login: 'bench', name: 'Bench', role: 'editor', language: 'en' } as const;

console.log(`| photo | upload size | renditions (bytes) | uploadImage median | sharp alone, same renditions | ratio |`);
console.log(`|---|---|---|---|---|---|`);
for (const [width, height] of SIZES) {
  const uploads: number[] = [];
  const references: number[] = [];
  let size = 0;
  let renditionBytes = 0;
  let renditionCount = 0;
  for (let run = 0; run < RUNS; run++) {
    const bytes = await photoLike(width, height, run + width);
    size = bytes.length;
    await reference(bytes, width); // warm-up of the same code paths
    let start = performance.now();
    await reference(bytes, width);
    references.push(performance.now() - start);
    start = performance.now();
    const { image } = await uploadImage(media, { actor, bytes, texts: { en: { alt: 'A field' } } });
    uploads.push(performance.now() - start);
    renditionCount = image.renditions.length;
    renditionBytes = image.renditions.reduce((sum, r) => sum + r.byteSize, 0);
  }
  const up = median(uploads);
  const ref = median(references);
  console.log(`| ${width}×${height} JPEG with GPS EXIF | ${(size / 1e6).toFixed(2)} MB | ${renditionCount} (${(renditionBytes / 1e6).toFixed(2)} MB) | ${up.toFixed(0)} ms | ${ref.toFixed(0)} ms | ${(up / ref).toFixed(2)} |`);
}
await database.close();
rmSync(dir, { recursive: true, force: true });
