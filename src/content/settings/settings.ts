// Site settings kept in the database (so the newsroom can edit them): the site name per language,
// the agency's time zone and its social profiles. Values are JSON; unknown keys are refused.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { isValidTimeZone } from '../../lib/time-zone.ts';

export const SOCIAL_NETWORKS = ['vk', 'telegram', 'x', 'facebook', 'youtube'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export interface SiteSettings {
  siteName: Record<string, string>;
  timeZone: string;
  /** The agency's profile on each network, in the order of SOCIAL_NETWORKS. */
  socialLinks: Partial<Record<SocialNetwork, string>>;
  /** The language of `/` when the browser asks for none we have; unset: the configured default. */
  defaultLanguage?: string;
}

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: { ru: 'Dispatch', en: 'Dispatch', be: 'Dispatch' },
  timeZone: 'UTC',
  socialLinks: {},
};

const KEYS: ReadonlyArray<keyof SiteSettings> = ['siteName', 'timeZone', 'socialLinks', 'defaultLanguage'];

function fail(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 500) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The value if it is a valid setting `key`; otherwise an `invalid_input` naming the field. */
export function validateSetting<K extends keyof SiteSettings>(key: K, value: unknown): SiteSettings[K] {
  if (!KEYS.includes(key)) throw fail(String(key), 'not a site setting');
  if (key === 'timeZone') {
    if (typeof value !== 'string' || !isValidTimeZone(value)) throw fail('timeZone', 'must be an IANA time zone such as Europe/Minsk');
    return value as SiteSettings[K];
  }
  if (key === 'defaultLanguage') {
    if (typeof value !== 'string' || !/^[a-z]{2,3}$/.test(value)) throw fail('defaultLanguage', 'must be a language code such as ru');
    return value as SiteSettings[K];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail(key, 'must be an object');
  if (key === 'socialLinks') {
    for (const [network, url] of Object.entries(value)) {
      if (!(SOCIAL_NETWORKS as readonly string[]).includes(network)) throw fail(`socialLinks.${network}`, `must be one of ${SOCIAL_NETWORKS.join(', ')}`);
      if (!isHttpsUrl(url)) throw fail(`socialLinks.${network}`, 'must be an https:// address');
    }
    return value as SiteSettings[K];
  }
  for (const [language, name] of Object.entries(value)) {
    if (typeof name !== 'string' || name.trim() === '') throw fail(`siteName.${language}`, 'must give a non-empty name per language');
  }
  return value as SiteSettings[K];
}

export async function readSettings(db: Kysely<Schema>): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const settings: SiteSettings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if ((KEYS as readonly string[]).includes(row.key)) (settings as unknown as Record<string, unknown>)[row.key] = JSON.parse(row.value);
  }
  return settings;
}

export async function writeSetting<K extends keyof SiteSettings>(db: Kysely<Schema>, key: K, value: SiteSettings[K]): Promise<void> {
  const json = JSON.stringify(validateSetting(key, value));
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}
