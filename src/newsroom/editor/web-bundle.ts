// The newsroom browser app (web/) bundled by esbuild. `npm run build` bundles it ahead of time into
// dist/web/, and the server reads those files while none of web/ is newer than they are; otherwise
// (a checkout never built, or the app edited since) the server bundles it in memory on first need.
// Asset names carry a hash of their content, so the browser may cache them for ever and a new
// server version is picked up at once.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, newestMtimeMs, readStamp, ROOT, WEB_SOURCES } from '../../../bin/build-freshness.js';

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

function bundleOf(files: Array<{ name: string; contents: Uint8Array }>): WebBundle {
  const assets = new Map<string, WebAsset>();
  let script = '';
  let style = '';
  for (const file of files) {
    const extension = path.extname(file.name);
    assets.set(file.name, { contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', body: Buffer.from(file.contents) });
    if (extension === '.js') script = file.name;
    if (extension === '.css') style = file.name;
  }
  if (!script || !style) throw new Error('The newsroom app bundle lacks its script or its stylesheet');
  return { assets, script, style };
}

/** Bundles web/ in memory. esbuild is loaded only here: a server with a built bundle never needs it. */
export async function bundleWebApp(): Promise<WebBundle> {
  const { build } = await import('esbuild');
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
  return bundleOf(result.outputFiles.map((file) => ({ name: path.basename(file.path), contents: file.contents })));
}

/** What the build records of the bundle it wrote: the asset files in `dir` of dist/. */
export interface BuiltWebBundle {
  dir: string;
  files: string[];
  sourcesMtimeMs: number;
}

/** The bundle `npm run build` wrote, when nothing it was made from has changed since. */
export function readBuiltWebBundle(root = ROOT): WebBundle | undefined {
  const built = (readStamp(root) as { web?: BuiltWebBundle } | undefined)?.web;
  if (!built || !Array.isArray(built.files) || typeof built.sourcesMtimeMs !== 'number') return undefined;
  if (newestMtimeMs(root, WEB_SOURCES) > built.sourcesMtimeMs) return undefined;
  try {
    return bundleOf(built.files.map((name) => ({ name, contents: readFileSync(path.join(root, BUILD_DIR, built.dir, name)) })));
  } catch {
    return undefined;
  }
}

let shared: Promise<WebBundle> | undefined;

/**
 * One bundle per process: the built one, or else one made in memory on first call (a failed
 * build is retried on the next). Once it is made, esbuild's helper process (about 40 MB resident)
 * is stopped: nothing else needs it.
 */
export function webBundle(): Promise<WebBundle> {
  shared ??= Promise.resolve().then(() => readBuiltWebBundle() ?? bundleInMemory());
  return shared;
}

function bundleInMemory(): Promise<WebBundle> {
  return bundleWebApp()
    .finally(async () => (await import('esbuild')).stop())
    .catch((error: unknown) => {
      shared = undefined;
      throw error;
    });
}
