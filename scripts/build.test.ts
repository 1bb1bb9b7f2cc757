// The build (`npm run build`) and the rule by which `bin/dispatch.js` runs it, tried on a copy of
// this checkout, whose sources the tests change: a fresh build runs, serving the site and the
// newsroom app from dist/ (its workers too); once a source changes, the sources run until the
// next build, and `npm start`'s check says the build is stale.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newestMtimeMs, ROOT, serverBuild } from '../bin/build-freshness.js';
import { freePort, runCli, startServer } from '../src/testing/cli.ts';
import { readBuiltWebBundle } from '../src/newsroom/editor/web-bundle.ts';

const COPIED = ['bin', 'src', 'web', 'scripts/build.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

let checkout: string;
let bin: string;
const temporary: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

function build(): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--quiet'], { cwd: checkout, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
}

/** `node bin/build-freshness.js`, which `npm start` runs to decide whether to build first. */
function freshness(): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(checkout, 'bin', 'build-freshness.js')], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

function stamp(): { builtAt: string; web: { dir: string; files: string[] } } {
  return JSON.parse(readFileSync(path.join(checkout, 'dist', 'build.json'), 'utf8'));
}

/** The runner's own DISPATCH_RUN (set to run the other CLI tests on the sources) is not passed on. */
const ALONE = { DISPATCH_RUN: undefined };

async function runningWhat(env: Record<string, string> = {}): Promise<string> {
  const result = await runCli(['--version'], { bin, env: { ...ALONE, ...env } });
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

/** Sets a file's modification time `seconds` from now. */
function touch(file: string, seconds = 1): void {
  const when = new Date(Date.now() + seconds * 1000);
  utimesSync(path.join(checkout, file), when, when);
}

before(() => {
  checkout = tempDir('dispatch-build-');
  for (const entry of COPIED) cpSync(path.join(ROOT, entry), path.join(checkout, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'));
  bin = path.join(checkout, 'bin', 'dispatch.js');
  build();
});
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('the newest modification time of the sources', () => {
  test('counts files and folders at any depth, but not test files', () => {
    const tree = tempDir('dispatch-mtimes-');
    mkdirSync(path.join(tree, 'src', 'deep'), { recursive: true });
    writeFileSync(path.join(tree, 'src', 'deep', 'a.ts'), '');
    writeFileSync(path.join(tree, 'src', 'deep', 'a.test.ts'), '');
    const at = (file: string, ms: number) => utimesSync(path.join(tree, file), new Date(ms), new Date(ms));
    for (const file of ['src', 'src/deep']) at(file, 1_000_000);
    at('src/deep/a.ts', 2_000_000);
    at('src/deep/a.test.ts', 9_000_000);
    assert.equal(newestMtimeMs(tree, ['src']), 2_000_000);
    at('src/deep', 3_000_000);
    assert.equal(newestMtimeMs(tree, ['src']), 3_000_000, 'a folder whose files were added or removed');
    assert.equal(newestMtimeMs(tree, ['missing']), 0, 'a source that does not exist counts for nothing');
  });
});

describe('a build in a checkout', () => {
  test('serves the site and the newsroom app from dist/, in every worker', async () => {
    assert.equal(serverBuild(checkout).state, 'fresh');
    // What is served comes from dist/web/ (not bundled again): a mark added there shows.
    const script = stamp().web.files.find((name) => name.endsWith('.js'))!;
    appendFileSync(path.join(checkout, 'dist', stamp().web.dir, script), '\n/* as built */\n');
    const data = tempDir('dispatch-build-data-');
    const server = await startServer({ bin, port: await freePort(), workers: 2, env: { ...ALONE, DATABASE_URL: path.join(data, 'dispatch.db'), DISPATCH_DEMO: 'false' } });
    try {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      const home = await fetch(`${server.url}/en/`);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /<html/);
      for (let i = 0; i < 4; i++) {
        const asset = await fetch(`${server.url}/newsroom/app/assets/${script}`);
        assert.equal(asset.status, 200);
        assert.match(await asset.text(), /\/\* as built \*\/\s*$/);
      }
      const workers = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(/\s+/);
      assert.equal(workers.length, 2, 'the two workers, and no bundler');
      for (const pid of workers) {
        assert.ok(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes('DISPATCH_RUN=build'), `worker ${pid} runs the build`);
      }
    } finally {
      await server.stop();
    }
  });

  test('runs while fresh; a changed or removed source runs the sources until the next build', async () => {
    assert.match(await runningWhat(), /^dispatch \d+\.\d+\.\d+, running the build made at /);
    touch('src/cli/cli.test.ts');
    assert.match(await runningWhat(), /running the build/, 'a test file is not part of the build');

    assert.deepEqual(freshness(), { status: 0, stderr: '' });
    touch('src/content/index.ts');
    assert.equal(serverBuild(checkout).state, 'stale');
    assert.deepEqual(freshness(), { status: 1, stderr: 'the build in dist/ is stale\n' }, 'what npm start asks before it builds');
    assert.match(await runningWhat(), /running the TypeScript sources$/);
    build();
    assert.match(await runningWhat(), /running the build/);

    rmSync(path.join(checkout, 'src', 'bus', 'README.md'));
    touch('src/bus');
    assert.match(await runningWhat(), /running the TypeScript sources$/, 'a removed file');
    assert.ok(readBuiltWebBundle(checkout), 'the newsroom app is still as built');
    touch('web/main.ts', 2);
    assert.equal(readBuiltWebBundle(checkout), undefined, 'the newsroom app changed: it is bundled again');
    build();
    assert.ok(readBuiltWebBundle(checkout));
    assert.match(await runningWhat(), /running the build/);
  });

  test('DISPATCH_RUN=sources or build chooses; any other value is refused', async () => {
    assert.match(await runningWhat({ DISPATCH_RUN: 'sources' }), /running the TypeScript sources$/);
    touch('src/lib/config.ts', 3);
    assert.match(await runningWhat({ DISPATCH_RUN: 'build' }), /running the build/, 'what the primary chose, for its workers');
    const wrong = await runCli(['--version'], { bin, env: { DISPATCH_RUN: 'fast' } });
    assert.equal(wrong.code, 1);
    assert.equal(wrong.stderr, 'dispatch: DISPATCH_RUN must be "sources" or "build", not "fast"\n');
    rmSync(path.join(checkout, 'dist'), { recursive: true });
    assert.deepEqual(freshness(), { status: 1, stderr: 'the build in dist/ is missing\n' });
    const none = await runCli(['--version'], { bin, env: { DISPATCH_RUN: 'build' } });
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^dispatch: DISPATCH_RUN=build but there is no build in dist\/; run npm run build\n$/);
    assert.match(await runningWhat(), /running the TypeScript sources$/, 'no build at all');
  });
});
