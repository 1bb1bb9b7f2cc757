// What every page needs and seldom changes, kept in memory: the site settings, the rubrics with
// their names and slugs per language, the static pages, and per language its strings and time
// formatter. Reloaded when told (the newsroom changes settings) and at most a minute after a change
// made elsewhere.

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { LanguageConfig } from '../lib/config.ts';
import { listPages, listRubrics, readSettings, type Rubric, type SiteSettings } from '../content/index.ts';
import { uiStrings, type UiStrings } from './i18n/ui-strings.ts';
import { TimeFormatter } from './time-views.ts';

const MAX_AGE_MS = 60_000;

export interface SiteLanguage {
  config: LanguageConfig;
  strings: UiStrings;
  time: TimeFormatter;
}

export class SiteDirectory {
  readonly languages: ReadonlyMap<string, SiteLanguage>;
  readonly codes: readonly string[];
  settings!: SiteSettings;
  rubrics: Rubric[] = [];
  private rubricBySlug = new Map<string, Rubric>();
  private pagesByLanguage = new Map<string, Array<{ key: string; title: string; slug: string }>>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;
  private readonly db: Kysely<Schema>;
  private readonly configured: readonly LanguageConfig[];

  constructor(db: Kysely<Schema>, languages: readonly LanguageConfig[]) {
    this.db = db;
    this.configured = languages;
    this.codes = languages.map((language) => language.code);
    this.languages = new Map();
  }

  async reload(): Promise<void> {
    const [settings, rubrics] = await Promise.all([readSettings(this.db), listRubrics({ database: { db: this.db } })]);
    const pages = new Map<string, Array<{ key: string; title: string; slug: string }>>();
    for (const code of this.codes) pages.set(code, await listPages(this.db, code));
    this.settings = settings;
    this.rubrics = rubrics;
    this.rubricBySlug = new Map(rubrics.flatMap((rubric) => Object.entries(rubric.names).map(([language, { slug }]) => [`${language}/${slug}`, rubric] as const)));
    this.pagesByLanguage = pages;
    // The same zone keeps the formatter of the last load, with the offsets and days it has cached.
    const kept = (config: LanguageConfig) => {
      const time = this.languages.get(config.code)?.time;
      return time && time.timeZone === settings.timeZone && time.locale === config.locale ? time : new TimeFormatter(config.locale, settings.timeZone);
    };
    (this as { languages: ReadonlyMap<string, SiteLanguage> }).languages = new Map(
      this.configured.map((config) => [config.code, { config, strings: uiStrings(config.code), time: kept(config) }]),
    );
    this.loadedAt = Date.now();
  }

  /** Reloads in the background when the copy is older than a minute; never makes a reader wait. */
  refreshIfStale(): void {
    if (Date.now() - this.loadedAt < MAX_AGE_MS || this.loading) return;
    this.loading = this.reload().finally(() => (this.loading = undefined));
    this.loading.catch(() => {});
  }

  language(code: string): SiteLanguage | undefined {
    return this.languages.get(code);
  }

  rubricBySlugIn(language: string, slug: string): Rubric | undefined {
    return this.rubricBySlug.get(`${language}/${slug}`);
  }

  rubricById(id: number): Rubric | undefined {
    return this.rubrics.find((rubric) => rubric.id === id);
  }

  siteName(language: string): string {
    return this.settings.siteName[language] ?? this.settings.siteName.en ?? Object.values(this.settings.siteName)[0] ?? 'Dispatch';
  }

  pages(language: string): Array<{ key: string; title: string; slug: string }> {
    return this.pagesByLanguage.get(language) ?? [];
  }
}
