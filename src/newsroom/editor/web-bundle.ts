// The newsroom browser app (web/) bundled by esbuild in memory when the server starts: no
// committed bundle and no build step to remember. Asset names carry a hash of their content, so
// the browser may cache them for ever and a new server version is picked up at once.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';

export interface WebAsset {
  contentType: string;
  body: Buffer;
}

export interface WebBundle {
  /** File name (no folder) → asset. */
  assets: Map<string, WebAsset>;
  script: string;
  style: string;
}

export const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export async function bundleWebApp(): Promise<WebBundle> {
  const result = await build({
    entryPoints: { app: path.join(WEB_DIR, 'main.ts') },
    bundle: true,
    write: false,
    outdir: '/assets',
    entryNames: '[name]-[hash]',
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    tsconfig: path.join(WEB_DIR, 'tsconfig.json'),
  });
  const assets = new Map<string, WebAsset>();
  let script = '';
  let style = '';
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    const extension = path.extname(name);
    assets.set(name, { contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', body: Buffer.from(file.contents) });
    if (extension === '.js') script = name;
    if (extension === '.css') style = name;
  }
  if (!script || !style) throw new Error('The newsroom app bundle lacks its script or its stylesheet');
  return { assets, script, style };
}

let shared: Promise<WebBundle> | undefined;

/**
 * One bundle per process, started on first call; a failed build is retried on the next. Once it
 * is built, esbuild's helper process (about 40 MB resident) is stopped: nothing else needs it.
 */
export function webBundle(): Promise<WebBundle> {
  shared ??= bundleWebApp().finally(() => stop()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
