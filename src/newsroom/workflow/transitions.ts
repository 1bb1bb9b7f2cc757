// The one table of the editorial workflow: for every action on a language version, the statuses
// it may start from, the status it leads to, and who may take it. Commands ask `authorize` and
// never decide rights themselves; what is not in this table is denied.

import type { StoryStatus } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../roles.ts';
import { isSystemActor, type Actor } from './actor.ts';

/** `own`: only on stories the user created; `any`: on every story. */
type Scope = 'own' | 'any';

export interface Rule {
  /** Statuses of the language version the action may start from (`any` for actions on a story). */
  from: readonly StoryStatus[] | 'any';
  /** The status the version is in afterwards; `same` when the action does not change it. */
  to: StoryStatus | 'same';
  who: Partial<Record<Role, Scope>>;
  /** Statuses from which the job runner (SYSTEM_ACTOR) may take the action; none when absent. */
  system?: readonly StoryStatus[];
}

const EDITORS = { editor: 'any', chief_editor: 'any' } as const;
const WRITERS = { reporter: 'own', translator: 'any', ...EDITORS } as const;
const BEFORE_PUBLICATION: readonly StoryStatus[] = ['draft', 'submitted', 'scheduled'];
const ON_SITE: readonly StoryStatus[] = ['published', 'corrected'];

export const WORKFLOW = {
  submit: { from: ['draft'], to: 'submitted', who: WRITERS },
  schedule: { from: BEFORE_PUBLICATION, to: 'scheduled', who: EDITORS },
  publish: { from: BEFORE_PUBLICATION, to: 'published', who: EDITORS, system: ['scheduled'] },
  correct: { from: ON_SITE, to: 'corrected', who: EDITORS },
  /** A new story following this one; this version stays as it is. */
  update: { from: ON_SITE, to: 'same', who: EDITORS },
  kill: { from: [...ON_SITE, 'unpublished'], to: 'killed', who: EDITORS },
  unpublish: { from: ON_SITE, to: 'unpublished', who: EDITORS },
  /** Back to `published`, or `corrected` when it was corrected before (see republishVersion). */
  republish: { from: ['unpublished'], to: 'published', who: EDITORS },
  spike: { from: BEFORE_PUBLICATION, to: 'spiked', who: EDITORS },
  unspike: { from: ['spiked'], to: 'draft', who: EDITORS },
  /** Saving the text; a version on the site changes only through `correct`. */
  edit: { from: ['draft', 'submitted', 'scheduled', 'unpublished'], to: 'same', who: WRITERS },
  autosave: { from: ['draft', 'submitted', 'scheduled', 'published', 'corrected', 'unpublished'], to: 'same', who: WRITERS },
  restore: { from: ['draft', 'submitted', 'scheduled', 'unpublished'], to: 'same', who: WRITERS },
  readText: { from: 'any', to: 'same', who: WRITERS },
  translate: { from: 'any', to: 'same', who: WRITERS },
  /** Setting or lifting a story's embargo (every language version). */
  embargo: { from: 'any', to: 'same', who: EDITORS, system: [] },
  /** Everyone in the newsroom sees the whole desk. */
  readDesk: { from: 'any', to: 'same', who: { reporter: 'any', translator: 'any', ...EDITORS } },
  readAudit: { from: 'any', to: 'same', who: { chief_editor: 'any' } },
} as const satisfies Record<string, Rule>;

export type WorkflowAction = keyof typeof WORKFLOW;

export interface Subject {
  /** The version's status; absent for actions on a whole story or on no story. */
  status?: string | undefined;
  /** Who created the story, for rights limited to one's own stories. */
  storyCreatedBy?: number | null | undefined;
}

/** Why the actor may not take the action, as the error `authorize` throws; undefined when it may. */
function refusalOf(action: WorkflowAction, actor: Actor, subject: Subject): (() => AppError) | undefined {
  const rule: Rule = WORKFLOW[action];
  if (isSystemActor(actor)) {
    const from = rule.system;
    if (from === undefined) return () => new AppError('forbidden', `The job runner may not ${action} stories`, { details: { action } });
    if (subject.status !== undefined && !(from as readonly string[]).includes(subject.status)) return () => notAllowed(action, subject.status!, from);
    return undefined;
  }
  const scope = rule.who[actor.role];
  if (scope === undefined || (scope === 'own' && subject.storyCreatedBy !== actor.userId)) {
    const whose = scope === 'own' ? ' on a story of someone else' : '';
    return () => new AppError('forbidden', `A ${actor.role.replace('_', ' ')} may not ${action}${whose}`, { details: { action, role: actor.role } });
  }
  if (rule.from !== 'any' && subject.status !== undefined && !(rule.from as readonly string[]).includes(subject.status)) {
    const from = rule.from;
    return () => notAllowed(action, subject.status!, from);
  }
  return undefined;
}

/** Throws `forbidden` (403) when the actor may not take the action, `transition_not_allowed` (409) when the status forbids it. */
export function authorize(action: WorkflowAction, actor: Actor, subject: Subject = {}): void {
  const refusal = refusalOf(action, actor, subject);
  if (refusal) throw refusal();
}

function notAllowed(action: string, status: string, from: readonly string[]): AppError {
  return new AppError('transition_not_allowed', `Cannot ${action} a version that is ${status}`, { details: { action, status, allowedFrom: [...from] } });
}

/**
 * Whether the actor could take the action now (for showing or hiding buttons). No error is made
 * for a refusal: the desk asks this for every button of every version on its page.
 */
export function canTake(action: WorkflowAction, actor: Actor, subject: Subject = {}): boolean {
  return refusalOf(action, actor, subject) === undefined;
}
