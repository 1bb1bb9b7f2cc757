// The desk lists stories newest change first and pages with the cursor (updated_at, id). Without an
// index in that order every desk request read and sorted the whole stories table; with it the first
// page, and any page after a cursor, is a short index range.

import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function deskOrder(): Migration {
  return {
    async up(db: AnyDb) {
      await sql`create index stories_desk_order on stories (updated_at desc, id desc)`.execute(db);
    },

    async down(db: AnyDb) {
      await sql`drop index stories_desk_order`.execute(db);
    },
  };
}
