// A small modal form with labelled fields, for what a button needs before it acts (a link's
// address, an image's labels, a schedule time). Resolves with the values, or undefined on cancel.

import { h, labelled } from './dom.ts';
import { t } from './i18n.ts';

export interface AskField {
  name: string;
  label: string;
  type?: string;
  value?: string;
  required?: boolean;
  /** For times: 1 lets a time be given to the second. */
  step?: number;
}

export function askFields(title: string, fields: AskField[], submitLabel: string): Promise<Record<string, string> | undefined> {
  return new Promise((resolve) => {
    const controls = fields.map((field) => ({ field, input: labelled(field.label, h('input', { type: field.type ?? 'text', value: field.value ?? '', required: field.required === true, name: field.name, step: field.step })) }));
    const dialog = h('dialog', { 'aria-label': title });
    let accepted = false;
    const form = h('form', {}, h('h2', {}, title), ...controls.map((c) => c.input.row),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, submitLabel), h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t().cancel)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      accepted = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(accepted ? Object.fromEntries(controls.map((c) => [c.field.name, c.input.control.value.trim()])) : undefined);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
  });
}
