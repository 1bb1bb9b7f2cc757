// Where a feed lives: one function, so the routes, the discovery links and the WebSub pings agree.

import { FEED_FILES, type FeedFormat } from './feed-model.ts';

/** A scope's feed in `format`, relative to the site. */
export function feedAddress(language: string, format: FeedFormat, scope: { rubricSlug?: string; tagSlug?: string } = {}): string {
  const file = FEED_FILES[format];
  if (scope.rubricSlug) return `/${language}/${scope.rubricSlug}/${file}`;
  if (scope.tagSlug) return `/${language}/tags/${scope.tagSlug}/${file}`;
  return `/${language}/${file}`;
}
