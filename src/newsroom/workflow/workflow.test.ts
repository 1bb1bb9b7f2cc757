// The editorial workflow on SQLite and PostgreSQL: each transition with who may take it and from
// where, its effects on the version, the publication check, the audit log and the after-commit
// events (never for a change that rolled back).

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../testing/databases.ts';
import { rejectsWith } from '../../testing/assertions.ts';
import { createTag, documentFromText, findVersionForPage, registerImage } from '../../content/index.ts';
import { findJob } from '../../jobs/index.ts';
import { movableWorkflowContext, newsroom, draftStory } from './workflow-fixtures.ts';
import { submitVersion } from './submit-version.ts';
import { publishVersion } from './publish-version.ts';
import { scheduleVersion } from './schedule-version.ts';
import { correctVersion } from './correct-version.ts';
import { createUpdate } from './create-update.ts';
import { killVersion, republishVersion, unpublishVersion } from './take-down.ts';
import { spikeVersion, unspikeVersion } from './spike-version.ts';
import { listAuditLog } from './audit-log.ts';
import { saveVersionText } from './save-version-text.ts';
import { publishJobKey } from './job-kinds.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { runCommand } from './run-command.ts';

const START = '2026-11-23T08:00:00.000Z';

describeEachDatabase('workflow transitions', ({ database }) => {
  const { context, events, setNow } = movableWorkflowContext(database, START);
  let people: Awaited<ReturnType<typeof newsroom>>;

  before(async () => {
    people = await newsroom(context);
  });

  async function status(storyId: number, language = 'ru') {
    return database().db.selectFrom('story_versions').selectAll().where('story_id', '=', storyId).where('language', '=', language).executeTakeFirstOrThrow();
  }

  test('a reporter submits their own draft, an editor publishes it, and readers see it', async () => {
    setNow(START);
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Harvest record');
    const submitted = await submitVersion(context, { actor: people.reporter, storyId, language: 'ru' });
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.fromStatus, 'draft');
    await rejectsWith(publishVersion(context, { actor: people.reporter, storyId, language: 'ru' }), 'forbidden');

    setNow('2026-11-23T09:15:00.000Z');
    const before = events.length;
    const published = await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    assert.equal(published.status, 'published');
    const row = await status(storyId);
    assert.equal(row.published_at, '2026-11-23T09:15:00.000Z');
    assert.equal(row.first_published_at, '2026-11-23T09:15:00.000Z');
    assert.deepEqual(events.slice(before), [{ storyId, languages: ['ru'], action: 'publish' }]);
    const page = await findVersionForPage(database().db, 'ru', storyId, new Date('2026-11-23T09:16:00.000Z'));
    assert.equal(page.kind, 'visible');
  });

  test('reporters act only on their own stories and only submit; translators submit any version', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Rights', ['ru', 'en']);
    await rejectsWith(submitVersion(context, { actor: people.otherReporter, storyId, language: 'ru' }), 'forbidden');
    await rejectsWith(spikeVersion(context, { actor: people.reporter, storyId, language: 'ru' }), 'forbidden');
    await rejectsWith(scheduleVersion(context, { actor: people.translator, storyId, language: 'en', at: '2026-12-01T00:00:00Z' }), 'forbidden');
    assert.equal((await submitVersion(context, { actor: people.translator, storyId, language: 'en' })).status, 'submitted');
    assert.equal((await status(storyId, 'ru')).status, 'draft', 'each language version has its own status');
  });

  test('a transition from the wrong status is a 409 naming the status, and changes nothing', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Wrong status');
    const error = await rejectsWith(killVersion(context, { actor: people.editor, storyId, language: 'ru', reason: 'legal' }), 'transition_not_allowed');
    assert.equal(error.details?.status, 'draft');
    await rejectsWith(unspikeVersion(context, { actor: people.editor, storyId, language: 'ru' }), 'transition_not_allowed');
    await rejectsWith(correctVersion(context, { actor: people.editor, storyId, language: 'ru', note: 'x' }), 'transition_not_allowed');
    await rejectsWith(publishVersion(context, { actor: SYSTEM_ACTOR, storyId, language: 'ru' }), 'transition_not_allowed', undefined);
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    await rejectsWith(publishVersion(context, { actor: people.editor, storyId, language: 'ru' }), 'transition_not_allowed');
    await rejectsWith(submitVersion(context, { actor: people.reporter, storyId, language: 'ru' }), 'transition_not_allowed');
    assert.equal((await status(storyId)).status, 'published');
  });

  test('bad arguments are clear errors', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Bad input');
    await rejectsWith(submitVersion(context, { actor: { userId: 0, role: 'editor' }, storyId, language: 'ru' }), 'invalid_input', 'actor');
    await rejectsWith(submitVersion(context, { actor: { userId: 1, role: 'admin' as never }, storyId, language: 'ru' }), 'invalid_input', 'actor');
    await rejectsWith(submitVersion(context, { actor: people.reporter, storyId, language: 'fr' }), 'language_unknown');
    await rejectsWith(submitVersion(context, { actor: people.reporter, storyId: 999_999, language: 'ru' }), 'story_not_found');
    await rejectsWith(submitVersion(context, { actor: people.reporter, storyId, language: 'en' }), 'story_not_found');
    await rejectsWith(killVersion(context, { actor: people.editor, storyId, language: 'ru', reason: ' ' }), 'invalid_input', 'reason');
  });

  test('publishing needs a rubric named in the language and alt text for every image in that language', async () => {
    const image = await registerImage(context, {
      storageKey: `pic-${Date.now()}.png`, mimeType: 'image/png', width: 10, height: 10, byteSize: 10, texts: { en: { alt: 'A field' } },
    });
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Pictures', ['ru', 'en'], { leadImageId: image.id });
    const before = events.length;
    const error = await rejectsWith(publishVersion(context, { actor: people.editor, storyId, language: 'ru' }), 'not_ready_to_publish');
    assert.deepEqual(error.details?.problems, [{ field: 'leadImageId', problem: `image ${image.id} has no alt text in ru` }]);
    assert.equal((await status(storyId)).status, 'draft');
    assert.equal(events.length, before, 'no event for a change that did not happen');
    assert.equal((await publishVersion(context, { actor: people.editor, storyId, language: 'en' })).status, 'published');

    // A body image needs alt text too: its own, or the library's in the version's language.
    // A version on the site changes only through a correction.
    await rejectsWith(saveVersionText(context, { actor: people.editor, storyId, language: 'en', expectedRevision: 0, fields: { lede: 'Silent change' } }), 'transition_not_allowed');
    const other = await draftStory(context, people.rubric.id, people.reporter, 'Body picture', ['ru']);
    await saveVersionText(context, {
      actor: people.reporter, storyId: other, language: 'ru', expectedRevision: 0,
      fields: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }, { type: 'image', attrs: { imageId: image.id } }] } },
    });
    const bodyError = await rejectsWith(publishVersion(context, { actor: people.editor, storyId: other, language: 'ru' }), 'not_ready_to_publish');
    assert.deepEqual(bodyError.details?.problems, [{ field: `body.image.${image.id}`, problem: `image ${image.id} has no alt text in ru` }]);
    await saveVersionText(context, {
      actor: people.reporter, storyId: other, language: 'ru', expectedRevision: 1,
      fields: { body: { type: 'doc', content: [{ type: 'image', attrs: { imageId: image.id, alt: 'Поле' } }] } },
    });
    assert.equal((await publishVersion(context, { actor: people.editor, storyId: other, language: 'ru' })).status, 'published');

    const bare = await draftStory(context, people.rubric.id, people.reporter, 'No rubric name', ['ru']);
    await database().db.deleteFrom('rubric_names').where('rubric_id', '=', people.rubric.id).where('language', '=', 'be').execute();
    await database().db.updateTable('story_versions').set({ language: 'be', slug: `no-rubric-name-${bare}` }).where('story_id', '=', bare).execute();
    const rubricError = await rejectsWith(publishVersion(context, { actor: people.editor, storyId: bare, language: 'be' }), 'not_ready_to_publish');
    assert.equal((rubricError.details?.problems as Array<{ field: string }>)[0]!.field, 'rubricId');
  });

  test('a correction keeps the address, adds one to the version, stores the note and the time', async () => {
    setNow('2026-11-23T10:00:00.000Z');
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Figures');
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    const slug = (await status(storyId)).slug;
    setNow('2026-11-23T12:30:00.000Z');
    await rejectsWith(correctVersion(context, { actor: people.editor, storyId, language: 'ru', note: '' }), 'invalid_input', 'note');
    await rejectsWith(correctVersion(context, { actor: people.reporter, storyId, language: 'ru', note: 'Fixed' }), 'forbidden');
    const result = await correctVersion(context, {
      actor: people.editor, storyId, language: 'ru', note: 'Исправлена сумма контракта.', fields: { lede: 'Контракт на 12 млн.' },
    });
    assert.equal(result.status, 'corrected');
    assert.equal(result.version, 2);
    const row = await status(storyId);
    assert.equal(row.slug, slug);
    assert.equal(row.version, 2);
    assert.equal(row.correction_note, 'Исправлена сумма контракта.');
    assert.equal(row.corrected_at, '2026-11-23T12:30:00.000Z');
    assert.equal(row.lede, 'Контракт на 12 млн.');
    assert.equal(row.published_at, '2026-11-23T10:00:00.000Z', 'the dateline stays');
    const again = await correctVersion(context, { actor: people.editor, storyId, language: 'ru', note: 'Second fix.' });
    assert.equal(again.version, 3);
  });

  test('unpublish takes a version down, republish brings it back as it was; kill is final', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Down and up');
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    await correctVersion(context, { actor: people.editor, storyId, language: 'ru', note: 'Fixed a name.' });
    await unpublishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    assert.equal((await findVersionForPage(database().db, 'ru', storyId, context.clock())).kind, 'missing');
    const back = await republishVersion(context, { actor: people.chief, storyId, language: 'ru' });
    assert.equal(back.status, 'corrected', 'a corrected version comes back corrected');
    assert.equal((await findVersionForPage(database().db, 'ru', storyId, context.clock())).kind, 'visible');
    const before = events.length;
    await killVersion(context, { actor: people.editor, storyId, language: 'ru', reason: 'Court order' });
    assert.deepEqual(events.slice(before).map((e) => e.action), ['kill']);
    assert.equal((await findVersionForPage(database().db, 'ru', storyId, context.clock())).kind, 'killed');
    await rejectsWith(republishVersion(context, { actor: people.chief, storyId, language: 'ru' }), 'transition_not_allowed');
  });

  test('spike is a reversible delete before publication and cancels a schedule', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Spiked');
    const at = new Date(context.clock().getTime() + 3_600_000).toISOString();
    await scheduleVersion(context, { actor: people.editor, storyId, language: 'ru', at });
    const versionId = (await status(storyId)).id;
    assert.ok(await findJob(database().db, publishJobKey(versionId)));
    assert.equal((await spikeVersion(context, { actor: people.editor, storyId, language: 'ru' })).status, 'spiked');
    assert.equal(await findJob(database().db, publishJobKey(versionId)), undefined);
    assert.equal((await status(storyId)).published_at, null);
    assert.equal((await unspikeVersion(context, { actor: people.editor, storyId, language: 'ru' })).status, 'draft');
  });

  test('an update is a new draft story following the published one, with its rubric, tags and bylines', async () => {
    const tag = await createTag(context, { key: `energy-${Date.now()}`, names: { ru: 'Энергетика', en: 'Energy' } });
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'First news', ['ru'], { tagIds: [tag.id] });
    await rejectsWith(createUpdate(context, { actor: people.editor, storyId, language: 'ru' }), 'transition_not_allowed');
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    await rejectsWith(createUpdate(context, { actor: people.reporter, storyId, language: 'ru' }), 'forbidden');
    const update = await createUpdate(context, {
      actor: people.editor, storyId, language: 'ru', fields: { headline: 'Новые подробности', body: documentFromText(['Подробности.']) },
    });
    assert.notEqual(update.storyId, storyId);
    const story = await database().db.selectFrom('stories').selectAll().where('id', '=', update.storyId).executeTakeFirstOrThrow();
    assert.equal(story.follows_story_id, storyId);
    assert.equal(story.rubric_id, people.rubric.id);
    assert.equal(story.created_by, people.editor.userId);
    const version = await status(update.storyId);
    assert.equal(version.status, 'draft');
    assert.equal(version.headline, 'Новые подробности');
    const tags = await database().db.selectFrom('story_tags').select('tag_id').where('story_id', '=', update.storyId).execute();
    assert.deepEqual(tags.map((t) => t.tag_id), [tag.id]);
    assert.equal((await status(storyId)).status, 'published', 'the earlier story stays as it is');
  });

  test('every action is in the audit log, which only chief editors read', async () => {
    setNow('2026-11-23T14:00:00.000Z');
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Audited');
    await submitVersion(context, { actor: people.reporter, storyId, language: 'ru' });
    setNow('2026-11-23T14:05:00.000Z');
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    await rejectsWith(publishVersion(context, { actor: people.editor, storyId, language: 'ru' }), 'transition_not_allowed');
    await rejectsWith(listAuditLog(context, { actor: people.editor, storyId }), 'forbidden');
    const { entries } = await listAuditLog(context, { actor: people.chief, storyId });
    const versionId = (await status(storyId)).id;
    assert.deepEqual(
      entries.map((e) => ({ action: e.action, from: e.fromStatus, to: e.toStatus, who: e.actorUserId, role: e.actorRole, at: e.at, versionId: e.versionId, language: e.language })),
      [
        { action: 'publish', from: 'submitted', to: 'published', who: people.editor.userId, role: 'editor', at: '2026-11-23T14:05:00.000Z', versionId, language: 'ru' },
        { action: 'submit', from: 'draft', to: 'submitted', who: people.reporter.userId, role: 'reporter', at: '2026-11-23T14:00:00.000Z', versionId, language: 'ru' },
      ],
      'newest first; the refused attempt left no entry',
    );
    await rejectsWith(listAuditLog(context, { actor: people.chief, before: -3 }), 'invalid_input', 'before');
    await rejectsWith(listAuditLog(context, { actor: people.chief, limit: 10_000 }), 'invalid_input', 'limit');
    const firstPage = await listAuditLog(context, { actor: people.chief, limit: 1 });
    assert.equal(firstPage.entries.length, 1);
    const secondPage = await listAuditLog(context, { actor: people.chief, limit: 1, before: firstPage.before! });
    assert.ok(secondPage.entries[0]!.id < firstPage.entries[0]!.id);
  });

  test('events fire after the commit: a listener reading the database sees the change', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'After commit');
    const seen: string[] = [];
    const stop = context.events.onStoryChanged((event) => {
      if (event.storyId !== storyId) return;
      // A separate read: it would not see an uncommitted change on PostgreSQL, and on SQLite it
      // would wait on the transaction's connection if the event came before the commit.
      seen.push('event');
      void database().db.selectFrom('story_versions').select('status').where('story_id', '=', storyId).executeTakeFirstOrThrow().then((row) => seen.push(row.status));
    });
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    assert.deepEqual(seen, ['event', 'published']);
  });

  test('a change announced inside a transaction that then rolls back is never announced', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Rolled back');
    const before = events.length;
    await assert.rejects(
      runCommand(context, async ({ trx, storyChanged }) => {
        await trx.updateTable('story_versions').set({ status: 'published', published_at: START }).where('story_id', '=', storyId).execute();
        await storyChanged(storyId, ['ru'], 'publish');
        throw new Error('the disk is full');
      }),
      /the disk is full/,
    );
    assert.equal(events.length, before);
    assert.equal((await status(storyId)).status, 'draft');
  });

  test('a version edited while unpublished passes the publication check again before it returns', async () => {
    const image = await registerImage(context, { storageKey: `down-${Date.now()}.png`, mimeType: 'image/png', width: 10, height: 10, byteSize: 10, texts: {} });
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Edited while down');
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    await unpublishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    await saveVersionText(context, { actor: people.editor, storyId, language: 'ru', expectedRevision: 0, fields: { body: { type: 'doc', content: [{ type: 'image', attrs: { imageId: image.id } }] } } });
    await rejectsWith(republishVersion(context, { actor: people.editor, storyId, language: 'ru' }), 'not_ready_to_publish');
    assert.equal((await status(storyId)).status, 'unpublished');
  });

  test('two editors taking the same step at once: one succeeds, the other hears 409', async () => {
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Race to publish');
    const results = await Promise.allSettled([
      publishVersion(context, { actor: people.editor, storyId, language: 'ru' }),
      publishVersion(context, { actor: people.chief, storyId, language: 'ru' }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    assert.equal((refused.reason as { code: string }).code, 'transition_not_allowed');
    const { entries } = await listAuditLog(context, { actor: people.chief, storyId });
    assert.deepEqual(entries.map((e) => e.action), ['publish']);
  });
});

