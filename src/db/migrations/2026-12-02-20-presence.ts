// Who has a language version open in the editor: one row per user and version, its time renewed by
// the editor's heartbeat. Kept in the database, not in a process, so every app process shows the
// same people on the desk. A row whose heartbeat stopped is stale and simply not shown.

import type { Kysely, Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function presence(dialect: Dialect): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('story_presence')
        .addColumn('version_id', 'integer', (c) => c.notNull().references('story_versions.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('opened_at', instant, (c) => c.notNull())
        .addColumn('seen_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('story_presence_pk', ['version_id', 'user_id'])
        .execute();
    },

    async down(db: AnyDb) {
      await db.schema.dropTable('story_presence').execute();
    },
  };
}
