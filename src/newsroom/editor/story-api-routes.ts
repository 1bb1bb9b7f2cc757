// The stories API the newsroom app uses, under /api/newsroom/stories. Each route reads one path:
// validate → requireActor (logged in, may enter the newsroom) → one workflow command or query,
// which checks the role and the status against the workflow's table → present JSON.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createStory, emptyDocument, listRubrics, type Rubric } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../access/require-actor.ts';
import {
  autosaveDraft, correctVersion, createUpdate, leaveVersion, markPresent, diffRevisions, findAutosave, findRevision, killVersion, liftEmbargo, listDesk, listRevisions,
  publishVersion, readVersionText, republishVersion, restoreRevision, saveVersionText, scheduleVersion, setEmbargo, spikeVersion,
  startTranslation, submitVersion, unpublishVersion, unspikeVersion, updateStoryDetails, type Actor, type StoryDetails, type TransitionResult, type WorkflowContext,
} from '../workflow/index.ts';
import { isButtonAction, type ButtonAction } from './story-actions.ts';
import { presentDeskStory, presentVersion } from './story-presenter.ts';
import { listAuthorsIn, namedAuthors, namedTags, suggestTags } from './taxonomy-queries.ts';
import {
  optionalText, readBody, readDeskQuery, readId, readLanguageCode, readRevisionNumber, readTextFields, readVersionParams, type VersionParams,
} from './story-input.ts';

function actorOf(request: FastifyRequest): Actor {
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'Log in to the newsroom first.');
  return { userId: actor.userId, role: actor.role };
}

async function rubricsById(context: WorkflowContext): Promise<Map<number, Rubric>> {
  return new Map((await listRubrics(context)).map((rubric) => [rubric.id, rubric]));
}

function takeAction(context: WorkflowContext, action: ButtonAction, target: { actor: Actor; storyId: number; language: string }, body: Record<string, unknown>): Promise<TransitionResult> {
  switch (action) {
    case 'submit': return submitVersion(context, target);
    case 'schedule': {
      const at = optionalText(body.at, 'at');
      if (at === undefined) throw new AppError('invalid_input', 'at: the time to publish at is required', { details: { field: 'at' } });
      return scheduleVersion(context, { ...target, at });
    }
    case 'publish': return publishVersion(context, target);
    case 'correct': {
      const note = optionalText(body.note, 'note');
      if (note === undefined) throw new AppError('invalid_input', 'note: a correction needs a note for readers', { details: { field: 'note' } });
      return correctVersion(context, {
        ...target, note,
        ...(body.fields === undefined ? {} : { fields: readTextFields(body.fields) }),
        ...(body.expectedRevision === undefined ? {} : { expectedRevision: readRevisionNumber(body.expectedRevision, 'expectedRevision') }),
        ...(body.details === undefined ? {} : { details: body.details as StoryDetails }),
      });
    }
    case 'unpublish': return unpublishVersion(context, target);
    case 'republish': return republishVersion(context, target);
    case 'kill': {
      const reason = optionalText(body.reason, 'reason');
      if (reason === undefined) throw new AppError('invalid_input', 'reason: a kill needs a reason', { details: { field: 'reason' } });
      return killVersion(context, { ...target, reason });
    }
    case 'spike': return spikeVersion(context, target);
    case 'unspike': return unspikeVersion(context, target);
  }
}

export function registerStoryApiRoutes(app: FastifyInstance, context: WorkflowContext, publicUrl: string): void {
  const enter = { preHandler: requireActor('story.read') };

  app.get('/api/newsroom/rubrics', enter, async () => {
    const rubrics = await listRubrics(context);
    return { rubrics: rubrics.map((rubric) => ({ id: rubric.id, key: rubric.key, names: rubric.names })) };
  });

  app.get<{ Querystring: { q?: string; language?: string } }>('/api/newsroom/tags', enter, async (request) => {
    const language = readLanguageCode(request.query.language ?? context.languages[0], 'language');
    const prefix = typeof request.query.q === 'string' ? request.query.q.normalize('NFC').trim().slice(0, 100) : '';
    return { tags: await suggestTags(context.database, { language, prefix, limit: 10 }) };
  });

  app.get<{ Querystring: { language?: string } }>('/api/newsroom/authors', enter, async (request) => {
    const language = readLanguageCode(request.query.language ?? context.languages[0], 'language');
    return { authors: await listAuthorsIn(context.database.db, language) };
  });

  app.get('/api/newsroom/stories', { preHandler: requireActor('story.list') }, async (request) => {
    const filter = readDeskQuery(request.query as Record<string, unknown>);
    const actor = actorOf(request);
    const desk = await listDesk(context, { actor, ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) });
    const rubrics = await rubricsById(context);
    return { stories: desk.stories.map((story) => presentDeskStory(actor, story, rubrics)), next: desk.next ?? null, languages: context.languages };
  });

  app.post('/api/newsroom/stories', { preHandler: requireActor('story.create') }, async (request, reply) => {
    const body = readBody(request.body, ['rubricId', 'language', 'headline', 'lede']);
    const rubricId = typeof body.rubricId === 'number' ? body.rubricId : readId(String(body.rubricId ?? ''), 'rubricId');
    const language = readLanguageCode(body.language, 'language');
    const created = await createStory(context, {
      rubricId,
      createdBy: request.actor!.userId,
      versions: [{ language, headline: optionalText(body.headline, 'headline') ?? '', lede: optionalText(body.lede, 'lede') ?? '', body: emptyDocument(), status: 'draft' }],
    });
    return reply.code(201).send({ storyId: created.id, language });
  });

  app.get<{ Params: VersionParams }>('/api/newsroom/stories/:storyId/:language', enter, async (request) => {
    const target = { actor: actorOf(request), ...readVersionParams(request.params) };
    const version = await readVersionText(context, target);
    const autosave = await findAutosave(context, target);
    const rubric = (await rubricsById(context)).get(version.rubricId);
    const db = context.database.db;
    const names = { tags: await namedTags(db, version.tagIds, version.language), authors: await namedAuthors(db, version.authorIds, version.language) };
    return presentVersion(target.actor, version, rubric, publicUrl, autosave, names);
  });

  app.put<{ Params: VersionParams }>('/api/newsroom/stories/:storyId/:language', enter, async (request) => {
    const body = readBody(request.body, ['expectedRevision', 'fields']);
    const expectedRevision = readRevisionNumber(body.expectedRevision, 'expectedRevision');
    return saveVersionText(context, { actor: actorOf(request), ...readVersionParams(request.params), expectedRevision, fields: readTextFields(body.fields) });
  });

  app.put<{ Params: VersionParams }>('/api/newsroom/stories/:storyId/:language/autosave', enter, async (request) => {
    const body = readBody(request.body, ['baseRevision', 'fields']);
    const baseRevision = readRevisionNumber(body.baseRevision, 'baseRevision');
    return autosaveDraft(context, { actor: actorOf(request), ...readVersionParams(request.params), baseRevision, fields: readTextFields(body.fields) });
  });

  app.put<{ Params: VersionParams }>('/api/newsroom/stories/:storyId/:language/presence', enter, async (request) => {
    return markPresent(context, { actor: actorOf(request), ...readVersionParams(request.params) });
  });

  app.delete<{ Params: VersionParams }>('/api/newsroom/stories/:storyId/:language/presence', enter, async (request, reply) => {
    await leaveVersion(context, { actor: actorOf(request), ...readVersionParams(request.params) });
    return reply.code(204).send();
  });

  app.put<{ Params: VersionParams }>('/api/newsroom/stories/:storyId/:language/details', enter, async (request) => {
    const details = readBody(request.body, ['rubricId', 'urgency', 'isMain', 'tagIds', 'authorIds', 'leadImageId']);
    await updateStoryDetails(context, { actor: actorOf(request), ...readVersionParams(request.params), details });
    return { saved: true };
  });

  app.get<{ Params: VersionParams }>('/api/newsroom/stories/:storyId/:language/revisions', enter, async (request) => {
    return { revisions: await listRevisions(context, { actor: actorOf(request), ...readVersionParams(request.params) }) };
  });

  app.get<{ Params: VersionParams & { revision: string } }>('/api/newsroom/stories/:storyId/:language/revisions/:revision', enter, async (request) => {
    return findRevision(context, { actor: actorOf(request), ...readVersionParams(request.params), revision: readRevisionNumber(request.params.revision, 'revision') });
  });

  app.get<{ Params: VersionParams; Querystring: { from?: string; to?: string } }>('/api/newsroom/stories/:storyId/:language/diff', enter, async (request) => {
    const from = readRevisionNumber(request.query.from, 'from');
    const to = readRevisionNumber(request.query.to, 'to');
    return diffRevisions(context, { actor: actorOf(request), ...readVersionParams(request.params), from, to });
  });

  app.post<{ Params: VersionParams & { revision: string } }>('/api/newsroom/stories/:storyId/:language/revisions/:revision/restore', enter, async (request) => {
    const body = readBody(request.body, ['expectedRevision']);
    return restoreRevision(context, {
      actor: actorOf(request), ...readVersionParams(request.params),
      revision: readRevisionNumber(request.params.revision, 'revision'),
      expectedRevision: readRevisionNumber(body.expectedRevision, 'expectedRevision'),
    });
  });

  app.post<{ Params: VersionParams & { action: string } }>('/api/newsroom/stories/:storyId/:language/actions/:action', enter, async (request) => {
    const action = request.params.action;
    if (!isButtonAction(action)) throw new AppError('invalid_input', `action: ${action.slice(0, 40)} is not a workflow action`, { details: { field: 'action' } });
    const body = readBody(request.body, ['at', 'note', 'reason', 'fields', 'expectedRevision', 'details']);
    return takeAction(context, action, { actor: actorOf(request), ...readVersionParams(request.params) }, body);
  });

  // An update: a new story that follows this published one; the earlier story stays as it is.
  app.post<{ Params: VersionParams }>('/api/newsroom/stories/:storyId/:language/updates', enter, async (request, reply) => {
    const body = readBody(request.body, ['fields']);
    const target = { actor: actorOf(request), ...readVersionParams(request.params) };
    const created = await createUpdate(context, { ...target, ...(body.fields === undefined ? {} : { fields: readTextFields(body.fields) }) });
    return reply.code(201).send({ storyId: created.storyId, language: target.language, followsStoryId: created.followsStoryId });
  });

  app.post<{ Params: { storyId: string } }>('/api/newsroom/stories/:storyId/translations', enter, async (request, reply) => {
    const body = readBody(request.body, ['from', 'to']);
    const result = await startTranslation(context, {
      actor: actorOf(request), storyId: readId(request.params.storyId, 'storyId'),
      fromLanguage: readLanguageCode(body.from, 'from'), toLanguage: readLanguageCode(body.to, 'to'),
    });
    return reply.code(201).send(result);
  });

  app.put<{ Params: { storyId: string } }>('/api/newsroom/stories/:storyId/embargo', enter, async (request) => {
    const body = readBody(request.body, ['until']);
    const target = { actor: actorOf(request), storyId: readId(request.params.storyId, 'storyId') };
    if (body.until === null) {
      await liftEmbargo(context, target);
      return { embargoUntil: null };
    }
    const until = optionalText(body.until, 'until');
    if (until === undefined) throw new AppError('invalid_input', 'until: the end of the embargo, or null to lift it', { details: { field: 'until' } });
    return setEmbargo(context, { ...target, until });
  });
}
