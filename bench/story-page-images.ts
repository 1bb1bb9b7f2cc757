// `node --import tsx bench/story-page-images.ts`: what renditions cost a story page. One story
// with a lead photo and two body images from the media library, rendered in-process (inject)
// with its renditions (<picture>) and, in the same run, after the renditions rows are removed
// (plain <img>, the reference): page size and time per page.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildTestApp } from '../src/testing/app.ts';
import { images } from '../src/testing/images.ts';
import { createRubric, createStory, documentFromText } from '../src/content/index.ts';
import { mediaContextFor, uploadImage } from '../src/media/index.ts';

const REQUESTS = Number(process.env.REQUESTS ?? 3000);
const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-page-bench-'));
const database = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
await migrateToLatest(database);
const { app, config, context } = await buildTestApp(database);
const media = mediaContextFor(context, config);
const actor = { userId: 1, login: 'bench', name: 'Bench', role: 'editor', language: 'en' } as const;
const ids: number[] = [];
for (const [w, h] of [[2400, 1600], [1600, 1200], [1200, 800]] as const) {
  ids.push((await uploadImage(media, { actor, bytes: await images.jpeg(w, h), texts: { en: { alt: 'A photo', caption: 'A caption' } }, credit: 'Agency' })).image.id);
}
const rubric = await createRubric(context, { key: 'economics', position: 1, names: { en: 'Economics' } });
const body = documentFromText(['First paragraph of the story with some words.', 'Second paragraph.', 'Third paragraph.']);
body.content.splice(1, 0, { type: 'image', attrs: { imageId: ids[1]! } });
body.content.push({ type: 'image', attrs: { imageId: ids[2]! } });
const story = await createStory(context, {
  rubricId: rubric.id, leadImageId: ids[0]!,
  versions: [{ language: 'en', headline: 'A story with three photos', lede: 'Lede.', body, status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString() }],
});
await (app as typeof app & { site: { reload(): Promise<void> } }).site.reload();
const url = `/en/economics/${story.id}-a-story-with-three-photos`;

async function measure(): Promise<{ bytes: number; microseconds: number }> {
  let bytes = 0;
  for (let i = 0; i < 300; i++) bytes = (await app.inject({ method: 'GET', url })).body.length; // warm-up
  const start = performance.now();
  for (let i = 0; i < REQUESTS; i++) await app.inject({ method: 'GET', url });
  return { bytes, microseconds: ((performance.now() - start) * 1000) / REQUESTS };
}

// Alternated, twice each, so the machine's noise shows in both.
const saved = await database.db.selectFrom('image_renditions').selectAll().execute();
const runs: Record<'picture' | 'plain', Array<{ bytes: number; microseconds: number }>> = { picture: [], plain: [] };
for (let round = 0; round < 2; round++) {
  await database.db.deleteFrom('image_renditions').execute();
  runs.plain.push(await measure());
  await database.db.insertInto('image_renditions').values(saved).execute();
  runs.picture.push(await measure());
}
const best = (list: Array<{ bytes: number; microseconds: number }>) => list.reduce((a, b) => (a.microseconds <= b.microseconds ? a : b));
const withPictures = best(runs.picture);
const plain = best(runs.plain);
console.log('| story page, 3 photos | HTML bytes | µs per page (inject, sequential, best of 2) |');
console.log('|---|---|---|');
console.log(`| <picture> with AVIF/WebP/JPEG renditions | ${withPictures.bytes} | ${withPictures.microseconds.toFixed(0)} |`);
console.log(`| plain <img> (renditions removed; reference) | ${plain.bytes} | ${plain.microseconds.toFixed(0)} |`);
await app.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
