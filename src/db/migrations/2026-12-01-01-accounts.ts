// Newsroom accounts: sessions (only a hash of each token is stored, so a copy of the database
// does not let anyone in), the login throttle (failed attempts per login and per address, kept
// in the database so a restart does not forgive them) and each user's interface language.

import type { Kysely, Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function accounts(dialect: Dialect): Migration {
  const { addId, instant } = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await addId(db.schema.createTable('sessions'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('last_seen_at', instant, (c) => c.notNull())
        .addColumn('expires_at', instant, (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();
      // Ended sessions are swept by their absolute end at each login.
      await db.schema.createIndex('sessions_expires').on('sessions').columns(['expires_at']).execute();

      await db.schema
        .createTable('login_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', instant, (c) => c.notNull())
        .addColumn('locked_until', instant)
        .execute();
      await db.schema.createIndex('login_throttle_last_failure').on('login_throttle').columns(['last_failure_at']).execute();

      await db.schema.alterTable('users').addColumn('language', 'text').execute();
    },
  };
}
