// The newsroom domain's public interface: accounts, sessions, roles and permissions, and the
// editorial workflow (its `Actor` is the workflow's; the access `Actor` below names the logged-in user).

export { addUser, resetPassword, resetPasswordOf, listUsers, countUsers, findUserSummary, type UserSummary } from './users.ts';
export { ROLES, isRole, type Role } from './roles.ts';
export { hashPassword, verifyPassword, generatePassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
export * from './workflow/index.ts';
export { type Actor, type NewsroomLanguage, NEWSROOM_LANGUAGES } from './access/actor.ts';
export {
  can, createPolicy, defaultPolicy, RULES,
  type Action, type StaticAction, type TransitionAction, type TransitionRule, type Policy, type Subject, type StorySubject,
} from './access/policy.ts';
export { requireActor, assertCan, type RequireActorOptions } from './access/require-actor.ts';
export { registerNewsroom, isNewsroomPage, sendNewsroomErrorPage } from './http/register-newsroom.ts';
export { isNewsroomApiUrl, isNewsroomUrl } from './http/newsroom-request.ts';
export { FieldErrors, readObjectBody, readId, refuseUnknownFields } from './http/api-input.ts';
export type { NewsroomDeps } from './http/newsroom-deps.ts';
export { registerEditor, type EditorDeps } from './editor/register-editor.ts';
export { registerAdmin, type AdminDeps } from './admin/register-admin.ts';
