// Reading rubric and tag changes from a request: `names` and `slugs`, each an object of one text
// per language; `readRenameBody` reads a whole rename (PATCH) of a rubric or a tag. Languages and
// the texts themselves are checked by the content commands.

import type { NameChanges } from '../../content/index.ts';
import { FieldErrors, readObjectBody, refuseUnknownFields } from '../http/api-input.ts';

function readTexts(value: unknown, field: string, errors: FieldErrors): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.add(field, 'must be an object of one text per language');
    return undefined;
  }
  for (const [language, text] of Object.entries(value)) if (typeof text !== 'string') errors.add(`${field}.${language}`, 'must be text');
  return value as Record<string, string>;
}

export function readNameChanges(body: Record<string, unknown>, errors: FieldErrors): NameChanges {
  const names = readTexts(body.names, 'names', errors);
  // An empty slug field means "leave the slug as it is".
  const slugs = Object.fromEntries(Object.entries(readTexts(body.slugs, 'slugs', errors) ?? {}).map(([l, s]) => [l, s.trim()]).filter(([, s]) => s !== ''));
  return { ...(names ? { names } : {}), ...(Object.keys(slugs).length > 0 ? { slugs } : {}) };
}

/** The body of a rubric's or tag's rename: new names or slugs, at least one, and nothing else. */
export function readRenameBody(raw: unknown): NameChanges {
  const body = readObjectBody(raw);
  const errors = new FieldErrors();
  refuseUnknownFields(body, ['names', 'slugs'], errors);
  const changes = readNameChanges(body, errors);
  if (!changes.names && !changes.slugs) errors.add('names', 'give a new name or slug in at least one language');
  errors.throwIfAny();
  return changes;
}
