// Loads the demo agency into an empty database: its settings, rubrics, tags, authors and the
// stories written for this project (src/demo/agency/stories/*.json), each with a drawn lead
// illustration, published over the last four weeks relative to today. It all happens in one
// transaction: the database ends up with the whole demo or none of it.

import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../lib/errors.ts';
import { inTransaction } from '../db/transaction.ts';
import { type ContentContext, createAuthor, createRubric, createStory, createTag, documentFromText, registerImage, writePage, writeSetting } from '../content/index.ts';
import { instantOfWallTime, wallTimeAt } from '../lib/time-zone.ts';
import { drawDemoImage, DEMO_IMAGE_HEIGHT, DEMO_IMAGE_WIDTH } from './demo-image.ts';

const AGENCY_DIR = fileURLToPath(new URL('./agency/', import.meta.url));

type Texts = Record<string, string>;

interface AgencyFile {
  siteName: Texts;
  timeZone: string;
  socialLinks: Record<string, string>;
  pages: Array<{ key: string; versions: Record<string, { title: string; slug: string; body: string[] }> }>;
  rubrics: Array<{ key: string; color: string; name: Texts }>;
  authors: Array<{ key: string; name: Texts }>;
  tags: Array<{ key: string; name: Texts }>;
}

interface DemoStory {
  key: string;
  daysAgo: number;
  time: string;
  urgency: number;
  main: boolean;
  authors: string[];
  tags: string[];
  image: { alt: Texts; caption: Texts };
  versions: Record<string, { headline: string; lede: string; body: string[] }>;
}

interface RubricFile {
  rubric: string;
  stories: DemoStory[];
}

export interface DemoAgency {
  agency: AgencyFile;
  rubricFiles: RubricFile[];
}

export function readDemoAgency(dir = AGENCY_DIR): DemoAgency {
  const agency = JSON.parse(readFileSync(path.join(dir, 'agency.json'), 'utf8')) as AgencyFile;
  const storiesDir = path.join(dir, 'stories');
  const rubricFiles = readdirSync(storiesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(storiesDir, name), 'utf8')) as RubricFile);
  return { agency, rubricFiles };
}

/** Keeps only the languages the site is configured for. */
function pickLanguages(texts: Texts, languages: readonly string[]): Texts {
  return Object.fromEntries(Object.entries(texts).filter(([language]) => languages.includes(language)));
}

function plannedTime(story: DemoStory, timeZone: string, now: Date): Date {
  const [hour, minute] = story.time.split(':').map(Number) as [number, number];
  const today = wallTimeAt(now, timeZone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day - story.daysAgo));
  return instantOfWallTime({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute }, timeZone);
}

/**
 * When the demo is loaded early in the day, stories planned for later today would be in the
 * future: then every story moves back by the same whole minutes, so the newest is five or six minutes old and
 * the order and spacing of all of them stay as written.
 */
function publicationTimes(stories: readonly DemoStory[], timeZone: string, now: Date): Date[] {
  const planned = stories.map((story) => plannedTime(story, timeZone, now));
  const latest = Math.max(...planned.map((at) => at.getTime()));
  const excess = latest - (now.getTime() - 5 * 60_000);
  // Whole minutes, so times stay as a newsroom writes them (14:23, not 14:23:17.519).
  const shift = excess > 0 ? Math.ceil(excess / 60_000) * 60_000 : 0;
  return planned.map((at) => new Date(at.getTime() - shift));
}

export interface DemoTaxonomy {
  rubricIds: Map<string, { id: number; color: string }>;
  tagIds: Map<string, number>;
  authorIds: Map<string, number>;
}

/** The agency's settings, rubrics, tags and authors, without stories. */
export async function loadDemoTaxonomy(context: ContentContext, agency: AgencyFile = readDemoAgency().agency): Promise<DemoTaxonomy> {
  const languages = context.languages;
  const db = context.database.db;
  await writeSetting(db, 'siteName', pickLanguages(agency.siteName, languages));
  await writeSetting(db, 'timeZone', agency.timeZone);
  await writeSetting(db, 'socialLinks', agency.socialLinks);
  for (const page of agency.pages) {
    for (const [language, version] of Object.entries(page.versions)) {
      if (languages.includes(language)) await writePage(context, { key: page.key, language, title: version.title, slug: version.slug, body: documentFromText(version.body) });
    }
  }
  const rubricIds = new Map<string, { id: number; color: string }>();
  for (const [position, rubric] of agency.rubrics.entries()) {
    const created = await createRubric(context, { key: rubric.key, position, names: pickLanguages(rubric.name, languages) });
    rubricIds.set(rubric.key, { id: created.id, color: rubric.color });
  }
  const tagIds = new Map<string, number>();
  for (const tag of agency.tags) tagIds.set(tag.key, (await createTag(context, { key: tag.key, names: pickLanguages(tag.name, languages) })).id);
  const authorIds = new Map<string, number>();
  for (const author of agency.authors) authorIds.set(author.key, (await createAuthor(context, { key: author.key, names: pickLanguages(author.name, languages) })).id);
  return { rubricIds, tagIds, authorIds };
}

export interface DemoLoadResult {
  stories: number;
  versions: Record<string, number>;
}

export async function loadDemoAgency(context: ContentContext, mediaDir: string, demo: DemoAgency = readDemoAgency()): Promise<DemoLoadResult> {
  const { agency, rubricFiles } = demo;
  const languages = context.languages;
  const now = context.clock();
  const result: DemoLoadResult = { stories: 0, versions: {} };

  return inTransaction(context.database.db, async (trx) => {
    const existing = await trx.selectFrom('stories').select('id').limit(1).executeTakeFirst();
    const rubricsExist = await trx.selectFrom('rubrics').select('id').limit(1).executeTakeFirst();
    if (existing || rubricsExist) {
      throw new AppError('demo_already_loaded', 'The database already holds stories or rubrics; the demo agency is loaded only into an empty database');
    }
    const ctx: ContentContext = { ...context, database: { ...context.database, db: trx } };
    const { rubricIds, tagIds, authorIds } = await loadDemoTaxonomy(ctx, agency);

    const entries = rubricFiles.flatMap((file) => file.stories.map((story) => ({ story, rubric: file.rubric })));
    const times = publicationTimes(entries.map((entry) => entry.story), agency.timeZone, now);
    const stories = entries
      .map((entry, index) => ({ ...entry, publishedAt: times[index]! }))
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());

    const imageDir = path.join(mediaDir, 'demo');
    mkdirSync(imageDir, { recursive: true });
    for (const { story, rubric, publishedAt } of stories) {
      const rubricInfo = rubricIds.get(rubric);
      if (!rubricInfo) throw new Error(`The demo story ${story.key} names an unknown rubric ${rubric}`);
      const svg = drawDemoImage(story.key, rubricInfo.color);
      const storageKey = `demo/${story.key}.svg`;
      writeFileSync(path.join(mediaDir, storageKey), svg);
      const texts = Object.fromEntries(
        Object.keys(story.versions)
          .filter((language) => languages.includes(language) && story.image.alt[language])
          .map((language) => [language, { alt: story.image.alt[language]!, caption: story.image.caption[language] ?? null }]),
      );
      const image = await registerImage(ctx, {
        storageKey,
        mimeType: 'image/svg+xml',
        width: DEMO_IMAGE_WIDTH,
        height: DEMO_IMAGE_HEIGHT,
        byteSize: Buffer.byteLength(svg),
        credit: 'Dispatch',
        texts,
      });
      const versions = Object.entries(story.versions)
        .filter(([language]) => languages.includes(language))
        .map(([language, version]) => ({
          language,
          headline: version.headline,
          lede: version.lede,
          body: documentFromText(version.body),
          status: 'published' as const,
          publishedAt: publishedAt.toISOString(),
        }));
      if (versions.length === 0) continue;
      const lookup = (ids: Map<string, number>, keys: string[], kind: string) =>
        keys.map((key) => {
          const id = ids.get(key);
          if (id === undefined) throw new Error(`The demo story ${story.key} names an unknown ${kind} ${key}`);
          return id;
        });
      await createStory(ctx, {
        rubricId: rubricInfo.id,
        urgency: story.urgency,
        isMain: story.main,
        leadImageId: image.id,
        authorIds: lookup(authorIds, story.authors, 'author'),
        tagIds: lookup(tagIds, story.tags, 'tag'),
        versions,
      });
      result.stories++;
      for (const version of versions) result.versions[version.language] = (result.versions[version.language] ?? 0) + 1;
    }
    return result;
  });
}
