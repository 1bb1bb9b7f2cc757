// The newsroom's administration screens in Chromium, on SQLite and on PostgreSQL, as an editor and
// a chief editor use them: rubrics and tags created, renamed, re-addressed (the old address still
// leads there), reordered and merged; site settings changed and seen on the site at once; users
// added, given another role, deactivated (their session ends) and given a new password; wire
// subscribers added (the key shown once), edited, given a new key, revoked, and a failed webhook
// delivery sent again; the audit log filtered and paged. Every screen's bad input is shown next
// to its field, in the user's language.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, freePort, type RunningServer } from '../src/testing/cli.ts';
import { createTestTarget, DIALECTS, type TestDatabase } from '../src/testing/databases.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { userWithSession, type TestSession } from '../src/testing/newsroom.ts';
import type { Role } from '../src/newsroom/index.ts';
import { launchBrowser } from './browser.ts';

interface Person { context: BrowserContext; page: Page; errors: string[]; session: TestSession }

function serverEnv(target: TestDatabase['target']): Record<string, string> {
  if (target.kind === 'sqlite') return { DATABASE_URL: target.file };
  return { DATABASE_URL: `${target.url}${target.url.includes('?') ? '&' : '?'}schema=${target.schema}` };
}

for (const dialect of DIALECTS) {
  describe(`newsroom administration in Chromium [${dialect}]`, () => {
    let server: RunningServer;
    let browser: Browser;
    let database: Database;
    let testDatabase: TestDatabase;
    let users = 0;

    before(async () => {
      testDatabase = await createTestTarget(dialect);
      // The first start loads the demo agency: on a machine shared with other test runs that takes a while.
      server = await startServer({ env: serverEnv(testDatabase.target), port: await freePort(), timeoutMs: 240_000 });
      database = await openDatabase(testDatabase.target);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await database?.close();
      await server?.stop();
      await testDatabase?.dispose();
    });

    async function person(role: Role, language: 'en' | 'ru' = 'en'): Promise<Person> {
      const session = await userWithSession(database, { login: `${role.replace('_', '-')}-${++users}`, role });
      await database.db.updateTable('users').set({ language }).where('id', '=', session.userId).execute();
      const context = await browser.newContext({ locale: language === 'ru' ? 'ru-RU' : 'en-GB' });
      await context.addCookies([{ name: 'dispatch_session', value: session.cookie.split('=')[1]!, url: server.url }]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => { errors.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
      return { context, page, errors, session };
    }

    /** The status and Location of a site address, without following the redirect. */
    async function visit(path: string): Promise<{ status: number; location: string | null }> {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      return { status: response.status, location: response.headers.get('location') };
    }

    test('rubrics: an editor adds, renames, re-addresses and reorders them; a bad key is shown at its field', async () => {
      const editor = await person('editor');
      const { page } = editor;
      await page.goto(`${server.url}/newsroom/app`);
      await page.getByRole('search', { name: 'Filters' }).waitFor();
      await page.getByRole('link', { name: 'Administration' }).click();
      await page.getByRole('heading', { name: 'Rubrics' }).waitFor();
      const add = page.getByRole('form', { name: 'Add a rubric' });

      await add.getByLabel('Key (Latin, for the system)').fill('Bad Key');
      await add.getByLabel('Name (English)').fill('Markets');
      await add.getByRole('button', { name: 'Add a rubric' }).click();
      await add.getByText('Lower-case Latin letters and digits joined by hyphens, at most 60.').waitFor();
      assert.equal(await add.getByLabel('Key (Latin, for the system)').getAttribute('aria-invalid'), 'true');

      await add.getByLabel('Key (Latin, for the system)').fill('markets');
      await add.getByLabel('Name (Russian)').fill('Рынки');
      await add.getByRole('button', { name: 'Add a rubric' }).click();
      await page.getByRole('cell', { name: '/en/markets/' }).waitFor();
      assert.equal((await visit('/en/markets/')).status, 200, 'the site knows the rubric at once');

      await page.getByRole('button', { name: 'Edit: markets' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit: markets' });
      await dialog.getByLabel('Address (English)').fill('Not A Slug');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.getByText('Only lower-case Latin letters, digits and single hyphens.').waitFor();
      await dialog.getByLabel('Address (English)').fill('economics');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.getByText('This address is used by another one, or was used before.').waitFor();
      await dialog.getByLabel('Name (English)').fill('Financial markets');
      await dialog.getByLabel('Address (English)').fill('financial-markets');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('cell', { name: /Financial markets\s*\/en\/financial-markets\// }).waitFor();
      assert.deepEqual(await visit('/en/markets/'), { status: 301, location: '/en/financial-markets/' });

      const politics = page.getByRole('form', { name: 'Add a rubric' });
      await politics.getByLabel('Key (Latin, for the system)').fill('weather-desk');
      await politics.getByLabel('Name (English)').fill('Weather');
      await politics.getByRole('button', { name: 'Add a rubric' }).click();
      await page.getByRole('button', { name: 'Move up: weather-desk' }).waitFor();
      // The keyboard alone: the focused button moves the rubric, and focus stays with it.
      await page.getByRole('button', { name: 'Move up: weather-desk' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('tr[data-rubric]:last-child td:nth-child(2)', { hasText: 'markets' }).waitFor();
      const keys = await page.locator('tr[data-rubric] td:nth-child(2)').allTextContents();
      assert.deepEqual(keys.slice(-2), ['weather-desk', 'markets']);
      assert.equal(await page.evaluate("document.activeElement?.getAttribute('aria-label')"), 'Move up: weather-desk', 'focus stays on the moved rubric');
      const home = await (await fetch(`${server.url}/en/`)).text();
      assert.ok(home.indexOf('>Weather<') < home.indexOf('>Financial markets<'), 'the site navigation follows the new order');
      await page.getByRole('button', { name: 'Edit: markets' }).click();
      await page.keyboard.press('Escape');
      assert.equal(await page.getByRole('dialog').count(), 0, 'Escape closes the dialog');
      assert.deepEqual(editor.errors, []);
      await editor.context.close();
    });

    test('tags: an editor adds, searches, renames and merges them; the merged tag\'s address leads to the other', async () => {
      const editor = await person('editor');
      const { page } = editor;
      await page.goto(`${server.url}/newsroom/app/admin/tags`);
      const add = page.getByRole('form', { name: 'Add a tag' });
      for (const [key, en, ru] of [['e2e-wind', 'Wind farms', 'Ветроэнергетика'], ['e2e-turbines', 'Turbines', 'Турбины']] as const) {
        await add.getByLabel('Key (Latin, for the system)').fill(key);
        await add.getByLabel('Name (English)').fill(en);
        await add.getByLabel('Name (Russian)').fill(ru);
        await add.getByRole('button', { name: 'Add a tag' }).click();
        await page.getByRole('cell', { name: key, exact: true }).waitFor();
      }
      await page.getByRole('searchbox', { name: 'Search tags' }).fill('ветро');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/q=/);
      await page.getByRole('cell', { name: 'e2e-wind', exact: true }).waitFor();
      assert.equal(await page.getByRole('cell', { name: 'e2e-turbines', exact: true }).count(), 0);

      await page.getByRole('button', { name: 'Edit: e2e-wind' }).click();
      const dialog = page.getByRole('dialog', { name: /^Edit: / });
      await dialog.getByLabel('Address (English)').fill('turbines');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.getByText('This address is used by another one, or was used before.').waitFor();
      await dialog.getByLabel('Name (English)').fill('Wind power');
      await dialog.getByLabel('Address (English)').fill('wind-power');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('cell', { name: /Wind power/ }).waitFor();

      await page.goto(`${server.url}/newsroom/app/admin/tags`);
      await page.getByRole('button', { name: 'Merge into: e2e-turbines' }).click();
      const merge = page.getByRole('dialog');
      await merge.getByLabel('Tag to merge into').selectOption({ label: 'Wind power (e2e-wind)' });
      await merge.getByRole('button', { name: 'Merge' }).click();
      await page.getByText('Merged; 0 stories keep the tag.').waitFor();
      assert.equal(await page.getByRole('cell', { name: 'e2e-turbines', exact: true }).count(), 0);
      assert.deepEqual(await visit('/en/tags/turbines/'), { status: 301, location: '/en/tags/wind-power/' });
      assert.deepEqual(await visit('/en/tags/wind-farms/'), { status: 301, location: '/en/tags/wind-power/' });
      assert.deepEqual(editor.errors, []);
      await editor.context.close();
    });

    test('site settings: a chief editor in Russian sees a bad time zone refused at its field; a good change is on the site at once', async () => {
      const chief = await person('chief_editor', 'ru');
      const { page } = chief;
      await page.goto(`${server.url}/newsroom/app/admin/settings`);
      const form = page.getByRole('form', { name: 'Настройки сайта' });
      await form.getByLabel('Часовой пояс (IANA, например Europe/Minsk)').fill('Mars/Olympus');
      await form.getByLabel('Telegram').fill('http://t.me/insecure');
      await form.getByRole('button', { name: 'Сохранить изменения' }).click();
      await form.getByText('Часовой пояс IANA, например Europe/Minsk.').waitFor();
      await form.getByText('Адрес, начинающийся с https://.').waitFor();
      assert.doesNotMatch(await (await fetch(`${server.url}/en/`)).text(), /Mars\/Olympus/);

      await form.getByLabel('Часовой пояс (IANA, например Europe/Minsk)').fill('Europe/Minsk');
      await form.getByLabel('Telegram').fill('https://t.me/minskwire');
      await form.getByLabel('Название сайта (английский)').fill('Minsk Wire');
      await form.getByLabel('Язык по умолчанию').selectOption({ label: 'английский' });
      // Enter in a field sends the form, as for any form.
      await form.getByLabel('Название сайта (английский)').press('Enter');
      await page.getByText('Изменения сохранены').waitFor();
      assert.equal(await form.locator('[aria-invalid=true]').count(), 0);
      const home = await (await fetch(`${server.url}/en/`)).text();
      assert.match(home, /<title>[^<]*Minsk Wire/);
      assert.match(home, /href="https:\/\/t\.me\/minskwire"/);
      assert.equal((await visit('/')).location, '/en/');
      await page.reload();
      assert.equal(await page.getByLabel('Часовой пояс (IANA, например Europe/Minsk)').inputValue(), 'Europe/Minsk');
      assert.deepEqual(chief.errors, []);
      await chief.context.close();
    });

    test('users: a chief editor adds one (the one-time password shown once), changes the role, deactivates (the session ends) and resets the password', async () => {
      const chief = await person('chief_editor');
      const reporter = await person('reporter');
      const { page } = chief;
      await page.goto(`${server.url}/newsroom/app/admin/users`);
      const add = page.getByRole('form', { name: 'Add a user' });
      await add.getByLabel('Login').fill('X Y');
      await add.getByLabel('Name').fill('Anna');
      await add.getByRole('button', { name: 'Add a user' }).click();
      await add.getByText('2 to 40 lower-case Latin letters, digits, “.”, “_” or “-”.').waitFor();
      await add.getByLabel('Login').fill('anna');
      await add.getByLabel('Role').selectOption({ label: 'editor' });
      await add.getByRole('button', { name: 'Add a user' }).click();
      const password = await page.getByLabel(/One-time password .* — anna/).inputValue();
      assert.ok(password.length >= 12, 'a one-time password is shown');
      await add.getByLabel('Login').fill('anna');
      await add.getByLabel('Name').fill('Anna again');
      await add.getByRole('button', { name: 'Add a user' }).click();
      await add.getByText('This login is taken.').waitFor();
      assert.equal(await page.getByLabel(/One-time password/).count(), 0, 'the password is shown once only');

      await page.getByLabel(`Role: ${reporter.session.login}`, { exact: true }).selectOption({ label: 'translator' });
      await page.getByRole('button', { name: `Change role: ${reporter.session.login}` }).click();
      await page.getByText(`Changes saved: ${reporter.session.login}`).waitFor();
      const row = await database.db.selectFrom('users').select('role').where('id', '=', reporter.session.userId).executeTakeFirstOrThrow();
      assert.equal(row.role, 'translator');

      await page.getByRole('button', { name: `Deactivate: ${reporter.session.login}` }).click();
      await page.getByRole('button', { name: `Reactivate: ${reporter.session.login}` }).waitFor();
      const me = await reporter.page.request.get(`${server.url}/api/newsroom/me`);
      assert.equal(me.status(), 401, 'a deactivated user\'s session has ended');
      await page.getByRole('button', { name: `Reactivate: ${reporter.session.login}` }).click();
      await page.getByRole('button', { name: `Deactivate: ${reporter.session.login}` }).waitFor();

      await page.getByRole('button', { name: 'Reset password: anna' }).click();
      const fresh = await page.getByLabel(/One-time password .* — anna/).inputValue();
      assert.notEqual(fresh, password);
      assert.deepEqual(chief.errors, []);
      await chief.context.close();
      await reporter.context.close();
    });

    test('subscribers: a chief editor adds one (the key shown once), edits it, gives a new key, sends a failed delivery again, revokes it', async () => {
      const chief = await person('chief_editor');
      const { page } = chief;
      await page.goto(`${server.url}/newsroom/app/admin/subscribers`);
      const add = page.getByRole('form', { name: 'Add a subscriber' });
      await add.getByLabel('Name').fill('Minsk Daily');
      await add.getByRole('button', { name: 'Add a subscriber' }).click();
      await add.getByText('Choose at least one language.').waitFor();
      await add.getByLabel('Russian').check();
      await add.getByLabel('Webhook address').fill('ftp://example.org/hook');
      await add.getByRole('button', { name: 'Add a subscriber' }).click();
      await add.getByText('An http:// or https:// address.').waitFor();
      await add.getByLabel('Webhook address').fill('https://daily.example.org/hook');
      await add.getByRole('button', { name: 'Add a subscriber' }).click();
      const key = await page.getByLabel(/API key .* — Minsk Daily/).inputValue();
      assert.match(key, /^dsw_/);
      assert.ok((await page.getByLabel(/Webhook secret \(shown only now\) — Minsk Daily/).inputValue()).length >= 16);
      const wire = await fetch(`${server.url}/api/wire/items`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(wire.status, 200, 'the key shown opens the wire');

      await page.getByRole('button', { name: 'Edit: Minsk Daily' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit: Minsk Daily' });
      await dialog.getByLabel('English').check();
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('cell', { name: 'Russian, English' }).waitFor();

      await page.getByRole('button', { name: 'New API key: Minsk Daily' }).click();
      const rotated = await page.getByLabel(/API key .* — Minsk Daily/).inputValue();
      assert.notEqual(rotated, key);
      assert.equal((await fetch(`${server.url}/api/wire/items`, { headers: { authorization: `Bearer ${key}` } })).status, 401, 'the old key stops at once');

      const subscriber = await database.db.selectFrom('subscribers').select('id').where('name', '=', 'Minsk Daily').executeTakeFirstOrThrow();
      await database.db.insertInto('webhook_deliveries').values({
        id: 'e2e-failed-delivery', subscriber_id: subscriber.id, story_id: 1, language: 'ru', action: 'publish', body: '{}', status: 'failed',
        last_status_code: 302, last_error: 'the webhook answered with a redirect, which is not followed', created_at: new Date().toISOString(), delivered_at: null,
      }).execute();
      await page.getByRole('link', { name: 'Webhook deliveries: Minsk Daily' }).click();
      await page.getByRole('cell', { name: 'the webhook answered with a redirect, which is not followed' }).waitFor();
      await page.getByRole('cell', { name: 'failed', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Send again: e2e-failed-delivery' }).click();
      await page.getByRole('cell', { name: 'pending', exact: true }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Send again: e2e-failed-delivery' }).count(), 0);

      await page.getByRole('link', { name: '← Subscribers' }).click();
      await page.getByRole('button', { name: 'Revoke: Minsk Daily' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
      await page.getByRole('cell', { name: 'revoked', exact: true }).waitFor();
      assert.equal((await fetch(`${server.url}/api/wire/items`, { headers: { authorization: `Bearer ${rotated}` } })).status, 401);
      assert.deepEqual(chief.errors, []);
      await chief.context.close();
    });

    test('the audit log: a chief editor filters by action and user, pages back, and a bad story number is shown at its field', async () => {
      const chief = await person('chief_editor');
      const { page } = chief;
      const at = new Date().toISOString();
      await database.db.insertInto('audit_log').values(Array.from({ length: 60 }, (_, i) => ({
        at, actor_user_id: chief.session.userId, actor_role: 'chief_editor', action: 'tag.update', story_id: null, version_id: null,
        language: null, from_status: null, to_status: null, details: JSON.stringify({ step: i }),
      }))).execute();
      await page.goto(`${server.url}/newsroom/app/admin/audit`);
      await page.getByLabel('Story (id)').fill('abc');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('A positive whole number.').waitFor();

      await page.getByLabel('Story (id)').fill('');
      await page.getByLabel('Action').selectOption('rubric.create');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/action=rubric\.create/);
      await page.getByRole('cell', { name: /"key":"weather-desk"/ }).waitFor();
      assert.equal(await page.locator('tbody tr').count(), 2, 'markets and weather-desk');

      await page.goto(`${server.url}/newsroom/app/admin/audit?user=${chief.session.userId}`);
      await page.getByRole('link', { name: 'Older entries' }).waitFor();
      assert.equal(await page.locator('tbody tr').count(), 50, 'a page of 50');
      await page.getByRole('link', { name: 'Older entries' }).click();
      await page.waitForURL(/before=/);
      await page.getByRole('cell', { name: '{"step":0}' }).waitFor();
      assert.equal(await page.locator('tbody tr').count(), 10);
      assert.equal(await page.getByRole('link', { name: 'Older entries' }).count(), 0);
      assert.equal(await page.getByLabel('User').inputValue(), String(chief.session.userId), 'the filter is kept across pages');
      assert.deepEqual(chief.errors, []);
      await chief.context.close();
    });

    test('a reporter has no administration link and the screens answer with the refusal', async () => {
      const reporter = await person('reporter');
      await reporter.page.goto(`${server.url}/newsroom/app`);
      await reporter.page.getByRole('link', { name: 'Desk' }).first().waitFor();
      assert.equal(await reporter.page.getByRole('link', { name: 'Administration' }).count(), 0);
      await reporter.page.goto(`${server.url}/newsroom/app/admin/users`);
      await reporter.page.getByRole('alert').filter({ hasText: 'forbidden' }).waitFor();
      await reporter.context.close();
    });
  });
}
