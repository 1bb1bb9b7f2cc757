// The wire's polling order: when each language version last changed for subscribers, stored and
// indexed, instead of computed per row from the version, its story and the embargo on every poll
// (which neither database can read from an index, so each poll sorted every item ever sent).
// Workflow commands set it in their transaction (runCommand's storyChanged), the embargo-end job
// as well; existing rows get what the computed value says now.

import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function wireChangeTime(dialect: Dialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('story_versions').addColumn('wire_changed_at', types.instant).execute();
      const now = new Date().toISOString();
      await (dialect === 'postgres'
        ? sql`update story_versions sv set wire_changed_at = greatest(sv.updated_at, s.updated_at,
              case when s.embargo_until <= ${now}::timestamptz then s.embargo_until end)
            from stories s where s.id = sv.story_id`
        : sql`update story_versions set wire_changed_at = (select max(story_versions.updated_at, s.updated_at,
              coalesce(case when s.embargo_until <= ${now} then s.embargo_until end, story_versions.updated_at))
            from stories s where s.id = story_versions.story_id)`
      ).execute(db);
      // Only versions that reached the wire are polled; the id breaks ties in the cursor.
      await sql`create index story_versions_wire_changed on story_versions (wire_changed_at, id)
        where first_published_at is not null`.execute(db);
    },

    async down(db: AnyDb) {
      await sql`drop index story_versions_wire_changed`.execute(db);
      await db.schema.alterTable('story_versions').dropColumn('wire_changed_at').execute();
    },
  };
}
