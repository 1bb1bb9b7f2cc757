// What every workflow command needs: the content context (database, languages, clock) and the
// event bus that hears about changes once they are committed.

import type { ContentContext } from '../../content/index.ts';
import type { StoryEvents } from './story-events.ts';

export interface WorkflowContext extends ContentContext {
  events: StoryEvents;
}
