// Which workflow buttons the desk and the editor show for a language version: the transitions of
// the workflow's table that this actor may take from the version's status now. The server still
// checks every one when it is taken; this only keeps impossible buttons off the screen.

import { canTake, type Actor, type WorkflowAction } from '../workflow/index.ts';

/** The transitions a person starts from the desk or the editor, in the order buttons appear. */
export const BUTTON_ACTIONS = ['submit', 'schedule', 'publish', 'correct', 'unpublish', 'republish', 'kill', 'spike', 'unspike'] as const satisfies readonly WorkflowAction[];
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export function isButtonAction(value: unknown): value is ButtonAction {
  return typeof value === 'string' && (BUTTON_ACTIONS as readonly string[]).includes(value);
}

export function actionsFor(actor: Actor, status: string, storyCreatedBy: number | null): ButtonAction[] {
  return BUTTON_ACTIONS.filter((action) => canTake(action, actor, { status, storyCreatedBy }));
}

export function canEditText(actor: Actor, status: string, storyCreatedBy: number | null): boolean {
  return canTake('edit', actor, { status, storyCreatedBy });
}

export function canTranslate(actor: Actor, storyCreatedBy: number | null): boolean {
  return canTake('translate', actor, { storyCreatedBy });
}

/** A published version can be followed by an update (a new story linked to it). */
export function canFollowWithUpdate(actor: Actor, status: string, storyCreatedBy: number | null): boolean {
  return canTake('update', actor, { status, storyCreatedBy });
}
