// Whether the build in dist/ (made by `npm run build`) was made from the sources as they are now.
// Plain JavaScript because `bin/dispatch.js` asks before any TypeScript loader is registered. The
// rule: a build records the newest modification time among its sources when it was made; it is
// fresh while no source file or folder (a folder's time moves when a file in it is added, removed
// or renamed) is newer than that. Test files (*.test.ts) are not part of the build and do not count.
//
// Run as a command (`node bin/build-freshness.js`, as `npm start` does before it builds), it exits
// with 0 when the build is fresh and 1 otherwise, saying which.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The checkout this file belongs to. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the server build is made from, relative to the checkout. */
export const SERVER_SOURCES = ['src', 'web', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.ts'];
/** What the newsroom app's bundle is made from. */
export const WEB_SOURCES = ['web', 'package-lock.json'];

export const BUILD_DIR = 'dist';
/** The build's record, written last: a build without one is unfinished. */
export const STAMP_FILE = 'build.json';

function newestUnder(file, newest) {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return newest;
  }
  if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  if (!stat.isDirectory()) return newest;
  for (const entry of readdirSync(file, { withFileTypes: true })) {
    const name = entry.name;
    if (name.startsWith('.') || name === 'node_modules' || name.endsWith('.test.ts')) continue;
    const full = `${file}/${name}`;
    if (entry.isDirectory()) newest = newestUnder(full, newest);
    else {
      const mtimeMs = statSync(full).mtimeMs;
      if (mtimeMs > newest) newest = mtimeMs;
    }
  }
  return newest;
}

/** The newest modification time (ms) among the given files and everything under the given folders. */
export function newestMtimeMs(root, sources) {
  let newest = 0;
  for (const source of sources) newest = newestUnder(path.join(root, source), newest);
  return newest;
}

/** The stamp of the build in `root`, or undefined when there is none (never built, or unfinished). */
export function readStamp(root = ROOT) {
  try {
    return JSON.parse(readFileSync(path.join(root, BUILD_DIR, STAMP_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The server build: `missing`, or its entry file and whether it is `fresh` or `stale` (a source
 * changed after it was made).
 */
export function serverBuild(root = ROOT) {
  const stamp = readStamp(root);
  if (!stamp || typeof stamp.server?.entry !== 'string' || typeof stamp.server.sourcesMtimeMs !== 'number') return { state: 'missing' };
  const entry = path.join(root, BUILD_DIR, stamp.server.entry);
  return { state: newestMtimeMs(root, SERVER_SOURCES) > stamp.server.sourcesMtimeMs ? 'stale' : 'fresh', entry };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { state } = serverBuild();
  if (state !== 'fresh') process.stderr.write(`the build in ${BUILD_DIR}/ is ${state}\n`);
  process.exitCode = state === 'fresh' ? 0 : 1;
}
