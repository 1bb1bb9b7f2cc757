// Validation errors next to their fields, in the user's language. The server names each problem's
// field (`details.fields`, or `details.field`); the message shown is the screen's own text for that
// kind of field, so a Russian-speaking editor reads Russian. A problem without a field on the
// screen goes to the notice area.

import { ApiError } from '../api.ts';
import { h } from '../dom.ts';
import { ta } from '../i18n.ts';
import { showError } from '../notice.ts';

/** Error codes that always concern one field, and the field they concern when the server names none. */
const CODE_FIELDS: Record<string, string> = { user_exists: 'login' };

export class FormErrors {
  private readonly controls = new Map<string, HTMLElement>();
  private shown: HTMLElement[] = [];

  /** `field` is the API's name: `timeZone`, `names.en`, `socialLinks.vk`. */
  register(field: string, control: HTMLElement): void {
    this.controls.set(field, control);
  }

  clear(): void {
    for (const element of this.shown) element.remove();
    this.shown = [];
    for (const control of this.controls.values()) {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    }
  }

  private controlFor(field: string): HTMLElement | undefined {
    if (this.controls.has(field)) return this.controls.get(field);
    const base = field.split('.')[0]!;
    return this.controls.get(base) ?? [...this.controls.entries()].find(([name]) => name.startsWith(`${base}.`))?.[1];
  }

  /** Shows `error` next to its fields; anything else in the notice area. */
  show(error: unknown): void {
    this.clear();
    if (!(error instanceof ApiError)) return showError(error);
    const details = error.details as { field?: string; fields?: Record<string, string> };
    const problems: Record<string, string> = details.fields ?? (details.field ? { [details.field]: error.message.replace(/^[^:]+: /, '') } : {});
    if (Object.keys(problems).length === 0 && CODE_FIELDS[error.code]) problems[CODE_FIELDS[error.code]!] = error.message;
    const words = ta().fieldErrors;
    let first: HTMLElement | undefined;
    let unplaced = false;
    for (const [field, problem] of Object.entries(problems)) {
      const control = this.controlFor(field);
      if (!control) {
        unplaced = true;
        continue;
      }
      const text = words[error.code] ?? words[field.split('.')[0]!] ?? `${words.other} ${problem}`;
      const id = `${control.id}-error`;
      const message = h('p', { class: 'field-error', id }, text);
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', id);
      (control.closest('.field') ?? control.parentElement!).append(message);
      this.shown.push(message);
      first ??= control;
    }
    if (!first || unplaced) showError(error);
    first?.focus();
  }
}
