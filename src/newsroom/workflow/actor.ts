// Who is acting on a story: a newsroom user with a role, or the job runner, which is named
// explicitly (SYSTEM_ACTOR) so that no code path acts with unchecked rights by default.

import { AppError } from '../../lib/errors.ts';
import { isRole, type Role } from '../roles.ts';

export interface UserActor {
  userId: number;
  role: Role;
}

export interface SystemActor {
  system: 'job-runner';
}

export type Actor = UserActor | SystemActor;

/** The job runner acting on its own (scheduled publishing, embargo ends). */
export const SYSTEM_ACTOR: SystemActor = Object.freeze({ system: 'job-runner' });

export function isSystemActor(actor: Actor): actor is SystemActor {
  return (actor as SystemActor).system === 'job-runner';
}

/** Checks the actor a caller passed: a real user id and a known role, or the system actor. */
export function validActor(actor: unknown): Actor {
  if (typeof actor === 'object' && actor !== null) {
    if (actor === SYSTEM_ACTOR || (actor as SystemActor).system === 'job-runner') return SYSTEM_ACTOR;
    const { userId, role } = actor as Partial<UserActor>;
    if (typeof userId === 'number' && Number.isSafeInteger(userId) && userId > 0 && isRole(role)) return { userId, role };
  }
  throw new AppError('invalid_input', 'actor: must be { userId, role } with a known role', { details: { field: 'actor' } });
}

/** How the audit log names the actor. */
export function actorForAudit(actor: Actor): { userId: number | null; role: string } {
  return isSystemActor(actor) ? { userId: null, role: 'system' } : { userId: actor.userId, role: actor.role };
}
