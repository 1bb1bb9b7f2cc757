// Tags for editors: the list with a search, create, rename and re-slug per language, and merge one
// tag into another (its stories keep the tag merged into; its addresses answer with a 301).
// The editor's autocomplete stays `GET /api/newsroom/tags?q=`.

import type { FastifyInstance } from 'fastify';
import { createTag, listTags, mergeTags, updateTag } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../access/require-actor.ts';
import { FieldErrors, readId, readObjectBody, refuseUnknownFields } from '../http/api-input.ts';
import { auditedChange } from './admin-audit.ts';
import type { AdminDeps } from './admin-deps.ts';
import { readNameChanges, readRenameBody } from './taxonomy-input.ts';

const PAGE = 50;

export function registerTagRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const languages = deps.config.languages.map((language) => language.code);
  const editors = { preHandler: requireActor('tag.manage') };
  const contextOf = (database: AdminDeps['database']) => ({ database, languages, clock: deps.clock });

  app.get<{ Querystring: { q?: string; after?: string } }>('/api/newsroom/tags/all', editors, async (request) => {
    const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 120) : undefined;
    const after = request.query.after === undefined ? undefined : readId(request.query.after, 'after');
    const page = await listTags(deps.database, { query, after, limit: PAGE });
    return { tags: page.tags, next: page.next ?? null };
  });

  app.post('/api/newsroom/tags', editors, async (request, reply) => {
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, ['key', 'names'], errors);
    if (typeof body.key !== 'string') errors.add('key', 'is required');
    const { names } = readNameChanges(body, errors);
    if (!names) errors.add('names', 'give a name in at least one language');
    errors.throwIfAny();
    const tag = await auditedChange(request, deps.database, { action: 'tag.create', at: deps.clock(), details: { key: body.key, names } }, (database) =>
      createTag(contextOf(database), { key: body.key as string, names: names! }),
    );
    return reply.code(201).send({ tag });
  });

  app.patch<{ Params: { id: string } }>('/api/newsroom/tags/:id', editors, async (request) => {
    const id = readId(request.params.id);
    const changes = readRenameBody(request.body);
    const tag = await auditedChange(request, deps.database, { action: 'tag.update', at: deps.clock(), details: { tagId: id, ...changes } }, (database) =>
      updateTag(contextOf(database), id, changes),
    );
    return { tag };
  });

  app.post<{ Params: { id: string } }>('/api/newsroom/tags/:id/merge', editors, async (request) => {
    const fromId = readId(request.params.id);
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, ['into'], errors);
    if (!Number.isSafeInteger(body.into) || (body.into as number) < 1) errors.add('into', 'must be the id of the tag to merge into');
    errors.throwIfAny();
    const intoId = body.into as number;
    if (intoId === fromId) throw new AppError('invalid_input', 'into: choose another tag than the one merged', { details: { field: 'into' } });
    const merged = await auditedChange(request, deps.database, { action: 'tag.merge', at: deps.clock(), details: { fromId, intoId } }, (database) =>
      mergeTags(contextOf(database), { fromId, intoId }),
    );
    return { tag: merged.tag, storyIds: merged.storyIds };
  });
}
