// What the site's routes share: the database, the clock, the directory of settings and rubrics,
// and how to render and send a page or an error page in the reader's language.

import type { FastifyReply } from 'fastify';
import type { Database } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';
import { listFeedPage } from '../content/index.ts';
import type { SiteRuntime } from './chrome.ts';
import { buildChrome } from './chrome.ts';
import { storyItem } from './story-items.ts';
import { homePath } from './paths.ts';
import { renderErrorPage } from './views/error-page.ts';
import type { RubricHeadlines } from './rubric-headlines.ts';

export interface Site extends SiteRuntime {
  database: Database;
  clock: Clock;
  defaultLanguage: string;
  /** «Other materials»: the newest headlines of a rubric, kept in memory between changes. */
  rubricHeadlines: RubricHeadlines;
}

export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(html);
}

export type ErrorStatus = 400 | 404 | 410 | 503;

/** An error page in `language` with the latest news under it. */
export async function sendErrorPage(site: Site, reply: FastifyReply, language: string, status: ErrorStatus): Promise<FastifyReply> {
  const code = site.directory.language(language) ? language : site.defaultLanguage;
  const lang = site.directory.language(code)!;
  const strings = lang.strings;
  const [heading, text] =
    status === 410 ? [strings.goneTitle, strings.goneText]
    : status === 503 ? [strings.unavailableTitle, strings.unavailableText]
    : status === 400 ? [strings.badRequestTitle, strings.badRequestText]
    : [strings.notFoundTitle, strings.notFoundText];
  const now = site.clock();
  let latest: Awaited<ReturnType<typeof listFeedPage>>['stories'] = [];
  try {
    latest = (await listFeedPage(site.database.db, { language: code, scope: { kind: 'all' }, limit: 10, now, withLede: false })).stories;
  } catch {
    // An error page must come out even when the database does not answer.
  }
  const chrome = buildChrome(site, {
    language: code,
    title: heading,
    path: homePath(code),
    equivalents: {},
    noindex: true,
  });
  return sendHtml(reply, status, renderErrorPage({
    chrome,
    status,
    heading,
    text,
    homeLink: { text: strings.home, href: homePath(code) },
    latest: latest.map((story) => storyItem(site.directory, story, lang, now, { withRubric: true })),
  }));
}
