import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workerEnvironment } from './worker-environment.ts';

test('workers get a fixed mmap threshold unless the operator chose one', () => {
  assert.deepEqual(workerEnvironment({}), { MALLOC_MMAP_THRESHOLD_: '16384' });
  assert.deepEqual(workerEnvironment({ MALLOC_MMAP_THRESHOLD_: '65536' }), {});
  assert.deepEqual(workerEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=4096' }), {});
  assert.deepEqual(workerEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }), { MALLOC_MMAP_THRESHOLD_: '16384' });
});
