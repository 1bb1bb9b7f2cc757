// The policy table: deny by default, each role's reach, owner and translation rules, and story
// transitions delegated to the workflow's rule.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, createPolicy, RULES, type Action, type StaticAction } from './policy.ts';
import type { Actor } from './actor.ts';
import { ROLES, type Role } from '../roles.ts';

const actor = (role: Role, userId = 7): Actor => ({ userId, login: `u${userId}`, name: 'U', role, language: 'en' });

test('anonymous may do nothing, and an action not in the table is denied to everyone', () => {
  for (const action of Object.keys(RULES) as StaticAction[]) assert.equal(can(null, action), false, action);
  for (const role of ROLES) {
    assert.equal(can(actor(role), 'everything' as Action), false);
    assert.equal(can(actor(role), 'toString' as Action), false, 'no inherited property counts as a rule');
  }
});

test('users, subscribers, settings and the audit log are the chief editor\'s; rubrics and tags the editors\'', () => {
  const allowed = (action: StaticAction) => ROLES.filter((role) => can(actor(role), action));
  assert.deepEqual(allowed('user.manage'), ['chief_editor']);
  assert.deepEqual(allowed('subscriber.manage'), ['chief_editor']);
  assert.deepEqual(allowed('settings.manage'), ['chief_editor']);
  assert.deepEqual(allowed('audit.read'), ['chief_editor']);
  assert.deepEqual(allowed('rubric.manage'), ['editor', 'chief_editor']);
  assert.deepEqual(allowed('tag.manage'), ['editor', 'chief_editor']);
  assert.deepEqual(allowed('story.create'), ['reporter', 'editor', 'chief_editor']);
  assert.deepEqual(allowed('newsroom.enter'), [...ROLES]);
});

test('a reporter edits only their own stories, a translator only translations, editors any story', () => {
  const own = { ownerId: 7 };
  const others = { ownerId: 8 };
  assert.equal(can(actor('reporter'), 'story.edit', own), true);
  assert.equal(can(actor('reporter'), 'story.edit', others), false);
  assert.equal(can(actor('reporter'), 'story.edit'), false, 'no subject, no ownership');
  assert.equal(can(actor('translator'), 'story.edit', { ownerId: 8, isTranslation: true }), true);
  assert.equal(can(actor('translator'), 'story.edit', { ownerId: 8 }), false);
  assert.equal(can(actor('translator'), 'story.translate', others), true);
  assert.equal(can(actor('reporter'), 'story.translate', others), false);
  for (const role of ['editor', 'chief_editor'] as const) assert.equal(can(actor(role), 'story.edit', others), true);
});

test('story transitions are denied until the workflow passes its rule in, then the rule decides', () => {
  for (const role of ROLES) assert.equal(can(actor(role), 'story.transition.publish', { ownerId: 7 }), false);
  const seen: unknown[] = [];
  const policy = createPolicy({
    transitionRule: (who, transition, subject) => {
      seen.push([who.role, transition, subject]);
      return transition === 'submit' || who.role === 'editor';
    },
  });
  assert.equal(policy.can(actor('reporter'), 'story.transition.submit', { ownerId: 7 }), true);
  assert.equal(policy.can(actor('reporter'), 'story.transition.publish', { ownerId: 7 }), false);
  assert.equal(policy.can(actor('editor'), 'story.transition.publish', { ownerId: 7 }), true);
  assert.equal(policy.can(null, 'story.transition.submit'), false, 'anonymous never reaches the rule');
  assert.deepEqual(seen[0], ['reporter', 'submit', { ownerId: 7 }]);
  assert.equal(policy.can(actor('reporter'), 'user.manage'), false, 'static rules stay as they are');
});
