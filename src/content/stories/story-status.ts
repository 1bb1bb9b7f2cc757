// The states a language version moves through in the newsroom. The transitions themselves belong
// to the newsroom's workflow commands; this module only names the states and says which of them
// readers may see.

export const STORY_STATUSES = [
  'draft',
  'submitted',
  'scheduled',
  'published',
  'corrected',
  'killed',
  'unpublished',
  'spiked',
] as const;

export type StoryStatus = (typeof STORY_STATUSES)[number];

/** States in which a version is on the site (once its publication time and any embargo have passed). */
export const PUBLIC_STATUSES: readonly StoryStatus[] = ['published', 'corrected'];

/**
 * "<alias>.status in ('published', 'corrected')" with the statuses as literals, not parameters:
 * only then can SQLite and PostgreSQL match the condition of the partial feed indexes.
 */
export function publicStatusSql(alias: string): string {
  return `${alias}.status in (${PUBLIC_STATUSES.map((status) => `'${status}'`).join(', ')})`;
}

export function isStoryStatus(value: unknown): value is StoryStatus {
  return typeof value === 'string' && (STORY_STATUSES as readonly string[]).includes(value);
}

export function isPublicStatus(status: string): boolean {
  return (PUBLIC_STATUSES as readonly string[]).includes(status);
}

/** Whether readers may see a version with this status, publication time and embargo at `now`. */
export function isVisibleToReaders(
  version: { status: string; published_at: string | null },
  embargoUntil: string | null,
  now: Date,
): boolean {
  if (!isPublicStatus(version.status) || version.published_at === null) return false;
  const nowMs = now.getTime();
  if (Date.parse(version.published_at) > nowMs) return false;
  return embargoUntil === null || Date.parse(embargoUntil) <= nowMs;
}
