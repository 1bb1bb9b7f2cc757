// What a workflow action needs from the person before it runs: the time for a schedule, the
// note for a correction, the reason for a kill.

import { askFields } from '../ask-fields.ts';
import { t } from '../i18n.ts';

/** The request body for the action, or undefined when the person cancelled. */
export async function askActionInput(action: string): Promise<Record<string, unknown> | undefined> {
  const s = t();
  const label = s.actions[action] ?? action;
  if (action === 'schedule') {
    const values = await askFields(label, [{ name: 'at', label: s.scheduleAt, type: 'datetime-local', required: true, step: 1 }], label);
    return values && { at: new Date(values.at ?? '').toISOString() };
  }
  if (action === 'correct') {
    const values = await askFields(label, [{ name: 'note', label: s.correctionNote, required: true }], label);
    return values && { note: values.note };
  }
  if (action === 'kill') {
    const values = await askFields(label, [{ name: 'reason', label: s.killReason, required: true }], label);
    return values && { reason: values.reason };
  }
  return {};
}
