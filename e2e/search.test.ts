// Archive search as a reader uses it, in Chromium, on the demo agency, on SQLite and PostgreSQL:
// a query typed into the header's search box, results with the matching words highlighted (a
// Russian story found by another form of its word), then narrowed to one rubric with the form.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, freePort, type RunningServer } from '../src/testing/cli.ts';
import { createPostgresTarget, type TestDatabase } from '../src/testing/databases.ts';
import { launchBrowser } from './browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`search from the header [${dialect}]`, () => {
    let server: RunningServer;
    let dir: string;
    let postgres: TestDatabase | undefined;

    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'dispatch-e2e-search-'));
      let url = path.join(dir, 'dispatch.db');
      if (dialect === 'postgres') {
        postgres = await createPostgresTarget();
        if (postgres.target.kind === 'postgres') url = `${postgres.target.url}?schema=${postgres.target.schema}`;
      }
      // A first start loads the demo agency; on a busy machine PostgreSQL takes its time.
      server = await startServer({ env: { DATABASE_URL: url, MEDIA_DIR: path.join(dir, 'media') }, port: await freePort(), timeoutMs: 180_000 });
    });

    after(async () => {
      await server?.stop();
      await postgres?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a reader searches from the header, sees highlighted results and filters by rubric', async () => {
      const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/ru/`);
      // The search box is in the header, with a visible label, and needs no script.
      const box = page.getByRole('banner').getByRole('search').getByLabel('Поиск');
      assert.ok(await box.isVisible(), 'the search box is visible');
      await box.fill('реставрации');
      await box.press('Enter');
      await page.waitForURL(/\/ru\/search\?q=/);
      await page.getByRole('status').filter({ hasText: /Найдено \d+ материал/ }).waitFor();
      const results = page.getByRole('main').locator('ol.search-results > li');
      assert.ok((await results.count()) >= 2, 'stories from more than one rubric');
      // Another word form of the query is highlighted.
      const marks = (await page.getByRole('main').locator('mark').allTextContents()).map((t) => t.toLowerCase());
      assert.ok(marks.includes('реставрацию'), `highlighted: ${marks.join(', ')}`);
      const rubrics = await results.locator('a.rubric-link').allTextContents();
      const chosen = rubrics[0]!;
      assert.ok(rubrics.some((r) => r !== chosen), `several rubrics: ${rubrics.join(', ')}`);

      await page.getByRole('main').getByLabel('Рубрика').selectOption({ label: chosen });
      await page.getByRole('main').getByRole('button', { name: 'Найти' }).click();
      await page.waitForURL(/rubric=/);
      const filtered = await page.getByRole('main').locator('ol.search-results > li a.rubric-link').allTextContents();
      assert.ok(filtered.length >= 1);
      assert.deepEqual([...new Set(filtered)], [chosen]);
      assert.ok(await page.getByRole('main').locator('mark').first().isVisible());
      await context.close();
    });
  });
}
