// The JSON the newsroom receives for an image of the library: the addresses of its files (as the
// site serves them under /media/), never a path on disk.

import type { MediaImage } from './media-queries.ts';

export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

export function presentImage(image: MediaImage) {
  return {
    id: image.id,
    url: mediaUrl(image.storageKey),
    mimeType: image.mimeType,
    width: image.width,
    height: image.height,
    byteSize: image.byteSize,
    credit: image.credit,
    originalName: image.originalName,
    uploadedBy: image.uploadedBy,
    createdAt: image.createdAt,
    updatedAt: image.updatedAt,
    texts: image.texts,
    renditions: image.renditions.map((r) => ({ format: r.format, width: r.width, height: r.height, byteSize: r.byteSize, url: mediaUrl(r.storageKey) })),
  };
}

export type PresentedImage = ReturnType<typeof presentImage>;
