// Addresses of an archive's pages for the benchmarks: a random sample of story pages, and the
// first and the 500th (or last) page of every rubric in every language.

import BetterSqlite3 from 'better-sqlite3';

/** A sample of story addresses spread over the whole archive, in every language. */
export function sampleStoryPaths(file: string, count: number): string[] {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  const rows = sqlite
    .prepare(
      `select v.language, rn.slug as rubric, v.story_id, v.slug from story_versions v
       join rubric_names rn on rn.rubric_id = v.rubric_id and rn.language = v.language
       where v.status in ('published', 'corrected') order by random() limit ?`,
    )
    .all(count) as Array<{ language: string; rubric: string; story_id: number; slug: string }>;
  sqlite.close();
  return rows.map((row) => `/${row.language}/${row.rubric}/${row.story_id}-${row.slug}`);
}

/** Rubric pages: the first page of each rubric in each language, and the 500th (by its keyset cursor) or, in a smaller archive, the last. */
export function rubricPaths(file: string): { first: string[]; deep: string[] } {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  const rubrics = sqlite.prepare('select rubric_id, language, slug from rubric_names').all() as Array<{ rubric_id: number; language: string; slug: string }>;
  const count = sqlite.prepare(`select count(*) as n from story_versions where rubric_id = ? and language = ? and status in ('published', 'corrected')`);
  const deepStory = sqlite.prepare(
    `select published_at, story_id from story_versions where rubric_id = ? and language = ? and status in ('published', 'corrected')
     order by published_at desc, story_id desc limit 1 offset ?`,
  );
  const first: string[] = [];
  const deep: string[] = [];
  for (const rubric of rubrics) {
    const path = `/${rubric.language}/${rubric.slug}/`;
    first.push(path);
    // The 500th page of 30 starts after the 14,970th story; a smaller rubric gets its last page.
    const stories = (count.get(rubric.rubric_id, rubric.language) as { n: number }).n;
    const lastPage = Math.max(1, Math.ceil(stories / 30));
    const page = Math.min(500, lastPage);
    if (page < 2) continue;
    const row = deepStory.get(rubric.rubric_id, rubric.language, (page - 1) * 30 - 1) as { published_at: string; story_id: number } | undefined;
    if (row) deep.push(`${path}?older=${Date.parse(row.published_at)}-${row.story_id}`);
  }
  sqlite.close();
  return { first, deep };
}

/** The addresses a kind of page is measured on: article, home, rubric (first pages) or deep (page 500). */
export function pathsOfPage(kind: string, archive: string): string[] {
  if (kind === 'article') return sampleStoryPaths(archive, 2000);
  if (kind === 'home') return ['/ru/', '/en/', '/be/'];
  if (kind === 'rubric') return rubricPaths(archive).first;
  if (kind === 'deep') return rubricPaths(archive).deep;
  throw new Error(`unknown page kind ${kind}: article, home, rubric or deep`);
}
