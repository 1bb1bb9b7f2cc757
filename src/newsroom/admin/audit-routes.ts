// The audit log for chief editors: newest first, filtered by story, user, action and days (in the
// agency's time zone, both ends included), in pages of 50 with a keyset cursor (`before`, the id
// of the last entry shown), so a deep page reads the index like the first.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readSettings } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { instantOfWallTime } from '../../lib/time-zone.ts';
import { requireActor } from '../access/require-actor.ts';
import { FieldErrors, readId } from '../http/api-input.ts';
import { listUsers } from '../users.ts';
import { listAuditLog } from '../workflow/index.ts';
import type { AdminDeps } from './admin-deps.ts';

type Query = { story?: string; user?: string; action?: string; from?: string; to?: string; before?: string };

function readDay(value: string, field: string, timeZone: string, errors: FieldErrors, nextDay = false): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    errors.add(field, 'must be a day written YYYY-MM-DD');
    return undefined;
  }
  const start = new Date(Date.UTC(year, month - 1, day + (nextDay ? 1 : 0)));
  return instantOfWallTime({ year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: start.getUTCDate(), hour: 0, minute: 0 }, timeZone);
}

function readFilters(request: FastifyRequest<{ Querystring: Query }>, timeZone: string) {
  const query = request.query;
  const errors = new FieldErrors();
  const id = (value: string | undefined, field: string) => {
    if (value === undefined || value === '') return undefined;
    try {
      return readId(value, field);
    } catch {
      errors.add(field, 'must be a positive whole number');
      return undefined;
    }
  };
  const filters = {
    storyId: id(query.story, 'story'),
    userId: id(query.user, 'user'),
    before: id(query.before, 'before'),
    action: query.action ? query.action.slice(0, 60) : undefined,
    from: query.from ? readDay(query.from, 'from', timeZone, errors) : undefined,
    to: query.to ? readDay(query.to, 'to', timeZone, errors, true) : undefined,
  };
  if (filters.from && filters.to && filters.from >= filters.to) errors.add('to', 'must not be before the first day');
  errors.throwIfAny();
  return filters;
}

export function registerAuditRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const chief = { preHandler: requireActor('audit.read') };

  app.get<{ Querystring: Query }>('/api/newsroom/audit', chief, async (request) => {
    const actor = request.actor;
    if (!actor) throw new AppError('unauthenticated', 'Log in to the newsroom first.');
    const { timeZone } = await readSettings(deps.database.db);
    const filters = readFilters(request, timeZone);
    const page = await listAuditLog(deps, { actor: { userId: actor.userId, role: actor.role }, limit: 50, ...filters });
    const users = new Map((await listUsers(deps.database.db)).map((user) => [user.id, user]));
    const actions = await deps.database.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
    return {
      entries: page.entries.map((entry) => ({ ...entry, actorName: entry.actorUserId === null ? null : (users.get(entry.actorUserId)?.name ?? null) })),
      next: page.before ?? null,
      actions: actions.map((row) => row.action),
    };
  });
}
