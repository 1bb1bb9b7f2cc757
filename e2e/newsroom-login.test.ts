// A newsroom user's first login in Chromium: the newsroom sends them to the login form, a wrong
// password is answered with a clear message, the one-time password from the first start leads to
// the forced password change, the newsroom then greets them, and they log out.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, freePort, type RunningServer } from '../src/testing/cli.ts';
import { launchBrowser } from './browser.ts';

let server: RunningServer;
let browser: Browser;
let dir: string;
let oneTimePassword: string;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dispatch-e2e-newsroom-'));
  server = await startServer({ env: { DATABASE_URL: path.join(dir, 'dispatch.db'), DISPATCH_DEMO: 'false' }, port: await freePort() });
  oneTimePassword = /password: (\S+)/.exec(server.output().stderr)![1]!;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the administrator logs in with the one-time password, must choose a new one, and logs out', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/newsroom`);
  assert.equal(new URL(page.url()).pathname, '/newsroom/login', 'the newsroom asks for a login first');
  await page.getByRole('heading', { name: 'Log in to the newsroom' }).waitFor();

  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent())!.trim(), 'Wrong login or password.');
  assert.equal(await page.getByLabel('Login').inputValue(), 'admin', 'the login stays filled in');

  await page.getByLabel('Password').fill(oneTimePassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/newsroom\/password$/);
  await page.getByText('You logged in with a one-time password. Choose your own password to continue.').waitFor();

  await page.getByLabel('Current password').fill(oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('New password again').fill('short');
  // The browser's own check (minlength) would stop the form; the server's message is what we test.
  await page.locator('#new-password').evaluate((input) => input.removeAttribute('minlength'));
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('alert').getByText('The new password must be at least 12 characters long.').waitFor();

  await page.getByLabel('Current password').fill(oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill('four quiet rivers at dawn');
  await page.getByLabel('New password again').fill('four quiet rivers at dawn');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL(/\/newsroom\?notice=password$/);
  await page.getByText('Logged in as Administrator (admin), chief editor.').waitFor();
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === 'dispatch_session');
  assert.ok(session, 'a session cookie is set');
  assert.deepEqual([session.httpOnly, session.sameSite], [true, 'Lax']);

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await page.waitForURL(/\/newsroom\/login$/);
  await page.goto(`${server.url}/newsroom`);
  assert.equal(new URL(page.url()).pathname, '/newsroom/login', 'logged out: the newsroom is closed again');

  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password').fill('four quiet rivers at dawn');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/newsroom$/);
  await page.getByText('Logged in as Administrator (admin), chief editor.').waitFor();
  await context.close();
});
