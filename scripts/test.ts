// `npm test`: prepares what the suites need (PostgreSQL, Chromium), then runs every test file
// (unit and integration tests beside the code in src/, browser tests in e2e/) with Node's test
// runner. Node 20's --test does not expand globs, so the files are found here.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium, ensurePostgres, ensureVarnish, ensureXmllint, SetupError } from './test-setup.ts';

const ROOTS = ['src', 'web', 'scripts', 'bench', 'e2e'];

function findTests(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return findTests(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const files = (only.length > 0 ? only : ROOTS.flatMap(findTests)).sort();
  if (files.length === 0) {
    process.stderr.write('npm test: no test files found\n');
    return 1;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_POSTGRES_URL: await ensurePostgres() };
  if (files.some((file) => file.startsWith(`e2e${path.sep}`))) env.CHROMIUM_PATH = ensureChromium();
  // The wire's NewsML-G2 and the sitemap tests validate with xmllint.
  if (files.some((file) => file.includes(`wire${path.sep}`) || file.includes(`publishing${path.sep}sitemaps`))) ensureXmllint();
  // The HTTP cache purge test runs Varnish.
  if (files.some((file) => file.includes(`cache${path.sep}varnish`))) ensureVarnish();
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
    { stdio: 'inherit', env },
  );
  return result.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof SetupError ? `npm test: ${error.message}\n` : `npm test: ${(error as Error).stack}\n`);
    process.exit(1);
  },
);
