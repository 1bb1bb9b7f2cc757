// The media library's queries and the publish check on both databases: paging and searching the
// library (case folded alike on both, Cyrillic included), changing texts, and which images of a
// language version lack alt text.

import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeEachDatabase } from '../testing/databases.ts';
import { images } from '../testing/images.ts';
import { createRubric, createStory, documentFromText, type StoryDocument } from '../content/index.ts';
import { AppError } from '../lib/errors.ts';
import { addUser } from '../newsroom/index.ts';
import { findImage, imagesMissingAlt, listMedia, updateImageTexts, uploadImage, type Actor, type MediaContext } from './index.ts';

const ACTOR: Actor = { userId: 1, login: 'editor', name: 'Editor', role: 'editor', language: 'en' };

describeEachDatabase('media library queries', ({ database }) => {
  let media: MediaContext;
  const ids: number[] = [];

  before(async () => {
    media = {
      database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date('2026-12-01T10:00:00Z'),
      mediaDir: mkdtempSync(path.join(tmpdir(), 'dispatch-media-queries-')), limits: { maxBytes: 5_000_000, maxPixels: 50_000_000 },
    };
    const uploads: Array<[number, string, Record<string, { alt: string; caption?: string }>, string?]> = [
      [330, 'tractor.jpg', { en: { alt: 'A tractor' }, ru: { alt: 'Трактор' } }],
      [331, 'port.jpg', { en: { alt: 'Containers in the port', caption: 'Klaipeda, 50% of the transit' } }, 'Port authority'],
      [332, 'parliament.jpg', {}],
      [333, 'snow_day.jpg', { ru: { alt: 'Снег в Минске' } }],
    ];
    for (const [width, name, texts, credit] of uploads) {
      ids.push((await uploadImage(media, { actor: ACTOR, bytes: await images.jpeg(width, 200), originalName: name, texts, credit })).image.id);
    }
  });

  it('lists newest first in pages joined by the cursor', async () => {
    const first = await listMedia(database(), { limit: 3 });
    assert.deepEqual(first.items.map((i) => i.id), [ids[3], ids[2], ids[1]]);
    assert.ok(first.nextCursor);
    const second = await listMedia(database(), { limit: 3, cursor: first.nextCursor });
    assert.deepEqual(second.items.map((i) => i.id), [ids[0]]);
    assert.equal(second.nextCursor, null);
  });

  it('searches names, credits, alt texts and captions, taking % and _ literally', async () => {
    const search = async (query: string) => (await listMedia(database(), { query })).items.map((i) => i.id);
    assert.deepEqual(await search('TRACTOR'), [ids[0]]);
    assert.deepEqual(await search('authority'), [ids[1]]);
    assert.deepEqual(await search('klaipeda'), [ids[1]]);
    assert.deepEqual(await search('parliament'), [ids[2]]);
    assert.deepEqual(await search('50%'), [ids[1]]);
    assert.deepEqual(await search('n_w'), [], '_ matches only an underscore');
    assert.deepEqual(await search('snow_'), [ids[3]]);
    assert.deepEqual(await search('Минске'), [ids[3]]);
    assert.deepEqual(await search('nothing like it'), []);
  });

  it('finds one image with its texts and renditions, and nothing for an unknown id', async () => {
    const image = await findImage(database().db, ids[0]!);
    assert.deepEqual(image?.texts, { en: { alt: 'A tractor', caption: null }, ru: { alt: 'Трактор', caption: null } });
    assert.equal(image?.renditions.length, 6);
    assert.equal(await findImage(database().db, 987654), undefined);
  });

  it('records who uploaded an image when the actor is a known user, and nobody for a system actor', async () => {
    const { user } = await addUser(database().db, { login: 'photo-desk', name: 'Photo Desk', role: 'editor', password: 'correct horse battery staple' });
    const row = await database().db.selectFrom('users').select('id').where('login', '=', user.login).executeTakeFirstOrThrow();
    const byUser = await uploadImage(media, { actor: { ...ACTOR, userId: row.id, login: 'photo-desk' }, bytes: await images.gif(64, 32) });
    assert.equal(byUser.image.uploadedBy, row.id);
    const bySystem = await uploadImage(media, { actor: { ...ACTOR, userId: 424242 }, bytes: await images.gif(65, 32) });
    assert.equal(bySystem.image.uploadedBy, null);
  });

  it('updates texts: a named language replaced, null removed, others kept; refuses an unknown image', async () => {
    const updated = await updateImageTexts(media, { actor: ACTOR, imageId: ids[0]!, texts: { en: { alt: 'A red tractor', caption: 'In May' }, ru: null } });
    assert.deepEqual(updated.texts, { en: { alt: 'A red tractor', caption: 'In May' } });
    assert.equal(updated.updatedAt, '2026-12-01T10:00:00.000Z');
    await assert.rejects(updateImageTexts(media, { actor: ACTOR, imageId: 987654, texts: {} }), (e: unknown) => e instanceof AppError && e.code === 'image_not_found');
  });

  it('names the lead and body images that lack alt text in a language, for the publish check', async () => {
    const context = { database: database(), languages: media.languages, clock: media.clock };
    const rubric = await createRubric(context, { key: 'society', position: 1, names: { en: 'Society', ru: 'Общество' } });
    const body = (...blocks: StoryDocument['content']): StoryDocument => ({ type: 'doc', content: [...documentFromText(['Text.']).content, ...blocks] });
    const [tractor, port, parliament, snow] = ids as [number, number, number, number];
    const story = await createStory(context, {
      rubricId: rubric.id,
      leadImageId: snow,
      versions: [
        { language: 'en', headline: 'Winter came', lede: 'Lede.', body: body({ type: 'image', attrs: { imageId: port } }, { type: 'image', attrs: { imageId: parliament } }, { type: 'image', attrs: { imageId: tractor, alt: 'Written on the block' } }) },
        { language: 'ru', headline: 'Пришла зима', lede: 'Лид.', body: body({ type: 'image', attrs: { imageId: parliament, alt: 'Парламент' } }, { type: 'image', attrs: { imageId: port } }) },
      ],
    });
    // en: the lead (snow) has only Russian alt text; parliament has none; port has; tractor's block has its own.
    assert.deepEqual(await imagesMissingAlt(database().db, story.id, 'en'), [snow, parliament]);
    // ru: snow has Russian alt text; parliament's block has its own; port has only English.
    assert.deepEqual(await imagesMissingAlt(database().db, story.id, 'ru'), [port]);
    await updateImageTexts(media, { actor: ACTOR, imageId: port, texts: { ru: { alt: 'Контейнеры в порту' } } });
    assert.deepEqual(await imagesMissingAlt(database().db, story.id, 'ru'), []);
    const plain = await createStory(context, { rubricId: rubric.id, versions: [{ language: 'en', headline: 'No pictures', lede: 'Lede.', body: body() }] });
    assert.deepEqual(await imagesMissingAlt(database().db, plain.id, 'en'), []);
    await assert.rejects(imagesMissingAlt(database().db, plain.id, 'be'), (e: unknown) => e instanceof AppError && e.code === 'story_not_found');
  });
});

describeEachDatabase('media library search whatever the case', ({ database }) => {
  const ids: Record<'minsk' | 'uplands' | 'square' | 'agency', number> = { minsk: 0, uplands: 0, square: 0, agency: 0 };

  before(async () => {
    const media: MediaContext = {
      database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date('2026-12-01T10:00:00Z'),
      mediaDir: mkdtempSync(path.join(tmpdir(), 'dispatch-media-search-')), limits: { maxBytes: 5_000_000, maxPixels: 50_000_000 },
    };
    const upload = async (width: number, details: { originalName?: string; credit?: string; texts?: Record<string, { alt: string; caption?: string }> }) =>
      (await uploadImage(media, { actor: ACTOR, bytes: await images.jpeg(width, 200), ...details })).image.id;
    ids.minsk = await upload(340, { texts: { ru: { alt: 'Площадь', caption: 'Минск зимой' } } });
    ids.uplands = await upload(341, { texts: { be: { alt: 'Ўзвышша каля Іўя', caption: 'Мінск, ВЯСНА' } } });
    ids.square = await upload(342, { originalName: 'ПЛОЩАДЬ_100%.jpg' });
    ids.agency = await upload(343, { credit: 'BelTA Photo', texts: { en: { alt: 'The Press Centre' } } });
  });

  // Each test: queries and the one image each finds (null: none), with why where it is not plain.
  const cases: Record<string, ReadonlyArray<readonly [query: string, found: keyof typeof ids | null, why?: string]>> = {
    'finds a Russian caption typed in lower case, capitals or mixed case': [['минск', 'minsk'], ['МИНСК ЗИМОЙ', 'minsk'], ['мИнСк', 'minsk']],
    'folds Belarusian Ў and І, and keeps і apart from и': [
      ['ўзвышша', 'uplands'], ['КАЛЯ ІЎЯ', 'uplands'],
      ['мінск, вясна', 'uplands', 'a caption in capitals, typed in lower case'], ['МІНСК', 'uplands', 'Мінск with і is not Минск with и'],
    ],
    'folds Latin letters in credits, alt texts and file names as before': [['belta photo', 'agency'], ['tHE pRESS', 'agency'], ['.JPG', 'square']],
    'takes % and _ literally in a folded search': [
      ['площадь_100%', 'square'], ['100%', 'square'],
      ['ПЛОЩАД_', null, '_ matches only an underscore, not ь'], ['площадь%100', null, '% matches only a per cent sign, not _'],
    ],
  };
  for (const [name, queries] of Object.entries(cases)) {
    it(name, async () => {
      for (const [query, found, why] of queries) {
        const items = (await listMedia(database(), { query })).items.map((i) => i.id);
        assert.deepEqual(items, found ? [ids[found]] : [], why ?? `searching for ${query}`);
      }
    });
  }
});
