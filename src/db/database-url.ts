// Reads DATABASE_URL: a file path or sqlite: URL for the embedded SQLite database, or a
// postgres:// URL. Anything else is refused with a message that says what is accepted.

import path from 'node:path';
import { AppError } from '../lib/errors.ts';

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string };

const ACCEPTED = 'expected a file path (./data/dispatch.db), sqlite:./file.db, or postgres://user@host:5432/database';

function refuse(name: string, problem: string, value: string): AppError {
  return new AppError('database_url_invalid', `Invalid setting ${name}: ${problem} (got ${JSON.stringify(redact(value))}); ${ACCEPTED}`, {
    details: { setting: name },
  });
}

/** Hides a password in a URL so it never reaches a log or a terminal. */
export function redact(value: string): string {
  // The user name may hold an @ (user@server) and the password an @ or a /: the password ends at
  // the @ followed by the host, the last @ before the path.
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#]*:)[\s\S]*?@(?=[^@/?#]*(?:[/?#]|$))/i, '$1***@');
}

export function parseDatabaseUrl(value: string, name = 'DATABASE_URL', baseDir = process.cwd()): DatabaseTarget {
  const text = value.trim();
  if (text === '') throw refuse(name, 'is empty', value);
  if (text.includes('\0')) throw refuse(name, 'contains a NUL character', value);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();

  if (scheme === 'postgres' || scheme === 'postgresql') {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw refuse(name, 'is not a valid URL', value);
    }
    if (!url.hostname && !url.searchParams.get('host')) throw refuse(name, 'names no host', value);
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (database.includes('/')) throw refuse(name, 'has a database name with a slash', value);
    if (url.port && !/^\d+$/.test(url.port)) throw refuse(name, 'has a port that is not a number', value);
    const schema = url.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw refuse(name, 'has a schema that is not a plain lower-case identifier', value);
    }
    return schema === undefined ? { kind: 'postgres', url: text } : { kind: 'postgres', url: text, schema };
  }

  if (scheme === 'sqlite') {
    // sqlite:relative.db, sqlite://relative.db, sqlite:///absolute.db, sqlite::memory:
    let rest = text.slice('sqlite:'.length);
    if (rest.startsWith('//')) rest = rest.slice(2);
    rest = rest.split('?')[0]!;
    if (rest === '') throw refuse(name, 'names no file', value);
    if (rest === ':memory:') return { kind: 'sqlite', file: ':memory:' };
    return { kind: 'sqlite', file: path.resolve(baseDir, decodeURIComponent(rest)) };
  }

  // A Windows drive letter ("C:") is a path, not a scheme; any other scheme is a mistake.
  if (scheme !== undefined && scheme.length > 1 && text.slice(scheme.length).startsWith('://')) {
    throw refuse(name, `uses the unsupported scheme "${scheme}:"`, value);
  }
  if (text === ':memory:') return { kind: 'sqlite', file: ':memory:' };
  if (text.endsWith('/') || text.endsWith(path.sep)) throw refuse(name, 'names a folder, not a file', value);
  return { kind: 'sqlite', file: path.resolve(baseDir, text) };
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite' ? `SQLite ${target.file}` : `PostgreSQL ${redact(target.url)}`;
}
