// Integration tests of the demo content on SQLite and PostgreSQL: the demo agency loads whole
// (or not at all, and only into an empty database), and the synthetic archive for benchmarks is
// complete, deterministic and free of slug collisions.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestTarget, describeEachDatabase } from '../testing/databases.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Schema } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import type { ContentContext } from '../content/content-context.ts';
import { documentFromText, parseDocument } from '../content/document/index.ts';
import { isValidSlug } from '../content/slug/index.ts';
import { readSettings } from '../content/settings/settings.ts';
import { createStory } from '../content/stories/create-story.ts';
import { findVersionForPage } from '../content/stories/story-queries.ts';
import { loadDemoAgency, readDemoAgency, type DemoAgency } from './load-demo-agency.ts';
import { generateSyntheticStories } from './synthetic/generate.ts';

/** 07:00 in Minsk: the demo's stories set later "today" must be moved into the past. */
const NOW = new Date('2026-11-23T04:00:00.000Z');
const DAY = 24 * 3600_000;
const TABLES: ReadonlyArray<keyof Schema> = [
  'settings', 'users', 'authors', 'author_names', 'rubrics', 'rubric_names', 'tags', 'tag_names',
  'images', 'image_texts', 'stories', 'story_versions', 'story_slugs', 'story_authors', 'story_tags',
];

function contentContext(database: () => Database): ContentContext {
  return {
    get database() {
      return database();
    },
    languages: ['ru', 'en', 'be'],
    clock: () => NOW,
  };
}

async function countRows(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** A temporary media folder, removed after the suite. */
function temporaryMediaDir(): () => string {
  let dir: string | undefined;
  before(() => void (dir = mkdtempSync(path.join(tmpdir(), 'dispatch-media-'))));
  after(() => dir && rmSync(dir, { recursive: true, force: true }));
  return () => dir!;
}

async function versionsPerLanguage(database: Database): Promise<Record<string, number>> {
  const rows = await database.db
    .selectFrom('story_versions')
    .select(['language', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('language')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.language, Number(row.n)]));
}

/** The demo agency with one of its newest stories (written after most others) naming a tag that does not exist. */
function demoWithUnknownTag(): DemoAgency {
  const demo = structuredClone(readDemoAgency());
  const stories = demo.rubricFiles.flatMap((file) => file.stories);
  const newest = stories.reduce((a, b) => (b.daysAgo < a.daysAgo || (b.daysAgo === a.daysAgo && b.time > a.time) ? b : a));
  newest.tags = [...newest.tags, 'no-such-tag'];
  return demo;
}

describeEachDatabase('loadDemoAgency', ({ database }) => {
  const context = contentContext(database);
  const mediaDir = temporaryMediaDir();
  const demo = readDemoAgency();
  const storiesInFiles = demo.rubricFiles.reduce((sum, file) => sum + file.stories.length, 0);
  let loaded: Awaited<ReturnType<typeof loadDemoAgency>>;

  before(async () => {
    loaded = await loadDemoAgency(context, mediaDir());
  });

  test('loads every demo story, in Russian and English, a good share in Belarusian', async () => {
    assert.ok(storiesInFiles >= 60, `the demo has ${storiesInFiles} stories, fewer than 60`);
    assert.equal(loaded.stories, storiesInFiles);
    const counts = await countRows(database());
    assert.equal(counts.stories, storiesInFiles);
    assert.ok(counts.rubrics! >= 6, `${counts.rubrics} rubrics`);
    const perLanguage = await versionsPerLanguage(database());
    assert.deepEqual(perLanguage, loaded.versions);
    assert.equal(perLanguage.ru, storiesInFiles);
    assert.equal(perLanguage.en, storiesInFiles);
    assert.ok(perLanguage.be! * 3 >= storiesInFiles, `only ${perLanguage.be} of ${storiesInFiles} stories are in Belarusian`);
    const withoutRuOrEn = await database().db
      .selectFrom('stories as s')
      .select('s.id')
      .where((eb) => eb.or(['ru', 'en'].map((language) =>
        eb.not(eb.exists(eb.selectFrom('story_versions as v').select('v.id').whereRef('v.story_id', '=', 's.id').where('v.language', '=', language))),
      )))
      .execute();
    assert.deepEqual(withoutRuOrEn, []);
  });

  test('stores the agency\'s settings, rubrics with names in every language, authors and tags', async () => {
    const settings = await readSettings(database().db);
    assert.equal(settings.timeZone, demo.agency.timeZone);
    assert.deepEqual(settings.siteName, demo.agency.siteName);
    const rubricNames = await database().db.selectFrom('rubric_names').select('language').execute();
    assert.equal(rubricNames.length, demo.agency.rubrics.length * 3);
    const counts = await countRows(database());
    assert.equal(counts.authors, demo.agency.authors.length);
    assert.equal(counts.tags, demo.agency.tags.length);
  });

  test('every story has a lead image whose SVG file is in the media folder', async () => {
    const rows = await database().db
      .selectFrom('stories as s')
      .leftJoin('images as i', 'i.id', 's.lead_image_id')
      .select(['s.id', 'i.storage_key', 'i.mime_type', 'i.byte_size', 'i.width', 'i.height'])
      .execute();
    assert.equal(rows.length, storiesInFiles);
    for (const row of rows) {
      assert.ok(row.storage_key, `story ${row.id} has no lead image`);
      assert.match(row.storage_key, /^demo\/[a-z0-9-]+\.svg$/);
      assert.equal(row.mime_type, 'image/svg+xml');
      const file = path.join(mediaDir(), row.storage_key);
      assert.ok(existsSync(file), `${file} is missing`);
      const svg = readFileSync(file);
      assert.equal(svg.length, row.byte_size);
      assert.match(svg.toString('utf8'), new RegExp(`^<svg [^>]*width="${row.width}" height="${row.height}"`));
    }
    const texts = await database().db.selectFrom('image_texts').select(['language', 'alt']).execute();
    assert.ok(texts.every((text) => text.alt.trim() !== ''));
    assert.ok(texts.filter((text) => text.language === 'ru').length === storiesInFiles, 'every image has Russian alt text');
  });

  test('every story has at least one author and one tag', async () => {
    const db = database().db;
    const bylined = await db.selectFrom('story_authors').select('story_id').distinct().execute();
    const tagged = await db.selectFrom('story_tags').select('story_id').distinct().execute();
    assert.equal(bylined.length, storiesInFiles);
    assert.equal(tagged.length, storiesInFiles);
  });

  test('every story is published, in the past and within the last four weeks', async () => {
    const rows = await database().db.selectFrom('story_versions').select(['story_id', 'language', 'status', 'published_at', 'first_published_at']).execute();
    for (const row of rows) {
      assert.equal(row.status, 'published');
      assert.ok(row.published_at !== null);
      const at = Date.parse(row.published_at);
      assert.ok(at <= NOW.getTime(), `story ${row.story_id} (${row.language}) is published in the future: ${row.published_at}`);
      assert.ok(at >= NOW.getTime() - 28 * DAY, `story ${row.story_id} is older than 28 days: ${row.published_at}`);
      assert.equal(row.first_published_at, row.published_at);
    }
    const visible = await Promise.all(rows.map((row) => findVersionForPage(database().db, row.language, row.story_id, NOW)));
    assert.ok(visible.every((lookup) => lookup.kind === 'visible'), 'readers see every demo version now');
  });

  test('stories keep the order and spacing they were written with, the newest five minutes old', async () => {
    const demo = readDemoAgency();
    const planned = demo.rubricFiles.flatMap((file) => file.stories).map((story) => {
      const [hour, minute] = story.time.split(':').map(Number) as [number, number];
      // Minutes from 00:00 of "day 0": a plan needs no time zone to compare.
      return { key: story.key, minutes: -story.daysAgo * 1440 + hour * 60 + minute, headline: story.versions.en!.headline };
    });
    const rows = await database().db.selectFrom('story_versions').select(['headline', 'published_at']).where('language', '=', 'en').execute();
    const publishedAt = new Map(rows.map((row) => [row.headline, Date.parse(row.published_at!)]));
    const newest = Math.max(...publishedAt.values());
    assert.equal(newest, NOW.getTime() - 5 * 60_000);
    const latestPlan = Math.max(...planned.map((p) => p.minutes));
    for (const plan of planned) {
      const at = publishedAt.get(plan.headline);
      assert.ok(at !== undefined, `${plan.key} is loaded`);
      assert.equal((newest - at) / 60_000, latestPlan - plan.minutes, `${plan.key} keeps its distance to the newest story`);
    }
  });

  test('every rubric with stories has exactly one main story', async () => {
    const rows = await database().db
      .selectFrom('stories as s')
      .innerJoin('rubrics as r', 'r.id', 's.rubric_id')
      .select(['r.key', (eb) => eb.fn.sum<number>('s.is_main').as('main'), (eb) => eb.fn.countAll<number>().as('stories')])
      .groupBy('r.key')
      .execute();
    assert.ok(rows.length >= 6, `only ${rows.length} rubrics have stories`);
    for (const row of rows) assert.equal(Number(row.main), 1, `rubric ${row.key} has ${row.main} main stories`);
  });

  test('a second load is refused with demo_already_loaded and changes nothing', async () => {
    const before = await countRows(database());
    const files = readdirSync(path.join(mediaDir(), 'demo')).sort();
    await assert.rejects(loadDemoAgency(context, mediaDir()), (error: unknown) => error instanceof AppError && error.code === 'demo_already_loaded');
    assert.deepEqual(await countRows(database()), before);
    assert.deepEqual(readdirSync(path.join(mediaDir(), 'demo')).sort(), files);
  });
});

describeEachDatabase('loadDemoAgency that fails', ({ database }) => {
  const context = contentContext(database);
  const mediaDir = temporaryMediaDir();

  test('a story naming an unknown tag leaves the database empty', async () => {
    await assert.rejects(loadDemoAgency(context, mediaDir(), demoWithUnknownTag()), /unknown tag no-such-tag/);
    const counts = await countRows(database());
    assert.deepEqual(counts, Object.fromEntries(TABLES.map((table) => [table, 0])));
  });

  test('after the failure the real demo still loads, as into an empty database', async () => {
    const result = await loadDemoAgency(context, mediaDir());
    assert.ok(result.stories > 0);
    assert.equal((await countRows(database())).stories, result.stories);
  });
});

describeEachDatabase('generateSyntheticStories', ({ database, dialect }) => {
  const context = contentContext(database);
  const options = { stories: 300, seed: 42, progress: false };

  const versions = (db: Database) =>
    db.db.selectFrom('story_versions').select(['story_id', 'language', 'headline', 'slug', 'body', 'status', 'published_at']).orderBy('story_id').orderBy('language').execute();

  async function assertSlugsUnique(db: Database): Promise<void> {
    const rows = await versions(db);
    for (const language of ['ru', 'en', 'be']) {
      const slugs = rows.filter((row) => row.language === language).map((row) => row.slug);
      assert.equal(new Set(slugs).size, slugs.length, `${language} slugs collide`);
      assert.ok(slugs.every(isValidSlug), `a ${language} slug is malformed`);
    }
    const recorded = await db.db.selectFrom('story_slugs').select(['language', 'slug', 'story_id']).execute();
    assert.equal(recorded.length, rows.length, 'every slug is recorded in story_slugs');
    const owners = new Map(recorded.map((row) => [`${row.language}/${row.slug}`, row.story_id]));
    for (const row of rows) assert.equal(owners.get(`${row.language}/${row.slug}`), row.story_id);
  }

  test('writes 300 stories in Russian and English, every third in Belarusian', async () => {
    const result = await generateSyntheticStories(context, options);
    assert.equal(result.stories, 300);
    assert.deepEqual(await versionsPerLanguage(database()), { ru: 300, en: 300, be: 100 });
    assert.equal(result.versions, 700);
    const counts = await countRows(database());
    assert.equal(counts.stories, 300);
    assert.ok(counts.rubrics! >= 6, 'the demo taxonomy was loaded for the stories');
    const unbylined = await database().db
      .selectFrom('stories as s')
      .select('s.id')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('story_authors as a').select('a.story_id').whereRef('a.story_id', '=', 's.id'))))
      .execute();
    assert.deepEqual(unbylined, []);
  });

  test('every synthetic version is published in the past with a valid story document', async () => {
    for (const row of await versions(database())) {
      assert.doesNotThrow(() => parseDocument(JSON.parse(row.body)), `story ${row.story_id} (${row.language})`);
      assert.equal(row.status, 'published');
      assert.ok(row.published_at !== null && Date.parse(row.published_at) <= NOW.getTime());
    }
  });

  test('slugs are unique per language', async () => {
    await assertSlugsUnique(database());
  });

  test('the same seed gives the same stories on another database, another seed different ones', async () => {
    const headlines = async (db: Database) => (await versions(db)).map((row) => `${row.story_id} ${row.language} ${row.headline}`);
    const ours = await headlines(database());
    for (const [seed, same] of [[42, true], [7, false]] as const) {
      const other = await createTestTarget(dialect);
      const otherDatabase = await openDatabase(other.target);
      try {
        await migrateToLatest(otherDatabase);
        await generateSyntheticStories({ ...context, database: otherDatabase }, { ...options, seed });
        const theirs = await headlines(otherDatabase);
        if (same) assert.deepEqual(theirs, ours);
        else assert.notDeepEqual(theirs, ours);
      } finally {
        await otherDatabase.close();
        await other.dispose();
      }
    }
  });

  test('a second run on top adds 300 more stories without slug collisions', async () => {
    await generateSyntheticStories(context, options);
    assert.deepEqual(await versionsPerLanguage(database()), { ru: 600, en: 600, be: 200 });
    await assertSlugsUnique(database());
  });

  test('the newsroom can still create stories after a synthetic run', async () => {
    const rubric = await database().db.selectFrom('rubrics').select('id').orderBy('id').executeTakeFirstOrThrow();
    const { id } = await createStory(context, {
      rubricId: rubric.id,
      versions: [{ language: 'ru', headline: 'Правительство обсудило сотрудничество', lede: 'Лид.', body: documentFromText(['Текст.']) }],
    });
    const maxId = await database().db.selectFrom('stories').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    assert.equal(id, Number(maxId.id));
    assert.ok(id > 600);
  });
});
