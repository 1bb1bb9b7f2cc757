// One place on the screen for what just happened: a notice, or an error with the server's message.

import { ApiError } from './api.ts';
import { h } from './dom.ts';
import { t } from './i18n.ts';

function region(): HTMLElement {
  let element = document.getElementById('notice');
  if (!element) {
    element = h('div', { id: 'notice', role: 'status', 'aria-live': 'polite' });
    document.body.prepend(element);
  }
  return element;
}

export function showNotice(text: string): void {
  region().replaceChildren(h('p', { class: 'notice' }, text));
}

export function showError(error: unknown): void {
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? ` (${error.code})` : '';
  region().replaceChildren(h('p', { class: 'error', role: 'alert' }, `${t().error}: ${message}${code}`));
}

export function clearNotice(): void {
  region().replaceChildren();
}
