// The files of the media library on disk. Keys are content addresses: the sha256 of the stored
// original names the image, and its renditions are named after it, so the same picture uploaded
// twice lands on the same files. Every file is written to a temporary name in the same folder,
// flushed, then renamed into place: a crash leaves either the whole file or none, never half.

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { EXTENSIONS, type ImageFormat } from './sniff-format.ts';
import type { RenditionFormat } from './process-image.ts';

const RENDITION_EXTENSIONS: Readonly<Record<RenditionFormat, string>> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `library/3f/3f2a….jpg`: a two-letter folder keeps any one folder small. */
export function originalKey(hash: string, format: ImageFormat): string {
  return `library/${hash.slice(0, 2)}/${hash}.${EXTENSIONS[format]}`;
}

/** `library/3f/3f2a…-960w.avif`. */
export function renditionKey(hash: string, width: number, format: RenditionFormat): string {
  return `library/${hash.slice(0, 2)}/${hash}-${width}w.${RENDITION_EXTENSIONS[format]}`;
}

/** Writes `bytes` at `key` under `mediaDir` unless a file is already there (same key, same content). */
export async function writeMediaFile(mediaDir: string, key: string, bytes: Uint8Array): Promise<void> {
  const target = path.join(mediaDir, key);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isFile() && existing.size === bytes.length) return;
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  // A leading dot: the media route never serves it, and a sweep can tell leftovers apart.
  const temporary = path.join(folder, `.upload-${randomUUID()}`);
  const file = await open(temporary, 'wx');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await file.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Deletes the temporary files a crash left in the library's folders (written, never renamed),
 * once they are older than `olderThanMs`, so an upload still being written is never touched.
 * Returns how many it removed.
 */
export async function removeLeftoverUploads(mediaDir: string, olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
  const library = path.join(mediaDir, 'library');
  let removed = 0;
  const folders = await readdir(library, { withFileTypes: true }).catch(() => []);
  for (const folder of folders) {
    if (!folder.isDirectory()) continue;
    const names = await readdir(path.join(library, folder.name)).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith('.upload-')) continue;
      const file = path.join(library, folder.name, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && now - info.mtimeMs > olderThanMs) {
        await unlink(file).catch(() => undefined);
        removed += 1;
      }
    }
  }
  return removed;
}
