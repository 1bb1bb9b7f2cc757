// What the newsroom's browser tests share: `dispatch serve` on SQLite or on a PostgreSQL schema of
// its own, a handle on the same database (users with a session, tags), people of each role in
// browser contexts of their own, the set-up that runs a file's tests on both databases with one
// Chromium (`describeEachNewsroom`), and the steps every story starts with (write it, publish it).

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, freePort, type RunningServer } from '../src/testing/cli.ts';
import { createPostgresTarget, DIALECTS, type TestDatabase } from '../src/testing/databases.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { userWithSession } from '../src/testing/newsroom.ts';
import type { Role } from '../src/newsroom/index.ts';
import { launchBrowser } from './browser.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Person { context: BrowserContext; page: Page; errors: string[]; name: string }

export interface Newsroom {
  server: RunningServer;
  database: Database;
  /** A newsroom user of `role`, logged in, in a browser context of their own (UTC, English). */
  person(role: Role, options?: { locale?: string }): Promise<Person>;
  close(): Promise<void>;
}

export async function startNewsroom(browser: Browser, dialect: Dialect, env: Record<string, string> = {}): Promise<Newsroom> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-e2e-newsroom-'));
  let postgres: TestDatabase | undefined;
  let url = path.join(dir, 'dispatch.db');
  if (dialect === 'postgres') {
    postgres = await createPostgresTarget();
    if (postgres.target.kind === 'postgres') url = `${postgres.target.url}?schema=${postgres.target.schema}`;
  }
  const server = await startServer({ env: { DATABASE_URL: url, MEDIA_DIR: path.join(dir, 'media'), ...env }, port: await freePort(), timeoutMs: 180_000 });
  const database = await openDatabase(postgres ? postgres.target : { kind: 'sqlite', file: url });
  let users = 0;
  return {
    server,
    database,
    async person(role, options = {}) {
      const login = `${role.replace('_', '-')}-${++users}`;
      const session = await userWithSession(database, { login, role });
      const context = await browser.newContext({ locale: options.locale ?? 'en-GB', timezoneId: 'UTC' });
      await context.addCookies([{ name: 'dispatch_session', value: session.cookie.split('=')[1]!, url: server.url }]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => { errors.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
      return { context, page, errors, name: `Test ${login}` };
    },
    async close() {
      await database.close();
      await server.stop();
      await postgres?.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface NewsroomSuite {
  /** The file's Chromium, launched before its first test and closed after its last. */
  browser(): Browser;
  /** This run's newsroom (its own server and database), started before its tests, closed after them. */
  newsroom(): Newsroom;
}

/**
 * Declares `tests` once on SQLite and once on PostgreSQL, as `name [dialect]`, each run with a
 * newsroom of its own; all runs share one Chromium. Call it at the top level of a test file.
 */
export function describeEachNewsroom(name: string, tests: (suite: NewsroomSuite) => void): void {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  const theBrowser = (): Browser => browser ?? assert.fail('Chromium is not launched yet');
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let newsroom: Newsroom | undefined;
      before(async () => {
        newsroom = await startNewsroom(theBrowser(), dialect);
      });
      after(async () => {
        await newsroom?.close();
      });
      tests({ browser: theBrowser, newsroom: () => newsroom ?? assert.fail('the newsroom is not started yet') });
    });
  }
}

export async function newStory(page: Page, serverUrl: string, fields: { language: string; headline: string; lede: string; body: string }): Promise<string> {
  await page.goto(`${serverUrl}/newsroom/app/stories/new`);
  await page.getByLabel('Language').selectOption({ label: fields.language });
  await page.getByLabel('Headline').fill(fields.headline);
  await page.getByLabel('Lede').fill(fields.lede);
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/newsroom\/app\/stories\/\d+\/[a-z]{2}$/);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type(fields.body);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(/Saved · Revision 1/).waitFor();
  return page.url();
}

export async function publishFromDesk(page: Page, serverUrl: string, headline: string, language: string): Promise<void> {
  await page.goto(`${serverUrl}/newsroom/app?q=${encodeURIComponent(headline.split(' ')[0]!)}`);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: headline }) });
  await row.getByRole('button', { name: `Publish (${language.toUpperCase()})` }).click();
  await page.getByText('Done: Publish').waitFor();
}

/** A time `seconds` from now as a datetime-local value in UTC (the people's browsers run in UTC). */
export function localTimeIn(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19);
}

/** Reloads `url` until `isThere` holds, for at most `seconds` (the job runner polls every 2 s). */
export async function pollUntil(page: Page, url: string, isThere: () => Promise<boolean>, seconds = 30): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    await page.goto(url);
    if (await isThere()) return;
    if (Date.now() > until) assert.fail(`${url} did not change within ${seconds} s`);
    await page.waitForTimeout(500);
  }
}

/** Known XSS payloads: each would set window.__xss, add an element or a handler if it ran. */
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  "'; window.__xss=1; //",
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '{{constructor.constructor("window.__xss=1")()}}',
];

/** Nothing a payload asked for happened: no flag, no element with an event handler, no injected element. */
export async function assertInert(page: Page, where: string): Promise<void> {
  // A string, evaluated in the page: the test's own TypeScript has no DOM types.
  const report = await page.evaluate(`({
    flag: window.__xss ?? null,
    handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((a) => /^on/i.test(a.name)).map((a) => element.tagName + ' ' + a.name)),
    injected: document.querySelectorAll('img[src="x"], svg[onload], iframe[src^="javascript"], main script, article script:not([type="application/ld+json"])').length,
  })`);
  assert.deepEqual(report, { flag: null, handlers: [], injected: 0 }, where);
}
