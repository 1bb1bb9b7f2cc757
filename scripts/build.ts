// `npm run build` (also run by `npm install` and `npm ci`, as `prepare`): compiles the server (src/
// and bin/build-freshness.js) into ES modules in dist/server/ and bundles the newsroom app (web/)
// into dist/web/, then writes dist/build.json, which `bin/dispatch.js` reads to decide whether the
// build is fresh (see bin/build-freshness.js). The packages are compiled in, except those in
// EXTERNAL_PACKAGES; the server's own modules that are imported on demand (`await import(...)`)
// stay separate files, loaded only when needed, as with the sources.
// (`npm start` first runs `node bin/build-freshness.js`, and this only when the build is not fresh.)
//
// A module that finds files beside it through `import.meta.url` (the site's stylesheet, the demo
// agency) keeps finding them in the source tree: each bundled module's `import.meta.url` is its
// source file's address. The build is therefore used in place, in its checkout.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Plugin } from 'esbuild';
import { BUILD_DIR, newestMtimeMs, ROOT, SERVER_SOURCES, STAMP_FILE, WEB_SOURCES } from '../bin/build-freshness.js';
import type { BuiltWebBundle } from '../src/newsroom/editor/web-bundle.ts';

/**
 * Packages loaded from node_modules as they are: native bindings, the build tools, pg (loaded only
 * on PostgreSQL) and pino (whose transports run files of its own in worker threads, found beside
 * its modules). Every other package the server imports is compiled into the build, which spares
 * Node resolving and reading a few hundred files one by one at each start.
 */
const EXTERNAL_PACKAGES = ['better-sqlite3', '@node-rs/argon2', 'sharp', 'pg', 'pino', 'esbuild', 'tsx'];
const SERVER_DIR = 'server';
const WEB_OUTPUT_DIR = 'web';

const { values: args } = parseArgs({ options: { quiet: { type: 'boolean', default: false } } });

/** Gives each bundled module of this checkout its own source address as `import.meta.url`. */
function sourceAddresses(outputDir: string): Plugin {
  return {
    name: 'source-addresses',
    setup(plugin) {
      plugin.onLoad({ filter: /\.[cm]?[jt]s$/ }, (file) => {
        const source = readFileSync(file.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        if (file.path.includes(`${path.sep}node_modules${path.sep}`)) {
          throw new Error(`${file.path} uses import.meta; it cannot be bundled (add its package to EXTERNAL_PACKAGES)`);
        }
        if (/import\.meta\.(?!url\b)/.test(source)) throw new Error(`${file.path}: only import.meta.url is kept right by the build`);
        const relative = path.relative(outputDir, file.path).split(path.sep).join('/');
        return {
          contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
          loader: file.path.endsWith('.js') ? 'js' : 'ts',
        };
      });
    },
  };
}

/** Lets the compiled CommonJS packages `require` what they load at run time. */
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Compiles the server into `outputDir`; returns its entry file, relative to `buildDir`. */
async function buildServer(buildDir: string, outputDir: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir: outputDir,
    // Every file in one folder, so `import.meta.url` rewritten relative to it holds for all.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    banner: { js: REQUIRE_BANNER },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceAddresses(outputDir)],
  });
  const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === 'src/cli/main.ts');
  if (!entry) throw new Error('the server build has no entry file');
  return path.relative(buildDir, path.join(ROOT, entry[0])).split(path.sep).join('/');
}

async function buildWeb(outputDir: string): Promise<string[]> {
  const { bundleWebApp } = await import('../src/newsroom/editor/web-bundle.ts');
  const bundle = await bundleWebApp();
  mkdirSync(outputDir, { recursive: true });
  for (const [name, asset] of bundle.assets) writeFileSync(path.join(outputDir, name), asset.body);
  return [...bundle.assets.keys()].sort();
}

async function main(): Promise<void> {
  const started = performance.now();
  const dist = path.join(ROOT, BUILD_DIR);
  // Made beside dist/ (so at the same depth: the source addresses hold) and swapped in whole, so
  // a start meanwhile finds the old build or none, never half of one.
  const next = path.join(ROOT, `${BUILD_DIR}.next-${process.pid}`);
  const old = path.join(ROOT, `${BUILD_DIR}.old-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  try {
    // Taken before compiling: a source saved during the build makes it stale, never the reverse.
    const serverSourcesMtimeMs = newestMtimeMs(ROOT, SERVER_SOURCES);
    const webSourcesMtimeMs = newestMtimeMs(ROOT, WEB_SOURCES);
    const entry = await buildServer(next, path.join(next, SERVER_DIR));
    const files = await buildWeb(path.join(next, WEB_OUTPUT_DIR));
    const web: BuiltWebBundle = { dir: WEB_OUTPUT_DIR, files, sourcesMtimeMs: webSourcesMtimeMs };
    const stamp = { builtAt: new Date().toISOString(), node: process.version, server: { entry, sourcesMtimeMs: serverSourcesMtimeMs }, web };
    writeFileSync(path.join(next, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
    rmSync(old, { recursive: true, force: true });
    try {
      renameSync(dist, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    renameSync(next, dist);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(next, { recursive: true, force: true });
    await (await import('esbuild')).stop();
  }
  if (!args.quiet) process.stderr.write(`built ${BUILD_DIR}/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

await main();
