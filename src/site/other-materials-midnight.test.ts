// «Other materials» items are kept with the headlines RubricHeadlines keeps (keptStoryItem), so
// a story page does not write their times again on every view. Their times still follow the
// agency's day: a story from 23:00 reads "23:00" until midnight in Minsk and "23:00, 27 July"
// right after, while the same headlines are still kept (the clock moved less than their maximum age).

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { createRubric, createStory, documentFromText, writeSetting } from '../content/index.ts';

describeEachDatabase('«Other materials» times across midnight', ({ database }) => {
  // 23:59:50 in Minsk (UTC+3) on 27 July 2026, then 00:00:05 on the 28th.
  const beforeMidnight = new Date('2026-07-27T20:59:50.000Z');
  const afterMidnight = new Date('2026-07-27T21:00:05.000Z');
  let now = beforeMidnight;
  let app: FastifyInstance;
  let pageUrl: string;

  before(async () => {
    const built = await buildTestApp(database(), () => now);
    app = built.app;
    await writeSetting(database().db, 'timeZone', 'Europe/Minsk');
    const rubric = await createRubric(built.context, { key: 'economics', names: { en: 'Economics', ru: 'Экономика' } });
    const publish = (headline: string, publishedAt: string) =>
      createStory(built.context, {
        rubricId: rubric.id,
        versions: [{ language: 'en', headline, lede: 'Lede.', body: documentFromText(['Text.']), status: 'published', publishedAt }],
      });
    await publish('An evening story', '2026-07-27T20:00:00.000Z'); // 23:00 in Minsk
    const { id } = await publish('The page itself', '2026-07-27T19:00:00.000Z');
    await (app as unknown as { site: { reload(): Promise<void> } }).site.reload();
    pageUrl = `/en/economics/${id}-the-page-itself`;
  });

  after(async () => {
    await app.close();
  });

  async function otherTime(): Promise<string> {
    const response = await app.inject({ url: pageUrl });
    assert.equal(response.statusCode, 200);
    const other = response.body.slice(response.body.indexOf('other-materials'));
    const time = /<time datetime="([^"]+)">(.*?)<\/time>/.exec(other);
    assert.equal(time?.[1], '2026-07-27T23:00:00+03:00');
    return time![2]!.replace(/<[^>]+>/g, '');
  }

  test('a time of today is written as the clock, and with its day once the day is over', async () => {
    assert.equal(await otherTime(), '23:00');
    assert.equal(await otherTime(), '23:00', 'the kept item');
    now = afterMidnight;
    assert.equal(await otherTime(), '23:00, 27 July');
  });
});
