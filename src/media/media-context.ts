// What the media library's commands and queries need: the content context (database, languages,
// clock), the folder the files go to, and the upload limits from the configuration.

import type { ContentContext } from '../content/index.ts';

export interface MediaLimits {
  /** The largest upload, in bytes. */
  maxBytes: number;
  /** The most pixels (width × height) an image may decode to. */
  maxPixels: number;
}

export interface MediaContext extends ContentContext {
  mediaDir: string;
  limits: MediaLimits;
}

/** Who does something in the newsroom, as the accounts' `requireActor` sets it on a request. */
export type { Actor } from '../newsroom/index.ts';

/** The media context from the content context and the configuration's media settings. */
export function mediaContextFor(
  context: ContentContext,
  config: { mediaDir: string; mediaMaxBytes: number; mediaMaxPixels: number },
): MediaContext {
  return { ...context, mediaDir: config.mediaDir, limits: { maxBytes: config.mediaMaxBytes, maxPixels: config.mediaMaxPixels } };
}
