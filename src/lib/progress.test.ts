import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from './progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream };
}

test('without a terminal, one line per tenth and one at the end', () => {
  const { writes, stream } = fakeStream(false);
  const progress = createProgress('stories', 1000, true, stream);
  for (let done = 100; done <= 1000; done += 50) progress.tick(done);
  progress.finish();
  assert.equal(writes.length, 10);
  assert.match(writes.at(-1)!, /^stories \[#{30}\] 100% 1,000\/1,000 [\d,]+\/s ETA 0s\n$/);
  assert.match(writes[0]!, /^stories \[#{3}\.{27}\]  10% 100\/1,000/);
});

test('on a terminal, one redrawn line ending with a newline', () => {
  const { writes, stream } = fakeStream(true);
  const progress = createProgress('stories', 10, true, stream);
  progress.tick(5);
  progress.finish();
  assert.ok(writes.every((text) => text.startsWith('\r')));
  assert.ok(writes.at(-1)!.endsWith('\n'));
});

test('switched off, it prints nothing', () => {
  const { writes, stream } = fakeStream(false);
  const progress = createProgress('stories', 10, false, stream);
  progress.tick(5);
  progress.finish();
  assert.deepEqual(writes, []);
});
