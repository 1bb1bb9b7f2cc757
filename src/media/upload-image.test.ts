// The upload command on both databases, with real image bytes made by sharp: what is stored (a
// clean original without EXIF, renditions in three formats, rows), duplicates, and each refusal
// with nothing left behind.

import { after, before, beforeEach, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describeEachDatabase } from '../testing/databases.ts';
import { exifHasGps, images, jpegWithGps, pngBomb, SVG_WITH_SCRIPT, truncatedJpeg, zipFile } from '../testing/images.ts';
import { AppError } from '../lib/errors.ts';
import { uploadImage, type MediaContext, type Actor } from './index.ts';

const ACTOR: Actor = { userId: 7, login: 'editor', name: 'Editor', role: 'editor', language: 'en' };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('the upload was accepted');
}

describeEachDatabase('uploadImage', ({ database }) => {
  let media: MediaContext;
  let mediaDir: string;

  before(() => {
    mediaDir = mkdtempSync(path.join(tmpdir(), 'dispatch-media-test-'));
    media = { database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date('2026-12-01T10:00:00Z'), mediaDir, limits: { maxBytes: 5_000_000, maxPixels: 50_000_000 } };
  });
  after(() => rmSync(mediaDir, { recursive: true, force: true }));
  beforeEach(async () => {
    await database().db.deleteFrom('images').execute();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('stores a JPEG without its EXIF (no GPS), turned upright, with renditions in AVIF, WebP and JPEG', async () => {
    const upload = await jpegWithGps(800, 600);
    const before = await sharp(upload).metadata();
    assert.ok(exifHasGps(before.exif), 'the test photo carries a GPS position');
    assert.equal(before.orientation, 6);

    const { image, isDuplicate } = await uploadImage(media, {
      actor: ACTOR, bytes: upload, originalName: 'IMG_0042.JPG', credit: ' Ivan Petrov ',
      texts: { en: { alt: 'A tractor in a field', caption: 'Harvest near Gomel' }, ru: { alt: 'Трактор в поле' } },
    });
    assert.equal(isDuplicate, false);
    assert.equal(image.mimeType, 'image/jpeg');
    assert.deepEqual([image.width, image.height], [600, 800], 'orientation applied: width and height swap');
    assert.match(image.storageKey, /^library\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
    assert.equal(image.credit, 'Ivan Petrov');
    assert.equal(image.originalName, 'IMG_0042.JPG');
    assert.deepEqual(image.texts, { en: { alt: 'A tractor in a field', caption: 'Harvest near Gomel' }, ru: { alt: 'Трактор в поле', caption: null } });

    const stored = readFileSync(path.join(mediaDir, image.storageKey));
    assert.equal(stored.length, image.byteSize);
    const after = await sharp(stored).metadata();
    assert.equal(after.exif, undefined, 'no EXIF at all in the stored original');
    assert.equal(after.xmp, undefined);
    assert.equal(after.orientation, undefined);
    assert.deepEqual([after.width, after.height, after.format], [600, 800, 'jpeg']);

    assert.deepEqual(image.renditions.map((r) => `${r.format} ${r.width}x${r.height}`), [
      'avif 320x427', 'webp 320x427', 'jpeg 320x427', 'avif 600x800', 'webp 600x800', 'jpeg 600x800',
    ]);
    for (const rendition of image.renditions) {
      const bytes = readFileSync(path.join(mediaDir, rendition.storageKey));
      assert.equal(bytes.length, rendition.byteSize);
      const metadata = await sharp(bytes).metadata();
      assert.equal(metadata.format, rendition.format === 'avif' ? 'heif' : rendition.format);
      assert.deepEqual([metadata.width, metadata.height], [rendition.width, rendition.height]);
      assert.equal(metadata.exif, undefined);
    }
    assert.deepEqual(filesUnder(mediaDir).filter((file) => path.basename(file).startsWith('.')), [], 'no temporary file is left');
  });

  it('keeps a PNG with transparency as PNG, with PNG fallbacks, and never upscales', async () => {
    const { image } = await uploadImage(media, { actor: ACTOR, bytes: await images.png(400, 300) });
    assert.equal(image.mimeType, 'image/png');
    assert.deepEqual(image.texts, {});
    assert.deepEqual(image.renditions.map((r) => `${r.format} ${r.width}`), ['avif 320', 'webp 320', 'png 320', 'avif 400', 'webp 400', 'png 400']);
    const big = await uploadImage(media, { actor: ACTOR, bytes: await images.jpeg(2400, 1200) });
    assert.deepEqual([...new Set(big.image.renditions.map((r) => r.width))], [320, 640, 960, 1280, 1920]);
  });

  it('takes WebP, AVIF and GIF, judged by content whatever the file is called', async () => {
    for (const [format, bytes, mimeType] of [
      ['webp', await images.webp(), 'image/webp'],
      ['avif', await images.avif(), 'image/avif'],
      ['gif', await images.gif(), 'image/gif'],
    ] as const) {
      const { image } = await uploadImage(media, { actor: ACTOR, bytes, originalName: 'document.txt' });
      assert.equal(image.mimeType, mimeType, format);
      assert.ok(image.renditions.length >= 3, format);
    }
  });

  it('keeps an animated GIF as it came, with no still renditions', async () => {
    const frames = await Promise.all(['#c00', '#0c0', '#00c'].map((background) => sharp({ create: { width: 120, height: 80, channels: 3, background } }).png().toBuffer()));
    const gif = await sharp(frames, { join: { animated: true } }).gif({ delay: 100 }).toBuffer();
    const { image } = await uploadImage(media, { actor: ACTOR, bytes: gif });
    assert.equal(image.mimeType, 'image/gif');
    assert.deepEqual(image.renditions, []);
    const stored = readFileSync(path.join(mediaDir, image.storageKey));
    assert.ok(stored.equals(gif));
    assert.equal((await sharp(stored).metadata()).pages, 3);
  });

  it('reuses the stored image when the same picture is uploaded again', async () => {
    const bytes = await jpegWithGps(640, 480);
    const first = await uploadImage(media, { actor: ACTOR, bytes, texts: { en: { alt: 'First' } } });
    const files = filesUnder(mediaDir);
    const second = await uploadImage(media, { actor: ACTOR, bytes, texts: { en: { alt: 'Second' } } });
    assert.equal(second.isDuplicate, true);
    assert.equal(second.image.id, first.image.id);
    assert.equal(second.image.texts.en?.alt, 'First', 'the library keeps what it had');
    assert.deepEqual(filesUnder(mediaDir), files, 'no second copy of any file');
    const rows = await database().db.selectFrom('images').select('id').execute();
    assert.equal(rows.length, 1);
  });

  const refusals: Array<[string, () => Promise<Buffer> | Buffer, string, Partial<MediaContext['limits']>?]> = [
    ['a text file (whatever its name)', () => Buffer.from('Hello, this is not a photo.\n'), 'media_not_an_image'],
    ['a zip archive', () => zipFile(), 'media_not_an_image'],
    ['an SVG (it can carry script)', () => SVG_WITH_SCRIPT, 'media_unsupported_format'],
    ['a truncated JPEG', () => truncatedJpeg(), 'media_corrupt'],
    ['a JPEG header with nothing after it', async () => (await images.jpeg()).subarray(0, 200), 'media_corrupt'],
    ['a file over the byte limit', () => images.jpeg(800, 600), 'media_too_large', { maxBytes: 1000 }],
    ['a PNG decompression bomb (400 million pixels in 50 KB)', () => pngBomb(), 'media_too_many_pixels'],
    ['an image over a lowered pixel limit', () => images.jpeg(800, 600), 'media_too_many_pixels', { maxPixels: 100_000 }],
  ];
  for (const [what, make, code, limits] of refusals) {
    it(`refuses ${what} with ${code} and stores nothing`, async () => {
      const context = { ...media, limits: { ...media.limits, ...limits } };
      const error = await refusal(uploadImage(context, { actor: ACTOR, bytes: await make(), originalName: 'photo.jpg' }));
      assert.equal(error.code, code);
      assert.ok(error.status >= 400 && error.status < 500);
      assert.deepEqual(await database().db.selectFrom('images').select('id').execute(), []);
      assert.deepEqual(filesUnder(mediaDir), []);
    });
  }

  it('refuses texts in an unknown language and overlong alt text before any file is written', async () => {
    const bytes = await images.jpeg();
    assert.equal((await refusal(uploadImage(media, { actor: ACTOR, bytes, texts: { de: { alt: 'Traktor' } } }))).code, 'language_unknown');
    const long = await refusal(uploadImage(media, { actor: ACTOR, bytes, texts: { en: { alt: 'x'.repeat(1001) } } }));
    assert.equal(long.code, 'invalid_input');
    assert.equal(long.details?.field, 'texts.en.alt');
    assert.deepEqual(filesUnder(mediaDir), []);
  });

  it('records nothing when the files cannot be written', async () => {
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), 'dispatch-media-blocked-')), 'not-a-folder');
    writeFileSync(blocked, 'a file where the media folder should be');
    await assert.rejects(uploadImage({ ...media, mediaDir: blocked }, { actor: ACTOR, bytes: await images.jpeg() }));
    assert.deepEqual(await database().db.selectFrom('images').select('id').execute(), []);
  });
});
