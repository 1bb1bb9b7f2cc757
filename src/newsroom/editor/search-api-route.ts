// GET /api/newsroom/search?q&language&status&rubric&from&to&page — the archive search of the
// newsroom app: validate the query string → requireActor (the desk's right) → searchArchive
// (the statuses the role may read) → present. Dates are days (`to` taken in) or instants; the
// query text is never an error; while the index is first built the answer is 503
// `search_index_building`.

import type { FastifyInstance } from 'fastify';
import { listRubrics } from '../../content/index.ts';
import { requireActor } from '../access/require-actor.ts';
import { searchArchive, type WorkflowContext } from '../workflow/index.ts';
import { readId } from '../http/api-input.ts';
import { presentSearchPage } from './search-presenter.ts';
import { queryDay, queryText } from './story-input.ts';

export function registerSearchApiRoute(app: FastifyInstance, context: WorkflowContext): void {
  app.get('/api/newsroom/search', { preHandler: requireActor('story.list') }, async (request) => {
    // 1. Read the query string.
    const query = request.query as Record<string, unknown>;
    const rubric = queryText(query, 'rubric');
    const page = queryText(query, 'page');
    const to = queryDay(query, 'to', true);
    const actor = request.actor!;
    // 2. Search what the role may read, in the chosen language (the user's own by default).
    const found = await searchArchive(context, {
      actor: { userId: actor.userId, role: actor.role },
      query: queryText(query, 'q') ?? '',
      language: queryText(query, 'language') ?? (context.languages.includes(actor.language) ? actor.language : context.languages[0]!),
      status: queryText(query, 'status'),
      rubricId: rubric === undefined ? undefined : readId(rubric, 'rubric'),
      from: queryDay(query, 'from', false),
      to: to === undefined || Number.isNaN(Date.parse(to)) ? to : new Date(Date.parse(to) - 1).toISOString(),
      page: page === undefined ? undefined : readId(page, 'page'),
    });
    // 3. Present.
    const rubrics = new Map((await listRubrics(context)).map((r) => [r.id, r]));
    return presentSearchPage(found, rubrics, context.languages);
  });
}
