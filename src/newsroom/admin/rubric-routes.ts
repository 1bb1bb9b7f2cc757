// Rubrics for editors: create, rename and re-slug per language (a former slug keeps answering with
// a 301), and reorder. The list is the editor's `GET /api/newsroom/rubrics`. The site shows each
// change at once.

import type { FastifyInstance } from 'fastify';
import { createRubric, reorderRubrics, updateRubric } from '../../content/index.ts';
import { requireActor } from '../access/require-actor.ts';
import { FieldErrors, readId, readObjectBody, refuseUnknownFields } from '../http/api-input.ts';
import { auditedChange } from './admin-audit.ts';
import type { AdminDeps } from './admin-deps.ts';
import { readNameChanges, readRenameBody } from './taxonomy-input.ts';

export function registerRubricRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const languages = deps.config.languages.map((language) => language.code);
  const editors = { preHandler: requireActor('rubric.manage') };
  const contextOf = (database: AdminDeps['database']) => ({ database, languages, clock: deps.clock });

  app.post('/api/newsroom/rubrics', editors, async (request, reply) => {
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, ['key', 'names', 'slugs'], errors);
    if (typeof body.key !== 'string') errors.add('key', 'is required');
    const { names, slugs } = readNameChanges(body, errors);
    if (!names) errors.add('names', 'give a name in at least one language');
    errors.throwIfAny();
    const rubric = await auditedChange(request, deps.database, { action: 'rubric.create', at: deps.clock(), details: { key: body.key, names } }, async (database) => {
      const position = (await database.db.selectFrom('rubrics').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst())?.max ?? 0;
      return createRubric(contextOf(database), { key: body.key as string, names: names!, slugs, position: Number(position) + 10 });
    });
    await deps.reloadSite();
    return reply.code(201).send({ rubric });
  });

  app.patch<{ Params: { id: string } }>('/api/newsroom/rubrics/:id', editors, async (request) => {
    const id = readId(request.params.id);
    const changes = readRenameBody(request.body);
    const rubric = await auditedChange(request, deps.database, { action: 'rubric.update', at: deps.clock(), details: { rubricId: id, ...changes } }, (database) =>
      updateRubric(contextOf(database), id, changes),
    );
    await deps.reloadSite();
    return { rubric };
  });

  app.put('/api/newsroom/rubrics/order', editors, async (request) => {
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, ['order'], errors);
    if (!Array.isArray(body.order) || !body.order.every((id) => Number.isSafeInteger(id))) errors.add('order', 'must be the list of rubric ids');
    errors.throwIfAny();
    const order = body.order as number[];
    const rubrics = await auditedChange(request, deps.database, { action: 'rubric.reorder', at: deps.clock(), details: { order } }, (database) =>
      reorderRubrics(contextOf(database), order),
    );
    await deps.reloadSite();
    return { rubrics };
  });
}
