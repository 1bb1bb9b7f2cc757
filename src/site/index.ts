// The public site: what readers see. Other domains use only `registerSiteRoutes`.

import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../http/app.ts';
import { SiteDirectory } from './site-directory.ts';
import { sendErrorPage, type Site } from './site-deps.ts';
import { registerStylesheet } from './stylesheet.ts';
import { registerMediaRoute } from './media-route.ts';
import { registerRootRoute } from './routes/root-route.ts';
import { registerListingRoutes } from './routes/listing-routes.ts';
import { registerStoryRoute, renderStoryPreview } from './routes/story-route.ts';
import { registerArchiveRoute } from './routes/archive-route.ts';
import { registerStaticPageRoute } from './routes/static-page-route.ts';
import { registerSearchRoute } from './routes/search-route.ts';
import { registerContentApi, registerFeedRoutes, registerSitemapRoutes } from '../publishing/index.ts';
import { rubricPath, storyPath, tagPath } from './paths.ts';
import { feedSite, sitemapSite } from './publishing-sites.ts';
import { followSiteChanges, SITE_CHANGED_KIND } from './site-changes.ts';
import { RubricHeadlines } from './rubric-headlines.ts';

export { storyPath } from './paths.ts';
export { SITE_CHANGED_KIND };

export interface SiteHandle {
  /**
   * Re-reads settings, rubrics and static pages (after the newsroom changes them), and tells the
   * other processes to do the same (a `site.changed` message on the change bus).
   */
  reload(): Promise<void>;
  /** The error page for a request the site could not handle, in the language its address names. */
  sendError(reply: import('fastify').FastifyReply, url: string, status: 400 | 404 | 503): Promise<unknown>;
  /** The newsroom's preview: the story page of a version in any status, or undefined when there is none. */
  renderPreview(storyId: number, language: string): Promise<string | undefined>;
  /** The agency's time zone (a setting), for whoever needs the day a time falls on. */
  timeZone(): string;
  /**
   * Calls `listener` after every reload asked for here or announced by another process (or after
   * the bus may have missed messages), once the new settings are in force.
   */
  onReloaded(listener: () => void): void;
}

export async function registerSiteRoutes(app: FastifyInstance, deps: AppDependencies): Promise<SiteHandle> {
  const directory = new SiteDirectory(deps.database.db, deps.config.languages);
  await directory.reload();
  const bus = deps.events?.bus;
  const rubricHeadlines = new RubricHeadlines(deps.database.db);
  // Any story change, in any process, may move a story into or out of a rubric's newest headlines.
  deps.events?.onStoryChanged(() => rubricHeadlines.clear());
  const reloadListeners: (() => void)[] = [];
  const afterReload = () => {
    rubricHeadlines.clear();
    for (const listener of reloadListeners) listener();
  };
  if (bus) followSiteChanges(bus, directory, afterReload, (error) => deps.logger.error({ err: error }, 'the site settings could not be re-read'));
  const site: Site = {
    directory,
    publicUrl: deps.config.publicUrl,
    stylesheetHref: registerStylesheet(app),
    database: deps.database,
    clock: deps.clock,
    rubricHeadlines,
    // The newsroom's setting when it names a configured language, else the configuration's.
    get defaultLanguage() {
      const chosen = directory.settings.defaultLanguage;
      return chosen !== undefined && directory.language(chosen) ? chosen : deps.config.defaultLanguage;
    },
  };
  app.addHook('onRequest', (_request, _reply, done) => {
    directory.refreshIfStale();
    done();
  });
  registerMediaRoute(app, deps.config.mediaDir);
  registerRootRoute(app, site);
  registerSearchRoute(app, site);
  registerListingRoutes(app, site);
  registerStoryRoute(app, site);
  registerArchiveRoute(app, site);
  registerStaticPageRoute(app, site);
  registerFeedRoutes(app, feedSite(site, deps.config));
  registerSitemapRoutes(app, sitemapSite(site));
  registerContentApi(app, {
    database: deps.database,
    clock: deps.clock,
    publicUrl: deps.config.publicUrl,
    languages: () => directory.codes,
    rubrics: () => directory.rubrics,
    storyPath,
    rubricPath,
    tagPath,
  });
  const languageOf = (url: string) => {
    const first = url.split(/[/?#]/)[1] ?? '';
    return directory.language(first) ? first : site.defaultLanguage;
  };
  app.setNotFoundHandler((request, reply) => sendErrorPage(site, reply, languageOf(request.url), 404));
  return {
    reload: async () => {
      await directory.reload();
      afterReload();
      bus?.publish({ kind: SITE_CHANGED_KIND });
    },
    sendError: (reply, url, status) => sendErrorPage(site, reply, languageOf(url), status),
    renderPreview: (storyId, language) => renderStoryPreview(site, storyId, language),
    timeZone: () => directory.settings.timeZone,
    onReloaded: (listener) => void reloadListeners.push(listener),
  };
}
