// The newsroom's archive search: the site's query language (words in any form, "phrases",
// -excluded, prefix*) over the versions of every status the user may read the text of. The
// snippets show text, so the rule is the workflow's `readText`: translators and editors read
// every story, so they search every status; a reporter reads only their own stories' text, so
// searches what readers see (published, corrected), their own work being on the desk.

import { isStoryStatus, PUBLIC_STATUSES, STORY_STATUSES, validLanguage, type StoryStatus } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { searchStories, type SearchPage } from '../../search/index.ts';
import { isSystemActor, validActor, type Actor, type UserActor } from './actor.ts';
import { authorize, WORKFLOW } from './transitions.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface ArchiveSearchFilter {
  actor: Actor;
  query: string;
  language: string;
  status?: string | undefined;
  rubricId?: number | undefined;
  /** Instants: versions visible (published, or last changed for drafts) at or after / before. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

/** The statuses whose versions the actor finds in the newsroom's search. */
export function searchableStatuses(actor: Actor): readonly StoryStatus[] {
  if (isSystemActor(actor)) return [];
  const scope = (WORKFLOW.readText.who as Partial<Record<string, string>>)[actor.role];
  return scope === 'any' ? STORY_STATUSES : scope === 'own' ? PUBLIC_STATUSES : [];
}

export async function searchArchive(context: WorkflowContext, filter: ArchiveSearchFilter): Promise<{ page: SearchPage; statuses: readonly StoryStatus[] }> {
  // 1. Who may search what.
  const actor = validActor(filter.actor);
  authorize('readDesk', actor);
  const statuses = searchableStatuses(actor);
  // 2. The filters (the query text is never an error; searchStories checks the rest).
  const language = validLanguage(filter.language, context.languages);
  if (filter.status !== undefined && !isStoryStatus(filter.status)) {
    throw new AppError('invalid_input', 'status: is not a story status', { details: { field: 'status' } });
  }
  if (filter.status !== undefined && !(statuses as readonly string[]).includes(filter.status)) {
    throw new AppError('forbidden', `A ${(actor as UserActor).role.replace('_', ' ')} does not search ${filter.status} versions`, { details: { field: 'status' } });
  }
  // 3. Search.
  const page = await searchStories({ database: context.database, clock: context.clock }, {
    query: filter.query,
    language,
    audience: 'newsroom',
    statuses: filter.status === undefined ? statuses : [filter.status],
    rubricId: filter.rubricId,
    from: filter.from,
    to: filter.to,
    page: filter.page,
  });
  return { page, statuses };
}
