// The ordered list of migrations. Names sort in the order they run; a landed migration is never
// edited or renamed, only followed by a new one.

import type { Migration } from 'kysely';
import type { Dialect } from './column-types.ts';
import { foundation } from './2026-11-23-01-foundation.ts';
import { site } from './2026-11-23-02-site.ts';
import { accounts } from './2026-12-01-01-accounts.ts';
import { workflow } from './2026-12-01-02-workflow.ts';
import { media } from './2026-12-01-03-media.ts';
import { search } from './2026-12-01-04-search.ts';
import { rubricFeedCover } from './2026-12-01-05-rubric-feed-cover.ts';
import { wire } from './2026-12-01-08-wire.ts';
import { wireChangeTime } from './2026-12-02-10-wire-change-time.ts';
import { presence } from './2026-12-02-20-presence.ts';
import { deskOrder } from './2026-12-02-21-desk-order.ts';
import { bylineTagsCover } from './2026-12-02-70-byline-tags-cover.ts';
import { feedCover } from './2026-12-02-71-feed-cover.ts';
import { formerTaxonomySlugs } from './2026-12-02-30-former-taxonomy-slugs.ts';
import { searchComplete } from './2026-12-02-40-search-complete.ts';
import { sitemapMonths } from './2026-12-03-20-sitemap-months.ts';

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-23-01-foundation': foundation(dialect),
    '2026-11-23-02-site': site(dialect),
    '2026-12-01-01-accounts': accounts(dialect),
    '2026-12-01-02-workflow': workflow(dialect),
    '2026-12-01-03-media': media(dialect),
    '2026-12-01-04-search': search(dialect),
    '2026-12-01-05-rubric-feed-cover': rubricFeedCover(dialect),
    '2026-12-01-08-wire': wire(dialect),
    '2026-12-02-10-wire-change-time': wireChangeTime(dialect),
    '2026-12-02-20-presence': presence(dialect),
    '2026-12-02-21-desk-order': deskOrder(),
    '2026-12-02-70-byline-tags-cover': bylineTagsCover(),
    '2026-12-02-71-feed-cover': feedCover(dialect),
    '2026-12-02-30-former-taxonomy-slugs': formerTaxonomySlugs(dialect),
    '2026-12-02-40-search-complete': searchComplete(),
    '2026-12-03-20-sitemap-months': sitemapMonths(dialect),
  };
}
