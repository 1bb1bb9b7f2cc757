// Site settings for chief editors: the site name per language, the social profiles, the time zone
// (an IANA zone) and the default language. Every field's problem is reported at once, nothing is
// written unless all are right, and the site shows a change at once.

import type { FastifyInstance } from 'fastify';
import { readSettings, SOCIAL_NETWORKS, validateSetting, writeSetting, type SiteSettings } from '../../content/index.ts';
import { isAppError } from '../../lib/errors.ts';
import { requireActor } from '../access/require-actor.ts';
import { FieldErrors, readObjectBody, refuseUnknownFields } from '../http/api-input.ts';
import { auditedChange } from './admin-audit.ts';
import type { AdminDeps } from './admin-deps.ts';

const FIELDS = ['siteName', 'timeZone', 'socialLinks', 'defaultLanguage'] as const;
type Field = (typeof FIELDS)[number];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function registerSettingsRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const languages = deps.config.languages.map((language) => language.code);
  const chief = { preHandler: requireActor('settings.manage') };
  const present = async () => {
    const settings = await readSettings(deps.database.db);
    return { settings: { ...settings, defaultLanguage: settings.defaultLanguage ?? deps.config.defaultLanguage }, languages, socialNetworks: SOCIAL_NETWORKS };
  };

  app.get('/api/newsroom/settings', chief, present);

  app.patch('/api/newsroom/settings', chief, async (request) => {
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, FIELDS, errors);
    const changes: Partial<Record<Field, unknown>> = {};
    for (const field of FIELDS) if (body[field] !== undefined) changes[field] = body[field];
    if (isPlainObject(changes.siteName)) {
      for (const language of Object.keys(changes.siteName)) if (!languages.includes(language)) errors.add(`siteName.${language}`, 'not a configured language');
    }
    // An empty profile field removes the profile.
    if (isPlainObject(changes.socialLinks)) changes.socialLinks = Object.fromEntries(Object.entries(changes.socialLinks).filter(([, url]) => url !== '' && url !== null));
    if (changes.defaultLanguage !== undefined && !languages.includes(changes.defaultLanguage as string)) {
      errors.add('defaultLanguage', `must be one of ${languages.join(', ')}`);
    }
    for (const field of FIELDS) {
      if (changes[field] === undefined) continue;
      try {
        validateSetting(field, changes[field]);
      } catch (error) {
        if (!isAppError(error) || typeof error.details?.field !== 'string') throw error;
        errors.add(error.details.field, error.message.replace(/^[^:]+: /, ''));
      }
    }
    if (Object.keys(changes).length === 0) errors.add('body', `name at least one of ${FIELDS.join(', ')}`);
    errors.throwIfAny();
    await auditedChange(request, deps.database, { action: 'settings.update', at: deps.clock(), details: changes }, async (_database, trx) => {
      for (const field of FIELDS) if (changes[field] !== undefined) await writeSetting(trx, field, changes[field] as SiteSettings[Field]);
    });
    await deps.reloadSite();
    return present();
  });
}
