// What `npm test` needs from the machine, made ready where it can be: a PostgreSQL server and
// database for the PostgreSQL half of every integration test, and Chromium for the browser tests.
// When something cannot be made ready, it stops with one line saying what to install: the suite
// never passes by quietly testing less.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const CHROMIUM_PATH = '/usr/bin/chromium';

export class SetupError extends Error {}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function tryConnect(url: string): Promise<{ ok: true } | { ok: false; code: string | undefined; message: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code, message: (error as Error).message };
  } finally {
    await client.end().catch(() => {});
  }
}

function startLocalPostgres(): boolean {
  if (!isRoot() || !commandExists('pg_ctlcluster') || !existsSync('/etc/postgresql')) return false;
  for (const version of readdirSync('/etc/postgresql')) {
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
  }
  return true;
}

function installPostgres(): boolean {
  if (!isRoot() || !commandExists('apt-get')) return false;
  process.stderr.write('test setup: installing PostgreSQL with apt-get\n');
  const update = spawnSync('apt-get', ['update'], { stdio: 'ignore' });
  const install = spawnSync('apt-get', ['install', '-y', 'postgresql'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return update.status === 0 && install.status === 0 && startLocalPostgres();
}

async function createDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function waitForPostgres(url: string, seconds: number) {
  let last = await tryConnect(url);
  for (let i = 0; i < seconds * 2 && !last.ok && last.code !== '3D000'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    last = await tryConnect(url);
  }
  return last;
}

/** Makes sure PostgreSQL answers at the test URL; returns the URL. */
export async function ensurePostgres(): Promise<string> {
  const url = process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  let result = await tryConnect(url);
  if (!result.ok && result.code !== '3D000' && !process.env.TEST_POSTGRES_URL) {
    if (startLocalPostgres() || installPostgres()) result = await waitForPostgres(url, 30);
  }
  if (!result.ok && result.code === '3D000') {
    await createDatabase(url);
    result = await tryConnect(url);
  }
  if (!result.ok) {
    throw new SetupError(
      `PostgreSQL is needed by the tests and does not answer at ${url} (${result.message}): install and start PostgreSQL 15+ (apt-get install postgresql) or set TEST_POSTGRES_URL`,
    );
  }
  return url;
}

/** Makes sure Debian's Chromium is installed for the browser tests. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (isRoot() && commandExists('apt-get')) {
    process.stderr.write('test setup: installing Chromium with apt-get\n');
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new SetupError(`Chromium is needed by the browser tests and is not at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium)`);
  }
  return CHROMIUM_PATH;
}

export const XMLLINT_PATH = '/usr/bin/xmllint';

/** Makes sure xmllint (Debian's libxml2-utils) is installed: the sitemap tests validate with it. */
export function ensureXmllint(): string {
  if (existsSync(XMLLINT_PATH)) return XMLLINT_PATH;
  if (isRoot() && commandExists('apt-get')) {
    process.stderr.write('test setup: installing xmllint (libxml2-utils) with apt-get\n');
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', 'libxml2-utils'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(XMLLINT_PATH)) {
    throw new SetupError(`xmllint is needed by the sitemap tests and is not at ${XMLLINT_PATH}: install Debian's libxml2-utils package (apt-get install libxml2-utils)`);
  }
  return XMLLINT_PATH;
}

export const VARNISHD_PATH = '/usr/sbin/varnishd';

/** Makes sure Debian's Varnish is installed: the purge test runs the HTTP cache for real. */
export function ensureVarnish(): string {
  if (existsSync(VARNISHD_PATH)) return VARNISHD_PATH;
  if (isRoot() && commandExists('apt-get')) {
    process.stderr.write('test setup: installing Varnish with apt-get\n');
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', 'varnish'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(VARNISHD_PATH)) {
    throw new SetupError(`Varnish is needed by the HTTP cache purge test and is not at ${VARNISHD_PATH}: install Debian's varnish package (apt-get install varnish)`);
  }
  return VARNISHD_PATH;
}
