// Who may do what in the newsroom, as one table: each action names the roles that may take it,
// or a rule that also looks at the subject (a reporter edits only their own stories). Anything
// not in the table is denied. Story transitions (`story.transition.<name>`) are not decided here:
// the workflow's transition table is passed in as `transitionRule`, and without one they are denied.

import type { Role } from '../roles.ts';
import type { Actor } from './actor.ts';

/** What a story-related rule may look at. */
export interface StorySubject {
  /** The user who owns (wrote) the story; null when nobody does. */
  ownerId: number | null;
  /** The language version is a translation, not the story's first language. */
  isTranslation?: boolean;
}

export type Subject = StorySubject | { userId: number } | undefined;

type Rule = readonly Role[] | ((actor: Actor, subject: Subject) => boolean);

const EVERYONE = ['reporter', 'translator', 'editor', 'chief_editor'] as const satisfies readonly Role[];
const EDITORS = ['editor', 'chief_editor'] as const satisfies readonly Role[];
const CHIEF = ['chief_editor'] as const satisfies readonly Role[];

const isEditor = (actor: Actor) => (EDITORS as readonly Role[]).includes(actor.role);
const isOwner = (actor: Actor, subject: Subject) => subject !== undefined && 'ownerId' in subject && subject.ownerId === actor.userId;
const isTranslation = (subject: Subject) => subject !== undefined && 'ownerId' in subject && subject.isTranslation === true;

export const RULES = {
  'newsroom.enter': EVERYONE,
  /** One's own account: profile, language, password, sessions. */
  'account.manage_own': EVERYONE,
  'story.list': EVERYONE,
  'story.read': EVERYONE,
  'story.create': ['reporter', 'editor', 'chief_editor'],
  'story.edit': (actor, subject) =>
    isEditor(actor) || (actor.role === 'reporter' && isOwner(actor, subject)) || (actor.role === 'translator' && isTranslation(subject)),
  'story.translate': (actor, subject) => isEditor(actor) || actor.role === 'translator' || (actor.role === 'reporter' && isOwner(actor, subject)),
  'media.upload': EVERYONE,
  'rubric.manage': EDITORS,
  'tag.manage': EDITORS,
  'user.manage': CHIEF,
  'subscriber.manage': CHIEF,
  'settings.manage': CHIEF,
  'audit.read': CHIEF,
} as const satisfies Record<string, Rule>;

export type StaticAction = keyof typeof RULES;
export type TransitionAction = `story.transition.${string}`;
export type Action = StaticAction | TransitionAction;

/** The workflow's answer for a transition (`submit`, `publish`, ...) on a story. */
export type TransitionRule = (actor: Actor, transition: string, subject: Subject) => boolean;

export interface Policy {
  can(actor: Actor | null | undefined, action: Action, subject?: Subject): boolean;
}

const TRANSITION_PREFIX = 'story.transition.';

export function createPolicy(options: { transitionRule?: TransitionRule } = {}): Policy {
  return {
    can(actor, action, subject) {
      if (!actor) return false;
      if (action.startsWith(TRANSITION_PREFIX)) {
        return options.transitionRule?.(actor, action.slice(TRANSITION_PREFIX.length), subject) === true;
      }
      const rule: Rule | undefined = Object.hasOwn(RULES, action) ? RULES[action as StaticAction] : undefined;
      if (rule === undefined) return false;
      return typeof rule === 'function' ? rule(actor, subject) : rule.includes(actor.role);
    },
  };
}

/** The policy without a workflow: every static rule, and no story transition for anyone. */
export const defaultPolicy = createPolicy();
export const can: Policy['can'] = defaultPolicy.can;
