// Conditional GET for feeds: the ETag names exactly which items are in the feed and when each
// last changed (so a story leaving the feed changes it too, even when nothing newer arrived), and
// Last-Modified is the newest item's change. If-None-Match wins over If-Modified-Since (RFC 9110).

import { createHash } from 'node:crypto';
import type { Feed, FeedFormat } from './feed-model.ts';

export interface Validators {
  etag: string;
  lastModified: string | undefined;
}

export function feedValidators(feed: Feed, format: FeedFormat): Validators {
  const hash = createHash('sha256');
  hash.update(`${format}\n${feed.selfUrl}\n${feed.title}\n${feed.hubs.join(' ')}\n`);
  for (const item of feed.items) hash.update(`${item.url} ${item.updated.getTime()}\n`);
  return {
    etag: `"${hash.digest('base64url').slice(0, 27)}"`,
    lastModified: feed.updated?.toUTCString(),
  };
}

/** Whether the client's copy is current, by its If-None-Match or else its If-Modified-Since. */
export function isNotModified(headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined }, validators: Validators): boolean {
  const noneMatch = headers['if-none-match'];
  if (noneMatch !== undefined) {
    if (noneMatch.trim() === '*') return true;
    return noneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === validators.etag);
  }
  const since = headers['if-modified-since'];
  if (since === undefined || validators.lastModified === undefined) return false;
  const sinceMs = Date.parse(since);
  // HTTP dates have whole seconds; the item times have milliseconds.
  return Number.isFinite(sinceMs) && Math.floor(Date.parse(validators.lastModified) / 1000) <= Math.floor(sinceMs / 1000);
}
