// Both retrievals stop reading as soon as no older match can enter the top N (SQLite row by
// row, newest first, checking language and visibility in batches; PostgreSQL window by window
// of time). Whatever N, the answer must be the first N of the answer that ranks every match:
// this suite compares the two on an archive of a few hundred versions over two years, with
// versions in other languages and drafts that match too.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../testing/databases.ts';
import type { Database } from '../../db/database.ts';
import { createRubric, createStory, documentFromText } from '../../content/index.ts';
import { liveGeneration } from '../index-store/generations.ts';
import { keyOfTime, lastKeyOf } from '../index-store/search-document.ts';
import { parseQuery } from './parse-query.ts';
import { toFts5, toTsquery } from './compile-query.ts';
import { retrieveSqlite } from './retrieve.sqlite.ts';
import { retrievePostgres } from './retrieve.postgres.ts';
import { HEADLINE_BOOST, TopCandidates, type RetrievalPlan } from './candidates.ts';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const DAY = 86_400_000;
const STORIES = 720;

async function seed(database: Database) {
  const context = { database, languages: ['ru', 'en'], clock: () => new Date(NOW) };
  const rubricId = (await createRubric(context, { key: 'industry', names: { ru: 'Промышленность', en: 'Industry' } })).id;
  for (let i = 0; i < STORIES; i++) {
    // One story in four mentions the plant: every fourth of those in a few words, again and
    // again (BM25 ranks it high), the others once in a long text (low); every twelfth in the
    // headline. The archive reaches back past New Year into the year before.
    const isAboutPlant = i % 4 === 0;
    const isStrong = isAboutPlant && (i / 4) % 4 === 3;
    const headline = i % 12 === 0 ? `Завод номер ${i} подвёл итоги` : `Новости недели ${i}`;
    const body = isStrong ? 'Завод, завод и снова завод. '.repeat(4) : `${isAboutPlant ? 'Завод выпустил продукцию. ' : ''}${'Работы продолжаются в срок. '.repeat(40)}`;
    const publishedAt = new Date(NOW - i * 0.5 * DAY - (i % 5) * 3_600_000).toISOString();
    const status = i % 3 === 0 && i % 4 === 0 && i % 9 !== 0 ? 'draft' : 'published';
    await createStory(context, {
      rubricId,
      versions: [
        { language: 'ru', headline, lede: 'Отчёт.', body: documentFromText([body]), status, publishedAt: status === 'draft' ? null : publishedAt },
        // The English version quotes the Russian word: it matches, but is not a Russian result.
        { language: 'en', headline: `Plant report ${i}`, lede: 'Report.', body: documentFromText([isAboutPlant ? `The plant (завод) ${i}.` : `Other news ${i}.`]), status: 'published', publishedAt },
      ],
    });
  }
}

describeEachDatabase('retrieval with the early stop', ({ database, dialect }) => {
  before(() => seed(database()));

  async function planOf(limit: number): Promise<RetrievalPlan> {
    return { generation: (await liveGeneration(database().db))!, lowKey: 0, highKey: lastKeyOf(NOW), nowKey: keyOfTime(NOW), limit };
  }

  const filters = { language: 'ru', isPublicOnly: true, statuses: undefined };
  const query = parseQuery('завод', 'ru');

  /** Every match that the first pass ranks (on PostgreSQL the only pass: headline matches count three times there). */
  async function retrieve(limit: number) {
    if (dialect === 'sqlite') return retrieveSqlite(database(), await planOf(limit), toFts5(query, 'headline body'), filters);
    const both = await retrievePostgres(database(), await planOf(limit), toTsquery(query), toTsquery(query, 'A'), HEADLINE_BOOST, { ...filters, rubricId: undefined, tagId: undefined });
    return both.all;
  }

  /** Whether every candidate is a Russian version readers may see. */
  async function areRussianAndPublic(keys: number[]): Promise<boolean> {
    const rows = await database().db.selectFrom('search_documents').select(['language', 'is_public']).where('key', 'in', keys).execute();
    return rows.length === keys.length && rows.every((row) => row.language === 'ru' && row.is_public === 1);
  }

  test('the early stop gives the first N of the ranking of every match', async () => {
    const everything = await retrieve(10_000);
    assert.equal(everything.isComplete, true);
    // 180 Russian versions mention the plant; the drafts (one in twelve) and the English versions are left out.
    assert.equal(everything.candidates.length, 180 - 40);
    assert.ok(await areRussianAndPublic(everything.candidates.map((c) => c.key)));
    // Relevance counts: the best is not simply the newest.
    assert.notDeepEqual(everything.candidates.slice(0, 10).map((c) => c.key), [...everything.candidates].sort((a, b) => b.key - a.key).slice(0, 10).map((c) => c.key));
    for (const limit of [1, 5, 10, 20, 33, 60, 101]) {
      const top = await retrieve(limit);
      assert.deepEqual(top.candidates, everything.candidates.slice(0, limit), `top ${limit}`);
      // A small top fills with the newest months: the read stops well before the oldest match.
      if (limit <= 10) assert.equal(top.isComplete, false, `top ${limit} stopped early`);
    }
  });

  if (dialect === 'sqlite') {
    test('the headline pass keeps only what beats the bar of the first pass', async () => {
      const plan = await planOf(20);
      const first = await retrieveSqlite(database(), plan, toFts5(query, 'headline body'), filters);
      const bar = first.candidates.at(-1)!.score;
      const headline = await retrieveSqlite(database(), plan, toFts5(query, 'headline'), filters, { multiplier: HEADLINE_BOOST, minBar: bar });
      const everyHeadline = await retrieveSqlite(database(), await planOf(10_000), toFts5(query, 'headline'), filters, { multiplier: HEADLINE_BOOST, minBar: 0 });
      assert.ok(headline.candidates.length > 0);
      assert.deepEqual(headline.candidates, everyHeadline.candidates.filter((c) => c.score > bar).slice(0, 20));
    });
  }
});

test('the top N keeps the best, newer first among equal scores', () => {
  const top = new TopCandidates(3);
  assert.equal(top.bar(), 0);
  for (const [key, score] of [[1, 0.5], [2, 0.9], [3, 0.5], [4, 0.1], [5, 0.7], [6, 0.5]] as const) top.offer({ key, score });
  assert.deepEqual(top.sorted(), [{ key: 2, score: 0.9 }, { key: 5, score: 0.7 }, { key: 6, score: 0.5 }]);
  assert.equal(top.bar(), 0.5);
});
