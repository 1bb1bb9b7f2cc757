// Listens to "story changed" (fired after the commit) and turns each publish, correction, kill,
// unpublish, republish and embargo end into webhook deliveries (`WEBHOOK_ACTIONS`). The listener
// only writes rows; sending is the job runner's, so a slow subscriber never holds up the newsroom's
// command. It hears only this process's own changes: every process hears every change, but each
// delivery must be enqueued once.

import type { Database } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import type { StoryEvents } from '../../newsroom/index.ts';
import { enqueueWebhookDeliveries } from './webhook-deliveries.ts';

export function subscribeWireWebhooks(params: {
  database: Database;
  events: StoryEvents;
  clock: Clock;
  publicUrl: string;
  onError?: (error: unknown) => void;
  /** Told of each enqueueing when it is done (tests wait on it). */
  onEnqueued?: (deliveryIds: string[]) => void;
}): () => void {
  const publicUrl = params.publicUrl.replace(/\/+$/, '');
  return params.events.onStoryChangedHere((event) => {
    enqueueWebhookDeliveries({ database: params.database, publicUrl, storyId: event.storyId, languages: event.languages, action: event.action, now: params.clock() })
      .then((ids) => params.onEnqueued?.(ids))
      .catch((error: unknown) => params.onError?.(error));
  });
}
