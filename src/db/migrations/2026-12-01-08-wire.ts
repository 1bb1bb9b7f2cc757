// The wire for subscribing media: subscribers (only the SHA-256 of each API key is kept, so a copy
// of the database lets no one read the wire) and the log of webhook deliveries, one row per
// subscriber and story change, whose id the subscriber sees on every attempt.

import type { Kysely, Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function wire(dialect: Dialect): Migration {
  const { addId, instant } = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await addId(db.schema.createTable('subscribers'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('languages', 'text', (c) => c.notNull())
        .addColumn('rubric_ids', 'text', (c) => c.notNull())
        .addColumn('webhook_url', 'text')
        .addColumn('webhook_secret', 'text')
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('key_hint', 'text', (c) => c.notNull())
        .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('revoked_at', instant)
        .execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('story_id', 'integer', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('delivered_at', instant)
        .execute();
      await db.schema.createIndex('webhook_deliveries_subscriber').on('webhook_deliveries').columns(['subscriber_id', 'created_at']).execute();
    },

    async down(db: AnyDb) {
      await db.schema.dropTable('webhook_deliveries').execute();
      await db.schema.dropTable('subscribers').execute();
    },
  };
}
