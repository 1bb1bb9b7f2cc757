// The editorial workflow's public interface (re-exported by the newsroom domain's index.ts).

export { SYSTEM_ACTOR, isSystemActor, type Actor, type UserActor, type SystemActor } from './actor.ts';
export { WORKFLOW, authorize, canTake, type WorkflowAction, type Rule } from './transitions.ts';
export { createStoryEvents, type StoryEvents, type StoryChanged, type StoryChangedListener } from './story-events.ts';
export type { WorkflowContext } from './workflow-context.ts';
export type { TransitionResult, VersionTarget } from './apply-transition.ts';
export { submitVersion } from './submit-version.ts';
export { scheduleVersion } from './schedule-version.ts';
export { publishVersion } from './publish-version.ts';
export { correctVersion, MAX_CORRECTION_NOTE } from './correct-version.ts';
export { createUpdate } from './create-update.ts';
export { killVersion, unpublishVersion, republishVersion } from './take-down.ts';
export { spikeVersion, unspikeVersion } from './spike-version.ts';
export { setEmbargo, liftEmbargo } from './embargo.ts';
export { findPublicationProblems, type PublicationProblem } from './publication-check.ts';
export { listAuditLog, type AuditEntry } from './audit-log.ts';
export { saveVersionText, type SaveTextParams } from './save-version-text.ts';
export type { TextFields, VersionText } from './version-text.ts';
export { listRevisions, findRevision, diffRevisions, restoreRevision, type Revision, type RevisionSummary, type RevisionDiff } from './revisions.ts';
export { diffWords, type DiffPart } from './word-diff.ts';
export { autosaveDraft, findAutosave, type Autosave } from './autosave.ts';
export { startTranslation, type TextForEditor } from './start-translation.ts';
export { readVersionText, type VersionForEditor } from './read-version-text.ts';
export { updateStoryDetails, type StoryDetails } from './update-story-details.ts';
export { listDesk, type DeskFilter, type DeskStory, type DeskVersion } from './desk.ts';
export { searchArchive, searchableStatuses, type ArchiveSearchFilter } from './archive-search.ts';
export { workflowJobHandlers } from './job-handlers.ts';
export { PUBLISH_VERSION_JOB, EMBARGO_END_JOB, publishJobKey, embargoJobKey } from './job-kinds.ts';
