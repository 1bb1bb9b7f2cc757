// Integration tests of the taxonomy around stories, on SQLite and PostgreSQL: rubrics, tags and
// authors with names and slugs per language, images of the media library, and site settings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/databases.ts';
import type { Database } from '../db/database.ts';
import type { ErrorCode } from '../lib/error-codes.ts';
import type { ContentContext } from './content-context.ts';
import { createRubric, listRubrics } from './rubrics/rubrics.ts';
import { createTag } from './tags/tags.ts';
import { createAuthor } from './authors/authors.ts';
import { findImagesForPage, registerImage, type ImageInput } from './images/images.ts';
import { DEFAULT_SETTINGS, readSettings, writeSetting } from './settings/settings.ts';
import { rejectsWith } from '../testing/assertions.ts';

const NOW = '2026-11-23T08:23:00.000Z';

function contentContext(database: () => Database): ContentContext {
  return {
    get database() {
      return database();
    },
    languages: ['ru', 'en', 'be'],
    clock: () => new Date(NOW),
  };
}


async function count(database: Database, table: 'rubrics' | 'rubric_names' | 'tags' | 'tag_names' | 'authors' | 'author_names' | 'images' | 'image_texts'): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('rubrics', ({ database }) => {
  const context = contentContext(database);

  test('createRubric stores a name and a transliterated slug per language', async () => {
    const rubric = await createRubric(context, {
      key: 'regions',
      position: 3,
      names: { ru: '  Регионы ', en: 'Regions', be: 'Рэгіёны Гомельшчыны' },
    });
    assert.deepEqual(rubric.names, {
      ru: { name: 'Регионы', slug: 'regiony' },
      en: { name: 'Regions', slug: 'regions' },
      be: { name: 'Рэгіёны Гомельшчыны', slug: 'rehiyony-homelshchyny' },
    });
    const stored = await database().db.selectFrom('rubrics').selectAll().where('id', '=', rubric.id).executeTakeFirstOrThrow();
    assert.deepEqual({ key: stored.key, position: stored.position, created_at: stored.created_at }, { key: 'regions', position: 3, created_at: NOW });
  });

  test('a second rubric with the same name gets the slug with -2, per language', async () => {
    const first = await createRubric(context, { key: 'sport', names: { ru: 'Спорт', en: 'Sport' } });
    const second = await createRubric(context, { key: 'sport-archive', names: { ru: 'Спорт', en: 'Sports' } });
    const third = await createRubric(context, { key: 'sport-extra', names: { ru: 'Спорт', en: 'Sport' } });
    assert.deepEqual([first.names.ru?.slug, second.names.ru?.slug, third.names.ru?.slug], ['sport', 'sport-2', 'sport-3']);
    assert.deepEqual([first.names.en?.slug, second.names.en?.slug, third.names.en?.slug], ['sport', 'sports', 'sport-2']);
  });

  test('takes a slug chosen by hand, and refuses one that is taken or malformed', async () => {
    const rubric = await createRubric(context, { key: 'world', names: { en: 'World', ru: 'В мире' }, slugs: { ru: 'mir' } });
    assert.deepEqual(rubric.names.ru, { name: 'В мире', slug: 'mir' });
    assert.equal(rubric.names.en?.slug, 'world');
    const before = await count(database(), 'rubrics');
    await rejectsWith(createRubric(context, { key: 'world-2', names: { ru: 'Мир' }, slugs: { ru: 'mir' } }), 'slug_taken');
    await rejectsWith(createRubric(context, { key: 'world-3', names: { ru: 'Мир' }, slugs: { ru: 'Mir!' } }), 'slug_invalid');
    await rejectsWith(createRubric(context, { key: 'world-4', position: 1.5, names: { ru: 'Мир' } }), 'invalid_input', 'position');
    assert.equal(await count(database(), 'rubrics'), before, 'a refused rubric leaves no row');
  });

  test('refuses a duplicate key, a bad key, an unknown language and empty names', async () => {
    await createRubric(context, { key: 'culture', names: { en: 'Culture' } });
    const before = [await count(database(), 'rubrics'), await count(database(), 'rubric_names')];
    await rejectsWith(createRubric(context, { key: 'culture', names: { en: 'Arts' } }), 'invalid_input', 'key');
    await rejectsWith(createRubric(context, { key: 'Culture', names: { en: 'Arts' } }), 'invalid_input', 'key');
    await rejectsWith(createRubric(context, { key: 'arts', names: { en: 'Arts', de: 'Kunst' } }), 'language_unknown', 'names.de');
    await rejectsWith(createRubric(context, { key: 'arts', names: {} }), 'invalid_input', 'names');
    await rejectsWith(createRubric(context, { key: 'arts', names: { en: '  ' } }), 'invalid_input', 'names.en');
    assert.deepEqual([await count(database(), 'rubrics'), await count(database(), 'rubric_names')], before);
  });

  test('listRubrics orders by position, then by creation, with every name', async () => {
    const rubrics = await listRubrics(context);
    assert.deepEqual(
      rubrics.map((rubric) => [rubric.key, rubric.position]),
      [['sport', 0], ['sport-archive', 0], ['sport-extra', 0], ['world', 0], ['culture', 0], ['regions', 3]],
    );
    const regions = rubrics.find((rubric) => rubric.key === 'regions');
    assert.deepEqual(Object.keys(regions?.names ?? {}).sort(), ['be', 'en', 'ru']);
    const first = await createRubric(context, { key: 'politics', position: -1, names: { en: 'Politics' } });
    assert.equal((await listRubrics(context))[0]?.id, first.id);
  });
});

describeEachDatabase('tags and authors', ({ database }) => {
  const context = contentContext(database);

  test('createTag stores names and unique slugs per language', async () => {
    const energy = await createTag(context, { key: 'energy', names: { ru: 'Энергетика', en: 'Energy', be: 'Энергетыка' } });
    assert.deepEqual(energy.names, {
      ru: { name: 'Энергетика', slug: 'energetika' },
      en: { name: 'Energy', slug: 'energy' },
      be: { name: 'Энергетыка', slug: 'enerhetyka' },
    });
    const power = await createTag(context, { key: 'power', names: { ru: 'Энергетика', en: 'Power' } });
    assert.deepEqual(power.names.ru, { name: 'Энергетика', slug: 'energetika-2' });
    const rows = await database().db.selectFrom('tag_names').select(['language', 'slug']).where('tag_id', '=', power.id).orderBy('language').execute();
    assert.deepEqual(rows, [{ language: 'en', slug: 'power' }, { language: 'ru', slug: 'energetika-2' }]);
  });

  test('createTag refuses a duplicate key and an unknown language without writing', async () => {
    const before = [await count(database(), 'tags'), await count(database(), 'tag_names')];
    await rejectsWith(createTag(context, { key: 'energy', names: { en: 'Energy again' } }), 'invalid_input', 'key');
    await rejectsWith(createTag(context, { key: 'kunst', names: { en: 'Art', de: 'Kunst' } }), 'language_unknown');
    await rejectsWith(createTag(context, { key: 'with space', names: { en: 'Spaces' } }), 'invalid_input', 'key');
    assert.deepEqual([await count(database(), 'tags'), await count(database(), 'tag_names')], before);
  });

  test('createAuthor stores the name in each language, optionally tied to a user', async () => {
    const author = await createAuthor(context, { key: 'anna-kovalenko', names: { ru: 'Анна Коваленко', en: 'Anna Kovalenko', be: 'Ганна Каваленка' } });
    const names = await database().db.selectFrom('author_names').select(['language', 'name']).where('author_id', '=', author.id).orderBy('language').execute();
    assert.deepEqual(names, [
      { language: 'be', name: 'Ганна Каваленка' },
      { language: 'en', name: 'Anna Kovalenko' },
      { language: 'ru', name: 'Анна Коваленко' },
    ]);
    const row = await database().db.selectFrom('authors').selectAll().where('id', '=', author.id).executeTakeFirstOrThrow();
    assert.deepEqual({ key: row.key, user_id: row.user_id, created_at: row.created_at }, { key: 'anna-kovalenko', user_id: null, created_at: NOW });
  });

  test('createAuthor refuses a duplicate key and an unknown language without writing', async () => {
    const before = [await count(database(), 'authors'), await count(database(), 'author_names')];
    await rejectsWith(createAuthor(context, { key: 'anna-kovalenko', names: { en: 'Another Anna' } }), 'invalid_input', 'key');
    await rejectsWith(createAuthor(context, { key: 'hans', names: { en: 'Hans', de: 'Hans' } }), 'language_unknown', 'names.de');
    await rejectsWith(createAuthor(context, { key: 'nobody', names: {} }), 'invalid_input', 'names');
    assert.deepEqual([await count(database(), 'authors'), await count(database(), 'author_names')], before);
  });
});

describeEachDatabase('images', ({ database }) => {
  const context = contentContext(database);
  const image = (change: Partial<ImageInput> = {}): ImageInput => ({
    storageKey: 'photos/2026/11/plant.jpg',
    mimeType: 'image/jpeg',
    width: 1200,
    height: 800,
    byteSize: 120_000,
    credit: ' Photo: BelTA ',
    texts: { ru: { alt: ' Цех завода ', caption: 'Новая линия' }, en: { alt: 'A factory floor', caption: '  ' } },
    ...change,
  });

  test('registerImage stores the file facts, the credit and texts per language', async () => {
    const { id } = await registerImage(context, image());
    const found = await findImagesForPage(context, [id], 'ru');
    assert.deepEqual(found.get(id), {
      id, storageKey: 'photos/2026/11/plant.jpg', width: 1200, height: 800, credit: 'Photo: BelTA', alt: 'Цех завода', caption: 'Новая линия',
    });
    const english = (await findImagesForPage(context, [id], 'en')).get(id);
    assert.deepEqual([english?.alt, english?.caption], ['A factory floor', null]);
    const belarusian = (await findImagesForPage(context, [id], 'be')).get(id);
    assert.deepEqual([belarusian?.alt, belarusian?.caption], [null, null], 'no text in a language gives none');
    const row = await database().db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.mime_type, row.byte_size, row.created_at], ['image/jpeg', 120_000, NOW]);
  });

  test('registerImage refuses bad input and writes nothing', async () => {
    const before = [await count(database(), 'images'), await count(database(), 'image_texts')];
    const refused: Array<[Partial<ImageInput>, ErrorCode, string?]> = [
      [{ storageKey: '../etc/passwd' }, 'invalid_input', 'storageKey'],
      [{ storageKey: 'photos/../../secret.jpg' }, 'invalid_input', 'storageKey'],
      [{ storageKey: '/absolute/path.jpg' }, 'invalid_input', 'storageKey'],
      [{ storageKey: 'Photos/Upper.JPG' }, 'invalid_input', 'storageKey'],
      [{ mimeType: 'application/pdf' }, 'invalid_input', 'mimeType'],
      [{ width: 0 }, 'invalid_input', 'width'],
      [{ height: 12.5 }, 'invalid_input', 'height'],
      [{ byteSize: -1 }, 'invalid_input', 'byteSize'],
      [{ texts: { ru: { alt: '   ' } } }, 'invalid_input', 'texts.ru.alt'],
      [{ texts: { de: { alt: 'Fabrik' } } }, 'language_unknown'],
    ];
    for (const [change, code, field] of refused) {
      await rejectsWith(registerImage(context, image({ ...change, storageKey: change.storageKey ?? 'photos/refused.jpg' })), code, field);
    }
    assert.deepEqual([await count(database(), 'images'), await count(database(), 'image_texts')], before);
  });

  test('registerImage takes every supported image type and an image without texts', async () => {
    for (const [n, mimeType] of ['image/png', 'image/webp', 'image/avif', 'image/gif', 'image/svg+xml'].entries()) {
      const { id } = await registerImage(context, image({ storageKey: `types/${n}.img`, mimeType, texts: {}, credit: null }));
      const found = (await findImagesForPage(context, [id], 'en')).get(id);
      assert.deepEqual([found?.credit, found?.alt], [null, null]);
    }
  });
});

describeEachDatabase('settings', ({ database }) => {
  const db = () => database().db;

  test('readSettings gives the defaults while nothing is stored', async () => {
    assert.deepEqual(await readSettings(db()), DEFAULT_SETTINGS);
    assert.equal(DEFAULT_SETTINGS.timeZone, 'UTC');
  });

  test('writeSetting stores a value that readSettings then returns, and overwrites it', async () => {
    await writeSetting(db(), 'timeZone', 'Europe/Minsk');
    await writeSetting(db(), 'siteName', { ru: 'Агентство', en: 'Agency', be: 'Агенцтва' });
    assert.deepEqual(await readSettings(db()), { timeZone: 'Europe/Minsk', siteName: { ru: 'Агентство', en: 'Agency', be: 'Агенцтва' }, socialLinks: {} });
    await writeSetting(db(), 'socialLinks', { telegram: 'https://t.me/demo', vk: 'https://vk.com/demo' });
    assert.deepEqual((await readSettings(db())).socialLinks, { telegram: 'https://t.me/demo', vk: 'https://vk.com/demo' });
    await rejectsWith(writeSetting(db(), 'socialLinks', { myspace: 'https://myspace.com/x' } as never), 'invalid_input', 'socialLinks.myspace');
    await rejectsWith(writeSetting(db(), 'socialLinks', { vk: 'javascript:alert(1)' }), 'invalid_input', 'socialLinks.vk');
    await writeSetting(db(), 'timeZone', 'Asia/Tokyo');
    assert.equal((await readSettings(db())).timeZone, 'Asia/Tokyo');
    const rows = await db().selectFrom('settings').select('key').where('key', '=', 'timeZone').execute();
    assert.equal(rows.length, 1);
  });

  test('writeSetting refuses a time zone that does not exist and keeps the stored one', async () => {
    for (const bad of ['Mars/Olympus_Mons', '', 'Europe/Minsk; drop table settings']) {
      await rejectsWith(writeSetting(db(), 'timeZone', bad), 'invalid_input', 'timeZone');
    }
    await rejectsWith(writeSetting(db(), 'timeZone', 3 as unknown as string), 'invalid_input', 'timeZone');
    assert.equal((await readSettings(db())).timeZone, 'Asia/Tokyo');
  });

  test('writeSetting refuses a site name that is empty in some language', async () => {
    await rejectsWith(writeSetting(db(), 'siteName', { ru: 'Агентство', en: ' ' }), 'invalid_input', 'siteName.en');
    await rejectsWith(writeSetting(db(), 'colour' as 'timeZone', 'red'), 'invalid_input', 'colour');
    await rejectsWith(writeSetting(db(), 'siteName', null as unknown as Record<string, string>), 'invalid_input', 'siteName');
    assert.equal((await readSettings(db())).siteName.en, 'Agency');
  });
});
