// The tables as Kysely sees them. Both dialects store the same values in the same shapes:
// times are ISO 8601 UTC strings ("2026-11-23T08:23:00.000Z"; SQLite text, PostgreSQL timestamptz
// read back as the same string), flags are 0/1 integers, story documents are JSON text.

import type { Generated, Insertable, Selectable } from 'kysely';

/** An instant in UTC as an ISO 8601 string with milliseconds and "Z". */
export type Instant = string;

export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  name: string;
  email: string | null;
  role: string;
  password_hash: string;
  must_change_password: number;
  created_at: Instant;
  updated_at: Instant;
  disabled_at: Instant | null;
  /** The newsroom interface language the user chose (ru, en); null: the browser's. */
  language: string | null;
}

/** A newsroom login. The token itself is only in the user's cookie; here is its SHA-256. */
export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Instant;
  last_seen_at: Instant;
  /** The absolute end; the idle limit is counted from last_seen_at. */
  expires_at: Instant;
  user_agent: string | null;
  ip: string | null;
}

/** Failed logins per key (`login:<login>` or `ip:<address>`) and until when the key must wait. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Instant;
  locked_until: Instant | null;
}

export interface AuthorsTable {
  id: Generated<number>;
  key: string;
  user_id: number | null;
  created_at: Instant;
}

export interface AuthorNamesTable {
  author_id: number;
  language: string;
  name: string;
}

export interface RubricsTable {
  id: Generated<number>;
  key: string;
  position: number;
  created_at: Instant;
}

export interface RubricNamesTable {
  rubric_id: number;
  language: string;
  name: string;
  slug: string;
}

export interface TagsTable {
  id: Generated<number>;
  key: string;
  created_at: Instant;
}

export interface TagNamesTable {
  tag_id: number;
  language: string;
  name: string;
  slug: string;
}

export interface ImagesTable {
  id: Generated<number>;
  storage_key: string;
  mime_type: string;
  width: number;
  height: number;
  byte_size: number;
  credit: string | null;
  created_at: Instant;
  /** The file name it was uploaded under (media library uploads only). */
  original_name: string | null;
  uploaded_by: number | null;
  /** When its texts were last changed. */
  updated_at: Instant | null;
}

/** A file made from an image for the site: one width in one format. */
export interface ImageRenditionsTable {
  image_id: number;
  format: 'avif' | 'webp' | 'jpeg' | 'png';
  width: number;
  height: number;
  storage_key: string;
  byte_size: number;
}

export interface ImageTextsTable {
  image_id: number;
  language: string;
  alt: string;
  caption: string | null;
}

export interface StoriesTable {
  id: Generated<number>;
  rubric_id: number;
  urgency: number;
  is_main: number;
  embargo_until: Instant | null;
  lead_image_id: number | null;
  follows_story_id: number | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface StoryVersionsTable {
  id: Generated<number>;
  story_id: number;
  language: string;
  /** The story's rubric, copied here so rubric listings are one index scan. */
  rubric_id: number;
  headline: string;
  lede: string;
  /** The story document as JSON text. */
  body: string;
  slug: string;
  status: string;
  version: number;
  published_at: Instant | null;
  first_published_at: Instant | null;
  seo_title: string | null;
  seo_description: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** When the version last changed for the wire's subscribers (its polling order); set by workflow commands. */
  wire_changed_at: Instant | null;
  /** The note readers see under a correction; null while never corrected. */
  correction_note: Generated<string | null>;
  corrected_at: Generated<Instant | null>;
  /** The latest revision of the text (story_revisions); 0 while as created. */
  revision: Generated<number>;
}

export interface StorySlugsTable {
  language: string;
  slug: string;
  story_id: number;
  created_at: Instant;
}

export interface StoryAuthorsTable {
  story_id: number;
  author_id: number;
  position: number;
}

export interface StoryTagsTable {
  story_id: number;
  tag_id: number;
  position: number;
}

export interface PagesTable {
  key: string;
  language: string;
  title: string;
  slug: string;
  /** The page document as JSON text. */
  body: string;
  updated_at: Instant;
}

/** A visible language version listed under a tag (or, in AuthorListingsTable, an author). */
export interface TagListingsTable {
  tag_id: number;
  language: string;
  published_at: Instant;
  story_id: number;
}

export interface AuthorListingsTable {
  author_id: number;
  language: string;
  published_at: Instant;
  story_id: number;
}

/** A full copy of a language version's text at one save. */
export interface StoryRevisionsTable {
  id: Generated<number>;
  version_id: number;
  revision: number;
  headline: string;
  lede: string;
  body: string;
  slug: string;
  seo_title: string | null;
  seo_description: string | null;
  author_user_id: number | null;
  created_at: Instant;
}

/** A user's unsaved working copy of a language version (fields as JSON). */
export interface AutosavesTable {
  user_id: number;
  version_id: number;
  base_revision: number;
  fields: string;
  saved_at: Instant;
}

/** Who has a language version open in the editor; `seen_at` is the last heartbeat. */
export interface StoryPresenceTable {
  version_id: number;
  user_id: number;
  opened_at: Instant;
  seen_at: Instant;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Instant;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  story_id: number | null;
  version_id: number | null;
  language: string | null;
  from_status: string | null;
  to_status: string | null;
  /** JSON object. */
  details: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** JSON. */
  payload: string;
  unique_key: string | null;
  run_at: Instant;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  locked_by: string | null;
  locked_until: Instant | null;
  done_at: Instant | null;
  failed_at: Instant | null;
  created_at: Instant;
}

/** Which index generation readers use ('live') and which one a reindex is filling ('building'). */
export interface SearchGenerationsTable {
  generation: number;
  state: 'live' | 'building';
  created_at: Instant;
  /** 0 while the live generation lacks stories a bulk load or an upgrade brought (being built). */
  is_complete: Generated<number>;
}

/** One language version in one generation of the search index (see the search domain). */
export interface SearchDocumentsTable {
  generation: number;
  version_id: number;
  story_id: number;
  language: string;
  status: string;
  is_public: number;
  rubric_id: number;
  /** Unix ms of the moment the version is visible × 16 + a slot; the FTS5 rowid on SQLite. */
  key: number;
  year: number;
  published_at: Instant | null;
  /** PostgreSQL only: the stemmed terms as a tsvector (headline terms weighted A). */
  terms?: string;
}

/** The years that have an FTS5 table in a generation (SQLite; kept on both for one schema). */
export interface SearchYearsTable {
  generation: number;
  year: number;
}

/** A subscribing medium of the wire. Languages and rubric ids are JSON arrays (no rubrics: all). */
export interface SubscribersTable {
  id: Generated<number>;
  name: string;
  languages: string;
  rubric_ids: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  /** SHA-256 (hex) of the API key; the key itself was shown once. */
  key_hash: string;
  /** The key's first characters, so a person can tell keys apart. */
  key_hint: string;
  rate_per_minute: number;
  created_at: Instant;
  updated_at: Instant;
  revoked_at: Instant | null;
}

/** One webhook delivery: a story change for one subscriber, under one id across its attempts. */
export interface WebhookDeliveriesTable {
  id: string;
  subscriber_id: number;
  story_id: number;
  language: string;
  action: string;
  /** The JSON sent, fixed when the delivery was made, so every attempt sends the same bytes. */
  body: string;
  /** pending, delivered, failed (gave up, or a redirect), refused (a private address) */
  status: string;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Instant;
  delivered_at: Instant | null;
}

/** A slug a rubric or tag had (or a merged tag's), still leading to `target_id`. kind: rubric, tag. */
export interface FormerTaxonomySlugsTable {
  kind: 'rubric' | 'tag';
  language: string;
  slug: string;
  target_id: number;
  created_at: Instant;
}

/** Public versions per language and month (UTC, `YYYY-MM`), kept by triggers on story_versions. */
export interface SitemapMonthsTable {
  language: string;
  month: string;
  versions: number;
}

export interface Schema {
  settings: SettingsTable;
  users: UsersTable;
  authors: AuthorsTable;
  author_names: AuthorNamesTable;
  rubrics: RubricsTable;
  rubric_names: RubricNamesTable;
  tags: TagsTable;
  tag_names: TagNamesTable;
  images: ImagesTable;
  image_texts: ImageTextsTable;
  image_renditions: ImageRenditionsTable;
  stories: StoriesTable;
  story_versions: StoryVersionsTable;
  story_slugs: StorySlugsTable;
  story_authors: StoryAuthorsTable;
  story_tags: StoryTagsTable;
  pages: PagesTable;
  tag_listings: TagListingsTable;
  author_listings: AuthorListingsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  story_revisions: StoryRevisionsTable;
  autosaves: AutosavesTable;
  story_presence: StoryPresenceTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  search_generations: SearchGenerationsTable;
  search_documents: SearchDocumentsTable;
  search_years: SearchYearsTable;
  subscribers: SubscribersTable;
  webhook_deliveries: WebhookDeliveriesTable;
  former_taxonomy_slugs: FormerTaxonomySlugsTable;
  sitemap_months: SitemapMonthsTable;
}

export type StoryRow = Selectable<StoriesTable>;
export type StoryVersionRow = Selectable<StoryVersionsTable>;
export type NewStoryVersionRow = Insertable<StoryVersionsTable>;
export type UserRow = Selectable<UsersTable>;

