// "Story X changed", fired only after the transaction that changed it has committed. The page
// cache, the search index and the wire subscribe; a listener that throws is reported and never
// undoes or blocks the change, which is already stored. The events ride on the change bus
// (`src/bus`) as `story.changed` messages, so with a relayed bus a change made in one process is
// heard in all of them: `onStoryChanged` hears every process's changes (for what a process holds
// in memory), `onStoryChangedHere` only this process's own (for work that must happen once in the
// whole system, such as enqueueing a subscriber's webhook).

import { createLocalChangeBus, type ChangeBus, type ChangeMessage, type MessageOrigin } from '../../bus/index.ts';

export const STORY_CHANGED_KIND = 'story.changed';

export interface StoryChanged {
  storyId: number;
  /** The language versions whose public face may have changed. */
  languages: string[];
  /** The workflow action that caused it (publish, correct, embargo_end, ...). */
  action: string;
}

export type StoryChangedListener = (event: StoryChanged) => void;

export interface StoryEvents {
  /** The bus the events travel on (other kinds of change use it too). */
  readonly bus: ChangeBus;
  /** Subscribes to changes made by any process; returns the function that unsubscribes. */
  onStoryChanged(listener: StoryChangedListener): () => void;
  /** Subscribes to the changes this process made itself. */
  onStoryChangedHere(listener: StoryChangedListener): () => void;
  emitStoryChanged(event: StoryChanged): void;
}

function storyChangedIn(message: ChangeMessage): StoryChanged | undefined {
  if (message.kind !== STORY_CHANGED_KIND) return undefined;
  const { storyId, languages, action } = message;
  if (typeof storyId !== 'number' || !Array.isArray(languages) || typeof action !== 'string') return undefined;
  return { storyId, languages: languages.filter((language): language is string => typeof language === 'string'), action };
}

export function createStoryEvents(onListenerError: (error: unknown, event: StoryChanged) => void = () => {}, bus: ChangeBus = createLocalChangeBus()): StoryEvents {
  const subscribe = (listener: StoryChangedListener, origins: readonly MessageOrigin[]) =>
    bus.subscribe((message, origin) => {
      const event = origins.includes(origin) ? storyChangedIn(message) : undefined;
      if (!event) return;
      try {
        listener(event);
      } catch (error) {
        onListenerError(error, event);
      }
    });
  return {
    bus,
    onStoryChanged: (listener) => subscribe(listener, ['here', 'elsewhere']),
    onStoryChangedHere: (listener) => subscribe(listener, ['here']),
    emitStoryChanged(event) {
      bus.publish({ kind: STORY_CHANGED_KIND, storyId: event.storyId, languages: [...event.languages], action: event.action });
    },
  };
}
