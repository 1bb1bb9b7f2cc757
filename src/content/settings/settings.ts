// Site settings kept in the database (so the newsroom can edit them): the site name per language
// and the agency's time zone. Values are JSON; unknown keys are refused.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { isValidTimeZone } from '../../lib/time-zone.ts';

export interface SiteSettings {
  siteName: Record<string, string>;
  timeZone: string;
}

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: { ru: 'Dispatch', en: 'Dispatch', be: 'Dispatch' },
  timeZone: 'UTC',
};

function validate<K extends keyof SiteSettings>(key: K, value: unknown): SiteSettings[K] {
  if (key !== 'timeZone' && key !== 'siteName') {
    throw new AppError('invalid_input', `${String(key)}: not a site setting`, { details: { field: String(key) } });
  }
  if (key === 'timeZone') {
    if (typeof value !== 'string' || !isValidTimeZone(value)) {
      throw new AppError('invalid_input', 'timeZone: must be an IANA time zone such as Europe/Minsk', { details: { field: 'timeZone' } });
    }
    return value as SiteSettings[K];
  }
  if (typeof value !== 'object' || value === null || Object.values(value).some((name) => typeof name !== 'string' || name.trim() === '')) {
    throw new AppError('invalid_input', 'siteName: must give a non-empty name per language', { details: { field: 'siteName' } });
  }
  return value as SiteSettings[K];
}

export async function readSettings(db: Kysely<Schema>): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const settings: SiteSettings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key === 'siteName') settings.siteName = JSON.parse(row.value) as Record<string, string>;
    if (row.key === 'timeZone') settings.timeZone = JSON.parse(row.value) as string;
  }
  return settings;
}

export async function writeSetting<K extends keyof SiteSettings>(db: Kysely<Schema>, key: K, value: SiteSettings[K]): Promise<void> {
  const json = JSON.stringify(validate(key, value));
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}
