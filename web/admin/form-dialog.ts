// A modal form for one change (rename a tag, add a user): labelled fields, errors shown next to
// them while the dialog stays open, Escape or Cancel to leave. Resolves true once `submit` succeeded.

import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { FormErrors } from './form-errors.ts';

export interface FormDialog {
  title: string;
  submitLabel: string;
  rows: HTMLElement[];
  errors: FormErrors;
  submit(): Promise<void>;
}

export function openFormDialog(spec: FormDialog): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { 'aria-label': spec.title });
    let done = false;
    const form = h('form', { 'aria-label': spec.title }, h('h2', {}, spec.title), ...spec.rows,
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, spec.submitLabel), h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t().cancel)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        try {
          await spec.submit();
          done = true;
          dialog.close();
        } catch (error) {
          spec.errors.show(error);
        }
      })();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(done);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A yes/no question in the page (not the browser's confirm), for final steps like revoking a key. */
export function confirmInPage(question: string, yes: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { 'aria-label': question });
    let accepted = false;
    dialog.append(h('p', {}, question), h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => { accepted = true; dialog.close(); } }, yes),
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t().cancel)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(accepted);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
