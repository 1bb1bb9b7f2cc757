// A secret the server gives out once (a one-time password, an API key, a webhook secret): shown in
// a read-only, selectable field with its label, and gone when the screen is left.

import { h, labelled } from '../dom.ts';

export function shownOnce(label: string, secret: string): HTMLElement {
  const field = labelled(label, h('input', { type: 'text', readonly: true, value: secret, class: 'secret', spellcheck: 'false' }));
  return h('div', { class: 'shown-once', role: 'status' }, field.row);
}
