// /<lang>/search?q=&rubric=&tag=&from=&to=&page= — archive search for readers. The pipeline:
// read the parameters (anything malformed is a message on the page with status 400, never an
// error page without the form) → search the public index in the page's language → present the
// results with highlighted headlines and snippets, rubric and time. Pages are bounded
// (?page=1..50); dates are days in the agency's time zone (YYYY-MM-DD, as <input type=date>).

import type { FastifyInstance } from 'fastify';
import { findTagBySlug } from '../../content/index.ts';
import { searchStories, MAX_PAGE, type SearchPage } from '../../search/index.ts';
import { isAppError } from '../../lib/errors.ts';
import { instantOfWallTime } from '../../lib/time-zone.ts';
import { buildChrome } from '../chrome.ts';
import { sendErrorPage, sendHtml, type Site } from '../site-deps.ts';
import { rubricPath, searchPath, storyPath } from '../paths.ts';
import { rubricIn } from '../story-items.ts';
import { renderSearchPage } from '../views/search-page.ts';
import type { SearchPageView } from '../views/view-models.ts';

type Query = Record<string, unknown>;

/** A parameter as text: the first of repeated ones, '' for anything else. */
function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value : '';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function registerSearchRoute(app: FastifyInstance, site: Site): void {
  /** The first instant of a day in the agency's time zone, or undefined for a malformed date. */
  const dayStart = (value: string, plusDays = 0): string | undefined => {
    const match = DATE.exec(value);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day + plusDays));
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return undefined;
    return instantOfWallTime({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 }, site.directory.settings.timeZone).toISOString();
  };

  app.get<{ Params: { lang: string }; Querystring: Query }>('/:lang/search', async (request, reply) => {
    // 1. Read the parameters.
    const { lang } = request.params;
    const language = site.directory.language(lang);
    if (!language) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const strings = language.strings;
    const params = { q: text(request.query.q), rubric: text(request.query.rubric), tag: text(request.query.tag), from: text(request.query.from), to: text(request.query.to), page: text(request.query.page) };
    let isBadFilter = false;
    const rubric = params.rubric === '' ? undefined : site.directory.rubricBySlugIn(lang, params.rubric);
    if (params.rubric !== '' && !rubric) isBadFilter = true;
    const tag = params.tag === '' ? undefined : await findTagBySlug(site, lang, params.tag);
    if (params.tag !== '' && !tag) isBadFilter = true;
    const from = params.from === '' ? undefined : dayStart(params.from);
    const toNextDay = params.to === '' ? undefined : dayStart(params.to, 1);
    if ((params.from !== '' && !from) || (params.to !== '' && !toNextDay)) isBadFilter = true;
    const page = params.page === '' ? 1 : /^\d{1,3}$/.test(params.page) ? Number(params.page) : NaN;
    if (!(page >= 1 && page <= MAX_PAGE)) isBadFilter = true;

    // 2. Search (a reader's first visit, with no query, shows the form only).
    const now = site.clock();
    const messages: string[] = [];
    let result: SearchPage | undefined;
    let isIndexBuilding = false;
    if (isBadFilter) messages.push(strings.searchBadFilter);
    else if (params.q.trim() !== '' || request.query.q !== undefined) {
      try {
        result = await searchStories({ database: site.database, clock: site.clock }, {
          query: params.q,
          language: lang,
          audience: 'public',
          rubricId: rubric?.id,
          tagId: tag?.id,
          from,
          to: toNextDay === undefined ? undefined : new Date(Date.parse(toNextDay) - 1).toISOString(),
          page,
        });
      } catch (error) {
        if (isAppError(error) && error.code === 'search_index_building') {
          isIndexBuilding = true;
          messages.push(strings.searchIndexBuilding);
        } else {
          if (!isAppError(error) || error.code !== 'invalid_input') throw error;
          isBadFilter = true;
          messages.push(strings.searchBadFilter);
        }
      }
    }
    if (result) {
      if (result.truncated) messages.push(strings.searchTruncated);
      if (result.problem === 'empty') messages.push(strings.searchEmptyQuery);
      else if (result.problem === 'only_excluded') messages.push(strings.searchOnlyExcluded);
      else if (result.results.length === 0) messages.push(strings.searchNothingFound);
      else messages.push(result.isExact ? strings.searchFound(result.total) : strings.searchFoundMore(result.total - 1));
    }

    // 3. Present.
    const pageHref = (n: number) => {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries({ ...params, page: n === 1 ? '' : String(n) })) if (value !== '') query.set(name, value);
      return `${searchPath(lang)}?${query.toString()}`;
    };
    const view: SearchPageView = {
      chrome: buildChrome(site, {
        language: lang,
        title: params.q.trim() === '' ? strings.search : `${strings.search}: ${params.q.slice(0, 100)}`,
        path: searchPath(lang),
        equivalents: Object.fromEntries(site.directory.codes.map((code) => [code, searchPath(code)])),
        noindex: true,
      }),
      form: {
        query: params.q.slice(0, 300),
        rubrics: site.directory.rubrics.flatMap((r) => {
          const name = r.names[lang];
          return name ? [{ value: name.slug, text: name.name, isSelected: r.id === rubric?.id }] : [];
        }),
        from: from ? params.from : '',
        to: toNextDay ? params.to : '',
        tag: tag ? params.tag : undefined,
      },
      messages,
      results: (result?.results ?? []).map((found) => {
        const names = rubricIn(site.directory, found.rubricId, lang);
        return {
          href: storyPath(lang, names?.slug ?? null, found.storyId, found.slug),
          headlineHtml: found.headlineHtml,
          snippetHtml: found.snippetHtml,
          time: language.time.dateline(found.publishedAt ?? now.toISOString(), now),
          rubric: names ? { text: names.name, href: rubricPath(lang, names.slug) } : undefined,
        };
      }),
      pages: {
        current: page >= 1 ? page : 1,
        previous: result && page > 1 ? pageHref(page - 1) : undefined,
        next: result?.hasNextPage ? pageHref(page + 1) : undefined,
      },
    };
    if (isIndexBuilding) reply.header('retry-after', '60');
    return sendHtml(reply, isBadFilter ? 400 : isIndexBuilding ? 503 : 200, renderSearchPage(view));
  });
}
