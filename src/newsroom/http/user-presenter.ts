// The JSON a newsroom client receives for a user and for the logged-in user's own account.

import type { UserSummary } from '../users.ts';
import type { Actor } from '../access/actor.ts';
import type { LiveSession } from '../sessions/find-session.ts';

export function presentUser(user: UserSummary) {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    email: user.email,
    role: user.role,
    language: user.language,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
  };
}

export function presentMe(actor: Actor, session: LiveSession) {
  return {
    user: {
      id: actor.userId,
      login: actor.login,
      name: actor.name,
      role: actor.role,
      language: actor.language,
      mustChangePassword: session.user.mustChangePassword,
    },
    session: { csrfToken: session.csrfToken, expiresAt: session.expiresAt },
  };
}
