// Tests for loadConfig: the defaults, each environment variable, the config file (found in the
// working folder or named by DISPATCH_CONFIG; the environment wins; relative paths), and every kind
// of wrong value, which stops the start with one line naming the setting and the value.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from './errors.ts';
import { loadConfig } from './config.ts';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** An empty temporary folder to act as the working folder. */
function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'dispatch-config-test-'));
  folders.push(folder);
  return folder;
}

/** Writes a config file (an object as JSON, or text as is) and returns its path. */
function writeConfig(folder: string, content: unknown, name = 'dispatch.config.json'): string {
  const file = path.join(folder, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('the configuration was accepted');
}

/** Asserts the start is refused with one line that names the setting and shows the value. */
function assertRefused(error: AppError, code: string, setting: string, shownValue: string): void {
  assert.equal(error.code, code, error.message);
  assert.ok(error.message.includes(`Invalid setting ${setting}: `), `names ${setting}: ${error.message}`);
  assert.ok(error.message.includes(shownValue), `shows ${shownValue}: ${error.message}`);
  assert.ok(!error.message.includes('\n'), `one line: ${JSON.stringify(error.message)}`);
  assert.deepEqual(error.details, { setting });
}

const LANGUAGE_EN = { code: 'en', name: 'English', label: 'Eng', locale: 'en-GB' };
const LANGUAGE_BE = { code: 'be', name: 'Беларуская', label: 'Bel', locale: 'be-BY' };

describe('loadConfig: defaults', () => {
  it('listens on 127.0.0.1:3000 and keeps the database in ./data/dispatch.db of the working folder', () => {
    const cwd = tempFolder();
    const config = loadConfig({}, cwd);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3000);
    assert.deepEqual(config.database, { kind: 'sqlite', file: path.join(cwd, 'data', 'dispatch.db') });
    assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
  });

  it('has Russian, English and Belarusian, Russian first and default', () => {
    const config = loadConfig({}, tempFolder());
    assert.deepEqual(config.languages, [
      { code: 'ru', name: 'Русский', label: 'Ru', locale: 'ru-RU' },
      { code: 'en', name: 'English', label: 'Eng', locale: 'en-GB' },
      { code: 'be', name: 'Беларуская', label: 'Bel', locale: 'be-BY' },
    ]);
    assert.equal(config.defaultLanguage, 'ru');
  });

  it('logs at info, keeps media beside the database, loads the demo, and reads no file', () => {
    const cwd = tempFolder();
    const config = loadConfig({}, cwd);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.mediaDir, path.join(cwd, 'data', 'media'));
    assert.equal(config.loadDemoOnFirstStart, true);
    assert.equal(config.configFile, undefined);
  });

  it('treats empty environment variables as unset', () => {
    const cwd = tempFolder();
    const empty = { HOST: '', PORT: '', DATABASE_URL: '', PUBLIC_URL: '', DEFAULT_LANGUAGE: '', DISPATCH_LANGUAGES_JSON: '', LOG_LEVEL: '', MEDIA_DIR: '', DISPATCH_DEMO: '', DISPATCH_CONFIG: '' };
    assert.deepEqual(loadConfig(empty, cwd), loadConfig({}, cwd));
  });
});

describe('loadConfig: environment variables', () => {
  it('HOST sets the address and the public URL', () => {
    const config = loadConfig({ HOST: 'news.local' }, tempFolder());
    assert.equal(config.host, 'news.local');
    assert.equal(config.publicUrl, 'http://news.local:3000');
    assert.equal(loadConfig({ HOST: '  10.0.0.5 ' }, tempFolder()).host, '10.0.0.5');
  });

  it('HOST=0.0.0.0 or :: listens everywhere but links to 127.0.0.1', () => {
    for (const host of ['0.0.0.0', '::']) {
      const config = loadConfig({ HOST: host }, tempFolder());
      assert.equal(config.host, host);
      assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
    }
  });

  it('HOST with an IPv6 address puts it in brackets in the public URL', () => {
    assert.equal(loadConfig({ HOST: '::1' }, tempFolder()).publicUrl, 'http://[::1]:3000');
  });

  it('PORT sets the port and the public URL', () => {
    const config = loadConfig({ PORT: '8080' }, tempFolder());
    assert.equal(config.port, 8080);
    assert.equal(config.publicUrl, 'http://127.0.0.1:8080');
    assert.equal(loadConfig({ PORT: ' 1 ' }, tempFolder()).port, 1);
    assert.equal(loadConfig({ PORT: '65535' }, tempFolder()).port, 65535);
  });

  it('DATABASE_URL names a SQLite file, relative to the working folder, with media beside it', () => {
    const cwd = tempFolder();
    const config = loadConfig({ DATABASE_URL: 'sqlite:var/news.db' }, cwd);
    assert.deepEqual(config.database, { kind: 'sqlite', file: path.join(cwd, 'var', 'news.db') });
    assert.equal(config.mediaDir, path.join(cwd, 'var', 'media'));
  });

  it('DATABASE_URL names a PostgreSQL database and schema; media then go to ./data/media', () => {
    const cwd = tempFolder();
    const config = loadConfig({ DATABASE_URL: 'postgres://dispatch@db:5432/news?schema=wire' }, cwd);
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://dispatch@db:5432/news?schema=wire', schema: 'wire' });
    assert.equal(config.mediaDir, path.join(cwd, 'data', 'media'));
  });

  it('DATABASE_URL=:memory: keeps media in ./data/media', () => {
    const cwd = tempFolder();
    const config = loadConfig({ DATABASE_URL: ':memory:' }, cwd);
    assert.deepEqual(config.database, { kind: 'sqlite', file: ':memory:' });
    assert.equal(config.mediaDir, path.join(cwd, 'data', 'media'));
  });

  it('newsroom sessions: 240 idle minutes and 12 hours by default, Secure cookies exactly when PUBLIC_URL is https', () => {
    assert.deepEqual(loadConfig({}, tempFolder()).sessions, { idleMinutes: 240, maxHours: 12, secureCookies: false });
    assert.deepEqual(
      loadConfig({ PUBLIC_URL: 'https://news.example.by', SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '8' }, tempFolder()).sessions,
      { idleMinutes: 15, maxHours: 8, secureCookies: true },
    );
  });

  it('PUBLIC_URL sets the public address without a trailing slash', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://news.example.by/' }, tempFolder()).publicUrl, 'https://news.example.by');
    assert.equal(loadConfig({ PUBLIC_URL: 'https://example.by/news/' }, tempFolder()).publicUrl, 'https://example.by/news');
    assert.equal(loadConfig({ PUBLIC_URL: 'http://localhost:8080', PORT: '3001' }, tempFolder()).publicUrl, 'http://localhost:8080');
  });

  it('DEFAULT_LANGUAGE picks one of the languages', () => {
    assert.equal(loadConfig({ DEFAULT_LANGUAGE: 'be' }, tempFolder()).defaultLanguage, 'be');
  });

  it('DISPATCH_LANGUAGES_JSON sets the languages; the first is the default', () => {
    const config = loadConfig({ DISPATCH_LANGUAGES_JSON: JSON.stringify([LANGUAGE_EN, { ...LANGUAGE_BE, name: '  Беларуская ' }]) }, tempFolder());
    assert.deepEqual(config.languages, [LANGUAGE_EN, LANGUAGE_BE]);
    assert.equal(config.defaultLanguage, 'en');
  });

  it('DISPATCH_LANGUAGES_JSON and DEFAULT_LANGUAGE together', () => {
    const config = loadConfig({ DISPATCH_LANGUAGES_JSON: JSON.stringify([LANGUAGE_EN, LANGUAGE_BE]), DEFAULT_LANGUAGE: 'be' }, tempFolder());
    assert.equal(config.defaultLanguage, 'be');
  });

  it('LOG_LEVEL takes every level, in any case', () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const) {
      assert.equal(loadConfig({ LOG_LEVEL: level }, tempFolder()).logLevel, level);
    }
    assert.equal(loadConfig({ LOG_LEVEL: ' DEBUG ' }, tempFolder()).logLevel, 'debug');
  });

  it('MEDIA_DIR sets the media folder, relative to the working folder', () => {
    const cwd = tempFolder();
    assert.equal(loadConfig({ MEDIA_DIR: 'uploads' }, cwd).mediaDir, path.join(cwd, 'uploads'));
    assert.equal(loadConfig({ MEDIA_DIR: '/srv/media' }, cwd).mediaDir, path.resolve('/srv/media'));
  });

  it('MEDIA_MAX_BYTES and MEDIA_MAX_PIXELS set the upload limits, with sensible defaults', () => {
    const defaults = loadConfig({}, tempFolder());
    assert.equal(defaults.mediaMaxBytes, 25 * 1024 * 1024);
    assert.equal(defaults.mediaMaxPixels, 50_000_000);
    const set = loadConfig({ MEDIA_MAX_BYTES: '1048576', MEDIA_MAX_PIXELS: ' 4000000 ' }, tempFolder());
    assert.equal(set.mediaMaxBytes, 1048576);
    assert.equal(set.mediaMaxPixels, 4_000_000);
  });

  it('DISPATCH_DEMO turns the demo off and on', () => {
    for (const value of ['0', 'false', 'no', 'off', 'FALSE', ' Off ']) {
      assert.equal(loadConfig({ DISPATCH_DEMO: value }, tempFolder()).loadDemoOnFirstStart, false, value);
    }
    for (const value of ['1', 'true', 'yes', 'on', 'TRUE']) {
      assert.equal(loadConfig({ DISPATCH_DEMO: value }, tempFolder()).loadDemoOnFirstStart, true, value);
    }
  });
});

describe('loadConfig: the config file', () => {
  const FULL = {
    host: '0.0.0.0',
    port: 4000,
    databaseUrl: './db/news.db',
    publicUrl: 'https://news.example.by',
    languages: [LANGUAGE_EN, LANGUAGE_BE],
    defaultLanguage: 'be',
    logLevel: 'warn',
    mediaDir: 'files',
    mediaMaxBytes: 5000000,
    mediaMaxPixels: 20000000,
    loadDemoOnFirstStart: false,
    sessionIdleMinutes: 30,
    sessionMaxHours: 10,
    websubHubs: ['https://hub.example.org/'],
    pageCacheMaxMb: 32,
    pageCacheMaxAgeSeconds: 120,
    httpCachePurgeUrl: 'http://127.0.0.1:6081/',
  };

  it('reads dispatch.config.json in the working folder', () => {
    const cwd = tempFolder();
    const file = writeConfig(cwd, FULL);
    const config = loadConfig({}, cwd);
    assert.deepEqual(config, {
      host: '0.0.0.0',
      port: 4000,
      database: { kind: 'sqlite', file: path.join(cwd, 'db', 'news.db') },
      publicUrl: 'https://news.example.by',
      languages: [LANGUAGE_EN, LANGUAGE_BE],
      defaultLanguage: 'be',
      logLevel: 'warn',
      mediaDir: path.join(cwd, 'files'),
      mediaMaxBytes: 5000000,
      mediaMaxPixels: 20000000,
      loadDemoOnFirstStart: false,
      sessions: { idleMinutes: 30, maxHours: 10, secureCookies: true },
      websubHubs: ['https://hub.example.org/'],
      webhookAllowHosts: [],
      pageCache: { maxBytes: 32 * 1024 * 1024, maxAgeSeconds: 120 },
      httpCachePurgeUrl: 'http://127.0.0.1:6081/',
      configFile: file,
    });
  });

  it('webhook allow-list: none by default, comma-separated from WIRE_WEBHOOK_ALLOW_HOSTS or a list in the file, anything else refused', () => {
    assert.deepEqual(loadConfig({}, tempFolder()).webhookAllowHosts, []);
    assert.deepEqual(loadConfig({ WIRE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1, Intranet.Local' }, tempFolder()).webhookAllowHosts, ['127.0.0.1', 'intranet.local']);
    const cwd = tempFolder();
    writeConfig(cwd, { webhookAllowHosts: ['10.0.0.5'] });
    assert.deepEqual(loadConfig({}, cwd).webhookAllowHosts, ['10.0.0.5']);
    assert.throws(() => loadConfig({ WIRE_WEBHOOK_ALLOW_HOSTS: 'http://127.0.0.1/' }, tempFolder()), /WIRE_WEBHOOK_ALLOW_HOSTS/);
  });

  it('the page cache: 32 MB for 300 s by default, 0 turns it off; the purge address is an http(s) URL', () => {
    assert.deepEqual(loadConfig({}, tempFolder()).pageCache, { maxBytes: 32 * 1024 * 1024, maxAgeSeconds: 300 });
    assert.equal(loadConfig({ PAGE_CACHE_MAX_MB: '0' }, tempFolder()).pageCache.maxBytes, 0);
    assert.throws(() => loadConfig({ PAGE_CACHE_MAX_MB: 'lots' }, tempFolder()), /PAGE_CACHE_MAX_MB/);
    assert.throws(() => loadConfig({ PAGE_CACHE_MAX_AGE_SECONDS: '0' }, tempFolder()), /PAGE_CACHE_MAX_AGE_SECONDS/);
    assert.equal(loadConfig({}, tempFolder()).httpCachePurgeUrl, undefined);
    assert.equal(loadConfig({ HTTP_CACHE_PURGE_URL: 'http://127.0.0.1:6081' }, tempFolder()).httpCachePurgeUrl, 'http://127.0.0.1:6081/');
    assert.throws(() => loadConfig({ HTTP_CACHE_PURGE_URL: 'varnish' }, tempFolder()), /HTTP_CACHE_PURGE_URL/);
    assert.throws(() => loadConfig({ HTTP_CACHE_PURGE_URL: 'http://user:secret@cache/' }, tempFolder()), /HTTP_CACHE_PURGE_URL/);
  });

  it('WebSub hubs: none by default, a comma-separated list from WEBSUB_HUBS, anything but http(s) URLs refused', () => {
    assert.deepEqual(loadConfig({}, tempFolder()).websubHubs, []);
    assert.deepEqual(
      loadConfig({ WEBSUB_HUBS: 'https://pubsubhubbub.appspot.com/, http://127.0.0.1:9000/hub' }, tempFolder()).websubHubs,
      ['https://pubsubhubbub.appspot.com/', 'http://127.0.0.1:9000/hub'],
    );
    assert.throws(() => loadConfig({ WEBSUB_HUBS: 'ftp://hub.example.org/' }, tempFolder()), /WEBSUB_HUBS/);
    assert.throws(() => loadConfig({ WEBSUB_HUBS: 'not a url' }, tempFolder()), /WEBSUB_HUBS/);
  });

  it('accepts the port as text', () => {
    const cwd = tempFolder();
    writeConfig(cwd, { port: '4001' });
    assert.equal(loadConfig({}, cwd).port, 4001);
  });

  it('reads the file named by DISPATCH_CONFIG (relative to the working folder) instead', () => {
    const cwd = tempFolder();
    writeConfig(cwd, { port: 4000 });
    const named = writeConfig(cwd, { port: 5000 }, 'etc/dispatch.json');
    const config = loadConfig({ DISPATCH_CONFIG: 'etc/dispatch.json' }, cwd);
    assert.equal(config.port, 5000);
    assert.equal(config.configFile, named);
  });

  it('lets the environment win over the file', () => {
    const cwd = tempFolder();
    writeConfig(cwd, FULL);
    const config = loadConfig({ PORT: '9000', HOST: '127.0.0.2', LOG_LEVEL: 'error', DISPATCH_DEMO: 'yes', DEFAULT_LANGUAGE: 'en', DISPATCH_LANGUAGES_JSON: JSON.stringify([LANGUAGE_EN]) }, cwd);
    assert.equal(config.port, 9000);
    assert.equal(config.host, '127.0.0.2');
    assert.equal(config.logLevel, 'error');
    assert.equal(config.loadDemoOnFirstStart, true);
    assert.deepEqual(config.languages, [LANGUAGE_EN]);
    assert.equal(config.defaultLanguage, 'en');
    assert.equal(config.publicUrl, 'https://news.example.by', 'not in the environment: from the file');
    const url = loadConfig({ PUBLIC_URL: 'https://other.example.by', DATABASE_URL: 'postgres://db/news' }, cwd);
    assert.equal(url.publicUrl, 'https://other.example.by');
    assert.deepEqual(url.database, { kind: 'postgres', url: 'postgres://db/news' });
  });

  it('resolves relative paths in the file against the file’s folder', () => {
    const cwd = tempFolder();
    const etc = path.join(cwd, 'etc');
    writeConfig(cwd, { databaseUrl: 'sqlite:news.db', mediaDir: '../media' }, 'etc/dispatch.json');
    const config = loadConfig({ DISPATCH_CONFIG: 'etc/dispatch.json' }, cwd);
    assert.deepEqual(config.database, { kind: 'sqlite', file: path.join(etc, 'news.db') });
    assert.equal(config.mediaDir, path.join(cwd, 'media'));
  });

  it('resolves relative paths from the environment against the working folder, wherever the file is', () => {
    const cwd = tempFolder();
    writeConfig(cwd, { port: 4000 }, 'etc/dispatch.json');
    const config = loadConfig({ DISPATCH_CONFIG: 'etc/dispatch.json', DATABASE_URL: './data/news.db', MEDIA_DIR: 'uploads' }, cwd);
    assert.deepEqual(config.database, { kind: 'sqlite', file: path.join(cwd, 'data', 'news.db') });
    assert.equal(config.mediaDir, path.join(cwd, 'uploads'));
  });

  it('refuses an unknown key, naming it and the known ones', () => {
    const cwd = tempFolder();
    const file = writeConfig(cwd, { port: 4000, prot: 4001 });
    const error = refusal(() => loadConfig({}, cwd));
    assert.equal(error.code, 'config_invalid');
    assert.ok(error.message.includes('"prot"'), error.message);
    assert.ok(error.message.includes(file), error.message);
    assert.ok(error.message.includes('port'), error.message);
    assert.ok(!error.message.includes('\n'));
  });

  it('refuses an environment variable name used as a key', () => {
    const cwd = tempFolder();
    writeConfig(cwd, { DATABASE_URL: 'x.db' });
    const error = refusal(() => loadConfig({}, cwd));
    assert.equal(error.code, 'config_invalid');
    assert.ok(error.message.includes('"DATABASE_URL"'), error.message);
  });

  for (const [label, text] of [
    ['a missing comma', '{\n  "port": 4000\n  "host": "0.0.0.0"\n}'],
    ['a trailing comma', '{ "port": 4000, }'],
    ['a comment', '// settings\n{ "port": 4000 }'],
    ['an empty file', ''],
  ] as const) {
    it(`refuses a file that is not valid JSON (${label}) with config_file_unreadable`, () => {
      const cwd = tempFolder();
      const file = writeConfig(cwd, text);
      const error = refusal(() => loadConfig({}, cwd));
      assert.equal(error.code, 'config_file_unreadable');
      assert.ok(error.message.includes(file), error.message);
      assert.ok(error.message.includes('not valid JSON'), error.message);
      assert.ok(!error.message.includes('\n'), JSON.stringify(error.message));
    });
  }

  it('refuses a file that holds something other than an object', () => {
    for (const text of ['[]', '"port"', '42', 'null']) {
      const cwd = tempFolder();
      writeConfig(cwd, text);
      assert.equal(refusal(() => loadConfig({}, cwd)).code, 'config_file_unreadable', text);
    }
  });

  it('refuses a DISPATCH_CONFIG that names no file, while a missing dispatch.config.json is fine', () => {
    const cwd = tempFolder();
    const error = refusal(() => loadConfig({ DISPATCH_CONFIG: 'missing.json' }, cwd));
    assert.equal(error.code, 'config_file_unreadable');
    assert.ok(error.message.includes(path.join(cwd, 'missing.json')), error.message);
    assert.equal(loadConfig({}, cwd).configFile, undefined);
  });
});

describe('loadConfig: wrong values in the environment', () => {
  // shown: the value as the message shows it (JSON: text in quotes).
  const q = (text: string): string => JSON.stringify(text);
  const languages = (list: unknown[]): string => JSON.stringify(list);
  const cases: { env: Record<string, string>; setting: string; shown: string }[] = [
    { env: { PORT: 'abc' }, setting: 'PORT', shown: q('abc') },
    { env: { PORT: '0' }, setting: 'PORT', shown: q('0') },
    { env: { PORT: '65536' }, setting: 'PORT', shown: q('65536') },
    { env: { PORT: '-1' }, setting: 'PORT', shown: q('-1') },
    { env: { PORT: '80.5' }, setting: 'PORT', shown: q('80.5') },
    { env: { PORT: '1e3' }, setting: 'PORT', shown: q('1e3') },
    { env: { PORT: '80 81' }, setting: 'PORT', shown: q('80 81') },
    { env: { PORT: '80\n81' }, setting: 'PORT', shown: q('80\n81') },
    { env: { HOST: 'my host' }, setting: 'HOST', shown: q('my host') },
    { env: { HOST: 'http://news.local' }, setting: 'HOST', shown: q('http://news.local') },
    { env: { HOST: 'news.local/x' }, setting: 'HOST', shown: q('news.local/x') },
    { env: { HOST: 'a'.repeat(254) }, setting: 'HOST', shown: q('a'.repeat(254)) },
    { env: { PUBLIC_URL: 'news.example.by' }, setting: 'PUBLIC_URL', shown: q('news.example.by') },
    { env: { PUBLIC_URL: 'ftp://news.example.by' }, setting: 'PUBLIC_URL', shown: q('ftp://news.example.by') },
    { env: { PUBLIC_URL: 'https://news.example.by/?lang=ru' }, setting: 'PUBLIC_URL', shown: q('https://news.example.by/?lang=ru') },
    { env: { PUBLIC_URL: 'https://news.example.by/#top' }, setting: 'PUBLIC_URL', shown: q('https://news.example.by/#top') },
    { env: { PUBLIC_URL: 'https://editor@news.example.by' }, setting: 'PUBLIC_URL', shown: q('https://editor@news.example.by') },
    { env: { PUBLIC_URL: 'https://:secret@news.example.by' }, setting: 'PUBLIC_URL', shown: 'news.example.by' },
    { env: { DEFAULT_LANGUAGE: 'de' }, setting: 'DEFAULT_LANGUAGE', shown: q('de') },
    { env: { DEFAULT_LANGUAGE: 'EN' }, setting: 'DEFAULT_LANGUAGE', shown: q('EN') },
    { env: { DISPATCH_LANGUAGES_JSON: languages([LANGUAGE_EN]), DEFAULT_LANGUAGE: 'ru' }, setting: 'DEFAULT_LANGUAGE', shown: q('ru') },
    { env: { DISPATCH_LANGUAGES_JSON: '[{code: "en"}]' }, setting: 'DISPATCH_LANGUAGES_JSON', shown: q('[{code: "en"}]') },
    { env: { DISPATCH_LANGUAGES_JSON: '[]' }, setting: 'DISPATCH_LANGUAGES_JSON', shown: '(got [])' },
    { env: { DISPATCH_LANGUAGES_JSON: '{"code":"en"}' }, setting: 'DISPATCH_LANGUAGES_JSON', shown: '{"code":"en"}' },
    { env: { DISPATCH_LANGUAGES_JSON: '["en"]' }, setting: 'DISPATCH_LANGUAGES_JSON[0]', shown: q('en') },
    { env: { DISPATCH_LANGUAGES_JSON: languages([LANGUAGE_EN, null]) }, setting: 'DISPATCH_LANGUAGES_JSON[1]', shown: '(got null)' },
    { env: { DISPATCH_LANGUAGES_JSON: languages([{ ...LANGUAGE_EN, code: 'EN' }]) }, setting: 'DISPATCH_LANGUAGES_JSON[0].code', shown: q('EN') },
    { env: { DISPATCH_LANGUAGES_JSON: languages([{ ...LANGUAGE_EN, code: 'en-GB' }]) }, setting: 'DISPATCH_LANGUAGES_JSON[0].code', shown: q('en-GB') },
    { env: { DISPATCH_LANGUAGES_JSON: languages([LANGUAGE_EN, LANGUAGE_EN]) }, setting: 'DISPATCH_LANGUAGES_JSON[1].code', shown: q('en') },
    { env: { DISPATCH_LANGUAGES_JSON: languages([{ ...LANGUAGE_EN, name: ' ' }]) }, setting: 'DISPATCH_LANGUAGES_JSON[0].name', shown: q(' ') },
    { env: { DISPATCH_LANGUAGES_JSON: languages([{ ...LANGUAGE_EN, label: 'x'.repeat(41) }]) }, setting: 'DISPATCH_LANGUAGES_JSON[0].label', shown: q('x'.repeat(41)) },
    { env: { DISPATCH_LANGUAGES_JSON: languages([{ code: 'en', name: 'English', label: 'Eng' }]) }, setting: 'DISPATCH_LANGUAGES_JSON[0].locale', shown: '(got undefined)' },
    { env: { DISPATCH_LANGUAGES_JSON: languages([{ ...LANGUAGE_EN, locale: 'not a locale' }]) }, setting: 'DISPATCH_LANGUAGES_JSON[0].locale', shown: q('not a locale') },
    { env: { DISPATCH_LANGUAGES_JSON: languages([{ ...LANGUAGE_EN, locale: 'xx-YY' }]) }, setting: 'DISPATCH_LANGUAGES_JSON[0].locale', shown: q('xx-YY') },
    { env: { LOG_LEVEL: 'verbose' }, setting: 'LOG_LEVEL', shown: q('verbose') },
    { env: { MEDIA_DIR: '   ' }, setting: 'MEDIA_DIR', shown: q('   ') },
    { env: { MEDIA_DIR: 'media\0x' }, setting: 'MEDIA_DIR', shown: q('media\0x') },
    { env: { MEDIA_MAX_BYTES: '0' }, setting: 'MEDIA_MAX_BYTES', shown: q('0') },
    { env: { MEDIA_MAX_BYTES: '10MB' }, setting: 'MEDIA_MAX_BYTES', shown: q('10MB') },
    { env: { MEDIA_MAX_PIXELS: '-5' }, setting: 'MEDIA_MAX_PIXELS', shown: q('-5') },
    { env: { DISPATCH_DEMO: 'maybe' }, setting: 'DISPATCH_DEMO', shown: q('maybe') },
    { env: { DISPATCH_DEMO: '2' }, setting: 'DISPATCH_DEMO', shown: q('2') },
  ];

  for (const { env, setting, shown } of cases) {
    it(`refuses ${setting} = ${JSON.stringify(Object.values(env).at(-1)).slice(0, 60)}`, () => {
      const error = refusal(() => loadConfig(env, tempFolder()));
      assertRefused(error, 'config_invalid', setting, shown);
    });
  }

  it('does not show the password of a PUBLIC_URL it refuses', () => {
    for (const url of ['https://editor:secret@news.example.by', 'https://:secret@news.example.by']) {
      const error = refusal(() => loadConfig({ PUBLIC_URL: url }, tempFolder()));
      assert.equal(error.code, 'config_invalid');
      assert.ok(!error.message.includes('secret'), error.message);
    }
  });

  it('says which languages there are when DEFAULT_LANGUAGE is not one of them', () => {
    const error = refusal(() => loadConfig({ DEFAULT_LANGUAGE: 'de' }, tempFolder()));
    assert.ok(error.message.includes('ru, en, be'), error.message);
  });

  it('says what LOG_LEVEL may be', () => {
    const error = refusal(() => loadConfig({ LOG_LEVEL: 'verbose' }, tempFolder()));
    assert.ok(error.message.includes('fatal, error, warn, info, debug, trace, silent'), error.message);
  });

  it('refuses a wrong DATABASE_URL with database_url_invalid, naming it', () => {
    const error = refusal(() => loadConfig({ DATABASE_URL: 'mysql://dispatch@db/news' }, tempFolder()));
    assertRefused(error, 'database_url_invalid', 'DATABASE_URL', '"mysql://dispatch@db/news"');
  });

  it('does not show the password of a wrong DATABASE_URL', () => {
    const error = refusal(() => loadConfig({ DATABASE_URL: 'mysql://dispatch:s3cr3t@db/news' }, tempFolder()));
    assert.equal(error.code, 'database_url_invalid');
    assert.ok(!error.message.includes('s3cr3t'), error.message);
  });

  it('stops at a wrong value even when the other settings are right', () => {
    const error = refusal(() => loadConfig({ HOST: '0.0.0.0', PORT: '70000', LOG_LEVEL: 'debug' }, tempFolder()));
    assertRefused(error, 'config_invalid', 'PORT', '"70000"');
  });
});

describe('loadConfig: wrong values in the config file', () => {
  const cases: { settings: Record<string, unknown>; setting: string; shown: string }[] = [
    { settings: { port: 'eighty' }, setting: '"port" in the config file', shown: '"eighty"' },
    { settings: { port: 0 }, setting: '"port" in the config file', shown: '0' },
    { settings: { port: 3000.5 }, setting: '"port" in the config file', shown: '3000.5' },
    { settings: { port: null }, setting: '"port" in the config file', shown: 'null' },
    { settings: { port: true }, setting: '"port" in the config file', shown: 'true' },
    { settings: { host: 42 }, setting: '"host" in the config file', shown: '42' },
    { settings: { host: 'my host' }, setting: '"host" in the config file', shown: '"my host"' },
    { settings: { publicUrl: 'news.example.by' }, setting: '"publicUrl" in the config file', shown: '"news.example.by"' },
    { settings: { publicUrl: null }, setting: '"publicUrl" in the config file', shown: 'null' },
    { settings: { databaseUrl: 'mysql://db/news' }, setting: '"databaseUrl" in the config file', shown: '"mysql://db/news"' },
    { settings: { databaseUrl: 5 }, setting: '"databaseUrl" in the config file', shown: '5' },
    { settings: { databaseUrl: null }, setting: '"databaseUrl" in the config file', shown: 'null' },
    { settings: { databaseUrl: { file: 'news.db' } }, setting: '"databaseUrl" in the config file', shown: '{"file":"news.db"}' },
    { settings: { languages: 'ru,en' }, setting: '"languages" in the config file', shown: '"ru,en"' },
    { settings: { languages: [] }, setting: '"languages" in the config file', shown: '[]' },
    { settings: { languages: [{ ...LANGUAGE_EN, code: 'english' }] }, setting: '"languages" in the config file[0].code', shown: '"english"' },
    { settings: { defaultLanguage: 'de' }, setting: '"defaultLanguage" in the config file', shown: '"de"' },
    { settings: { defaultLanguage: ['en'] }, setting: '"defaultLanguage" in the config file', shown: '["en"]' },
    { settings: { defaultLanguage: null }, setting: '"defaultLanguage" in the config file', shown: 'null' },
    { settings: { logLevel: 'loud' }, setting: '"logLevel" in the config file', shown: '"loud"' },
    { settings: { logLevel: 3 }, setting: '"logLevel" in the config file', shown: '3' },
    { settings: { mediaDir: '' }, setting: '"mediaDir" in the config file', shown: '""' },
    { settings: { mediaDir: ['media'] }, setting: '"mediaDir" in the config file', shown: '["media"]' },
    { settings: { loadDemoOnFirstStart: 'maybe' }, setting: '"loadDemoOnFirstStart" in the config file', shown: '"maybe"' },
    { settings: { loadDemoOnFirstStart: 1 }, setting: '"loadDemoOnFirstStart" in the config file', shown: '1' },
    { settings: { sessionIdleMinutes: 0 }, setting: '"sessionIdleMinutes" in the config file', shown: '0' },
    { settings: { sessionMaxHours: 'long' }, setting: '"sessionMaxHours" in the config file', shown: '"long"' },
  ];

  for (const { settings, setting, shown } of cases) {
    it(`refuses ${JSON.stringify(settings).slice(0, 70)}`, () => {
      const cwd = tempFolder();
      writeConfig(cwd, settings);
      const error = refusal(() => loadConfig({}, cwd));
      const code = setting.startsWith('"databaseUrl"') && typeof settings.databaseUrl === 'string' ? 'database_url_invalid' : 'config_invalid';
      assertRefused(error, code, setting, shown);
    });
  }

  it('ignores a wrong value in the file when the environment sets that setting', () => {
    const cwd = tempFolder();
    writeConfig(cwd, { port: 'eighty' });
    assert.equal(loadConfig({ PORT: '8080' }, cwd).port, 8080);
  });
});
