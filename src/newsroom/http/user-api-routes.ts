// Users over the API, for chief editors: list, create (the answer carries the one-time
// password, once), change name, role or enabled state, and reset a password. Each change goes
// into the audit log in its own transaction (never the password).

import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../access/require-actor.ts';
import { addUser, findUserSummary, listUsers, resetPasswordOf } from '../users.ts';
import { updateUser, type UserChanges } from '../accounts/update-user.ts';
import { isRole, ROLES } from '../roles.ts';
import { FieldErrors, readId, readObjectBody, refuseUnknownFields } from './api-input.ts';
import { presentUser } from './user-presenter.ts';
import type { NewsroomDeps } from './newsroom-deps.ts';
import { auditedChange } from '../admin/admin-audit.ts';

export function registerUserApiRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const db = () => deps.database.db;
  const onlyChief = { preHandler: requireActor('user.manage') };

  app.get('/api/newsroom/users', onlyChief, async () => ({ users: (await listUsers(db())).map(presentUser) }));

  app.post('/api/newsroom/users', onlyChief, async (request, reply) => {
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, ['login', 'name', 'role', 'email'], errors);
    for (const field of ['login', 'name', 'role']) if (typeof body[field] !== 'string') errors.add(field, 'is required');
    if (body.email !== undefined && body.email !== null && typeof body.email !== 'string') errors.add('email', 'must be text or null');
    errors.throwIfAny();
    const at = deps.clock();
    const { user, password } = await auditedChange(request, deps.database, { action: 'user.create', at, details: { login: body.login, role: body.role } }, (_scoped, trx) =>
      addUser(trx, { login: body.login as string, name: body.name as string, role: body.role as string, email: body.email as string | null | undefined }, at),
    );
    return reply.code(201).send({ user: presentUser(user), oneTimePassword: password });
  });

  app.patch<{ Params: { id: string } }>('/api/newsroom/users/:id', onlyChief, async (request) => {
    const userId = readId(request.params.id);
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, ['name', 'role', 'disabled'], errors);
    const changes: UserChanges = {};
    if (body.name !== undefined) {
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      if (name === '' || name.length > 120) errors.add('name', 'must be 1 to 120 characters');
      else changes.name = name;
    }
    if (body.role !== undefined) {
      if (!isRole(body.role)) errors.add('role', `must be one of ${ROLES.join(', ')}`);
      else changes.role = body.role;
    }
    if (body.disabled !== undefined) {
      if (typeof body.disabled !== 'boolean') errors.add('disabled', 'must be true or false');
      else changes.disabled = body.disabled;
    }
    if (Object.keys(body).length === 0) errors.add('body', 'name at least one of name, role, disabled');
    errors.throwIfAny();
    const now = deps.clock();
    const user = await auditedChange(request, deps.database, { action: 'user.update', at: now, details: { userId, ...changes } }, (_scoped, trx) =>
      updateUser({ db: trx, userId, changes, now }),
    );
    return { user: presentUser(user) };
  });

  app.post<{ Params: { id: string } }>('/api/newsroom/users/:id/reset-password', onlyChief, async (request) => {
    const userId = readId(request.params.id);
    const now = deps.clock();
    const password = await auditedChange(request, deps.database, { action: 'user.reset_password', at: now, details: { userId } }, (_scoped, trx) =>
      resetPasswordOf(trx, userId, now),
    );
    const user = await findUserSummary(db(), userId);
    if (!user) throw new AppError('user_not_found', `No user with the id ${userId}`);
    return { user: presentUser(user), oneTimePassword: password };
  });
}
