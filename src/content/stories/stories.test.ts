// Integration tests of the story model on SQLite and PostgreSQL: what createStory stores, how
// slugs are derived, kept and protected, translations, input validation, atomicity, and what the
// reader-facing queries show at a given moment.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../testing/databases.ts';
import type { Database } from '../../db/database.ts';
import type { ErrorCode } from '../../lib/error-codes.ts';
import type { ContentContext } from '../content-context.ts';
import { documentFromText, parseDocument } from '../document/index.ts';
import { createRubric } from '../rubrics/rubrics.ts';
import { createTag } from '../tags/tags.ts';
import { createAuthor } from '../authors/authors.ts';
import { registerImage } from '../images/images.ts';
import { addLanguageVersion, createStory } from './create-story.ts';
import { changeSlug } from './change-slug.ts';
import { findStoryIdBySlug } from './story-slugs.ts';
import { findVersionForPage, listVisibleTranslations } from './story-queries.ts';
import { listFeedPage } from './listing-queries.ts';
import type { LanguageVersionInput, StoryInput } from './story-input.ts';
import { rejectsWith } from '../../testing/assertions.ts';

const LANGUAGES = ['ru', 'en', 'be'];
const START = '2026-11-23T08:23:00.000Z';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A content context whose clock the test moves with `setNow`. */
function movableContext(database: () => Database) {
  let now = new Date(START);
  const context: ContentContext = {
    get database() {
      return database();
    },
    languages: LANGUAGES,
    clock: () => now,
  };
  return { context, setNow: (iso: string) => void (now = new Date(iso)) };
}

function version(language: string, headline: string, extra: Partial<LanguageVersionInput> = {}): LanguageVersionInput {
  return { language, headline, lede: `Lede of ${headline}`, body: documentFromText([`Body of ${headline}.`]), ...extra };
}

function published(language: string, headline: string, publishedAt: string, extra: Partial<LanguageVersionInput> = {}): LanguageVersionInput {
  return version(language, headline, { status: 'published', publishedAt, ...extra });
}


type CountedTable = 'stories' | 'story_versions' | 'story_slugs' | 'story_authors' | 'story_tags';
const STORY_TABLES: readonly CountedTable[] = ['stories', 'story_versions', 'story_slugs', 'story_authors', 'story_tags'];

async function countRows(database: Database): Promise<Record<CountedTable, number>> {
  const counts = {} as Record<CountedTable, number>;
  for (const table of STORY_TABLES) {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

async function slugOf(database: Database, storyId: number, language: string): Promise<string | undefined> {
  const row = await database.db
    .selectFrom('story_versions')
    .select('slug')
    .where('story_id', '=', storyId)
    .where('language', '=', language)
    .executeTakeFirst();
  return row?.slug;
}

let rubricCounter = 0;

/** A rubric, two authors, two tags and an image, with keys unique within the database. */
async function seedTaxonomy(context: ContentContext) {
  const n = ++rubricCounter;
  const rubric = await createRubric(context, {
    key: `economics-${n}`,
    names: { ru: `Экономика ${n}`, en: `Economics ${n}`, be: `Эканоміка ${n}` },
  });
  const anna = await createAuthor(context, { key: `anna-${n}`, names: { ru: 'Анна Коваленко', en: 'Anna Kovalenko' } });
  const pavel = await createAuthor(context, { key: `pavel-${n}`, names: { ru: 'Павел Сидорович', en: 'Pavel Sidorovich' } });
  const energy = await createTag(context, { key: `energy-${n}`, names: { ru: `Энергетика ${n}`, en: `Energy ${n}` } });
  const export_ = await createTag(context, { key: `export-${n}`, names: { ru: `Экспорт ${n}`, en: `Export ${n}` } });
  const image = await registerImage(context, {
    storageKey: `photos/plant-${n}.jpg`,
    mimeType: 'image/jpeg',
    width: 1200,
    height: 675,
    byteSize: 48_000,
    texts: { ru: { alt: 'Цех завода' }, en: { alt: 'A factory floor' } },
  });
  return { rubric, authors: [anna.id, pavel.id], tags: [energy.id, export_.id], imageId: image.id };
}

describeEachDatabase('createStory', ({ database }) => {
  const { context } = movableContext(database);

  test('stores a story with three language versions, bylines, tags and a lead image', async () => {
    const { rubric, authors, tags, imageId } = await seedTaxonomy(context);
    const body = documentFromText(['Первый абзац.', '## Подробности', '- пункт один', '- пункт два']);
    const created = await createStory(context, {
      rubricId: rubric.id,
      urgency: 2,
      isMain: true,
      embargoUntil: '2026-11-23T10:00:00+03:00',
      leadImageId: imageId,
      authorIds: [authors[1]!, authors[0]!],
      tagIds: tags,
      versions: [
        published('ru', 'Экспорт вырос на 5%', '2026-11-23T11:30:00+03:00', { body, seoTitle: 'Экспорт: рост', seoDescription: '  ' }),
        published('en', 'Exports up 5%', '2026-11-23T08:30:00Z', { body }),
        version('be', 'Экспарт павялічыўся на 5%', { body }),
      ],
    });
    assert.deepEqual(created.versions.map((v) => v.language), ['ru', 'en', 'be']);

    const db = database().db;
    const story = await db.selectFrom('stories').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    assert.deepEqual(
      { ...story, id: 0 },
      {
        id: 0, rubric_id: rubric.id, urgency: 2, is_main: 1, embargo_until: '2026-11-23T07:00:00.000Z',
        lead_image_id: imageId, follows_story_id: null, created_by: null, created_at: START, updated_at: START,
      },
    );

    const versions = await db.selectFrom('story_versions').selectAll().where('story_id', '=', created.id).orderBy('id').execute();
    assert.equal(versions.length, 3);
    for (const row of versions) {
      assert.equal(row.version, 1);
      assert.equal(row.rubric_id, rubric.id);
      assert.equal(row.created_at, START);
      assert.equal(row.updated_at, START);
      assert.deepEqual(parseDocument(JSON.parse(row.body)), body);
    }
    const [ru, en, be] = versions;
    assert.equal(ru?.status, 'published');
    assert.equal(ru?.published_at, '2026-11-23T08:30:00.000Z');
    assert.equal(ru?.first_published_at, '2026-11-23T08:30:00.000Z');
    assert.equal(ru?.seo_title, 'Экспорт: рост');
    assert.equal(ru?.seo_description, null, 'a blank SEO description is stored as none');
    assert.equal(en?.published_at, '2026-11-23T08:30:00.000Z');
    assert.equal(be?.status, 'draft');
    assert.equal(be?.published_at, null);
    assert.equal(be?.lede, 'Lede of Экспарт павялічыўся на 5%');

    const bylines = await db.selectFrom('story_authors').select(['author_id', 'position']).where('story_id', '=', created.id).orderBy('position').execute();
    assert.deepEqual(bylines, [{ author_id: authors[1], position: 0 }, { author_id: authors[0], position: 1 }]);
    const storyTags = await db.selectFrom('story_tags').select(['tag_id', 'position']).where('story_id', '=', created.id).orderBy('position').execute();
    assert.deepEqual(storyTags, [{ tag_id: tags[0], position: 0 }, { tag_id: tags[1], position: 1 }]);
  });

  test('writes every time as an ISO 8601 UTC string, whatever offset it was given in', async () => {
    const { rubric } = await seedTaxonomy(context);
    const { id } = await createStory(context, {
      rubricId: rubric.id,
      embargoUntil: '2026-12-01T00:00-05:00',
      versions: [published('en', 'Time zones', '2026-11-30T23:59:59.5+01:00')],
    });
    const row = await database().db
      .selectFrom('story_versions as v')
      .innerJoin('stories as s', 's.id', 'v.story_id')
      .select(['v.published_at', 'v.first_published_at', 'v.created_at', 's.embargo_until', 's.created_at as story_created_at'])
      .where('v.story_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.published_at, '2026-11-30T22:59:59.500Z');
    assert.equal(row.embargo_until, '2026-12-01T05:00:00.000Z');
    for (const value of Object.values(row)) assert.match(String(value), ISO_UTC);
  });

  test('derives each slug from the headline by the rules of its language', async () => {
    const { rubric } = await seedTaxonomy(context);
    const created = await createStory(context, {
      rubricId: rubric.id,
      versions: [
        version('ru', 'Гомельская область без осадков до конца недели'),
        version('en', 'Gomel Region stays dry until the weekend'),
        version('be', 'Беларусь і Літва ўзмоцняць супрацоўніцтва ў Гомелі'),
      ],
    });
    assert.deepEqual(created.versions, [
      { language: 'ru', slug: 'gomelskaya-oblast-bez-osadkov-do-kontsa-nedeli' },
      { language: 'en', slug: 'gomel-region-stays-dry-until-the-weekend' },
      { language: 'be', slug: 'belarus-i-litva-wzmotsnyats-supratsownitstva-w-homeli' },
    ]);
    for (const { language, slug } of created.versions) {
      assert.equal(await slugOf(database(), created.id, language), slug);
      assert.equal(await findStoryIdBySlug(database().db, language, slug), created.id);
    }
  });

  test('falls back to "story" for a headline with nothing to transliterate', async () => {
    const { rubric } = await seedTaxonomy(context);
    const first = await createStory(context, { rubricId: rubric.id, versions: [version('en', '🔥🔥🔥')] });
    assert.equal(first.versions[0]!.slug, 'story');
  });

  test('gives stories with the same headline distinct slugs: x, x-2, x-3', async () => {
    const { rubric } = await seedTaxonomy(context);
    const create = () =>
      createStory(context, { rubricId: rubric.id, versions: [version('ru', 'Курс рубля не изменился'), version('en', 'Rouble rate unchanged')] });
    const slugs = [await create(), await create(), await create()].map((story) => story.versions.map((v) => v.slug));
    assert.deepEqual(slugs, [
      ['kurs-rublya-ne-izmenilsya', 'rouble-rate-unchanged'],
      ['kurs-rublya-ne-izmenilsya-2', 'rouble-rate-unchanged-2'],
      ['kurs-rublya-ne-izmenilsya-3', 'rouble-rate-unchanged-3'],
    ]);
  });

  test('a slug is unique per language only', async () => {
    const { rubric } = await seedTaxonomy(context);
    const created = await createStory(context, {
      rubricId: rubric.id,
      versions: [version('ru', 'Минск', { slug: 'minsk-news' }), version('en', 'Minsk', { slug: 'minsk-news' })],
    });
    assert.deepEqual(created.versions.map((v) => v.slug), ['minsk-news', 'minsk-news']);
  });

  test('a story that fails in its second version leaves no rows behind', async () => {
    const { rubric, authors, tags, imageId } = await seedTaxonomy(context);
    await createStory(context, { rubricId: rubric.id, versions: [version('en', 'Taken', { slug: 'taken-slug' })] });
    const before = await countRows(database());
    await rejectsWith(
      createStory(context, {
        rubricId: rubric.id,
        leadImageId: imageId,
        authorIds: authors,
        tagIds: tags,
        versions: [version('ru', 'Совершенно новый заголовок'), version('en', 'Another', { slug: 'taken-slug' })],
      }),
      'slug_taken',
    );
    assert.deepEqual(await countRows(database()), before);
    assert.equal(await findStoryIdBySlug(database().db, 'ru', 'sovershenno-novyy-zagolovok'), undefined, 'the first version\'s slug was not kept');
  });

  test('refuses an unknown rubric, author, tag or image and writes nothing', async () => {
    const { rubric } = await seedTaxonomy(context);
    const before = await countRows(database());
    const base: StoryInput = { rubricId: rubric.id, versions: [version('en', 'Orphan')] };
    await rejectsWith(createStory(context, { ...base, rubricId: 999_999 }), 'rubric_not_found', 'rubricId');
    await rejectsWith(createStory(context, { ...base, authorIds: [999_999] }), 'invalid_input', 'authorIds');
    await rejectsWith(createStory(context, { ...base, tagIds: [999_999] }), 'invalid_input', 'tagIds');
    await rejectsWith(createStory(context, { ...base, leadImageId: 999_999 }), 'invalid_input', 'leadImageId');
    assert.deepEqual(await countRows(database()), before);
  });
});

describeEachDatabase('story slugs', ({ database }) => {
  const { context } = movableContext(database);
  let rubricId = 0;
  before(async () => {
    rubricId = (await seedTaxonomy(context)).rubric.id;
  });

  const story = (headline: string) => createStory(context, { rubricId, versions: [version('en', headline), version('ru', headline)] });

  test('changeSlug moves the version to the new slug and keeps the former one leading to it', async () => {
    const { id } = await story('Minsk metro extends its third line');
    assert.equal(await changeSlug(context, { storyId: id, language: 'en', slug: 'minsk-metro-third-line' }), 'minsk-metro-third-line');
    assert.equal(await slugOf(database(), id, 'en'), 'minsk-metro-third-line');
    assert.equal(await findStoryIdBySlug(database().db, 'en', 'minsk-metro-third-line'), id);
    assert.equal(await findStoryIdBySlug(database().db, 'en', 'minsk-metro-extends-its-third-line'), id);
    const history = await database().db.selectFrom('story_slugs').select('slug').where('story_id', '=', id).where('language', '=', 'en').orderBy('slug').execute();
    assert.deepEqual(history.map((row) => row.slug), ['minsk-metro-extends-its-third-line', 'minsk-metro-third-line']);
    assert.equal(await slugOf(database(), id, 'ru'), 'minsk-metro-extends-its-third-line', 'the other language keeps its slug');
  });

  test('a story may go back to a slug it had before', async () => {
    const { id } = await story('Harvest ends early');
    await changeSlug(context, { storyId: id, language: 'en', slug: 'harvest-over' });
    assert.equal(await changeSlug(context, { storyId: id, language: 'en', slug: 'harvest-ends-early' }), 'harvest-ends-early');
    assert.equal(await slugOf(database(), id, 'en'), 'harvest-ends-early');
    assert.equal(await findStoryIdBySlug(database().db, 'en', 'harvest-over'), id);
  });

  test('no other story can take a former slug, by hand or from its headline', async () => {
    const first = await story('Grodno opens a new bridge');
    await changeSlug(context, { storyId: first.id, language: 'en', slug: 'grodno-bridge-opens' });
    const second = await story('Something else');

    await rejectsWith(changeSlug(context, { storyId: second.id, language: 'en', slug: 'grodno-opens-a-new-bridge' }), 'slug_taken');
    await rejectsWith(changeSlug(context, { storyId: second.id, language: 'en', slug: 'grodno-bridge-opens' }), 'slug_taken');
    assert.equal(await slugOf(database(), second.id, 'en'), 'something-else');
    await rejectsWith(
      createStory(context, { rubricId, versions: [version('en', 'Bridge', { slug: 'grodno-opens-a-new-bridge' })] }),
      'slug_taken',
    );

    const third = await story('Grodno opens a new bridge');
    assert.equal(await slugOf(database(), third.id, 'en'), 'grodno-opens-a-new-bridge-2');
    assert.equal(await findStoryIdBySlug(database().db, 'en', 'grodno-opens-a-new-bridge'), first.id, 'the old address still leads to the first story');
  });

  test('a suffixed slug given up by its story is not handed out again', async () => {
    await story('Weather warning');
    const second = await story('Weather warning');
    assert.equal(await slugOf(database(), second.id, 'en'), 'weather-warning-2');
    await changeSlug(context, { storyId: second.id, language: 'en', slug: 'storm-warning' });
    const third = await story('Weather warning');
    assert.equal(await slugOf(database(), third.id, 'en'), 'weather-warning-3');
  });

  test('refuses malformed slugs and leaves the slug as it was', async () => {
    const { id } = await story('Valid slug only');
    for (const bad of ['Upper-Case', 'two--hyphens', '-leading', 'trailing-', 'with space', 'кириллица', 'under_score', '', 'a'.repeat(121)]) {
      await rejectsWith(changeSlug(context, { storyId: id, language: 'en', slug: bad }), 'slug_invalid');
    }
    assert.equal(await slugOf(database(), id, 'en'), 'valid-slug-only');
    await rejectsWith(createStory(context, { rubricId, versions: [version('en', 'Typed', { slug: 'Not Valid' })] }), 'slug_invalid');
  });

  test('changeSlug reports a story or language version that does not exist', async () => {
    const { id } = await createStory(context, { rubricId, versions: [version('en', 'English only')] });
    await rejectsWith(changeSlug(context, { storyId: id, language: 'be', slug: 'anything' }), 'story_not_found');
    await rejectsWith(changeSlug(context, { storyId: 999_999, language: 'en', slug: 'anything' }), 'story_not_found');
    await rejectsWith(changeSlug(context, { storyId: id, language: 'de', slug: 'anything' }), 'language_unknown');
  });
});

describeEachDatabase('addLanguageVersion', ({ database }) => {
  const { context, setNow } = movableContext(database);

  test('adds a translation in the story\'s rubric with a slug from its headline', async () => {
    const { rubric } = await seedTaxonomy(context);
    const { id } = await createStory(context, { rubricId: rubric.id, versions: [published('ru', 'Магілёў чакае снег', '2026-11-23T08:00:00Z')] });
    setNow('2026-11-23T09:00:00.000Z');
    const added = await addLanguageVersion(context, id, published('be', 'Магілёў чакае снег', '2026-11-23T09:00:00Z'));
    assert.deepEqual(added, { language: 'be', slug: 'mahilyow-chakae-sneh' });
    const row = await database().db.selectFrom('story_versions').selectAll().where('story_id', '=', id).where('language', '=', 'be').executeTakeFirstOrThrow();
    assert.equal(row.rubric_id, rubric.id);
    assert.equal(row.version, 1);
    assert.equal(row.created_at, '2026-11-23T09:00:00.000Z');
    const story = await database().db.selectFrom('stories').select(['created_at', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(story, { created_at: START, updated_at: '2026-11-23T09:00:00.000Z' });
    const translations = await listVisibleTranslations(database().db, id, new Date('2026-11-23T10:00:00Z'));
    assert.deepEqual(translations.map((t) => t.language).sort(), ['be', 'ru']);
    setNow(START);
  });

  test('refuses a second version in a language the story already has', async () => {
    const { rubric } = await seedTaxonomy(context);
    const { id } = await createStory(context, { rubricId: rubric.id, versions: [version('en', 'Original headline')] });
    const before = await countRows(database());
    await rejectsWith(addLanguageVersion(context, id, version('en', 'Second English version')), 'invalid_input', 'language');
    assert.deepEqual(await countRows(database()), before);
    const row = await database().db.selectFrom('story_versions').select('headline').where('story_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.headline, 'Original headline');
  });

  test('refuses an unknown story or language', async () => {
    await rejectsWith(addLanguageVersion(context, 999_999, version('en', 'Nowhere')), 'story_not_found');
    const { rubric } = await seedTaxonomy(context);
    const { id } = await createStory(context, { rubricId: rubric.id, versions: [version('en', 'Somewhere')] });
    await rejectsWith(addLanguageVersion(context, id, version('pl', 'Gdzieś')), 'language_unknown');
  });
});

describeEachDatabase('story input validation', ({ database }) => {
  const { context } = movableContext(database);
  let rubricId = 0;
  before(async () => {
    rubricId = (await seedTaxonomy(context)).rubric.id;
  });

  const valid = (): StoryInput => ({ rubricId, versions: [version('ru', 'Заголовок'), version('en', 'Headline')] });
  const withVersion = (index: number, change: Partial<LanguageVersionInput>): StoryInput => {
    const input = valid();
    return { ...input, versions: input.versions.map((v, i) => (i === index ? { ...v, ...change } : v)) };
  };
  const badLink = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
  };

  const cases: Array<{ name: string; input: () => StoryInput; code: ErrorCode; field?: string }> = [
    { name: 'an unknown rubric', input: () => ({ ...valid(), rubricId: 424_242 }), code: 'rubric_not_found', field: 'rubricId' },
    { name: 'an unknown language', input: () => withVersion(1, { language: 'de' }), code: 'language_unknown', field: 'versions[1].language' },
    { name: 'an empty headline', input: () => withVersion(0, { headline: '   ' }), code: 'invalid_input', field: 'versions[0].headline' },
    { name: 'a headline over 300 characters', input: () => withVersion(0, { headline: 'я'.repeat(301) }), code: 'invalid_input', field: 'versions[0].headline' },
    { name: 'an empty lede', input: () => withVersion(1, { lede: '' }), code: 'invalid_input', field: 'versions[1].lede' },
    { name: 'a body that is not a document', input: () => withVersion(0, { body: '<p>html</p>' }), code: 'invalid_document', field: 'versions[0].body' },
    { name: 'a published version without publishedAt', input: () => withVersion(1, { status: 'published' }), code: 'invalid_input', field: 'versions[1].publishedAt' },
    { name: 'a corrected version without publishedAt', input: () => withVersion(0, { status: 'corrected', publishedAt: null }), code: 'invalid_input', field: 'versions[0].publishedAt' },
    { name: 'a publishedAt without an offset', input: () => withVersion(0, { status: 'published', publishedAt: '2026-11-23T10:00:00' }), code: 'invalid_input', field: 'versions[0].publishedAt' },
    { name: 'an impossible date', input: () => withVersion(0, { status: 'published', publishedAt: '2026-13-45T10:00:00Z' }), code: 'invalid_input', field: 'versions[0].publishedAt' },
    { name: 'a publication date that does not exist (30 February)', input: () => withVersion(0, { status: 'published', publishedAt: '2026-02-30T10:00:00+03:00' }), code: 'invalid_input', field: 'versions[0].publishedAt' },
    { name: '29 February in a common year', input: () => withVersion(1, { status: 'published', publishedAt: '2027-02-29T10:00:00Z' }), code: 'invalid_input', field: 'versions[1].publishedAt' },
    { name: 'an embargo on 31 April', input: () => ({ ...valid(), embargoUntil: '2026-04-31T09:00:00Z' }), code: 'invalid_input', field: 'embargoUntil' },
    { name: 'an unknown status', input: () => withVersion(0, { status: 'live' as never }), code: 'invalid_input', field: 'versions[0].status' },
    { name: 'the same language twice', input: () => withVersion(1, { language: 'ru' }), code: 'invalid_input', field: 'versions' },
    { name: 'no versions at all', input: () => ({ rubricId, versions: [] }), code: 'invalid_input', field: 'versions' },
    { name: 'urgency 0', input: () => ({ ...valid(), urgency: 0 }), code: 'invalid_input', field: 'urgency' },
    { name: 'urgency 6', input: () => ({ ...valid(), urgency: 6 }), code: 'invalid_input', field: 'urgency' },
    { name: 'a fractional urgency', input: () => ({ ...valid(), urgency: 2.5 }), code: 'invalid_input', field: 'urgency' },
    { name: 'the same author twice', input: () => ({ ...valid(), authorIds: [1, 1] }), code: 'invalid_input', field: 'authorIds' },
    { name: 'a bad embargo time', input: () => ({ ...valid(), embargoUntil: 'tomorrow' }), code: 'invalid_input', field: 'embargoUntil' },
  ];

  for (const { name, input, code, field } of cases) {
    test(`refuses ${name} (${code})`, async () => {
      await rejectsWith(createStory(context, input()), code, field);
    });
  }

  test('a bad document is reported with the path of the offending node', async () => {
    const error = await rejectsWith(createStory(context, withVersion(1, { body: badLink })), 'invalid_document', 'versions[1].body');
    assert.equal(error.details?.path, 'content[0].content[0].marks[0].attrs.href');
    assert.match(error.message, /^versions\[1\]\.body: content\[0\]\.content\[0\]\.marks\[0\]\.attrs\.href: links to "javascript:"/);
  });

  test('nothing refused was stored', async () => {
    assert.deepEqual(await countRows(database()), { stories: 0, story_versions: 0, story_slugs: 0, story_authors: 0, story_tags: 0 });
  });

  test('accepts 29 February in a leap year and the last day of a month', async () => {
    const created = await createStory(context, {
      rubricId,
      embargoUntil: '2028-02-29T23:00:00-02:00',
      versions: [published('en', 'Leap day', '2028-02-29T10:00:00+03:00'), published('ru', 'Конец апреля', '2026-04-30T23:59:59Z')],
    });
    const rows = await database().db.selectFrom('story_versions').select('published_at').where('story_id', '=', created.id).orderBy('language').execute();
    assert.deepEqual(rows.map((row) => row.published_at), ['2028-02-29T07:00:00.000Z', '2026-04-30T23:59:59.000Z']);
    const story = await database().db.selectFrom('stories').select('embargo_until').where('id', '=', created.id).executeTakeFirstOrThrow();
    assert.equal(story.embargo_until, '2028-03-01T01:00:00.000Z');
  });

  test('the valid input used by these cases is itself accepted', async () => {
    const created = await createStory(context, valid());
    assert.equal(created.versions.length, 2);
  });
});

describeEachDatabase('story queries', ({ database }) => {
  const NOW = '2026-11-23T12:00:00.000Z';
  const { context } = movableContext(database);
  const hoursFromNow = (hours: number) => new Date(Date.parse(NOW) + hours * 3600_000).toISOString();
  const at = (hours: number) => new Date(hoursFromNow(hours));
  const ids: Record<string, number> = {};
  let economics = 0;
  let politics = 0;

  before(async () => {
    economics = (await createRubric(context, { key: 'economics', names: { ru: 'Экономика', en: 'Economics' } })).id;
    politics = (await createRubric(context, { key: 'politics', names: { ru: 'Политика', en: 'Politics' } })).id;
    const add = async (key: string, input: StoryInput) => void (ids[key] = (await createStory(context, input)).id);
    await add('alpha', {
      rubricId: economics,
      versions: [
        published('ru', 'Альфа', hoursFromNow(-3)),
        published('en', 'Alpha', hoursFromNow(-3)),
        version('be', 'Альфа', { status: 'submitted' }),
      ],
    });
    await add('beta', { rubricId: politics, versions: [published('ru', 'Бета', hoursFromNow(-2))] });
    await add('gamma', { rubricId: economics, versions: [published('ru', 'Гамма', hoursFromNow(-1))] });
    await add('corrected', { rubricId: economics, versions: [version('ru', 'Исправленная', { status: 'corrected', publishedAt: hoursFromNow(-4) })] });
    await add('draft', { rubricId: economics, versions: [version('ru', 'Черновик'), version('en', 'Draft')] });
    await add('scheduled', { rubricId: economics, versions: [version('ru', 'Запланированная', { status: 'scheduled', publishedAt: hoursFromNow(-0.5) })] });
    await add('future', { rubricId: economics, versions: [published('ru', 'Будущая', hoursFromNow(1))] });
    await add('embargoed', { rubricId: politics, embargoUntil: hoursFromNow(2), versions: [published('ru', 'Под эмбарго', hoursFromNow(-0.5))] });
    await add('killed', { rubricId: politics, versions: [version('ru', 'Отозванная', { status: 'killed', publishedAt: hoursFromNow(-5) })] });
  });

  const latest = async (params: { language?: string; rubricId?: number; excludeStoryId?: number; limit?: number; now?: Date }) => {
    const { stories } = await listFeedPage(database().db, {
      language: params.language ?? 'ru',
      scope: params.rubricId === undefined ? { kind: 'all' } : { kind: 'rubric', rubricId: params.rubricId },
      limit: params.limit ?? 50,
      now: params.now ?? at(0),
    });
    return stories.filter((story) => story.storyId !== params.excludeStoryId);
  };
  const headlines = async (params: Parameters<typeof latest>[0]) => (await latest(params)).map((item) => item.headline);

  test('a list of headlines (withLede: false) has the same stories, in the same order, with no lede', async () => {
    for (const scope of [{ kind: 'all' }, { kind: 'rubric', rubricId: economics }] as const) {
      const full = await listFeedPage(database().db, { language: 'ru', scope, limit: 50, now: at(0) });
      const headlinesOnly = await listFeedPage(database().db, { language: 'ru', scope, limit: 50, now: at(0), withLede: false });
      assert.ok(full.stories.length > 0 && full.stories.every((story) => story.lede !== ''));
      assert.deepEqual(headlinesOnly.stories, full.stories.map((story) => ({ ...story, lede: '' })), scope.kind);
    }
  });

  test('findVersionForPage shows a published version with its rubric in the page language', async () => {
    const found = await findVersionForPage(database().db, 'ru', ids.alpha!, at(0));
    assert.equal(found.kind, 'visible');
    assert.ok(found.kind === 'visible');
    assert.equal(found.version.headline, 'Альфа');
    assert.equal(found.version.slug, 'alfa');
    assert.equal(found.version.publishedAt, hoursFromNow(-3));
    assert.deepEqual([found.version.rubricKey, found.version.rubricSlug, found.version.rubricName], ['economics', 'ekonomika', 'Экономика']);
    assert.deepEqual(parseDocument(JSON.parse(found.version.body)), documentFromText(['Body of Альфа.']));
    const english = await findVersionForPage(database().db, 'en', ids.alpha!, at(0));
    assert.ok(english.kind === 'visible');
    assert.deepEqual([english.version.rubricSlug, english.version.rubricName], ['economics', 'Economics']);
    const corrected = await findVersionForPage(database().db, 'ru', ids.corrected!, at(0));
    assert.equal(corrected.kind, 'visible');
  });

  test('findVersionForPage hides drafts, unpublished states and versions that do not exist', async () => {
    for (const [key, language] of [['draft', 'ru'], ['draft', 'en'], ['alpha', 'be'], ['scheduled', 'ru'], ['beta', 'en']] as const) {
      assert.deepEqual(await findVersionForPage(database().db, language, ids[key]!, at(0)), { kind: 'missing' }, `${key} in ${language}`);
    }
    assert.deepEqual(await findVersionForPage(database().db, 'ru', 999_999, at(0)), { kind: 'missing' });
    assert.deepEqual(await findVersionForPage(database().db, 'ru', ids.draft!, at(1000)), { kind: 'missing' }, 'a draft never shows');
  });

  test('findVersionForPage reports a killed version as killed', async () => {
    const found = await findVersionForPage(database().db, 'ru', ids.killed!, at(0));
    assert.equal(found.kind, 'killed');
    assert.ok(found.kind === 'killed');
    assert.equal(found.version.headline, 'Отозванная');
  });

  test('a version published in the future appears once its time comes', async () => {
    assert.equal((await findVersionForPage(database().db, 'ru', ids.future!, at(0.99))).kind, 'missing');
    assert.equal((await findVersionForPage(database().db, 'ru', ids.future!, at(1))).kind, 'visible');
  });

  test('an embargoed story appears once the embargo has passed', async () => {
    assert.equal((await findVersionForPage(database().db, 'ru', ids.embargoed!, at(0))).kind, 'missing');
    assert.equal((await findVersionForPage(database().db, 'ru', ids.embargoed!, at(1.99))).kind, 'missing');
    const after = await findVersionForPage(database().db, 'ru', ids.embargoed!, at(2));
    assert.ok(after.kind === 'visible');
    assert.equal(after.version.embargoUntil, hoursFromNow(2));
  });

  test('listVisibleTranslations lists only the versions readers can see now', async () => {
    const translations = await listVisibleTranslations(database().db, ids.alpha!, at(0));
    assert.deepEqual(
      [...translations].sort((a, b) => a.language.localeCompare(b.language)),
      [
        { language: 'en', slug: 'alpha', rubricSlug: 'economics' },
        { language: 'ru', slug: 'alfa', rubricSlug: 'ekonomika' },
      ],
    );
    assert.deepEqual(await listVisibleTranslations(database().db, ids.draft!, at(0)), []);
    assert.deepEqual(await listVisibleTranslations(database().db, ids.embargoed!, at(0)), []);
    assert.deepEqual((await listVisibleTranslations(database().db, ids.embargoed!, at(3))).map((t) => t.language), ['ru']);
    assert.deepEqual(await listVisibleTranslations(database().db, ids.killed!, at(0)), []);
  });

  test('listFeedPage lists visible stories newest first, never drafts, future or embargoed ones', async () => {
    assert.deepEqual(await headlines({}), ['Гамма', 'Бета', 'Альфа', 'Исправленная']);
    assert.deepEqual(await headlines({ language: 'en' }), ['Alpha']);
    assert.deepEqual(await headlines({ limit: 2 }), ['Гамма', 'Бета']);
    const [first] = await latest({ limit: 1 });
    assert.deepEqual(
      { storyId: first?.storyId, headline: first?.headline, slug: first?.slug, publishedAt: first?.publishedAt, rubricId: first?.rubricId },
      { storyId: ids.gamma, headline: 'Гамма', slug: 'gamma', publishedAt: hoursFromNow(-1), rubricId: economics },
    );
  });

  test('listFeedPage takes in future and embargoed stories as the clock passes them', async () => {
    assert.deepEqual(await headlines({ now: at(1) }), ['Будущая', 'Гамма', 'Бета', 'Альфа', 'Исправленная']);
    assert.deepEqual(await headlines({ now: at(2) }), ['Будущая', 'Под эмбарго', 'Гамма', 'Бета', 'Альфа', 'Исправленная']);
    assert.deepEqual(await headlines({ now: at(-2.5) }), ['Альфа', 'Исправленная']);
  });

  test('listFeedPage filters by rubric and leaves out the story being read', async () => {
    assert.deepEqual(await headlines({ rubricId: economics }), ['Гамма', 'Альфа', 'Исправленная']);
    assert.deepEqual(await headlines({ rubricId: politics }), ['Бета']);
    assert.deepEqual(await headlines({ rubricId: politics, now: at(5) }), ['Под эмбарго', 'Бета']);
    assert.deepEqual(await headlines({ excludeStoryId: ids.gamma! }), ['Бета', 'Альфа', 'Исправленная']);
    assert.deepEqual(await headlines({ rubricId: economics, excludeStoryId: ids.alpha! }), ['Гамма', 'Исправленная']);
  });

  test('listFeedPage breaks a tie in publication time by the newer version first', async () => {
    const tie = hoursFromNow(-10);
    await createStory(context, { rubricId: politics, versions: [published('en', 'Tie one', tie)] });
    await createStory(context, { rubricId: politics, versions: [published('en', 'Tie two', tie)] });
    assert.deepEqual(await headlines({ language: 'en' }), ['Alpha', 'Tie two', 'Tie one']);
  });
});
