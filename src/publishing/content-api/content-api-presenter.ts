// Presenters of the content API: the only place that decides the JSON a client receives. Shapes
// follow the OpenAPI document's schemas (the tests hold every answer against them).

import { renderDocumentHtml, type ListedStory, type PageVersion, type Rubric, type StoryDocument, type VisibleTranslation } from '../../content/index.ts';
import type { ContentApiSite } from './content-api-site.ts';

function rubricRef(rubric: Rubric | undefined, language: string) {
  const named = rubric?.names[language];
  return rubric && named ? { key: rubric.key, name: named.name, slug: named.slug } : null;
}

export function presentStorySummary(site: ContentApiSite, story: ListedStory, language: string, rubric: Rubric | undefined) {
  const ref = rubricRef(rubric, language);
  return {
    id: story.storyId,
    language,
    headline: story.headline,
    lede: story.lede,
    publishedAt: story.publishedAt,
    urgency: story.urgency,
    rubric: ref,
    url: site.publicUrl + site.storyPath(language, ref?.slug ?? null, story.storyId, story.slug),
  };
}

export function presentStory(site: ContentApiSite, params: {
  version: PageVersion; urgency: number; rubric: Rubric | undefined; translations: VisibleTranslation[];
  tags: Array<{ name: string; slug: string }>; authors: Array<{ key: string; name: string }>;
}) {
  const { version } = params;
  const ref = rubricRef(params.rubric, version.language);
  return {
    id: version.storyId,
    language: version.language,
    headline: version.headline,
    lede: version.lede,
    publishedAt: version.publishedAt!,
    urgency: params.urgency,
    rubric: ref,
    url: site.publicUrl + site.storyPath(version.language, ref?.slug ?? null, version.storyId, version.slug),
    version: version.version,
    bodyHtml: renderDocumentHtml(JSON.parse(version.body) as StoryDocument),
    correction: version.correctionNote && version.correctedAt ? { note: version.correctionNote, at: version.correctedAt } : null,
    tags: params.tags,
    authors: params.authors,
    translations: params.translations
      .filter((t) => t.language !== version.language)
      .map((t) => ({ language: t.language, url: site.publicUrl + site.storyPath(t.language, t.rubricSlug, version.storyId, t.slug) })),
  };
}
