// What the site hands the publishing domain's feed and sitemap routes: one base (database, clock,
// names, time zone, story addresses, the 404 page) shared by both, plus what each needs of its own.

import type { FeedSite, SitemapSite } from '../publishing/index.ts';
import type { AppDependencies } from '../http/app.ts';
import { sendErrorPage, type Site } from './site-deps.ts';
import { homePath, rubricPath, storyPath, tagPath } from './paths.ts';
import { mediaPath, rubricIn } from './story-items.ts';
import { findCurrentRubricSlug, findCurrentTagSlug } from './former-slugs.ts';

type SharedSite = Pick<FeedSite & SitemapSite, 'database' | 'clock' | 'publicUrl' | 'isLanguage' | 'siteName' | 'timeZone' | 'storyPath' | 'sendNotFound'>;

function sharedSite(site: Site): SharedSite {
  const { directory } = site;
  return {
    database: site.database,
    clock: site.clock,
    publicUrl: site.publicUrl,
    isLanguage: (code) => directory.language(code) !== undefined,
    siteName: (language) => directory.siteName(language),
    timeZone: () => directory.settings.timeZone,
    storyPath: (language, rubricId, storyId, slug) => storyPath(language, rubricIn(directory, rubricId, language)?.slug ?? null, storyId, slug),
    sendNotFound: (reply, language) => sendErrorPage(site, reply, directory.language(language) ? language : site.defaultLanguage, 404),
  };
}

export function feedSite(site: Site, config: AppDependencies['config']): FeedSite {
  const { directory } = site;
  return {
    ...sharedSite(site),
    hubs: config.websubHubs,
    rubricBySlug: (language, slug) => {
      const rubric = directory.rubricBySlugIn(language, slug);
      const name = rubric?.names[language]?.name;
      return rubric && name ? { id: rubric.id, name } : undefined;
    },
    currentRubricSlug: (language, formerSlug) => findCurrentRubricSlug(site, language, formerSlug),
    currentTagSlug: (language, formerSlug) => findCurrentTagSlug(site, language, formerSlug),
    rubricName: (language, rubricId) => rubricIn(directory, rubricId, language)?.name,
    mediaPath,
    homePath,
    rubricPath,
    tagPath,
  };
}

export function sitemapSite(site: Site): SitemapSite {
  return { ...sharedSite(site), languages: () => site.directory.codes };
}
