// The `dispatch` command as a person runs it: first and second start, and every bad start a
// person can cause, each answered with one clear line, a non-zero exit and no data touched.

import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { runCli, startServer, freePort } from '../testing/cli.ts';
import { createPostgresTarget } from '../testing/databases.ts';
import { openDatabase } from '../db/database.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-cli-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The message lines a failed start printed (warnings of the runtime aside). */
function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('dispatch: '));
}

function assertOneLineFailure(result: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.equal(result.code, 1, `exit code; stderr: ${result.stderr}`);
  const lines = errorLines(result.stderr);
  assert.equal(lines.length, 1, `one error line expected, got: ${result.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace for a failure a person can fix');
}

describe('first and second start', () => {
  test('the first start loads the demo and prints the admin password once; the second keeps all data', async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: path.join(dir, 'data', 'dispatch.db') };
    const first = await startServer({ env, port: await freePort() });
    let storiesAfterFirst: number;
    try {
      const { stderr } = first.output();
      assert.match(stderr, /login:\s+admin/);
      const password = /password:\s+(\S+)/.exec(stderr)?.[1];
      assert.ok(password && password.length >= 16, 'a one-time password is printed');
      assert.match(stderr, /Loaded the demo agency: \d+ stories/);
      const health = await fetch(`${first.url}/healthz`);
      assert.equal(health.status, 200);
      const ready = await fetch(`${first.url}/readyz`);
      assert.equal(ready.status, 200, await ready.clone().text());
      const metrics = await (await fetch(`${first.url}/metrics`)).text();
      assert.match(metrics, /dispatch_db_query_duration_seconds_count\{statement="select",outcome="ok"\} [1-9]/, 'database timings are measured');
      const home = await fetch(`${first.url}/en/`);
      assert.match(await home.text(), /<a href="\/en\/[a-z]+\/\d+-[a-z0-9-]+">/);
    } finally {
      const closed = await first.stop();
      assert.equal(closed.code, 0, 'SIGTERM stops the server cleanly');
    }
    {
      const sqlite = new BetterSqlite3(env.DATABASE_URL, { readonly: true });
      storiesAfterFirst = (sqlite.prepare('select count(*) as n from stories').get() as { n: number }).n;
      sqlite.close();
      assert.ok(storiesAfterFirst >= 60);
    }
    const second = await startServer({ env, port: await freePort() });
    try {
      assert.doesNotMatch(second.output().stderr, /password:/, 'the password is shown only on the first start');
    } finally {
      await second.stop();
    }
    const sqlite = new BetterSqlite3(env.DATABASE_URL, { readonly: true });
    assert.equal((sqlite.prepare('select count(*) as n from stories').get() as { n: number }).n, storiesAfterFirst);
    assert.equal((sqlite.prepare('select count(*) as n from users').get() as { n: number }).n, 1);
    sqlite.close();
  });
});

describe('bad starts', () => {
  test('a port already taken', async () => {
    const dir = tempDir();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const file = path.join(dir, 'dispatch.db');
      const result = await runCli(['serve'], { env: { DATABASE_URL: file, HOST: '127.0.0.1', PORT: String(port) } });
      assertOneLineFailure(result, new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
      assert.equal(existsSync(file), false, 'no database is created when the server cannot listen');
    } finally {
      blocker.close();
    }
  });

  test('a database file that is not SQLite is left untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.db');
    const content = 'These are my notes, not a database.\n'.repeat(200);
    writeFileSync(file, content);
    const result = await runCli(['serve'], { env: { DATABASE_URL: file, PORT: String(await freePort()) } });
    assertOneLineFailure(result, /is not a SQLite database/);
    assert.equal(readFileSync(file, 'utf8'), content);
    assert.equal(existsSync(`${file}-wal`), false);
  });

  test('a read-only database file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dispatch.db');
    const seed = await runCli(['db', 'migrate'], { env: { DATABASE_URL: file } });
    assert.equal(seed.code, 0, seed.stderr);
    const before = readFileSync(file);
    const isRoot = process.getuid?.() === 0;
    // Root writes through file modes, so as root the server runs as "nobody", to whom the file is read-only.
    if (isRoot) chmodSync(dir, 0o755);
    else chmodSync(file, 0o444);
    const result = await runCli(['serve'], {
      env: { DATABASE_URL: file, PORT: String(await freePort()) },
      ...(isRoot ? { uid: 65534 } : {}),
    });
    assertOneLineFailure(result, /read-only|Cannot write/);
    assert.deepEqual(readFileSync(file), before);
  });

  test('a database file another process keeps locked for writing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dispatch.db');
    const seed = await runCli(['db', 'migrate'], { env: { DATABASE_URL: file } });
    assert.equal(seed.code, 0, seed.stderr);
    // An exclusive lock, as a long write of another process holds it: even readers must wait.
    const holder = new BetterSqlite3(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    holder.exec("CREATE TABLE held (id INTEGER)");
    try {
      const result = await runCli(['serve'], { env: { DATABASE_URL: file, PORT: String(await freePort()) } });
      assertOneLineFailure(result, /is held by another process that has been writing to it for over 5 s.*try again when it has finished/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  test('a PostgreSQL that refuses the connection', async () => {
    const port = await freePort();
    const result = await runCli(['serve'], { env: { DATABASE_URL: `postgres://dispatch:secret@127.0.0.1:${port}/news`, PORT: String(await freePort()) } });
    assertOneLineFailure(result, new RegExp(`Cannot connect to PostgreSQL at postgres://dispatch:\\*\\*\\*@127.0.0.1:${port}/news: the connection was refused`));
    assert.doesNotMatch(result.stderr, /secret/, 'the password is never printed');
  });

  test('a malformed DATABASE_URL', async () => {
    for (const url of ['mysql://root@localhost/news', 'postgres://', 'sqlite:']) {
      const result = await runCli(['serve'], { env: { DATABASE_URL: url, PORT: String(await freePort()) } });
      assertOneLineFailure(result, /Invalid setting DATABASE_URL/);
    }
  });

  test('a wrong setting names the setting', async () => {
    const result = await runCli(['serve'], { env: { PORT: 'eighty' } });
    assertOneLineFailure(result, /Invalid setting PORT: must be a whole number from 1 to 65535 \(got "eighty"\)/);
    const config = await runCli(['config', 'check'], { env: { LOG_LEVEL: 'loud' } });
    assertOneLineFailure(config, /Invalid setting LOG_LEVEL/);
  });

  test('a database migrated by a newer Dispatch', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dispatch.db');
    assert.equal((await runCli(['db', 'migrate'], { env: { DATABASE_URL: file } })).code, 0);
    const sqlite = new BetterSqlite3(file);
    sqlite.prepare("insert into dispatch_migrations (name, timestamp) values ('2999-01-01-01-future', '2999-01-01T00:00:00.000Z')").run();
    sqlite.close();
    const result = await runCli(['serve'], { env: { DATABASE_URL: file, PORT: String(await freePort()) } });
    assertOneLineFailure(result, /migrated by a newer Dispatch/);
    // Under --workers the first worker is already loading when the primary finds this: it is
    // stopped, and the command ends with the same one line (runCli waits for every process).
    const workers = await runCli(['serve', '--workers', '2'], { env: { DATABASE_URL: file, PORT: String(await freePort()) } });
    assertOneLineFailure(workers, /migrated by a newer Dispatch/);
  });
});

describe('commands', () => {
  test('config check prints the settings with the password hidden', async () => {
    const result = await runCli(['config', 'check'], { env: { DATABASE_URL: 'postgres://news:hunter2@db.example:5432/news' } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /PostgreSQL postgres:\/\/news:\*\*\*@db.example:5432\/news/);
    assert.doesNotMatch(result.stdout, /hunter2/);
    assert.match(result.stdout, /configuration is valid/);
  });

  test('user add, list and reset-password', async () => {
    const env = { DATABASE_URL: path.join(tempDir(), 'dispatch.db') };
    const added = await runCli(['user', 'add', '--login', 'olga', '--name', 'Ольга Марченко', '--role', 'editor'], { env });
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Created olga \(editor\)\. One-time password, shown only now: \S+/);
    const duplicate = await runCli(['user', 'add', '--login', 'olga', '--name', 'Olga', '--role', 'editor'], { env });
    assertOneLineFailure(duplicate, /already exists/);
    const badRole = await runCli(['user', 'add', '--login', 'ivan', '--name', 'Ivan', '--role', 'boss'], { env });
    assertOneLineFailure(badRole, /role: must be one of reporter, translator, editor, chief_editor/);
    const list = await runCli(['user', 'list'], { env });
    assert.match(list.stdout, /olga\s+editor\s+Ольга Марченко \(one-time password\)/);
    const database = await openDatabase({ kind: 'sqlite', file: env.DATABASE_URL });
    const olga = await database.db.selectFrom('users').select('id').where('login', '=', 'olga').executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await database.db.insertInto('sessions').values({ token_hash: 'h', user_id: olga.id, csrf_token: 'c', created_at: at, last_seen_at: at, expires_at: at, user_agent: null, ip: null }).execute();
    await database.close();
    const reset = await runCli(['user', 'reset-password', 'olga'], { env });
    assert.match(reset.stdout, /New one-time password for olga/);
    assert.match(reset.stdout, /Every session of olga has ended\./);
    const reopened = await openDatabase({ kind: 'sqlite', file: env.DATABASE_URL });
    assert.equal(await reopened.db.selectFrom('sessions').select('id').where('user_id', '=', olga.id).executeTakeFirst(), undefined, 'the reset ended her session');
    await reopened.close();
    const unknown = await runCli(['user', 'reset-password', 'nobody'], { env });
    assertOneLineFailure(unknown, /No user with the login "nobody"/);
  });

  test('db status and migrate on PostgreSQL', async () => {
    const target = await createPostgresTarget();
    try {
      const url = `${(target.target as { url: string }).url}?schema=${(target.target as { schema: string }).schema}`;
      const before = await runCli(['db', 'status'], { env: { DATABASE_URL: url } });
      assert.equal(before.code, 2, 'pending migrations are reported with exit code 2');
      assert.match(before.stdout, /pending\s+2026-11-23-01-foundation/);
      const migrate = await runCli(['db', 'migrate'], { env: { DATABASE_URL: url } });
      assert.equal(migrate.code, 0, migrate.stderr);
      const after = await runCli(['db', 'status'], { env: { DATABASE_URL: url } });
      assert.equal(after.code, 0);
      assert.match(after.stdout, /applied\s+2026-11-23-01-foundation/);
    } finally {
      await target.dispose();
    }
  });

  test('--help on each command', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['db', 'migrate', '--help'], ['user', 'add', '--help'], ['demo', '--help'], ['config', 'check', '--help']]) {
      const result = await runCli(args);
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, /Usage: dispatch/);
    }
  });

  test('demo --stories refuses a number that is not positive', async () => {
    const result = await runCli(['demo', '--stories', '-5'], { env: { DATABASE_URL: path.join(tempDir(), 'x.db') } });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /stories/);
  });
});

describe('a crash during writes', () => {
  test('kill -9 while synthetic stories are written leaves a readable database with whole stories only', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dispatch.db');
    const { spawn } = await import('node:child_process');
    const { DISPATCH_BIN } = await import('../testing/cli.ts');
    const child = spawn(process.execPath, [DISPATCH_BIN, 'demo', '--stories', '400000', '--quiet'], {
      env: { ...process.env, DATABASE_URL: file, LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    // Wait until some batches are committed, then kill without warning, most likely in the middle of the next.
    const started = Date.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (existsSync(file)) {
        const reader = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
        let committed = 0;
        try {
          committed = (reader.prepare("select count(*) as n from sqlite_master where name = 'stories'").get() as { n: number }).n
            ? (reader.prepare('select count(*) as n from stories').get() as { n: number }).n
            : 0;
        } finally {
          reader.close();
        }
        if (committed >= 10000) break;
      }
      if (Date.now() - started > 60_000) throw new Error('the writer never got going');
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));

    const sqlite = new BetterSqlite3(file);
    assert.equal((sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>)[0]!.integrity_check, 'ok');
    const stories = (sqlite.prepare('select count(*) as n from stories').get() as { n: number }).n;
    assert.ok(stories > 0 && stories < 400000, `some but not all stories were written (${stories})`);
    assert.equal(stories % 5000, 0, 'stories are written in whole batches');
    const orphans = sqlite.prepare('select count(*) as n from stories s where (select count(*) from story_versions v where v.story_id = s.id) < 2').get() as { n: number };
    assert.equal(orphans.n, 0, 'every story has its language versions');
    sqlite.close();
    // And Dispatch itself opens it and goes on.
    const status = await runCli(['db', 'status'], { env: { DATABASE_URL: file } });
    assert.equal(status.code, 0, status.stderr);
  });
});
