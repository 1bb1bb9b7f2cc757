// `dispatch demo --stories N`: synthetic stories for benchmarks. Every story has Russian and
// English versions and every third a Belarusian one (as in the demo agency), a rubric, an author,
// tags and, where the media library has images, a lead image; publication times spread back from
// now at about 250 stories a day. Written in batches, each batch one transaction, so an
// interrupted run leaves whole stories only.

import { type ContentContext, slugify } from '../../content/index.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createProgress } from '../../lib/progress.ts';
import { loadDemoTaxonomy } from '../load-demo-agency.ts';
import { chooseStory, seededRandom, writeStory, type SyntheticText } from './synthetic-text.ts';
import { emptyBatch, type SyntheticBatch, type SyntheticWriter } from './synthetic-batch.ts';

const BATCH_SIZE = 5000;
const STORIES_PER_DAY = 250;

export interface SyntheticOptions {
  stories: number;
  seed: number;
  progress: boolean;
}

export interface SyntheticResult {
  stories: number;
  versions: number;
  milliseconds: number;
}

async function writerFor(context: ContentContext): Promise<SyntheticWriter> {
  const database = context.database;
  if (database.dialect === 'sqlite') {
    const { sqliteSyntheticWriter } = await import('./synthetic-writer.sqlite.ts');
    return sqliteSyntheticWriter((database as import('../../db/database.sqlite.ts').SqliteDatabase).sqlite);
  }
  const { postgresSyntheticWriter } = await import('./synthetic-writer.postgres.ts');
  return postgresSyntheticWriter((database as import('../../db/database.postgres.ts').PostgresDatabase).pool);
}

async function ensureTaxonomy(context: ContentContext) {
  const db = context.database.db;
  if (!(await db.selectFrom('rubrics').select('id').limit(1).executeTakeFirst())) {
    await inTransaction(db, (trx) => loadDemoTaxonomy({ ...context, database: { ...context.database, db: trx } }));
  }
  const ids = async (table: 'rubrics' | 'tags' | 'authors' | 'images') => (await db.selectFrom(table).select('id').orderBy('id').execute()).map((row) => row.id);
  return { rubrics: await ids('rubrics'), tags: await ids('tags'), authors: await ids('authors'), images: await ids('images') };
}

/** The story document of a synthetic version, as the JSON the model stores. */
export function syntheticBody(text: SyntheticText): string {
  const paragraph = (value: string) => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
  return JSON.stringify({
    type: 'doc',
    content: [
      paragraph(text.paragraphs[0]!),
      { type: 'blockquote', attrs: { attribution: text.quote.by }, content: [paragraph(text.quote.text)] },
      paragraph(text.paragraphs[1]!),
    ],
  });
}

export async function generateSyntheticStories(context: ContentContext, options: SyntheticOptions): Promise<SyntheticResult> {
  const started = Date.now();
  const taxonomy = await ensureTaxonomy(context);
  const writer = await writerFor(context);
  // Slugs are kept apart within a batch here and from the rest of the archive by asking the
  // database once per batch: a set of every slug written would grow with the archive (a
  // quarter of a gigabyte at 1,000,000 stories).
  const batchSlugs = new Map<string, Set<string>>();
  const ids = await writer.nextIds();
  const random = seededRandom(options.seed);
  const languages = context.languages;
  const now = context.clock().getTime();
  const spacing = (24 * 3600 * 1000) / STORIES_PER_DAY;
  const progress = createProgress('stories', options.stories, options.progress);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  /** The first of base, base-2, base-3… that no other version of the batch has, from `n` on. */
  const freeInBatch = (language: string, base: string, from = 1) => {
    let set = batchSlugs.get(language);
    if (!set) batchSlugs.set(language, (set = new Set()));
    let n = from;
    while (set.has(n === 1 ? base : `${base}-${n}`)) n++;
    set.add(n === 1 ? base : `${base}-${n}`);
    return n;
  };
  /** Per version of the batch: its slug's base and suffix, in the order of batch.story_slugs. */
  let slugParts: Array<{ base: string; n: number }> = [];
  const uniqueSlug = (language: string, headline: string) => {
    const base = slugify(headline, language) || 'story';
    const n = freeInBatch(language, base);
    slugParts.push({ base, n });
    return n === 1 ? base : `${base}-${n}`;
  };
  /** Moves every slug of the batch the archive already has to the next free suffix, until none is taken. */
  const settleSlugs = async (batch: SyntheticBatch) => {
    for (let clashes = await writer.takenSlugs(batch.story_slugs.map((row) => [String(row[0]), String(row[1])])); clashes.size > 0;) {
      const moved: Array<readonly [string, string]> = [];
      batch.story_slugs.forEach((row, i) => {
        const language = String(row[0]);
        if (!clashes.has(`${language}/${row[1]}`)) return;
        const parts = slugParts[i]!;
        parts.n = freeInBatch(language, parts.base, parts.n + 1);
        const slug = `${parts.base}-${parts.n}`;
        row[1] = slug;
        batch.story_versions[i]![7] = slug;
        moved.push([language, slug]);
      });
      clashes = await writer.takenSlugs(moved);
    }
  };
  const writeBatch = async (batch: SyntheticBatch) => {
    await settleSlugs(batch);
    await writer.write(batch);
    batchSlugs.clear();
    slugParts = [];
  };

  let versions = 0;
  let batch: SyntheticBatch = emptyBatch();
  for (let i = 0; i < options.stories; i++) {
    const storyId = ids.story + i;
    // The last story generated is the newest.
    const publishedAt = new Date(now - (options.stories - i) * spacing - Math.floor(random() * spacing * 0.8)).toISOString();
    const rubricId = pick(taxonomy.rubrics);
    const choices = chooseStory(random);
    const leadImage = taxonomy.images.length > 0 ? pick(taxonomy.images) : null;
    batch.stories.push([storyId, rubricId, 1 + Math.floor(random() * 5), random() < 0.01 ? 1 : 0, leadImage, publishedAt, publishedAt]);
    const storyLanguages = languages.filter((language) => language !== 'be' || storyId % 3 === 0);
    for (const language of storyLanguages) {
      const text = writeStory(language, choices, storyId);
      const slug = uniqueSlug(language, text.headline);
      batch.story_versions.push([
        ids.version + versions, storyId, language, rubricId, text.headline, text.lede, syntheticBody(text), slug,
        'published', 1, publishedAt, publishedAt, publishedAt, publishedAt, publishedAt,
      ]);
      batch.story_slugs.push([language, slug, storyId, publishedAt]);
      versions++;
    }
    const authorIds = taxonomy.authors.length > 0 ? [pick(taxonomy.authors)] : [];
    const tagIds: number[] = [];
    if (taxonomy.tags.length > 0) {
      tagIds.push(pick(taxonomy.tags));
      const second = pick(taxonomy.tags);
      if (second !== tagIds[0] && random() < 0.5) tagIds.push(second);
    }
    authorIds.forEach((authorId, position) => batch.story_authors.push([storyId, authorId, position]));
    tagIds.forEach((tagId, position) => batch.story_tags.push([storyId, tagId, position]));
    for (const language of storyLanguages) {
      for (const tagId of tagIds) batch.tag_listings.push([tagId, language, publishedAt, storyId]);
      for (const authorId of authorIds) batch.author_listings.push([authorId, language, publishedAt, storyId]);
    }
    if (batch.stories.length === BATCH_SIZE) {
      await writeBatch(batch);
      batch = emptyBatch();
      progress.tick(i + 1);
    }
  }
  if (batch.stories.length > 0) await writeBatch(batch);
  await writer.finish();
  progress.finish();
  return { stories: options.stories, versions, milliseconds: Date.now() - started };
}
