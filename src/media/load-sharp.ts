// sharp (libvips) is loaded when the first image is inspected or processed, not when the server
// starts: it adds about 20 MB to every process's resident memory, and most processes (site
// workers) never handle an upload.

import type sharpModule from 'sharp';

export type Sharp = typeof sharpModule;

let loading: Promise<Sharp> | undefined;

export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
