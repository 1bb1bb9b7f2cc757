// How the site offers an image's renditions to the browser: one `srcset` per format for the
// `<source>` elements of a `<picture>` (AVIF, then WebP), and the fallback format's `srcset` for
// the `<img>` itself. The browser picks the first format it can show and the width it needs.

import type { Rendition } from './media-queries.ts';

export interface PictureSource {
  type: 'image/avif' | 'image/webp';
  srcset: string;
}

export interface PictureSources {
  /** The `<source>` elements, best format first; empty when the image has no renditions. */
  sources: PictureSource[];
  /** The fallback format's srcset for the `<img>`, or undefined without renditions. */
  srcset: string | undefined;
  /** The largest fallback rendition, a good `src` for browsers without srcset. */
  src: string | undefined;
}

/** `sizes` for an image across the story column: the full width on phones, the column on wide screens. */
export const STORY_IMAGE_SIZES = '(min-width: 76rem) 50rem, (min-width: 64em) calc(100vw - 26rem), calc(100vw - 2rem)';

function srcsetOf(renditions: readonly Rendition[], mediaPath: (key: string) => string): string {
  return renditions.map((r) => `${mediaPath(r.storageKey)} ${r.width}w`).join(', ');
}

export function pictureSources(renditions: readonly Rendition[] | undefined, mediaPath: (key: string) => string): PictureSources {
  if (!renditions || renditions.length === 0) return { sources: [], srcset: undefined, src: undefined };
  const byFormat = (format: Rendition['format']) => renditions.filter((r) => r.format === format).sort((a, b) => a.width - b.width);
  const fallback = [...byFormat('jpeg'), ...byFormat('png')].sort((a, b) => a.width - b.width);
  const sources: PictureSource[] = [];
  const avif = byFormat('avif');
  const webp = byFormat('webp');
  if (avif.length > 0) sources.push({ type: 'image/avif', srcset: srcsetOf(avif, mediaPath) });
  if (webp.length > 0) sources.push({ type: 'image/webp', srcset: srcsetOf(webp, mediaPath) });
  const largest = fallback[fallback.length - 1];
  return {
    sources,
    srcset: fallback.length > 0 ? srcsetOf(fallback, mediaPath) : undefined,
    src: largest ? mediaPath(largest.storageKey) : undefined,
  };
}
