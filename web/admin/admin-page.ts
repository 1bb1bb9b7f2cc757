// What every administration screen shares: the sub-navigation for the user's role, the heading,
// the configured languages, and a name in the interface language from names per language.

import { api, type Me } from '../api.ts';
import { h } from '../dom.ts';
import { t, ta } from '../i18n.ts';

export const ADMIN_PATH = '/newsroom/app/admin';

const EDITOR_SCREENS = ['rubrics', 'tags'] as const;
const CHIEF_SCREENS = ['settings', 'users', 'subscribers', 'audit'] as const;
export type AdminScreen = (typeof EDITOR_SCREENS)[number] | (typeof CHIEF_SCREENS)[number];

export function screensFor(role: string): AdminScreen[] {
  if (role === 'chief_editor') return [...EDITOR_SCREENS, ...CHIEF_SCREENS];
  return role === 'editor' ? [...EDITOR_SCREENS] : [];
}

export function adminHeader(me: Me, current: AdminScreen, heading: string): HTMLElement[] {
  const a = ta();
  const nav = h('nav', { class: 'admin-nav', 'aria-label': a.admin },
    ...screensFor(me.user.role).map((screen) =>
      h('a', { href: `${ADMIN_PATH}/${screen}`, 'aria-current': screen === current ? 'page' : null }, a[screen])));
  return [nav, h('h1', {}, heading)];
}

let languages: string[] | undefined;

/** The site's configured languages, in their order. */
export async function siteLanguages(): Promise<string[]> {
  languages ??= (await api<{ languages: string[] }>('GET', '/api/newsroom/stories?limit=1')).languages;
  return languages;
}

export function languageName(code: string): string {
  return t().languageNames[code] ?? code;
}

export function nameIn(names: Record<string, { name: string }>, language: string): string {
  return (names[language] ?? Object.values(names)[0])?.name ?? '';
}
