// Public addresses of site pages, built in one place so links and redirects always agree.

export function storyPath(language: string, rubricSlug: string | null, storyId: number, slug: string): string {
  return `/${language}/${rubricSlug ?? 'news'}/${storyId}-${slug}`;
}
