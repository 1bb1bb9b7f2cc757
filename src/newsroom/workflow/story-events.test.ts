// The in-process story events: listeners hear each event, can unsubscribe, and one that throws is
// reported without stopping the others.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStoryEvents, type StoryChanged } from './story-events.ts';

test('listeners hear events until they unsubscribe; a throwing listener is reported, the rest still hear', () => {
  const errors: unknown[] = [];
  const events = createStoryEvents((error) => errors.push(error));
  const heard: StoryChanged[] = [];
  events.onStoryChanged(() => {
    throw new Error('cache is down');
  });
  const stop = events.onStoryChanged((event) => heard.push(event));
  const event = { storyId: 1, languages: ['ru'], action: 'publish' };
  events.emitStoryChanged(event);
  assert.deepEqual(heard, [event]);
  assert.equal((errors[0] as Error).message, 'cache is down');
  stop();
  events.emitStoryChanged({ storyId: 2, languages: ['en'], action: 'kill' });
  assert.equal(heard.length, 1);
});
