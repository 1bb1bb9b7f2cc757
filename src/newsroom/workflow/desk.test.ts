// Translations and the desk, on SQLite and PostgreSQL: "translate into English" makes a linked
// draft with the source beside it and its own status; the desk filters by status, rubric,
// language, byline, time and headline words (any case, Cyrillic too), pages by a cursor, and
// says which languages each story still lacks.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../testing/databases.ts';
import { rejectsWith } from '../../testing/assertions.ts';
import { createAuthor, createRubric } from '../../content/index.ts';
import { draftStory, movableWorkflowContext, newsroom } from './workflow-fixtures.ts';
import { startTranslation } from './start-translation.ts';
import { listDesk } from './desk.ts';
import { submitVersion } from './submit-version.ts';
import { publishVersion } from './publish-version.ts';

describeEachDatabase('translations and the desk', ({ database }) => {
  const { context, setNow } = movableWorkflowContext(database, '2026-11-23T08:00:00.000Z');
  let people: Awaited<ReturnType<typeof newsroom>>;

  before(async () => {
    people = await newsroom(context);
  });

  test('starting a translation creates the linked draft and returns the source beside it', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Урожай', ['ru']);
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    const { source, translation } = await startTranslation(context, { actor: people.translator, storyId, fromLanguage: 'ru', toLanguage: 'en' });
    assert.equal(source.language, 'ru');
    assert.equal(source.status, 'published');
    assert.equal(source.headline, 'Урожай ru');
    assert.equal(translation.language, 'en');
    assert.equal(translation.status, 'draft', 'its own status');
    assert.deepEqual(translation.body, source.body, 'starts from the source text');
    assert.match(translation.slug, /^[a-z0-9-]+$/);
    await rejectsWith(startTranslation(context, { actor: people.translator, storyId, fromLanguage: 'ru', toLanguage: 'en' }), 'translation_exists');
    await rejectsWith(startTranslation(context, { actor: people.otherReporter, storyId, fromLanguage: 'ru', toLanguage: 'be' }), 'forbidden');
    await rejectsWith(startTranslation(context, { actor: people.translator, storyId, fromLanguage: 'ru', toLanguage: 'ru' }), 'invalid_input', 'toLanguage');
    await rejectsWith(startTranslation(context, { actor: people.translator, storyId, fromLanguage: 'ru', toLanguage: 'de' }), 'language_unknown');
    await rejectsWith(startTranslation(context, { actor: people.translator, storyId, fromLanguage: 'be', toLanguage: 'en' }), 'story_not_found');
    assert.equal((await submitVersion(context, { actor: people.translator, storyId, language: 'en' })).status, 'submitted');
    const versions = await database().db.selectFrom('story_versions').select(['language', 'status']).where('story_id', '=', storyId).orderBy('language').execute();
    assert.deepEqual(versions, [{ language: 'en', status: 'submitted' }, { language: 'ru', status: 'published' }]);
  });

  test('the desk lists stories newest change first with each version status and the missing languages', async () => {
    const rubric = await createRubric(context, { key: 'desk-sport', names: { ru: 'Спорт', en: 'Sport', be: 'Спорт' } });
    const author = await createAuthor(context, { key: 'desk-ivan', names: { ru: 'Иван', en: 'Ivan' } });
    setNow('2026-11-24T08:00:00.000Z');
    const hockey = await draftStory(context, rubric.id, people.reporter, 'Хоккей: Минск победил', ['ru', 'en'], { authorIds: [author.id] });
    setNow('2026-11-24T09:00:00.000Z');
    const football = await draftStory(context, rubric.id, people.reporter, 'Футбол', ['ru']);
    setNow('2026-11-24T10:00:00.000Z');
    const tennis = await draftStory(context, rubric.id, people.reporter, 'Tennis', ['en']);
    setNow('2026-11-24T11:00:00.000Z');
    await submitVersion(context, { actor: people.reporter, storyId: football, language: 'ru' });

    const all = await listDesk(context, { actor: people.editor, rubricId: rubric.id });
    assert.deepEqual(all.stories.map((s) => s.storyId), [football, tennis, hockey]);
    const first = all.stories[2]!;
    assert.deepEqual(first.versions.map((v) => [v.language, v.status]), [['ru', 'draft'], ['en', 'draft']]);
    assert.deepEqual(first.missingLanguages, ['be']);
    assert.deepEqual(all.stories[1]!.missingLanguages, ['ru', 'be']);

    const only = async (filter: Omit<Parameters<typeof listDesk>[1], 'actor'>) =>
      (await listDesk(context, { actor: people.reporter, rubricId: rubric.id, ...filter })).stories.map((s) => s.storyId);
    assert.deepEqual(await only({ status: 'submitted' }), [football]);
    assert.deepEqual(await only({ language: 'en' }), [tennis, hockey]);
    assert.deepEqual(await only({ status: 'draft', language: 'ru' }), [hockey]);
    assert.deepEqual(await only({ authorId: author.id }), [hockey]);
    assert.deepEqual(await only({ from: '2026-11-24T09:30:00Z', to: '2026-11-24T10:30:00Z' }), [tennis]);
    assert.deepEqual(await only({ headlineQuery: 'МИНСК' }), [hockey], 'any case, Cyrillic too');
    assert.deepEqual(await only({ headlineQuery: 'tenn' }), [tennis]);
    assert.deepEqual(await only({ headlineQuery: '%' }), [], 'wildcards are taken literally');

    const page1 = await listDesk(context, { actor: people.editor, rubricId: rubric.id, limit: 2 });
    assert.deepEqual(page1.stories.map((s) => s.storyId), [football, tennis]);
    const page2 = await listDesk(context, { actor: people.editor, rubricId: rubric.id, limit: 2, cursor: page1.next! });
    assert.deepEqual(page2.stories.map((s) => s.storyId), [hockey]);
    assert.equal(page2.next, undefined);
  });

  test('bad desk filters are clear errors', async () => {
    await rejectsWith(listDesk(context, { actor: people.editor, status: 'lost' }), 'invalid_input', 'status');
    await rejectsWith(listDesk(context, { actor: people.editor, cursor: 'yesterday' }), 'invalid_input', 'cursor');
    await rejectsWith(listDesk(context, { actor: people.editor, limit: 0 }), 'invalid_input', 'limit');
    await rejectsWith(listDesk(context, { actor: people.editor, from: 'monday' }), 'invalid_input', 'from');
    await rejectsWith(listDesk(context, { actor: people.editor, language: 'xx' }), 'language_unknown');
  });
});
