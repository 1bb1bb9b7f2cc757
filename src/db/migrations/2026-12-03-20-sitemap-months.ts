// How many public versions each language has per month (UTC), kept up to date by triggers on
// story_versions, so the sitemap index reads a few hundred rows instead of counting the archive
// (233,000 index entries per request at 100,000 stories). A version counts while its status is
// published or corrected and it has a publication time, as the monthly sitemap files list them;
// the triggers follow every insert, delete and change of status, publication time or language,
// whoever makes it (commands, the demo's bulk writer, a migration). The counts include versions
// of embargoed stories and versions dated after now; the index takes those few away at read time,
// so a partial index finds the stories under embargo.

import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const PUBLIC = `('published', 'corrected')`;

async function upSqlite(db: AnyDb): Promise<void> {
  const counted = (row: 'new' | 'old') => `${row}.status in ${PUBLIC} and ${row}.published_at is not null`;
  const sameMonth = `new.language = old.language and substr(new.published_at, 1, 7) = substr(old.published_at, 1, 7)`;
  const add = `insert into sitemap_months (language, month, versions) values (new.language, substr(new.published_at, 1, 7), 1)
      on conflict (language, month) do update set versions = versions + 1;`;
  const remove = `update sitemap_months set versions = versions - 1 where language = old.language and month = substr(old.published_at, 1, 7);`;
  await sql`insert into sitemap_months (language, month, versions)
    select language, substr(published_at, 1, 7), count(*) from story_versions
    where status in ${sql.raw(PUBLIC)} and published_at is not null group by 1, 2`.execute(db);
  await sql.raw(`create trigger sitemap_months_insert after insert on story_versions
    when ${counted('new')} begin ${add} end`).execute(db);
  await sql.raw(`create trigger sitemap_months_delete after delete on story_versions
    when ${counted('old')} begin ${remove} end`).execute(db);
  // An update that keeps a counted version in the same language and month writes nothing.
  await sql.raw(`create trigger sitemap_months_leave after update of status, published_at, language on story_versions
    when ${counted('old')} and not (${counted('new')} and ${sameMonth}) begin ${remove} end`).execute(db);
  await sql.raw(`create trigger sitemap_months_enter after update of status, published_at, language on story_versions
    when ${counted('new')} and not (${counted('old')} and ${sameMonth}) begin ${add} end`).execute(db);
}

async function upPostgres(db: AnyDb): Promise<void> {
  const month = (row: 'new' | 'old') => `to_char(${row}.published_at at time zone 'UTC', 'YYYY-MM')`;
  const counted = (row: 'new' | 'old') => `${row}.status in ${PUBLIC} and ${row}.published_at is not null`;
  await sql`insert into sitemap_months (language, month, versions)
    select language, to_char(published_at at time zone 'UTC', 'YYYY-MM'), count(*) from story_versions
    where status in ${sql.raw(PUBLIC)} and published_at is not null group by 1, 2`.execute(db);
  await sql.raw(`create function sitemap_months_follow() returns trigger language plpgsql as $$
    declare
      was boolean := tg_op <> 'INSERT' and ${counted('old')};
      is_now boolean := tg_op <> 'DELETE' and ${counted('new')};
    begin
      if was and is_now and new.language = old.language and ${month('new')} = ${month('old')} then
        return null;
      end if;
      if was then
        update sitemap_months set versions = versions - 1 where language = old.language and month = ${month('old')};
      end if;
      if is_now then
        insert into sitemap_months (language, month, versions) values (new.language, ${month('new')}, 1)
          on conflict (language, month) do update set versions = sitemap_months.versions + 1;
      end if;
      return null;
    end $$`).execute(db);
  await sql`create trigger sitemap_months_follow after insert or delete or update of status, published_at, language on story_versions
    for each row execute function sitemap_months_follow()`.execute(db);
}

export function sitemapMonths(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('sitemap_months')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('versions', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('sitemap_months_pk', ['language', 'month'])
        .execute();
      await (dialect === 'sqlite' ? upSqlite(db) : upPostgres(db));
      await sql`create index stories_embargo on stories (embargo_until) where embargo_until is not null`.execute(db);
    },

    async down(db: AnyDb) {
      await sql`drop index stories_embargo`.execute(db);
      if (dialect === 'sqlite') {
        for (const name of ['insert', 'delete', 'leave', 'enter']) await sql.raw(`drop trigger sitemap_months_${name}`).execute(db);
      } else {
        await sql`drop trigger sitemap_months_follow on story_versions`.execute(db);
        await sql`drop function sitemap_months_follow()`.execute(db);
      }
      await db.schema.dropTable('sitemap_months').execute();
    },
  };
}
