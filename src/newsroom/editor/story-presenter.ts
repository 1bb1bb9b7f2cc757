// The JSON the newsroom app receives for stories: desk rows with the buttons each version offers,
// and a version opened in the editor with its public address and the user's autosave.

import { storyPath } from '../../site/index.ts';
import type { Rubric } from '../../content/index.ts';
import type { Actor, Autosave, DeskStory, VersionForEditor } from '../workflow/index.ts';
import { actionsFor, canEditText, canFollowWithUpdate, canTranslate } from './story-actions.ts';

export function presentDeskStory(actor: Actor, story: DeskStory, rubrics: ReadonlyMap<number, Rubric>) {
  const rubric = rubrics.get(story.rubricId);
  return {
    storyId: story.storyId,
    rubricId: story.rubricId,
    rubric: rubric ? Object.fromEntries(Object.entries(rubric.names).map(([language, names]) => [language, names.name])) : {},
    urgency: story.urgency,
    createdBy: story.createdBy,
    embargoUntil: story.embargoUntil,
    updatedAt: story.updatedAt,
    missingLanguages: story.missingLanguages,
    canTranslate: canTranslate(actor, story.createdBy),
    versions: story.versions.map((version) => ({
      language: version.language,
      status: version.status,
      headline: version.headline,
      revision: version.revision,
      updatedAt: version.updatedAt,
      publishedAt: version.publishedAt,
      actions: actionsFor(actor, version.status, story.createdBy),
      openBy: version.openBy.map((user) => ({ userId: user.userId, name: user.name, since: user.since })),
    })),
  };
}

export function presentVersion(
  actor: Actor, version: VersionForEditor, rubric: Rubric | undefined, publicUrl: string, autosave: Autosave | undefined,
  names: { tags: { id: number; name: string }[]; authors: { id: number; name: string }[] },
) {
  const rubricSlug = rubric?.names[version.language]?.slug ?? null;
  return {
    storyId: version.storyId,
    language: version.language,
    status: version.status,
    revision: version.revision,
    version: version.version,
    headline: version.headline,
    lede: version.lede,
    body: version.body,
    slug: version.slug,
    seoTitle: version.seoTitle,
    seoDescription: version.seoDescription,
    rubricId: version.rubricId,
    urgency: version.urgency,
    isMain: version.isMain,
    tags: names.tags,
    authors: names.authors,
    leadImageId: version.leadImageId,
    embargoUntil: version.embargoUntil,
    publishedAt: version.publishedAt,
    correctionNote: version.correctionNote,
    languages: version.languages,
    publicUrl: new URL(storyPath(version.language, rubricSlug, version.storyId, version.slug), publicUrl).href,
    canEdit: canEditText(actor, version.status, version.storyCreatedBy),
    canTranslate: canTranslate(actor, version.storyCreatedBy),
    canUpdate: canFollowWithUpdate(actor, version.status, version.storyCreatedBy),
    actions: actionsFor(actor, version.status, version.storyCreatedBy),
    autosave: autosave ?? null,
  };
}
