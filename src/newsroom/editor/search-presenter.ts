// The JSON the newsroom app receives for an archive search. Headlines and snippets come from the
// search domain as escaped text with <mark> around matching words; the app builds its DOM from
// text only, so they go out as parts ({ text, isMatch }) instead of HTML.

import type { Rubric, StoryStatus } from '../../content/index.ts';
import type { SearchPage } from '../../search/index.ts';

export interface MarkedPart {
  text: string;
  isMatch: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

/** Escaped text with <mark>…</mark> (what the search domain makes, nothing else) → parts. */
export function markedParts(html: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  for (const [index, piece] of html.split(/<\/?mark>/).entries()) {
    if (piece !== '') parts.push({ text: unescape(piece), isMatch: index % 2 === 1 });
  }
  return parts;
}

export function presentSearchPage(result: { page: SearchPage; statuses: readonly StoryStatus[] }, rubrics: ReadonlyMap<number, Rubric>, languages: readonly string[]) {
  const { page } = result;
  return {
    results: page.results.map((found) => {
      const rubric = rubrics.get(found.rubricId);
      return {
        storyId: found.storyId,
        language: found.language,
        status: found.status,
        rubric: rubric ? Object.fromEntries(Object.entries(rubric.names).map(([language, names]) => [language, names.name])) : {},
        publishedAt: found.publishedAt,
        headline: markedParts(found.headlineHtml),
        snippet: markedParts(found.snippetHtml),
        isHeadlineMatch: found.isHeadlineMatch,
        editorUrl: `/newsroom/app/stories/${found.storyId}/${found.language}`,
      };
    }),
    page: page.page,
    hasNextPage: page.hasNextPage,
    total: page.total,
    isExact: page.isExact,
    problem: page.problem ?? null,
    truncated: page.truncated,
    statuses: result.statuses,
    languages,
  };
}
