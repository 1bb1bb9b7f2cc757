// What every command needs first: the validated configuration and, for most, the open and
// migrated database.

import { loadConfig, type Config } from '../lib/config.ts';
import { openDatabase, type Database, type OpenOptions } from '../db/database.ts';
import { asBusyError } from '../db/sqlite-busy.ts';
import { migrateToLatest, migrationStatus, assertNotNewer } from '../db/migrate.ts';
import { type ContentContext } from '../content/index.ts';
import { systemClock } from '../lib/clock.ts';

export async function openConfiguredDatabase(config: Config, options: OpenOptions & { migrate: boolean }): Promise<Database> {
  const database = await openDatabase(config.database, options);
  try {
    if (options.migrate) await migrateToLatest(database);
    else assertNotNewer(await migrationStatus(database));
    return database;
  } catch (error) {
    await database.close();
    throw config.database.kind === 'sqlite' ? asBusyError(config.database.file, error) : error;
  }
}

export function contentContext(config: Config, database: Database): ContentContext {
  return { database, languages: config.languages.map((language) => language.code), clock: systemClock };
}

export async function withDatabase<T>(work: (config: Config, database: Database) => Promise<T>, migrate = true): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, { migrate });
  try {
    return await work(config, database);
  } finally {
    await database.close();
  }
}
