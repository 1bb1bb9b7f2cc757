// Applies the schema migrations, and refuses to run against a database that a newer Dispatch has
// migrated (its schema may have moved on in ways this code does not know).

import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../lib/errors.ts';
import { migrationsFor } from './migrations/index.ts';
import type { Database } from './database.ts';

const MIGRATION_TABLE = 'dispatch_migrations';
const MIGRATION_LOCK_TABLE = 'dispatch_migrations_lock';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Migrations recorded in the database that this code does not know. */
  unknown: string[];
}

function migratorFor(database: Database): Migrator {
  const migrations = migrationsFor(database.dialect);
  const provider: MigrationProvider = { getMigrations: async (): Promise<Record<string, Migration>> => migrations };
  return new Migrator({
    db: database.db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
}

export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const known = Object.keys(migrationsFor(database.dialect)).sort();
  const infos = await migratorFor(database).getMigrations();
  const applied = infos.filter((info) => info.executedAt !== undefined).map((info) => info.name);
  const recorded = await recordedMigrations(database);
  return {
    applied,
    pending: known.filter((name) => !recorded.includes(name)),
    unknown: recorded.filter((name) => !known.includes(name)),
  };
}

async function recordedMigrations(database: Database): Promise<string[]> {
  const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === MIGRATION_TABLE && (!database.schema || table.schema === database.schema))) return [];
  const scoped = database.schema ? database.db.withSchema(database.schema) : database.db;
  const rows = (await scoped.selectFrom(MIGRATION_TABLE as never).select('name' as never).execute()) as Array<{ name: string }>;
  return rows.map((row) => row.name).sort();
}

export function assertNotNewer(status: MigrationStatus): void {
  if (status.unknown.length > 0) {
    throw new AppError(
      'database_newer_than_code',
      `The database was migrated by a newer Dispatch (it has migration ${status.unknown.at(-1)}, which this version does not know); upgrade Dispatch or use another database`,
      { details: { unknown: status.unknown } },
    );
  }
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  assertNotNewer(await migrationStatus(database));
  const { error, results } = await migratorFor(database).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
