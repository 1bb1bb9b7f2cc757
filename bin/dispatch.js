#!/usr/bin/env node
// The `dispatch` command. It runs the build in dist/ (`npm run build`, made by `npm install` too)
// when that build was made from the sources as they are now, and otherwise the TypeScript sources
// through tsx's loader, so stale code never runs: editing a source file switches to the sources
// until the next build. The built code starts in a fraction of the time, since nothing is
// transpiled or resolved file by file. DISPATCH_RUN=sources always runs the sources and
// DISPATCH_RUN=build the build, fresh or not; the choice made is passed on that way to the
// processes `serve --workers N` forks, so all of them run the same code.
import process from 'node:process';
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { serverBuild } from './build-freshness.js';

const chosen = process.env.DISPATCH_RUN;
if (chosen !== undefined && chosen !== 'sources' && chosen !== 'build') {
  process.stderr.write(`dispatch: DISPATCH_RUN must be "sources" or "build", not "${chosen}"\n`);
  process.exit(1);
}
const build = chosen === 'sources' ? undefined : serverBuild();
if (chosen === 'build' && build?.state === 'missing') {
  process.stderr.write('dispatch: DISPATCH_RUN=build but there is no build in dist/; run npm run build\n');
  process.exit(1);
}

if (build?.state === 'fresh' || (chosen === 'build' && build?.entry)) {
  process.env.DISPATCH_RUN = 'build';
  // Node 22.1 and later keep the compiled code between starts (Node 20 has no such cache).
  module.enableCompileCache?.();
  await import(pathToFileURL(build.entry).href);
} else {
  if (build?.state === 'stale' && process.stderr.isTTY) {
    process.stderr.write('dispatch: sources changed since the last build, running them through tsx (npm run build makes the start fast again)\n');
  }
  process.env.DISPATCH_RUN = 'sources';
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
