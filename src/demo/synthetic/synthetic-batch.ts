// The rows of a batch of synthetic stories, ready for a dialect's bulk writer, and the writer's
// interface. Rows are tuples in the column order of SYNTHETIC_COLUMNS.

export const SYNTHETIC_COLUMNS = {
  stories: ['id', 'rubric_id', 'urgency', 'is_main', 'lead_image_id', 'created_at', 'updated_at'],
  story_versions: [
    'id', 'story_id', 'language', 'rubric_id', 'headline', 'lede', 'body', 'slug', 'status', 'version',
    'published_at', 'first_published_at', 'created_at', 'updated_at', 'wire_changed_at',
  ],
  story_slugs: ['language', 'slug', 'story_id', 'created_at'],
  story_authors: ['story_id', 'author_id', 'position'],
  story_tags: ['story_id', 'tag_id', 'position'],
  tag_listings: ['tag_id', 'language', 'published_at', 'story_id'],
  author_listings: ['author_id', 'language', 'published_at', 'story_id'],
} as const;

export type SyntheticTable = keyof typeof SYNTHETIC_COLUMNS;

export type Row = Array<string | number | null>;

export type SyntheticBatch = Record<SyntheticTable, Row[]>;

export function emptyBatch(): SyntheticBatch {
  return { stories: [], story_versions: [], story_slugs: [], story_authors: [], story_tags: [], tag_listings: [], author_listings: [] };
}

export interface SyntheticWriter {
  /** The first free ids for stories and language versions. */
  nextIds(): Promise<{ story: number; version: number }>;
  /** Which of these slugs (language, slug) the database already has, as `language/slug`. */
  takenSlugs(slugs: ReadonlyArray<readonly [string, string]>): Promise<Set<string>>;
  /** Writes one batch atomically. */
  write(batch: SyntheticBatch): Promise<void>;
  /** Brings sequences and statistics up to date after the last batch. */
  finish(): Promise<void>;
}
