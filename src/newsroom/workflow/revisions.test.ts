// "Never lose a word", on SQLite and PostgreSQL: every save is a revision, a stale save is a
// conflict carrying both texts, history lists, diffs and restores, and autosave keeps each user's
// unsaved working copy until the next save.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../testing/databases.ts';
import { rejectsWith } from '../../testing/assertions.ts';
import { documentFromText, findStoryIdBySlug } from '../../content/index.ts';
import { draftStory, movableWorkflowContext, newsroom } from './workflow-fixtures.ts';
import { saveVersionText } from './save-version-text.ts';
import { diffRevisions, findRevision, listRevisions, restoreRevision } from './revisions.ts';
import { autosaveDraft, findAutosave } from './autosave.ts';
import { publishVersion } from './publish-version.ts';
import { correctVersion } from './correct-version.ts';

describeEachDatabase('revisions and conflicts', ({ database }) => {
  const { context, setNow } = movableWorkflowContext(database, '2026-11-23T08:00:00.000Z');
  let people: Awaited<ReturnType<typeof newsroom>>;

  before(async () => {
    people = await newsroom(context);
  });

  async function current(storyId: number) {
    return database().db.selectFrom('story_versions').selectAll().where('story_id', '=', storyId).where('language', '=', 'ru').executeTakeFirstOrThrow();
  }

  test('each save stores a full revision with its author and time; the text as created is revision 0', async () => {
    setNow('2026-11-23T08:00:00.000Z');
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Revised');
    const original = await current(storyId);
    setNow('2026-11-23T08:05:00.000Z');
    const first = await saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 0, fields: { headline: 'Урожай собран в срок' } });
    assert.equal(first.revision, 1);
    setNow('2026-11-23T08:10:00.000Z');
    const second = await saveVersionText(context, {
      actor: people.editor, storyId, language: 'ru', expectedRevision: 1,
      fields: { lede: 'Новый лид.', body: documentFromText(['Первый абзац.']), seoTitle: 'SEO', slug: 'urozhaj-sobran' },
    });
    assert.equal(second.revision, 2);
    const row = await current(storyId);
    assert.equal(row.revision, 2);
    assert.equal(row.headline, 'Урожай собран в срок', 'fields not given keep their text');
    assert.equal(row.lede, 'Новый лид.');
    assert.equal(row.slug, 'urozhaj-sobran');
    assert.equal(await findStoryIdBySlug(database().db, 'ru', original.slug), storyId, 'the former slug still leads to the story');

    const list = await listRevisions(context, { actor: people.reporter, storyId, language: 'ru' });
    assert.deepEqual(list.map((r) => [r.revision, r.authorUserId, r.createdAt, r.headline]), [
      [2, people.editor.userId, '2026-11-23T08:10:00.000Z', 'Урожай собран в срок'],
      [1, people.reporter.userId, '2026-11-23T08:05:00.000Z', 'Урожай собран в срок'],
      [0, people.reporter.userId, original.updated_at, original.headline],
    ]);
    const zero = await findRevision(context, { actor: people.editor, storyId, language: 'ru', revision: 0 });
    assert.equal(zero.lede, original.lede);
    assert.deepEqual(zero.body, JSON.parse(original.body));
    await rejectsWith(findRevision(context, { actor: people.editor, storyId, language: 'ru', revision: 9 }), 'revision_not_found');
  });

  test('a save from a stale revision is a conflict with both texts, and stores nothing', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Two editors');
    await saveVersionText(context, { actor: people.editor, storyId, language: 'ru', expectedRevision: 0, fields: { lede: 'Лид первого редактора.' } });
    const error = await rejectsWith(
      saveVersionText(context, { actor: people.chief, storyId, language: 'ru', expectedRevision: 0, fields: { lede: 'Лид второго редактора.' } }),
      'edit_conflict',
    );
    assert.equal(error.status, 409);
    const details = error.details as { expectedRevision: number; currentRevision: number; theirs: { lede: string; body: unknown }; yours: { lede: string } };
    assert.equal(details.expectedRevision, 0);
    assert.equal(details.currentRevision, 1);
    assert.equal(details.theirs.lede, 'Лид первого редактора.');
    assert.equal(details.yours.lede, 'Лид второго редактора.');
    assert.equal(typeof details.theirs.body, 'object', 'the body as a document, ready for the editor');
    assert.equal((await current(storyId)).lede, 'Лид первого редактора.');
    assert.equal((await listRevisions(context, { actor: people.editor, storyId, language: 'ru' })).length, 2);
  });

  test('who may save, and what a save may contain', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Rights to save');
    await rejectsWith(saveVersionText(context, { actor: people.otherReporter, storyId, language: 'ru', expectedRevision: 0, fields: { lede: 'x' } }), 'forbidden');
    await rejectsWith(saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 0, fields: { headline: '  ' } }), 'invalid_input', 'fields.headline');
    await rejectsWith(saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 0, fields: { body: { type: 'html' } } }), 'invalid_document');
    await rejectsWith(saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 0, fields: { color: 'red' } as never }), 'invalid_input', 'fields.color');
    await rejectsWith(saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: -1, fields: {} }), 'invalid_input', 'expectedRevision');
    await rejectsWith(saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 0, fields: { slug: 'Bad Slug' } }), 'slug_invalid');
    assert.equal((await current(storyId)).revision, 0, 'nothing was stored');
    const translator = await saveVersionText(context, { actor: people.translator, storyId, language: 'ru', expectedRevision: 0, fields: { lede: 'Переведено.' } });
    assert.equal(translator.revision, 1);
    const script = '<script>alert(1)</script>';
    await saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 1, fields: { headline: script } });
    assert.equal((await current(storyId)).headline, script, 'stored as text, as typed');
  });

  test('a readable word diff between two revisions of headline, lede and body', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Diffed');
    await saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 0, fields: { headline: 'Урожай собран в срок', body: documentFromText(['Первый абзац.', 'Второй абзац.']) } });
    await saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 1, fields: { headline: 'Урожай собран раньше срока', body: documentFromText(['Первый абзац.', 'Третий абзац.']) } });
    const diff = await diffRevisions(context, { actor: people.editor, storyId, language: 'ru', from: 1, to: 2 });
    assert.deepEqual(diff.headline, [
      { kind: 'same', text: 'Урожай собран ' },
      { kind: 'removed', text: 'в срок' },
      { kind: 'added', text: 'раньше срока' },
    ]);
    assert.deepEqual(diff.lede, [{ kind: 'same', text: (await current(storyId)).lede }]);
    assert.deepEqual(diff.body.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()]), [['removed', 'Второй'], ['added', 'Третий']]);
    await rejectsWith(diffRevisions(context, { actor: people.editor, storyId, language: 'ru', from: 1, to: 7 }), 'revision_not_found');
  });

  test('restoring an old revision makes a new revision equal to it; history keeps all', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Restored');
    const original = await current(storyId);
    await saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 0, fields: { headline: 'Плохой заголовок', lede: 'Плохой лид.' } });
    await rejectsWith(restoreRevision(context, { actor: people.editor, storyId, language: 'ru', revision: 0, expectedRevision: 0 }), 'edit_conflict');
    const restored = await restoreRevision(context, { actor: people.editor, storyId, language: 'ru', revision: 0, expectedRevision: 1 });
    assert.equal(restored.revision, 2);
    const row = await current(storyId);
    assert.equal(row.headline, original.headline);
    assert.equal(row.lede, original.lede);
    assert.equal(row.body, original.body);
    assert.deepEqual((await listRevisions(context, { actor: people.editor, storyId, language: 'ru' })).map((r) => r.revision), [2, 1, 0]);
  });

  test('a published version changes only through a correction, which is a revision too', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Published text');
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    await rejectsWith(saveVersionText(context, { actor: people.editor, storyId, language: 'ru', expectedRevision: 0, fields: { lede: 'Тихая правка.' } }), 'transition_not_allowed');
    await rejectsWith(correctVersion(context, { actor: people.editor, storyId, language: 'ru', note: 'Fix', expectedRevision: 5, fields: { lede: 'Правка.' } }), 'edit_conflict');
    const corrected = await correctVersion(context, { actor: people.editor, storyId, language: 'ru', note: 'Fix', expectedRevision: 0, fields: { lede: 'Правка.' } });
    assert.equal(corrected.revision, 1);
    assert.equal((await current(storyId)).lede, 'Правка.');
  });

  test('autosave keeps each user working copy apart from revisions, restores it, and a save clears it', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Autosaved');
    assert.equal(await findAutosave(context, { actor: people.reporter, storyId, language: 'ru' }), undefined);
    setNow('2026-11-23T09:00:00.000Z');
    await autosaveDraft(context, { actor: people.reporter, storyId, language: 'ru', baseRevision: 0, fields: { lede: 'Набираю...' } });
    setNow('2026-11-23T09:00:05.000Z');
    await autosaveDraft(context, { actor: people.reporter, storyId, language: 'ru', baseRevision: 0, fields: { lede: 'Набираю текст' } });
    await autosaveDraft(context, { actor: people.editor, storyId, language: 'ru', baseRevision: 0, fields: { headline: 'Версия редактора' } });
    assert.deepEqual(await findAutosave(context, { actor: people.reporter, storyId, language: 'ru' }), {
      fields: { lede: 'Набираю текст' }, baseRevision: 0, savedAt: '2026-11-23T09:00:05.000Z',
    });
    assert.equal((await current(storyId)).revision, 0, 'autosave is not a revision');
    await rejectsWith(autosaveDraft(context, { actor: people.otherReporter, storyId, language: 'ru', baseRevision: 0, fields: { lede: 'x' } }), 'forbidden');
    await rejectsWith(autosaveDraft(context, { actor: people.reporter, storyId, language: 'ru', baseRevision: 0, fields: { headline: '' } }), 'invalid_input', 'fields.headline');

    await saveVersionText(context, { actor: people.reporter, storyId, language: 'ru', expectedRevision: 0, fields: { lede: 'Набираю текст' } });
    assert.equal(await findAutosave(context, { actor: people.reporter, storyId, language: 'ru' }), undefined, 'cleared by the save');
    assert.equal((await findAutosave(context, { actor: people.editor, storyId, language: 'ru' }))?.fields.headline, 'Версия редактора', 'another user keeps theirs');
  });

  test('two saves from the same revision at once: one is stored, the other is a conflict', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Simultaneous');
    const results = await Promise.allSettled([
      saveVersionText(context, { actor: people.editor, storyId, language: 'ru', expectedRevision: 0, fields: { lede: 'Текст первого.' } }),
      saveVersionText(context, { actor: people.chief, storyId, language: 'ru', expectedRevision: 0, fields: { lede: 'Текст второго.' } }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    assert.equal((refused.reason as { code: string }).code, 'edit_conflict');
    const revisions = await listRevisions(context, { actor: people.editor, storyId, language: 'ru' });
    assert.deepEqual(revisions.map((r) => r.revision), [1, 0]);
  });
});

