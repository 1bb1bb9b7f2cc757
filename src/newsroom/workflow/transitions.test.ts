// The transition table walked with every role: who may take each action on their own story and on
// someone else's, what the job runner may do, and that a wrong status is a 409, not a 403.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../lib/errors.ts';
import { ROLES, type Role } from '../roles.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { authorize, WORKFLOW, type WorkflowAction } from './transitions.ts';

const OWNER = 7;
const OTHER = 8;

function outcome(action: WorkflowAction, role: Role, own: boolean): string {
  const rule = WORKFLOW[action];
  const status = rule.from === 'any' ? undefined : rule.from[0];
  try {
    authorize(action, { userId: own ? OWNER : OTHER, role }, { status, storyCreatedBy: OWNER });
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.code;
  }
}

// Per action: [reporter own, reporter other, translator, editor, chief editor].
const EXPECTED: Record<WorkflowAction, [string, string, string, string, string]> = {
  submit: ['ok', 'forbidden', 'ok', 'ok', 'ok'],
  schedule: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  publish: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  correct: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  update: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  kill: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  unpublish: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  republish: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  spike: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  unspike: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  edit: ['ok', 'forbidden', 'ok', 'ok', 'ok'],
  autosave: ['ok', 'forbidden', 'ok', 'ok', 'ok'],
  restore: ['ok', 'forbidden', 'ok', 'ok', 'ok'],
  readText: ['ok', 'forbidden', 'ok', 'ok', 'ok'],
  translate: ['ok', 'forbidden', 'ok', 'ok', 'ok'],
  embargo: ['forbidden', 'forbidden', 'forbidden', 'ok', 'ok'],
  readDesk: ['ok', 'ok', 'ok', 'ok', 'ok'],
  readAudit: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok'],
};

test('every action with every role, on their own story and on another', () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), Object.keys(WORKFLOW).sort(), 'every action of the table is walked');
  assert.deepEqual([...ROLES], ['reporter', 'translator', 'editor', 'chief_editor']);
  for (const action of Object.keys(WORKFLOW) as WorkflowAction[]) {
    const got = [outcome(action, 'reporter', true), outcome(action, 'reporter', false), outcome(action, 'translator', false), outcome(action, 'editor', false), outcome(action, 'chief_editor', false)];
    assert.deepEqual(got, EXPECTED[action], action);
  }
});

test('a wrong status is transition_not_allowed for someone who could otherwise act', () => {
  assert.throws(() => authorize('publish', { userId: 1, role: 'editor' }, { status: 'killed' }), (error: AppError) => error.code === 'transition_not_allowed' && error.details?.status === 'killed');
  assert.throws(() => authorize('publish', { userId: 1, role: 'reporter' }, { status: 'killed', storyCreatedBy: 1 }), (error: AppError) => error.code === 'forbidden', 'rights are checked first');
});

test('the job runner may publish only scheduled versions and end embargoes, nothing else', () => {
  authorize('publish', SYSTEM_ACTOR, { status: 'scheduled' });
  assert.throws(() => authorize('publish', SYSTEM_ACTOR, { status: 'draft' }), (error: AppError) => error.code === 'transition_not_allowed');
  for (const action of ['submit', 'correct', 'kill', 'edit', 'readAudit', 'spike'] as const) {
    assert.throws(() => authorize(action, SYSTEM_ACTOR, { status: 'published' }), (error: AppError) => error.code === 'forbidden', action);
  }
});

test('every transition leads somewhere the statuses know, and starts from real statuses', () => {
  const statuses = ['draft', 'submitted', 'scheduled', 'published', 'corrected', 'killed', 'unpublished', 'spiked'];
  for (const [action, rule] of Object.entries(WORKFLOW)) {
    if (rule.from !== 'any') for (const from of rule.from) assert.ok(statuses.includes(from), `${action} from ${from}`);
    assert.ok(rule.to === 'same' || statuses.includes(rule.to), `${action} to ${rule.to}`);
  }
  assert.ok(!(WORKFLOW.kill.from as readonly string[]).includes('draft'), 'only what was out can be killed');
});
