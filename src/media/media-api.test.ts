// The media library's HTTP routes in-process, on both databases, as a logged-in editor (who may
// do everything here; the permission table in newsroom/http covers the other roles): uploads (good files and each kind of bad one), the library listing, one
// image, changing its texts; then a story page showing an uploaded image as a <picture>.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { multipartForm, type FormPart } from '../testing/multipart.ts';
import { images, jpegWithGps, photo, pngBomb, SVG_WITH_SCRIPT, truncatedJpeg, zipFile } from '../testing/images.ts';
import { createRubric, createStory, documentFromText } from '../content/index.ts';
import { NEWSROOM_ORIGIN, userWithSession, type TestSession } from '../testing/newsroom.ts';

const MAX_BYTES = 2 * 1024 * 1024;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describeEachDatabase('media API', ({ database }) => {
  let app: FastifyInstance;
  let mediaDir: string;
  let editor: TestSession;
  let pending: TestSession;
  /** The headers of a request as `who`: a logged-in editor, a user who must still change a one-time password ('reader'), or nobody. */
  const as = (who: string | null = 'editor'): Record<string, string> => {
    const session = who === 'editor' ? editor : who === 'reader' ? pending : undefined;
    return session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: NEWSROOM_ORIGIN } : { origin: NEWSROOM_ORIGIN };
  };
  let photoId: number;

  const upload = (parts: FormPart[], actor: string | null = 'editor') => {
    const form = multipartForm(parts);
    return app.inject({ method: 'POST', url: '/api/newsroom/media', payload: form.payload, headers: { ...form.headers, ...as(actor) } });
  };
  const file = (data: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg'): FormPart => ({ name: 'file', filename, contentType, data });

  before(async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const built = await buildTestApp(database(), () => now, { MEDIA_MAX_BYTES: String(MAX_BYTES) });
    app = built.app;
    mediaDir = built.config.mediaDir;
    editor = await userWithSession(database(), { login: 'media-editor', role: 'editor', now });
    pending = await userWithSession(database(), { login: 'media-pending', role: 'editor', now, mustChangePassword: true });
  });
  after(async () => app.close());

  it('uploads a photo with texts: 201, the image without its EXIF, its renditions served at /media/', async () => {
    const response = await upload([
      { name: 'credit', value: 'Ivan Petrov' },
      { name: 'alt.en', value: 'Combine harvesters in a wheat field' },
      { name: 'caption.en', value: 'Harvest near Gomel' },
      { name: 'texts', value: JSON.stringify({ ru: { alt: 'Комбайны в поле', caption: 'Жатва под Гомелем' } }) },
      file(await jpegWithGps(1000, 700), 'IMG_0042.JPG'),
    ]);
    assert.equal(response.statusCode, 201, response.body);
    const { image, isDuplicate } = response.json();
    photoId = image.id;
    assert.equal(isDuplicate, false);
    assert.equal(image.mimeType, 'image/jpeg');
    assert.deepEqual([image.width, image.height], [700, 1000]);
    assert.equal(image.credit, 'Ivan Petrov');
    assert.equal(image.originalName, 'IMG_0042.JPG');
    assert.deepEqual(image.texts.en, { alt: 'Combine harvesters in a wheat field', caption: 'Harvest near Gomel' });
    assert.deepEqual(image.texts.ru, { alt: 'Комбайны в поле', caption: 'Жатва под Гомелем' });
    assert.match(image.url, /^\/media\/library\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);

    const original = await app.inject({ method: 'GET', url: image.url });
    assert.equal(original.statusCode, 200);
    assert.equal(original.headers['content-type'], 'image/jpeg');
    assert.equal((await sharp(original.rawPayload).metadata()).exif, undefined, 'the served original has no EXIF');
    const avif = image.renditions.find((r: { format: string }) => r.format === 'avif');
    const served = await app.inject({ method: 'GET', url: avif.url });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/avif');
  });

  it('answers 200 with the same image when the same file is uploaded again', async () => {
    const bytes = await images.png(300, 200);
    const first = await upload([file(bytes, 'a.png', 'image/png')]);
    assert.equal(first.statusCode, 201);
    const again = await upload([file(bytes, 'copy-of-a.png', 'image/png')]);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().isDuplicate, true);
    assert.equal(again.json().image.id, first.json().image.id);
  });

  it('takes a file larger than the 1 MB limit of JSON bodies, up to MEDIA_MAX_BYTES', async () => {
    const big = await photo(700, 600, { alpha: true }).png().toBuffer();
    assert.ok(big.length > 1024 * 1024 && big.length < MAX_BYTES, `${big.length} bytes`);
    const response = await upload([file(big, 'scan.png', 'image/png')]);
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().image.byteSize, big.length, 'a PNG without metadata is stored as it came');
  });

  it('refuses 401 without an actor and 403 for one without the permission, storing nothing', async () => {
    const before = filesUnder(mediaDir).length;
    assert.equal((await upload([file(await images.jpeg())], null)).statusCode, 401);
    assert.equal((await upload([file(await images.jpeg())], 'reader')).statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url: '/api/newsroom/media' })).statusCode, 401);
    assert.equal(filesUnder(mediaDir).length, before);
  });

  const bad: Array<[string, () => Promise<FormPart[]> | FormPart[], number, string]> = [
    ['an oversized upload (over MEDIA_MAX_BYTES, stopped while streaming)', async () => [file(Buffer.concat([await images.jpeg(), Buffer.alloc(MAX_BYTES)]))], 413, 'media_too_large'],
    ['a text file renamed .jpg', () => [file(Buffer.from('Dear editor, this is a letter.\n'.repeat(20)))], 400, 'media_not_an_image'],
    ['a truncated JPEG', async () => [file(await truncatedJpeg())], 400, 'media_corrupt'],
    ['a zip', () => [file(zipFile(), 'photos.zip', 'application/zip')], 400, 'media_not_an_image'],
    ['an SVG', () => [file(SVG_WITH_SCRIPT, 'logo.svg', 'image/svg+xml')], 415, 'media_unsupported_format'],
    ['a PNG bomb', () => [file(pngBomb(), 'bomb.png', 'image/png')], 413, 'media_too_many_pixels'],
    ['no file at all', () => [{ name: 'credit', value: 'Nobody' }], 400, 'invalid_input'],
    ['two files', async () => [file(await images.jpeg()), file(await images.gif(), 'b.gif')], 400, 'invalid_input'],
    ['texts that are not JSON', async () => [{ name: 'texts', value: '{alt:' }, file(await images.jpeg())], 400, 'invalid_input'],
    ['alt text in an unknown language', async () => [{ name: 'alt.de', value: 'Traktor' }, file(await images.jpeg())], 400, 'language_unknown'],
  ];
  for (const [what, parts, status, code] of bad) {
    it(`refuses ${what}: ${status} ${code}, nothing stored`, async () => {
      const rows = await database().db.selectFrom('images').select('id').execute();
      const files = filesUnder(mediaDir).length;
      const response = await upload(await parts());
      assert.equal(response.statusCode, status, response.body);
      const body = response.json();
      assert.equal(body.error.code, code);
      assert.equal(typeof body.error.message, 'string');
      assert.equal(typeof body.error.details, 'object');
      assert.deepEqual(await database().db.selectFrom('images').select('id').execute(), rows);
      assert.equal(filesUnder(mediaDir).length, files);
    });
  }

  it('refuses a request that is not multipart with a clear 400', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/newsroom/media', headers: { ...as('editor'), 'content-type': 'application/json' }, payload: '{}' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'invalid_input');
  });

  it('lists the library newest first, searches it, and pages with a cursor', async () => {
    const all = await app.inject({ method: 'GET', url: '/api/newsroom/media', headers: as('editor') });
    assert.equal(all.statusCode, 200);
    const ids = all.json().items.map((item: { id: number }) => item.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    assert.ok(ids.includes(photoId));
    const found = await app.inject({ method: 'GET', url: `/api/newsroom/media?query=${encodeURIComponent('HARVEST')}`, headers: as('editor') });
    assert.deepEqual(found.json().items.map((item: { id: number }) => item.id), [photoId]);
    const none = await app.inject({ method: 'GET', url: '/api/newsroom/media?query=%25', headers: as('editor') });
    assert.deepEqual(none.json().items, [], 'a % is a character to look for, not a wildcard');
    let cursor: string | null = null;
    const paged: number[] = [];
    do {
      const page: { items: Array<{ id: number }>; nextCursor: string | null } = (await app.inject({ method: 'GET', url: `/api/newsroom/media${cursor ? `?cursor=${cursor}` : ''}`, headers: as('editor') })).json();
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, ids);
    const bad = await app.inject({ method: 'GET', url: '/api/newsroom/media?cursor=abc', headers: as('editor') });
    assert.equal(bad.statusCode, 400);
  });

  it('gives one image, 404 for an unknown id and 400 for a malformed one', async () => {
    const one = await app.inject({ method: 'GET', url: `/api/newsroom/media/${photoId}`, headers: as('editor') });
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().image.id, photoId);
    const missing = await app.inject({ method: 'GET', url: '/api/newsroom/media/999999', headers: as('editor') });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'image_not_found');
    assert.equal((await app.inject({ method: 'GET', url: '/api/newsroom/media/x1', headers: as('editor') })).statusCode, 400);
  });

  it('changes alt text and caption per language and the credit; refuses what it does not know', async () => {
    const patch = (id: number | string, payload: unknown) => app.inject({ method: 'PATCH', url: `/api/newsroom/media/${id}`, headers: as('editor'), payload: payload as object });
    const changed = await patch(photoId, { texts: { be: { alt: 'Камбайны ў полі' }, ru: null }, credit: 'BelTA' });
    assert.equal(changed.statusCode, 200, changed.body);
    const image = changed.json().image;
    assert.deepEqual(image.texts.be, { alt: 'Камбайны ў полі', caption: null });
    assert.equal(image.texts.ru, undefined, 'null removes the texts of a language');
    assert.equal(image.texts.en.alt, 'Combine harvesters in a wheat field', 'languages not named are kept');
    assert.equal(image.credit, 'BelTA');
    assert.equal((await patch(999999, { credit: 'x' })).json().error.code, 'image_not_found');
    assert.equal((await patch(photoId, { texts: { xx: { alt: 'a' } } })).json().error.code, 'language_unknown');
    assert.equal((await patch(photoId, { width: 5 })).json().error.code, 'invalid_input');
    assert.equal((await patch(photoId, { texts: { en: { alt: 42 } } })).json().error.code, 'invalid_input');
  });

  describe('a story page with an uploaded image', () => {
    it('shows the lead photo and a body image as <picture> with AVIF and WebP sources, srcset, sizes, width and height', async () => {
      const context = { database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date('2026-12-01T12:00:00Z') };
      const body = await upload([{ name: 'alt.en', value: 'A tractor at dawn' }, { name: 'caption.en', value: 'Morning in the fields' }, { name: 'credit', value: 'Olga S.' }, file(await images.jpeg(1400, 900))]);
      const bodyImageId = body.json().image.id;
      const rubric = await createRubric(context, { key: 'economics', position: 1, names: { en: 'Economics' } });
      const document = documentFromText(['First paragraph.']);
      document.content.push({ type: 'image', attrs: { imageId: bodyImageId } });
      const story = await createStory(context, {
        rubricId: rubric.id, leadImageId: photoId,
        versions: [{ language: 'en', headline: 'Harvest ahead of schedule', lede: 'Farms report.', body: document, status: 'published', publishedAt: '2026-12-01T09:00:00.000Z' }],
      });
      await (app as FastifyInstance & { site: { reload(): Promise<void> } }).site.reload();
      const page = await app.inject({ method: 'GET', url: `/en/economics/${story.id}-harvest-ahead-of-schedule` });
      assert.equal(page.statusCode, 200, page.body);
      const html = page.body;

      const lead = /<figure class="lead-image">(.*?)<\/figure>/s.exec(html)?.[1];
      assert.ok(lead, 'a lead image figure');
      assert.match(lead, /^<picture><source type="image\/avif" srcset="[^"]+-320w\.avif 320w, [^"]+-700w\.avif 700w" sizes="[^"]+"><source type="image\/webp" srcset="[^"]+"/);
      assert.match(lead, /<img src="\/media\/library\/[^"]+-700w\.jpg" width="700" height="1000" alt="Combine harvesters in a wheat field" srcset="[^"]+-320w\.jpg 320w, [^"]+-700w\.jpg 700w" sizes="[^"]+" fetchpriority="high" decoding="async"><\/picture>/);
      assert.doesNotMatch(lead, /loading="lazy"/, 'the lead photo is above the fold');
      assert.match(lead, /<figcaption>Harvest near Gomel <span class="credit">[^<]*BelTA<\/span><\/figcaption>/);

      const inBody = /<figure class="story-image">(.*?)<\/figure>/s.exec(html)?.[1];
      assert.ok(inBody, 'a body image figure');
      assert.match(inBody, /^<picture><source type="image\/avif" srcset="[^"]*-320w\.avif 320w, [^"]*-640w\.avif 640w, [^"]*-960w\.avif 960w, [^"]*-1280w\.avif 1280w, [^"]*-1400w\.avif 1400w"/);
      assert.match(inBody, /<img src="[^"]+-1400w\.jpg" width="1400" height="900" alt="A tractor at dawn" loading="lazy" decoding="async" srcset="[^"]+" sizes="[^"]+"><\/picture>/);
      assert.match(inBody, /<figcaption>Morning in the fields <span class="credit">Olga S\.<\/span><\/figcaption>/);

      // Every address in the markup is a file the site serves.
      const urls = [...html.matchAll(/\/media\/library\/[0-9a-f/]+(?:-\d+w)?\.(?:avif|webp|jpg)/g)].map((m) => m[0]);
      assert.ok(urls.length >= 10);
      for (const url of new Set(urls)) assert.equal((await app.inject({ method: 'GET', url })).statusCode, 200, url);
      assert.match(html, /<meta property="og:image" content="https:\/\/news\.example\.by\/media\/library\/[^"]+-700w\.jpg">/);
    });

    it('shows the main story on the home page with its picture at the size it is shown', async () => {
      const context = { database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date('2026-12-01T12:00:00Z') };
      const rubric = await createRubric(context, { key: 'regions', position: 3, names: { en: 'Regions' } });
      await createStory(context, {
        rubricId: rubric.id, leadImageId: photoId, isMain: true,
        versions: [{ language: 'en', headline: 'Main story of the day', lede: 'Lede.', body: documentFromText(['Text.']), status: 'published', publishedAt: '2026-12-01T10:00:00.000Z' }],
      });
      await (app as FastifyInstance & { site: { reload(): Promise<void> } }).site.reload();
      const home = await app.inject({ method: 'GET', url: '/en/' });
      assert.equal(home.statusCode, 200);
      const card = /<div class="story-card-image">(.*?)<\/div>/s.exec(home.body)?.[1];
      assert.ok(card, 'the main story has a picture');
      assert.match(card, /^<picture><source type="image\/avif" srcset="[^"]+-320w\.avif 320w, [^"]+-700w\.avif 700w" sizes="\(min-width: 76rem\) 48rem/);
      assert.match(card, /<img src="[^"]+-700w\.jpg" width="700" height="1000" alt="Combine harvesters in a wheat field" srcset="[^"]+" sizes="[^"]+" fetchpriority="high" decoding="async"><\/picture>$/);
    });

    it('shows alt text, caption and credit typed with markup as inert text', async () => {
      const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
      const changed = await app.inject({
        method: 'PATCH', url: `/api/newsroom/media/${photoId}`, headers: as('editor'),
        payload: { texts: { en: { alt: hostile, caption: hostile } }, credit: hostile },
      });
      assert.equal(changed.statusCode, 200);
      const context = { database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date('2026-12-01T12:00:00Z') };
      const rubric = await createRubric(context, { key: 'society', position: 2, names: { en: 'Society' } });
      const document = documentFromText(['Text.']);
      document.content.push({ type: 'image', attrs: { imageId: photoId } });
      const story = await createStory(context, {
        rubricId: rubric.id, leadImageId: photoId,
        versions: [{ language: 'en', headline: 'Hostile texts', lede: 'Lede.', body: document, status: 'published', publishedAt: '2026-12-01T09:30:00.000Z' }],
      });
      await (app as FastifyInstance & { site: { reload(): Promise<void> } }).site.reload();
      const page = await app.inject({ method: 'GET', url: `/en/society/${story.id}-hostile-texts` });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
      assert.match(page.body, /alt="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;"/);
    });
  });
});
