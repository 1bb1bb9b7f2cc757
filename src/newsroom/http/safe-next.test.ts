// After login the browser goes back where it was asked to log in, but only inside the newsroom:
// `next` can never send it to another site.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from './login-routes.ts';

test('next is kept for newsroom addresses and dropped for anything else', () => {
  assert.equal(safeNext('/newsroom'), '/newsroom');
  assert.equal(safeNext('/newsroom/password'), '/newsroom/password');
  assert.equal(safeNext('/newsroom/desk?status=draft'), '/newsroom/desk?status=draft');
  for (const bad of ['https://evil.example/newsroom', '//evil.example/newsroom', '/newsroom\\@evil.example', '/newsroomx', '/news', '/newsroom/../admin', ' /newsroom', 42, undefined]) {
    assert.equal(safeNext(bad), undefined, String(bad));
  }
});
