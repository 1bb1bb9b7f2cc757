// Tests for DATABASE_URL: file paths and sqlite: forms, postgres:// and postgresql:// with
// ?schema=, the inputs that are refused (and how), and that a password never reaches a message.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AppError } from '../lib/errors.ts';
import { describeTarget, parseDatabaseUrl, redact } from './database-url.ts';

const BASE = path.resolve('/srv/dispatch');

function refusal(value: string, name = 'DATABASE_URL'): AppError {
  try {
    parseDatabaseUrl(value, name, BASE);
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${JSON.stringify(value)} was accepted`);
}

describe('parseDatabaseUrl: SQLite files', () => {
  it('resolves a relative file path against the base folder', () => {
    assert.deepEqual(parseDatabaseUrl('./data/dispatch.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.join(BASE, 'data', 'dispatch.db') });
    assert.deepEqual(parseDatabaseUrl('news.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.join(BASE, 'news.db') });
    assert.deepEqual(parseDatabaseUrl('../shared/news.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.resolve(BASE, '..', 'shared', 'news.db') });
  });

  it('keeps an absolute file path', () => {
    assert.deepEqual(parseDatabaseUrl('/var/lib/dispatch/news.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.resolve('/var/lib/dispatch/news.db') });
  });

  it('ignores spaces around the value', () => {
    assert.deepEqual(parseDatabaseUrl('  news.db \n', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.join(BASE, 'news.db') });
  });

  it('reads sqlite:x.db and sqlite://x.db as relative files', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite:x.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.join(BASE, 'x.db') });
    assert.deepEqual(parseDatabaseUrl('sqlite://x.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.join(BASE, 'x.db') });
    assert.deepEqual(parseDatabaseUrl('sqlite:./data/x.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.join(BASE, 'data', 'x.db') });
  });

  it('reads sqlite:///abs/x.db as an absolute file', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite:///abs/x.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.resolve('/abs/x.db') });
  });

  it('accepts the scheme in any case and decodes %20 in the file name', () => {
    assert.deepEqual(parseDatabaseUrl('SQLite:x.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.join(BASE, 'x.db') });
    assert.deepEqual(parseDatabaseUrl('sqlite:my%20news.db', 'DATABASE_URL', BASE), { kind: 'sqlite', file: path.join(BASE, 'my news.db') });
  });

  it('reads :memory: in every form as an in-memory database, not a file', () => {
    for (const value of [':memory:', 'sqlite::memory:', 'sqlite://:memory:']) {
      assert.deepEqual(parseDatabaseUrl(value, 'DATABASE_URL', BASE), { kind: 'sqlite', file: ':memory:' }, value);
    }
  });
});

describe('parseDatabaseUrl: PostgreSQL', () => {
  it('accepts postgres:// and postgresql:// and keeps the URL as written', () => {
    assert.deepEqual(parseDatabaseUrl('postgres://dispatch:pw@db.internal:5432/news', 'DATABASE_URL', BASE), {
      kind: 'postgres',
      url: 'postgres://dispatch:pw@db.internal:5432/news',
    });
    assert.deepEqual(parseDatabaseUrl('postgresql://dispatch@localhost/news', 'DATABASE_URL', BASE), {
      kind: 'postgres',
      url: 'postgresql://dispatch@localhost/news',
    });
  });

  it('has no schema unless ?schema= names one', () => {
    const target = parseDatabaseUrl('postgres://dispatch@localhost/news', 'DATABASE_URL', BASE);
    assert.equal(target.kind === 'postgres' && 'schema' in target, false);
  });

  it('reads the schema from ?schema=', () => {
    assert.deepEqual(parseDatabaseUrl('postgres://dispatch@localhost:5432/news?schema=wire_2', 'DATABASE_URL', BASE), {
      kind: 'postgres',
      url: 'postgres://dispatch@localhost:5432/news?schema=wire_2',
      schema: 'wire_2',
    });
    assert.deepEqual(parseDatabaseUrl('postgresql://localhost/news?sslmode=require&schema=_news', 'DATABASE_URL', BASE), {
      kind: 'postgres',
      url: 'postgresql://localhost/news?sslmode=require&schema=_news',
      schema: '_news',
    });
  });

  it('accepts a Unix socket given as ?host= instead of a host name', () => {
    assert.deepEqual(parseDatabaseUrl('postgres:///news?host=/var/run/postgresql', 'DATABASE_URL', BASE), {
      kind: 'postgres',
      url: 'postgres:///news?host=/var/run/postgresql',
    });
  });
});

describe('parseDatabaseUrl: refused values', () => {
  const cases: { value: string; problem: string }[] = [
    { value: '', problem: 'is empty' },
    { value: '   ', problem: 'is empty' },
    { value: 'mysql://dispatch@db/news', problem: 'unsupported scheme "mysql:"' },
    { value: 'http://example.com/news.db', problem: 'unsupported scheme "http:"' },
    { value: 'https://example.com/news.db', problem: 'unsupported scheme "https:"' },
    { value: 'postgres:///news', problem: 'names no host' },
    { value: 'postgresql://', problem: 'names no host' },
    { value: 'postgres://db/news?schema=News', problem: 'schema' },
    { value: 'postgres://db/news?schema=wire-2', problem: 'schema' },
    { value: 'postgres://db/news?schema=2wire', problem: 'schema' },
    { value: 'postgres://db/news?schema=a;drop%20table%20stories', problem: 'schema' },
    { value: `postgres://db/news?schema=${'a'.repeat(64)}`, problem: 'schema' },
    { value: 'postgres://db/news/archive', problem: 'database name with a slash' },
    { value: 'postgres://db:port/news', problem: 'not a valid URL' },
    { value: 'news\0.db', problem: 'NUL' },
    { value: 'sqlite:news\0.db', problem: 'NUL' },
    { value: 'sqlite:', problem: 'names no file' },
    { value: 'sqlite://', problem: 'names no file' },
    { value: './data/', problem: 'names a folder' },
    { value: '/var/lib/dispatch/', problem: 'names a folder' },
  ];

  for (const { value, problem } of cases) {
    it(`refuses ${JSON.stringify(value)}: ${problem}`, () => {
      const error = refusal(value);
      assert.equal(error.code, 'database_url_invalid');
      assert.equal(error.status, 500);
      assert.ok(error.message.startsWith('Invalid setting DATABASE_URL: '), error.message);
      assert.ok(error.message.includes(problem), error.message);
      assert.ok(error.message.includes(JSON.stringify(value)), `the message shows the value: ${error.message}`);
      assert.ok(!error.message.includes('\n'), 'the message is one line');
      assert.deepEqual(error.details, { setting: 'DATABASE_URL' });
    });
  }

  it('accepts a schema name of exactly 63 characters, the PostgreSQL limit', () => {
    const schema = `s${'a'.repeat(62)}`;
    const target = parseDatabaseUrl(`postgres://db/news?schema=${schema}`, 'DATABASE_URL', BASE);
    assert.equal(target.kind === 'postgres' ? target.schema : undefined, schema);
  });

  it('says what is accepted', () => {
    const error = refusal('mysql://db/news');
    assert.match(error.message, /file path.*sqlite:.*postgres:\/\//);
  });

  it('names the setting as the caller knows it', () => {
    const error = refusal('mysql://db/news', '"databaseUrl" in the config file');
    assert.ok(error.message.startsWith('Invalid setting "databaseUrl" in the config file: '), error.message);
    assert.deepEqual(error.details, { setting: '"databaseUrl" in the config file' });
  });
});

describe('passwords never appear in messages', () => {
  const SECRET = 's3cr3t';
  const refused = [
    `mysql://dispatch:${SECRET}@db/news`,
    `https://dispatch:${SECRET}@example.com/news`,
    `postgres://dispatch:${SECRET}@/news`,
    `postgres://dispatch:${SECRET}@db/news?schema=Bad`,
    `postgres://dispatch:${SECRET}@db/news/archive`,
    `postgres://dispatch:${SECRET}@db:port/news`,
    `postgres://dispatch:${SECRET}/x@db/news`,
    `postgres://:${SECRET}@db/news?schema=Bad`,
    `postgres://dispatch:p@${SECRET}@db/news?schema=Bad`,
    `postgres://dispatch@corp:${SECRET}@db/news?schema=Bad`,
  ];

  for (const value of refused) {
    it(`hides the password of ${value.replace(SECRET, '…')}`, () => {
      const error = refusal(value);
      assert.ok(!error.message.includes(SECRET), error.message);
      assert.ok(!JSON.stringify(error.details).includes(SECRET));
      assert.ok(error.message.includes('***'), `the message shows where the password was: ${error.message}`);
    });
  }

  it('redact replaces the password and keeps the rest of the address', () => {
    assert.equal(redact('postgres://dispatch:s3cr3t@db.internal:5432/news?schema=wire'), 'postgres://dispatch:***@db.internal:5432/news?schema=wire');
    assert.equal(redact('postgresql://:s3cr3t@db/news'), 'postgresql://:***@db/news');
    assert.equal(redact('postgres://dispatch:p%40ss@db/news'), 'postgres://dispatch:***@db/news');
  });

  it('redact hides a password that holds an unencoded @ or :', () => {
    // The URL parser takes everything up to the last @ before the host as the password.
    assert.equal(redact('postgres://dispatch:p@ss@db/news'), 'postgres://dispatch:***@db/news');
    assert.equal(redact('postgres://dispatch:a:b@db/news'), 'postgres://dispatch:***@db/news');
  });

  it('redact hides the password of a user name that holds an @ (user@server, as Azure used)', () => {
    assert.equal(redact('postgres://dispatch@corp-db:s3cr3t@corp-db.postgres.database.azure.com:5432/news'), 'postgres://dispatch@corp-db:***@corp-db.postgres.database.azure.com:5432/news');
  });

  it('redact leaves addresses without a password unchanged', () => {
    for (const value of ['postgres://dispatch@db:5432/news', 'postgres://db/news', 'postgres:///news?host=/tmp', './data/dispatch.db', 'sqlite:x.db', ':memory:']) {
      assert.equal(redact(value), value);
    }
  });

  it('describeTarget shows a PostgreSQL target without its password', () => {
    for (const url of [
      `postgres://dispatch:${SECRET}@db:5432/news`,
      `postgres://dispatch:p@${SECRET}@db/news`,
      `postgres://dispatch@corp:${SECRET}@db/news`,
    ]) {
      const shown = describeTarget(parseDatabaseUrl(url, 'DATABASE_URL', BASE));
      assert.ok(shown.startsWith('PostgreSQL postgres://dispatch'), shown);
      assert.ok(shown.endsWith('@db/news') || shown.endsWith('@db:5432/news'), shown);
      assert.ok(!shown.includes(SECRET), shown);
    }
  });
});

describe('describeTarget', () => {
  it('names SQLite and the resolved file', () => {
    assert.equal(describeTarget(parseDatabaseUrl('news.db', 'DATABASE_URL', BASE)), `SQLite ${path.join(BASE, 'news.db')}`);
    assert.equal(describeTarget({ kind: 'sqlite', file: ':memory:' }), 'SQLite :memory:');
  });

  it('names PostgreSQL and the address', () => {
    assert.equal(describeTarget(parseDatabaseUrl('postgresql://dispatch@db/news?schema=wire', 'DATABASE_URL', BASE)), 'PostgreSQL postgresql://dispatch@db/news?schema=wire');
  });
});
