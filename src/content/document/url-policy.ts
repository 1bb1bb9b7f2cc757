// Which addresses a story may link to or embed. `parseDocument` applies the full checks when a
// document is saved; the renderer repeats cheap prefix checks on every view so that a document
// which bypassed validation (an old row, a hand-built object) still cannot emit a dangerous href.

import type { EmbedProvider } from './document.ts';

/** Longer addresses are almost certainly pasted garbage, and they bloat every page. */
export const MAX_URL_LENGTH = 4096;

/** The hosts each embed provider serves its posts from; anything else is not that provider. */
export const EMBED_HOSTS: Readonly<Record<EmbedProvider, readonly string[]>> = {
  youtube: ['youtube.com', 'www.youtube.com', 'youtu.be', 'm.youtube.com'],
  vk: ['vk.com', 'vk.ru', 'vkvideo.ru'],
  telegram: ['t.me'],
  x: ['x.com', 'twitter.com'],
  facebook: ['facebook.com', 'www.facebook.com', 'fb.watch'],
  instagram: ['instagram.com', 'www.instagram.com'],
};

/** How providers are named to readers (in the embed link card). */
export const EMBED_PROVIDER_NAMES: Readonly<Record<EmbedProvider, string>> = {
  youtube: 'YouTube',
  vk: 'VK',
  telegram: 'Telegram',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

export function isEmbedProvider(value: string): value is EmbedProvider {
  return Object.hasOwn(EMBED_HOSTS, value);
}

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

// C0, DEL and C1: browsers silently drop some of them inside URLs ("java\tscript:"), so an
// address containing any of them cannot be judged by looking at it.
const URL_CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const HTTP_WITH_AUTHORITY = /^https?:\/\//i;
const HTTPS_WITH_AUTHORITY = /^https:\/\//i;

function commonProblem(url: string, what: string): string | undefined {
  if (url === '') return `the ${what} is empty`;
  if (url.length > MAX_URL_LENGTH) return `the ${what} is longer than ${MAX_URL_LENGTH} characters`;
  if (URL_CONTROL_CHARS.test(url)) return `the ${what} contains control characters`;
  return undefined;
}

/**
 * Checks a link address: http:, https:, mailto: or site-relative (`/path`). Returns the address
 * with surrounding whitespace trimmed but otherwise as written, so the editor shows it unchanged
 * (no punycode for Cyrillic domains, no re-encoding).
 */
export function checkLinkHref(raw: string): UrlCheck {
  const href = raw.trim();
  const problem = commonProblem(href, 'link address');
  if (problem !== undefined) return { ok: false, reason: problem };

  if (href.startsWith('/')) {
    // Browsers read "//host" and "/\host" as another site, not as a path on ours.
    if (href.startsWith('//')) {
      return { ok: false, reason: 'protocol-relative link addresses ("//host") are not allowed' };
    }
    if (href.includes('\\')) {
      return { ok: false, reason: 'site-relative link addresses must not contain backslashes' };
    }
    return { ok: true, url: href };
  }

  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    // "http:example.com" is resolved against the current page by browsers; require a host.
    if (!HTTP_WITH_AUTHORITY.test(href)) {
      return { ok: false, reason: `the link address must start with "${scheme}://"` };
    }
    if (!URL.canParse(href)) return { ok: false, reason: 'the link address is not a valid URL' };
    return { ok: true, url: href };
  }
  if (scheme === 'mailto') {
    if (href.length === 'mailto:'.length) {
      return { ok: false, reason: 'the mailto: link has no address' };
    }
    return { ok: true, url: href };
  }
  if (scheme !== undefined) {
    return { ok: false, reason: `links to "${scheme.slice(0, 20)}:" addresses are not allowed` };
  }
  return {
    ok: false,
    reason: 'the link address must start with http://, https://, mailto: or /',
  };
}

/**
 * Checks an embed address against its provider: https only, a host of that provider, no port and
 * no credentials. Returns the URL as serialized by the WHATWG parser, so the host that was checked
 * is exactly the host every later reader of the address will see.
 */
export function checkEmbedUrl(provider: EmbedProvider, raw: string): UrlCheck {
  const trimmed = raw.trim();
  const problem = commonProblem(trimmed, 'embed address');
  if (problem !== undefined) return { ok: false, reason: problem };
  if (!HTTPS_WITH_AUTHORITY.test(trimmed)) {
    return { ok: false, reason: 'the embed address must start with "https://"' };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'the embed address is not a valid URL' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'the embed address must not contain a user name or password' };
  }
  if (url.port !== '') return { ok: false, reason: 'the embed address must not name a port' };
  if (!EMBED_HOSTS[provider].includes(url.hostname)) {
    return {
      ok: false,
      reason: `"${url.hostname.slice(0, 100)}" is not a host of ${EMBED_PROVIDER_NAMES[provider]}`,
    };
  }
  return { ok: true, url: url.href };
}

// --- Render-time checks: a single regex each, cheap enough for every page view. -------------

const RENDERABLE_HREF =
  /^(?:https?:\/\/[^\u0000-\u001f\u007f-\u009f]|mailto:[^\u0000-\u001f\u007f-\u009f]|\/(?![/\\]))[^\u0000-\u001f\u007f-\u009f]*$/i;
const EXTERNAL_HREF = /^https?:/i;
// The host is everything up to the first / ? # ; "@" or ":" there (credentials, port) or a
// backslash fails the match, as canonical addresses from `checkEmbedUrl` never contain them.
const RENDERABLE_EMBED = /^https:\/\/([a-z0-9.-]+)(?:[/?#][^\u0000-\u001f\u007f-\u009f]*)?$/i;

/** Whether the renderer may put this (already validated) address into an href. */
export function isRenderableHref(href: string): boolean {
  return RENDERABLE_HREF.test(href);
}

/** Links leaving the site get rel="noopener noreferrer". */
export function isExternalHref(href: string): boolean {
  return EXTERNAL_HREF.test(href);
}

export function isRenderableEmbedUrl(provider: string, url: string): boolean {
  if (!isEmbedProvider(provider)) return false;
  const host = RENDERABLE_EMBED.exec(url)?.[1];
  return host !== undefined && EMBED_HOSTS[provider].includes(host.toLowerCase());
}
