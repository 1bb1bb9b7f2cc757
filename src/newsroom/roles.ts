// The newsroom's roles, from least to most trusted. What each may do is decided by the newsroom's
// policies; this module only names them.

export const ROLES = ['reporter', 'translator', 'editor', 'chief_editor'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
