// The answer to a save that started from a stale revision: a 409 that carries both texts, the one
// stored now (theirs) and the one being saved (yours), so the editor can merge and lose nothing.

import { AppError } from '../../lib/errors.ts';
import { textOf, type VersionText } from './version-text.ts';
import type { WorkflowVersion } from './version-rows.ts';

function presented(text: VersionText) {
  return { ...text, body: JSON.parse(text.body) as unknown };
}

export function editConflict(version: WorkflowVersion, yours: VersionText, expectedRevision: number): AppError {
  return new AppError('edit_conflict', `This text was saved by someone else (revision ${version.revision}) after you opened revision ${expectedRevision}`, {
    details: { expectedRevision, currentRevision: version.revision, theirs: presented(textOf(version)), yours: presented(yours) },
  });
}
