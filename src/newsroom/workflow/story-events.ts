// "Story X changed" as an in-process event, fired only after the transaction that changed it has
// committed. The page cache, the search index and the wire subscribe; a listener that throws is
// reported and never undoes or blocks the change, which is already stored.

export interface StoryChanged {
  storyId: number;
  /** The language versions whose public face may have changed. */
  languages: string[];
  /** The workflow action that caused it (publish, correct, embargo_end, ...). */
  action: string;
}

export type StoryChangedListener = (event: StoryChanged) => void;

export interface StoryEvents {
  /** Subscribes; returns the function that unsubscribes. */
  onStoryChanged(listener: StoryChangedListener): () => void;
  emitStoryChanged(event: StoryChanged): void;
}

export function createStoryEvents(onListenerError: (error: unknown, event: StoryChanged) => void = () => {}): StoryEvents {
  const listeners = new Set<StoryChangedListener>();
  return {
    onStoryChanged(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emitStoryChanged(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error, event);
        }
      }
    },
  };
}
