// What a cached page tells browsers and HTTP caches: a strong ETag per stored form, so a repeat
// visit is a 304; `Vary: Accept-Encoding`; `Cache-Control` that lets shared caches keep it
// (`s-maxage`), serve it a little stale while they fetch it again, and keep serving it when we
// fail (`stale-if-error`), while browsers check every time (max-age=0: a published change shows
// on the next load); and the `Surrogate-Key` header a purge names.

export interface HttpCachingPolicy {
  /** How long a shared cache may keep a page without asking (our purges drop it sooner). */
  sharedMaxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  staleIfErrorSeconds: number;
}

export function cacheControlOf(policy: HttpCachingPolicy): string {
  return `public, max-age=0, s-maxage=${policy.sharedMaxAgeSeconds}, stale-while-revalidate=${policy.staleWhileRevalidateSeconds}, stale-if-error=${policy.staleIfErrorSeconds}`;
}

/** Whether If-None-Match names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined || header.length > 2048) return false;
  if (header.trim() === '*') return true;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}
