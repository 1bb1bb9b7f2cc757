// Who is making a newsroom request: attached to `request.actor` by the session hook for a live
// session, read by requireActor and by every route that needs to know who acts.

import type { Role } from '../roles.ts';

export const NEWSROOM_LANGUAGES = ['ru', 'en'] as const;
export type NewsroomLanguage = (typeof NEWSROOM_LANGUAGES)[number];

export function isNewsroomLanguage(value: unknown): value is NewsroomLanguage {
  return typeof value === 'string' && (NEWSROOM_LANGUAGES as readonly string[]).includes(value);
}

export interface Actor {
  userId: number;
  login: string;
  name: string;
  role: Role;
  /** The interface language: the user's choice, else the browser's (ru or en). */
  language: NewsroomLanguage;
}
