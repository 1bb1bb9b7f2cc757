// "Translate into English": creates the story's version in another language as a draft, starting
// from a copy of the source text so nothing of the layout (images, embeds) has to be rebuilt, and
// returns the source beside it for the translator. Each language version has its own status.

import { addLanguageVersion, validId, validLanguage, type StoryDocument } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { validActor, type Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { runCommand } from './run-command.ts';
import { authorize } from './transitions.ts';
import { loadVersion } from './version-rows.ts';
import { textOf, type VersionText } from './version-text.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface TextForEditor extends Omit<VersionText, 'body'> {
  language: string;
  status: string;
  revision: number;
  body: StoryDocument;
}

export async function startTranslation(
  context: WorkflowContext,
  params: { actor: Actor; storyId: number; fromLanguage: string; toLanguage: string },
): Promise<{ source: TextForEditor; translation: TextForEditor }> {
  const actor = validActor(params.actor);
  const storyId = validId(params.storyId, 'storyId');
  const from = validLanguage(params.fromLanguage, context.languages, 'fromLanguage');
  const to = validLanguage(params.toLanguage, context.languages, 'toLanguage');
  if (from === to) throw new AppError('invalid_input', 'toLanguage: must differ from fromLanguage', { details: { field: 'toLanguage' } });
  return runCommand(context, async ({ trx, now, storyChanged }) => {
    const source = await loadVersion(trx, context.database.dialect, storyId, from);
    authorize('translate', actor, { storyCreatedBy: source.storyCreatedBy });
    const existing = await trx.selectFrom('story_versions').select('status').where('story_id', '=', storyId).where('language', '=', to).executeTakeFirst();
    if (existing) throw new AppError('translation_exists', `Story ${storyId} already has a ${to} version (${existing.status})`, { details: { language: to, status: existing.status } });
    await addLanguageVersion({ ...context, database: { ...context.database, db: trx }, clock: () => now }, storyId, {
      language: to,
      headline: source.headline,
      lede: source.lede,
      body: JSON.parse(source.body) as StoryDocument,
      status: 'draft',
    });
    const translation = await loadVersion(trx, context.database.dialect, storyId, to);
    await writeAudit(trx, { actor, action: 'translate', at: now, storyId, versionId: translation.id, language: to, toStatus: 'draft', details: { fromLanguage: from } });
    await storyChanged(storyId, [to], 'translate');
    const present = (v: typeof source): TextForEditor => ({ ...textOf(v), body: JSON.parse(v.body) as StoryDocument, language: v.language, status: v.status, revision: v.revision });
    return { source: present(source), translation: present(translation) };
  });
}
