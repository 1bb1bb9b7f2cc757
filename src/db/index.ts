// Storage's public interface: opening a database, migrations, transactions and the schema types.

export { openDatabase, type Database, type Dialect, type OpenOptions } from './database.ts';
export { parseDatabaseUrl, describeTarget, redact, type DatabaseTarget } from './database-url.ts';
export { migrateToLatest, migrationStatus, assertNotNewer, type MigrationStatus } from './migrate.ts';
export { inTransaction } from './transaction.ts';
export type * from './schema.ts';
export { containsPattern, prefixPattern, foldedLike, foldCase } from './fold-case.ts';
