// Builds what surrounds every page (PageChrome): titles, canonical URL, the language switch and
// hreflang alternates (from the same data, so they always agree), navigation, feed and social links,
// Open Graph, structured data.

import { SOCIAL_NETWORKS } from '../content/index.ts';
import type { SiteDirectory } from './site-directory.ts';
import type { Link, OpenGraphView, PageChrome, SocialNetworkName } from './views/view-models.ts';
import { feedPath, homePath, rubricPath, searchPath, staticPagePath } from './paths.ts';
import { ogLocale } from './views/structured-data.ts';

const NETWORK_NAMES: Record<SocialNetworkName, string> = { vk: 'VK', telegram: 'Telegram', x: 'X', facebook: 'Facebook', youtube: 'YouTube' };

export interface SiteRuntime {
  directory: SiteDirectory;
  /** Scheme and host, no trailing slash. */
  publicUrl: string;
  stylesheetHref: string;
}

export interface ChromeInput {
  language: string;
  /** The page's own title; the site name is added. Omit on language homes. */
  title?: string | undefined;
  description?: string | undefined;
  /** Path of this page (its canonical address). */
  path: string;
  /** The same page in other languages: hreflang alternates, and where the switch leads. */
  equivalents: Record<string, string>;
  /** Where the switch leads in languages without an equivalent (default: that language's home). */
  fallbacks?: Record<string, string> | undefined;
  currentRubricId?: number | undefined;
  feed?: Link | undefined;
  openGraph?: Partial<OpenGraphView> | undefined;
  structuredData?: object[] | undefined;
  noindex?: boolean | undefined;
}

export function buildChrome(site: SiteRuntime, input: ChromeInput): PageChrome {
  const { directory, publicUrl } = site;
  const language = directory.language(input.language)!;
  const strings = language.strings;
  const siteName = directory.siteName(input.language);
  const title = input.title ? `${input.title} — ${siteName}` : siteName;
  const canonicalUrl = `${publicUrl}${input.path}`;
  const equivalents = { ...input.equivalents, [input.language]: input.path };
  const languages = directory.codes.map((code) => {
    const other = directory.language(code)!;
    return {
      code,
      label: other.config.label,
      name: other.config.name,
      href: equivalents[code] ?? input.fallbacks?.[code] ?? homePath(code),
      isCurrent: code === input.language,
    };
  });
  const alternates = directory.codes
    .filter((code) => equivalents[code] !== undefined)
    .map((code) => ({ hreflang: code, href: `${publicUrl}${equivalents[code]}` }));
  const defaultCode = directory.codes.find((code) => equivalents[code] !== undefined);
  if (alternates.length > 1 && defaultCode) alternates.push({ hreflang: 'x-default', href: `${publicUrl}${equivalents[defaultCode]}` });
  const social = SOCIAL_NETWORKS.flatMap((network) => {
    const href = directory.settings.socialLinks[network];
    return href ? [{ network, name: NETWORK_NAMES[network], href }] : [];
  });
  return {
    language: input.language,
    strings,
    siteName,
    homeHref: homePath(input.language),
    searchHref: searchPath(input.language),
    title,
    description: input.description,
    canonicalUrl,
    alternates,
    languages,
    rubrics: directory.rubrics.flatMap((rubric) => {
      const name = rubric.names[input.language];
      return name ? [{ text: name.name, href: rubricPath(input.language, name.slug), isCurrent: rubric.id === input.currentRubricId }] : [];
    }),
    feed: input.feed ?? { text: strings.rssOf(siteName), href: feedPath(input.language) },
    social,
    footerPages: directory.pages(input.language).map((page) => ({ text: page.title, href: staticPagePath(input.language, page.slug) })),
    openGraph: {
      type: 'website',
      title: input.title ?? siteName,
      description: input.description,
      url: canonicalUrl,
      siteName,
      locale: ogLocale(language.config.locale),
      alternateLocales: directory.codes
        .filter((code) => code !== input.language && equivalents[code] !== undefined)
        .map((code) => ogLocale(directory.language(code)!.config.locale)),
      ...input.openGraph,
    },
    structuredData: input.structuredData ?? [],
    noindex: input.noindex,
    stylesheetHref: site.stylesheetHref,
  };
}
