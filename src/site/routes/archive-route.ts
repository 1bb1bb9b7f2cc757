// The date archive: /<lang>/archive/2026/11/22 lists that day's stories (a day in the agency's time
// zone), with a calendar of the month to move between days. /<lang>/archive/ goes to today.

import type { FastifyInstance } from 'fastify';
import { countStoriesIn, hasStoriesIn, listFeedPage } from '../../content/index.ts';
import { instantOfWallTime } from '../../lib/time-zone.ts';
import { buildChrome } from '../chrome.ts';
import { parseOlder } from '../cursor.ts';
import { sendErrorPage, sendHtml, type Site } from '../site-deps.ts';
import { archiveDayPath, homePath, withOlder } from '../paths.ts';
import { storyItem } from '../story-items.ts';
import { renderListingPage } from '../views/listing-page.ts';
import type { CalendarView } from '../views/view-models.ts';

const PAGE_SIZE = 50;
const FIRST_YEAR = 1990;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function registerArchiveRoute(app: FastifyInstance, site: Site): void {
  const dayStart = (year: number, month: number, day: number) =>
    instantOfWallTime({ year, month, day, hour: 0, minute: 0 }, site.directory.settings.timeZone).toISOString();
  const nextDay = (year: number, month: number, day: number) => {
    const d = new Date(Date.UTC(year, month - 1, day + 1));
    return dayStart(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  };

  app.get<{ Params: { lang: string } }>('/:lang/archive/', async (request, reply) => {
    const { lang } = request.params;
    const language = site.directory.language(lang);
    if (!language) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const today = language.time.local(site.clock().getTime());
    return reply.redirect(archiveDayPath(lang, today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()), 302);
  });

  app.get<{ Params: { lang: string; year: string; month: string; day: string }; Querystring: { older?: string } }>(
    '/:lang/archive/:year/:month/:day',
    async (request, reply) => {
      const { lang } = request.params;
      const language = site.directory.language(lang);
      if (!language) return sendErrorPage(site, reply, site.defaultLanguage, 404);
      const [yearText, monthText, dayText] = [request.params.year, request.params.month, request.params.day];
      if (!/^\d{4}$/.test(yearText) || !/^\d{2}$/.test(monthText) || !/^\d{2}$/.test(dayText)) return sendErrorPage(site, reply, lang, 404);
      const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
      if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return sendErrorPage(site, reply, lang, 404);
      const now = site.clock();
      const today = language.time.local(now.getTime());
      const todayKey = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
      if (year * 10000 + month * 100 + day > todayKey) return sendErrorPage(site, reply, lang, 404);
      const older = parseOlder(request.query.older);
      if (!older.ok) return sendErrorPage(site, reply, lang, 400);

      const db = site.database.db;
      const period = { from: dayStart(year, month, day), to: nextDay(year, month, day) };
      const [page, count] = await Promise.all([
        listFeedPage(db, { language: lang, scope: { kind: 'period', ...period }, before: older.cursor, limit: PAGE_SIZE, now, withLede: false }),
        countStoriesIn(db, { language: lang, ...period, now }),
      ]);
      if (older.cursor && page.stories.length === 0) return sendErrorPage(site, reply, lang, 404);

      const monthDays = daysInMonth(year, month);
      const withStories = await Promise.all(
        Array.from({ length: monthDays }, (_, i) => i + 1).map((d) =>
          year * 10000 + month * 100 + d > todayKey ? false : hasStoriesIn(db, { language: lang, from: dayStart(year, month, d), to: nextDay(year, month, d), now }),
        ),
      );
      const strings = language.strings;
      const path = archiveDayPath(lang, year, month, day);
      const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
      const cells: CalendarView['weeks'][number] = [...Array<null>(firstWeekday).fill(null)];
      for (let d = 1; d <= monthDays; d++) cells.push({ day: d, href: withStories[d - 1] ? archiveDayPath(lang, year, month, d) : undefined, isCurrent: d === day });
      while (cells.length % 7 !== 0) cells.push(null);
      const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
      const weekdayFormat = new Intl.DateTimeFormat(language.config.locale, { weekday: 'short', timeZone: 'UTC' });
      const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
      const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
      const nextIsPast = next.year * 10000 + next.month * 100 + 1 <= todayKey;
      const dayText2 = language.time.day(year, month, day);
      const heading = strings.archiveOf(dayText2);

      const calendar: CalendarView = {
        caption: language.time.month(year, month),
        weekdays: Array.from({ length: 7 }, (_, i) => weekdayFormat.format(new Date(Date.UTC(2024, 0, 1 + i)))),
        weeks,
        previousMonth: previous.year >= FIRST_YEAR ? { text: strings.previousMonth, href: archiveDayPath(lang, previous.year, previous.month, 1) } : undefined,
        nextMonth: nextIsPast ? { text: strings.nextMonth, href: archiveDayPath(lang, next.year, next.month, 1) } : undefined,
      };
      const view = {
        chrome: buildChrome(site, {
          language: lang,
          title: heading,
          path: older.cursor ? withOlder(path, older.cursor) : path,
          equivalents: Object.fromEntries(site.directory.codes.map((code) => [code, archiveDayPath(code, year, month, day)])),
        }),
        heading,
        breadcrumbs: [{ text: strings.home, href: homePath(lang) }, { text: strings.archive, href: path }],
        items: page.stories.map((story) => storyItem(site.directory, story, language, now, { withRubric: true, timeOnly: true })),
        countText: strings.storyCount(count),
        pagination: {
          older: page.older ? { text: strings.moreNews, href: withOlder(path, page.older) } : undefined,
          newest: older.cursor ? { text: strings.backToLatest, href: path } : undefined,
        },
        calendar,
        emptyText: page.stories.length === 0 ? strings.noStories : undefined,
      };
      return sendHtml(reply, 200, renderListingPage(view));
    },
  );
}
