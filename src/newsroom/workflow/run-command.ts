// Runs a workflow command in one transaction of its own and, only once it has committed, tells the
// event bus which stories changed. A command that fails rolls back and announces nothing.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { refreshStoryListings } from '../../content/index.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface CommandScope {
  trx: Kysely<Schema>;
  now: Date;
  /**
   * Records that a story's public face may have changed: refreshes its tag and author listings
   * and moves the changed versions to the end of the wire's polling order, now, in the
   * transaction, and announces it after commit.
   */
  storyChanged(storyId: number, languages: readonly string[], action: string): Promise<void>;
}

export async function runCommand<T>(context: WorkflowContext, work: (scope: CommandScope) => Promise<T>): Promise<T> {
  if (context.database.db.isTransaction) throw new Error('workflow commands run in a transaction of their own, so their events follow the commit');
  const now = context.clock();
  const changes = new Map<number, { languages: Set<string>; action: string }>();
  const result = await context.database.db.transaction().execute(async (trx) =>
    work({
      trx,
      now,
      async storyChanged(storyId, languages, action) {
        await refreshStoryListings(trx, storyId);
        if (languages.length > 0) {
          await trx.updateTable('story_versions').set({ wire_changed_at: now.toISOString() }).where('story_id', '=', storyId).where('language', 'in', [...languages]).execute();
        }
        const change = changes.get(storyId) ?? { languages: new Set<string>(), action };
        for (const language of languages) change.languages.add(language);
        changes.set(storyId, change);
      },
    }),
  );
  for (const [storyId, change] of changes) {
    context.events.emitStoryChanged({ storyId, languages: [...change.languages], action: change.action });
  }
  return result;
}
