// The newsroom domain's public interface (accounts so far).

export { addUser, resetPassword, listUsers, countUsers, type UserSummary } from './users.ts';
export { ROLES, isRole, type Role } from './roles.ts';
export { hashPassword, verifyPassword, generatePassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
export * from './workflow/index.ts';
