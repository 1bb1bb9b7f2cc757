// Dispatch's configuration: defaults, then an optional JSON config file, then the environment.
// Everything is validated before anything starts; the first wrong value stops the start with one
// line that names the setting (as the user wrote it: PORT, or "port" in the config file) and what
// is wrong with it.

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.ts';
import { parseDatabaseUrl, redact, type DatabaseTarget } from '../db/database-url.ts';

export interface LanguageConfig {
  /** ISO 639-1 code used in URLs and storage: ru, en, be. */
  code: string;
  /** The language's own name: Русский, English, Беларуская. */
  name: string;
  /** The label of the language switch: Ru, Eng, Bel. */
  label: string;
  /** BCP 47 locale for dates and plurals: ru-RU, en-GB, be-BY. */
  locale: string;
}

/** Newsroom logins: how long a session lives and whether its cookie is Secure. */
export interface SessionConfig {
  /** A session not used for this long ends. */
  idleMinutes: number;
  /** A session ends this long after the login, however busy. */
  maxHours: number;
  /** Cookies carry `Secure` when the public address is https. */
  secureCookies: boolean;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  host: string;
  port: number;
  database: DatabaseTarget;
  /** Public base URL (scheme and host, no trailing slash) for canonical links, feeds and the wire. */
  publicUrl: string;
  languages: LanguageConfig[];
  defaultLanguage: string;
  logLevel: LogLevel;
  /** Where uploaded and generated images are kept. */
  mediaDir: string;
  /** The largest image upload accepted, in bytes (checked while the upload streams in). */
  mediaMaxBytes: number;
  /** The most pixels (width × height) an uploaded image may decode to: a guard against decompression bombs. */
  mediaMaxPixels: number;
  /** Load the demo agency into an empty database on first start. */
  loadDemoOnFirstStart: boolean;
  sessions: SessionConfig;
  /** WebSub hubs the feeds name and publishing pings (none by default). */
  websubHubs: string[];
  /** Private or loopback hosts that subscribers' webhooks may reach anyway (none by default). */
  webhookAllowHosts: string[];
  /** The in-memory cache of public pages: its memory bound and how long a page stays fresh. */
  pageCache: PageCacheConfig;
  /** Where each change sends a BAN by surrogate key (Varnish or the like); none by default. */
  httpCachePurgeUrl: string | undefined;
  /** The file the settings were read from, if any. */
  configFile: string | undefined;
}

export interface PageCacheConfig {
  /** The most memory the stored pages may take, in bytes; 0 turns the cache off. */
  maxBytes: number;
  /** How long a stored page is served before it is made again (changes drop it at once). */
  maxAgeSeconds: number;
}

export const DEFAULT_PAGE_CACHE_MAX_MB = 32;
export const DEFAULT_PAGE_CACHE_MAX_AGE_SECONDS = 300;

export const DEFAULT_LANGUAGES: LanguageConfig[] = [
  { code: 'ru', name: 'Русский', label: 'Ru', locale: 'ru-RU' },
  { code: 'en', name: 'English', label: 'Eng', locale: 'en-GB' },
  { code: 'be', name: 'Беларуская', label: 'Bel', locale: 'be-BY' },
];

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Settings as they may appear in the config file; every field optional. */
interface FileSettings {
  host?: unknown;
  port?: unknown;
  databaseUrl?: unknown;
  publicUrl?: unknown;
  languages?: unknown;
  defaultLanguage?: unknown;
  logLevel?: unknown;
  mediaDir?: unknown;
  mediaMaxBytes?: unknown;
  mediaMaxPixels?: unknown;
  loadDemoOnFirstStart?: unknown;
  sessionIdleMinutes?: unknown;
  sessionMaxHours?: unknown;
  websubHubs?: unknown;
  webhookAllowHosts?: unknown;
  pageCacheMaxMb?: unknown;
  pageCacheMaxAgeSeconds?: unknown;
  httpCachePurgeUrl?: unknown;
}

const FILE_KEYS = new Set<string>([
  'host', 'port', 'databaseUrl', 'publicUrl', 'languages', 'defaultLanguage', 'logLevel', 'mediaDir',
  'mediaMaxBytes', 'mediaMaxPixels', 'loadDemoOnFirstStart', 'sessionIdleMinutes', 'sessionMaxHours', 'websubHubs',
  'webhookAllowHosts',
  'pageCacheMaxMb', 'pageCacheMaxAgeSeconds', 'httpCachePurgeUrl',
]);

export const DEFAULT_MEDIA_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MEDIA_MAX_PIXELS = 50_000_000;

type Env = Record<string, string | undefined>;

/** A setting's value and the name the user knows it by, for messages. */
interface Source {
  value: unknown;
  name: string;
}

function pick(env: Env, envName: string, file: FileSettings, fileKey: keyof FileSettings): Source | undefined {
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, name: envName };
  if (file[fileKey] !== undefined) return { value: file[fileKey], name: `"${fileKey}" in the config file` };
  return undefined;
}

function invalid(name: string, problem: string, value: unknown): AppError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return new AppError('config_invalid', `Invalid setting ${name}: ${problem} (got ${shown})`, {
    details: { setting: name },
  });
}

function readPort(source: Source | undefined): number {
  if (!source) return 3000;
  const raw = source.value;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw invalid(source.name, 'must be a whole number from 1 to 65535', raw);
  }
  return Number(text);
}

function readWholeNumber(source: Source | undefined, fallback: number, min: number, max: number): number {
  if (!source) return fallback;
  const raw = source.value;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw invalid(source.name, `must be a whole number from ${min} to ${max}`, raw);
  }
  return Number(text);
}

function readHost(source: Source | undefined): string {
  if (!source) return '127.0.0.1';
  const raw = source.value;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9.:\-[\]]{1,253}$/.test(raw.trim())) {
    throw invalid(source.name, 'must be a host name or an IP address such as 127.0.0.1 or 0.0.0.0', raw);
  }
  return raw.trim();
}

/** WebSub hub URLs: a comma-separated list in the environment, a list in the file; http(s) only. */
function readHubUrls(source: Source | undefined): string[] {
  if (!source) return [];
  const raw = source.value;
  const list = typeof raw === 'string' ? raw.split(',').map((part) => part.trim()).filter((part) => part !== '') : raw;
  if (!Array.isArray(list) || list.length > 10) throw invalid(source.name, 'must be a list of at most 10 http(s) URLs', raw);
  return list.map((entry) => {
    let url: URL | undefined;
    try {
      url = typeof entry === 'string' ? new URL(entry) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw invalid(source.name, 'must be a list of http(s) URLs', raw);
    return url.href;
  });
}

/** Host names or IP addresses: a comma-separated list in the environment, a list in the file. */
function readHostList(source: Source | undefined): string[] {
  if (!source) return [];
  const raw = source.value;
  const list = typeof raw === 'string' ? raw.split(',').map((part) => part.trim()).filter((part) => part !== '') : raw;
  const isHost = (entry: unknown) => typeof entry === 'string' && /^[A-Za-z0-9.:\-[\]]{1,253}$/.test(entry.trim());
  if (!Array.isArray(list) || list.length > 100 || !list.every(isHost)) {
    throw invalid(source.name, 'must be a list of host names or IP addresses such as 127.0.0.1', raw);
  }
  return list.map((entry: string) => entry.trim().toLowerCase());
}

/** The HTTP cache's purge address: one http(s) URL with no credentials. */
function readPurgeUrl(source: Source | undefined): string | undefined {
  if (!source) return undefined;
  const raw = source.value;
  let url: URL | undefined;
  try {
    url = typeof raw === 'string' ? new URL(raw.trim()) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw invalid(source.name, 'must be an http(s) URL such as http://127.0.0.1:6081/', typeof raw === 'string' ? redact(raw) : raw);
  }
  return url.href;
}

function readPublicUrl(source: Source | undefined, host: string, port: number): string {
  if (!source) {
    const bare = host.replace(/^\[(.*)\]$/, '$1');
    const shownHost = bare === '0.0.0.0' || bare === '::' ? '127.0.0.1' : bare.includes(':') ? `[${bare}]` : bare;
    return `http://${shownHost}:${port}`;
  }
  const raw = source.value;
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw invalid(source.name, 'must be an absolute http(s) URL such as https://news.example.by', raw);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password) {
    throw invalid(source.name, 'must be an http(s) URL with no query, fragment or credentials', redact(String(raw)));
  }
  return url.href.replace(/\/+$/, '');
}

function readLanguages(source: Source | undefined): LanguageConfig[] {
  if (!source) return DEFAULT_LANGUAGES;
  const raw = source.value;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw invalid(source.name, 'must be a non-empty list of languages', raw);
  }
  const seen = new Set<string>();
  return raw.map((entry: unknown, index) => {
    const item = entry as Partial<Record<keyof LanguageConfig, unknown>> | null;
    const where = `${source.name}[${index}]`;
    if (typeof item !== 'object' || item === null) throw invalid(where, 'must be an object with code, name, label and locale', entry);
    const { code, name, label, locale } = item;
    if (typeof code !== 'string' || !/^[a-z]{2,3}$/.test(code)) throw invalid(`${where}.code`, 'must be a two- or three-letter lower-case ISO 639 code', code);
    if (seen.has(code)) throw invalid(`${where}.code`, 'is listed twice', code);
    seen.add(code);
    for (const [field, value] of [['name', name], ['label', label]] as const) {
      if (typeof value !== 'string' || value.trim() === '' || value.length > 40) {
        throw invalid(`${where}.${field}`, 'must be a non-empty text of at most 40 characters', value);
      }
    }
    if (typeof locale !== 'string' || !isSupportedLocale(locale)) {
      throw invalid(`${where}.locale`, 'must be a BCP 47 locale such as ru-RU', locale);
    }
    return { code, name: (name as string).trim(), label: (label as string).trim(), locale };
  });
}

function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}

function readLogLevel(source: Source | undefined): LogLevel {
  if (!source) return 'info';
  const raw = source.value;
  if (typeof raw !== 'string' || !LOG_LEVELS.includes(raw.trim().toLowerCase() as LogLevel)) {
    throw invalid(source.name, `must be one of ${LOG_LEVELS.join(', ')}`, raw);
  }
  return raw.trim().toLowerCase() as LogLevel;
}

function readBoolean(source: Source | undefined, fallback: boolean): boolean {
  if (!source) return fallback;
  const raw = source.value;
  if (typeof raw === 'boolean') return raw;
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw invalid(source.name, 'must be true or false', raw);
}

function readPositiveInteger(source: Source | undefined, fallback: number): number {
  if (!source) return fallback;
  const raw = source.value;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,15}$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw invalid(source.name, 'must be a positive whole number', raw);
  }
  return Number(text);
}

function readPath(source: Source | undefined, fallback: string, baseDir: string): string {
  if (!source) return path.resolve(baseDir, fallback);
  if (typeof source.value !== 'string' || source.value.trim() === '' || source.value.includes('\0')) {
    throw invalid(source.name, 'must be a folder path', source.value);
  }
  return path.resolve(baseDir, source.value.trim());
}

function readConfigFile(env: Env, cwd: string): { settings: FileSettings; file: string | undefined } {
  const named = env.DISPATCH_CONFIG;
  const file = named ? path.resolve(cwd, named) : path.resolve(cwd, 'dispatch.config.json');
  if (!named && !existsSync(file)) return { settings: {}, file: undefined };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('config_file_unreadable', `Cannot read the config file ${file}: ${(cause as Error).message}`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new AppError('config_file_unreadable', `The config file ${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('config_file_unreadable', `The config file ${file} must hold one JSON object of settings`);
  }
  for (const key of Object.keys(parsed)) {
    if (!FILE_KEYS.has(key)) {
      throw new AppError('config_invalid', `Unknown setting "${key}" in the config file ${file}; known settings: ${[...FILE_KEYS].join(', ')}`, {
        details: { setting: key },
      });
    }
  }
  return { settings: parsed as FileSettings, file };
}

/** Reads and validates the configuration. Throws an AppError naming the first wrong setting. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const { settings, file } = readConfigFile(env, cwd);
  const baseDir = file ? path.dirname(file) : cwd;
  const host = readHost(pick(env, 'HOST', settings, 'host'));
  const port = readPort(pick(env, 'PORT', settings, 'port'));
  const databaseSource = pick(env, 'DATABASE_URL', settings, 'databaseUrl');
  if (databaseSource && typeof databaseSource.value !== 'string') {
    throw invalid(databaseSource.name, 'must be a file path, a sqlite: URL or a postgres:// URL', databaseSource.value);
  }
  // A relative path from the environment is relative to the working folder, one from the file to the file.
  const database = parseDatabaseUrl(
    databaseSource ? String(databaseSource.value) : './data/dispatch.db',
    databaseSource?.name ?? 'DATABASE_URL',
    // and the default to the working folder.
    databaseSource && databaseSource.name !== 'DATABASE_URL' ? baseDir : cwd,
  );
  const languages = readLanguages(parseLanguagesEnv(env, settings));
  const defaultSource = pick(env, 'DEFAULT_LANGUAGE', settings, 'defaultLanguage');
  const defaultLanguage: unknown = defaultSource ? (typeof defaultSource.value === 'string' ? defaultSource.value.trim() : defaultSource.value) : languages[0]!.code;
  if (typeof defaultLanguage !== 'string' || !languages.some((language) => language.code === defaultLanguage)) {
    throw invalid(defaultSource?.name ?? 'DEFAULT_LANGUAGE', `must be one of the configured languages (${languages.map((l) => l.code).join(', ')})`, defaultLanguage);
  }
  const mediaSource = pick(env, 'MEDIA_DIR', settings, 'mediaDir');
  const publicUrl = readPublicUrl(pick(env, 'PUBLIC_URL', settings, 'publicUrl'), host, port);
  return {
    host,
    port,
    database,
    publicUrl,
    languages,
    defaultLanguage,
    logLevel: readLogLevel(pick(env, 'LOG_LEVEL', settings, 'logLevel')),
    mediaDir: readPath(mediaSource, mediaDirBeside(database), mediaSource && mediaSource.name !== 'MEDIA_DIR' ? baseDir : cwd),
    mediaMaxBytes: readPositiveInteger(pick(env, 'MEDIA_MAX_BYTES', settings, 'mediaMaxBytes'), DEFAULT_MEDIA_MAX_BYTES),
    mediaMaxPixels: readPositiveInteger(pick(env, 'MEDIA_MAX_PIXELS', settings, 'mediaMaxPixels'), DEFAULT_MEDIA_MAX_PIXELS),
    loadDemoOnFirstStart: readBoolean(pick(env, 'DISPATCH_DEMO', settings, 'loadDemoOnFirstStart'), true),
    sessions: {
      idleMinutes: readWholeNumber(pick(env, 'SESSION_IDLE_MINUTES', settings, 'sessionIdleMinutes'), 240, 1, 7 * 24 * 60),
      maxHours: readWholeNumber(pick(env, 'SESSION_MAX_HOURS', settings, 'sessionMaxHours'), 12, 1, 24 * 30),
      secureCookies: publicUrl.startsWith('https:'),
    },
    websubHubs: readHubUrls(pick(env, 'WEBSUB_HUBS', settings, 'websubHubs')),
    webhookAllowHosts: readHostList(pick(env, 'WIRE_WEBHOOK_ALLOW_HOSTS', settings, 'webhookAllowHosts')),
    pageCache: {
      maxBytes: readWholeNumber(pick(env, 'PAGE_CACHE_MAX_MB', settings, 'pageCacheMaxMb'), DEFAULT_PAGE_CACHE_MAX_MB, 0, 65_536) * 1024 * 1024,
      maxAgeSeconds: readWholeNumber(pick(env, 'PAGE_CACHE_MAX_AGE_SECONDS', settings, 'pageCacheMaxAgeSeconds'), DEFAULT_PAGE_CACHE_MAX_AGE_SECONDS, 1, 86_400),
    },
    httpCachePurgeUrl: readPurgeUrl(pick(env, 'HTTP_CACHE_PURGE_URL', settings, 'httpCachePurgeUrl')),
    configFile: file,
  };
}

/** Languages may come from the environment as JSON (DISPATCH_LANGUAGES_JSON) or from the file. */
function parseLanguagesEnv(env: Env, settings: FileSettings): Source | undefined {
  const fromEnv = env.DISPATCH_LANGUAGES_JSON;
  if (fromEnv) {
    try {
      return { value: JSON.parse(fromEnv), name: 'DISPATCH_LANGUAGES_JSON' };
    } catch {
      throw invalid('DISPATCH_LANGUAGES_JSON', 'must be a JSON list of languages', fromEnv);
    }
  }
  return settings.languages === undefined ? undefined : { value: settings.languages, name: '"languages" in the config file' };
}

function mediaDirBeside(database: DatabaseTarget): string {
  if (database.kind === 'sqlite' && database.file !== ':memory:') return path.join(path.dirname(database.file), 'media');
  return './data/media';
}
