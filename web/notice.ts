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

/** The error as one line for the person: the server's message and its code. */
export function errorText(error: unknown): string {
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? ` (${error.code})` : '';
  return `${t().error}: ${message}${code}`;
}

export function showError(error: unknown): void {
  const problems = error instanceof ApiError && error.code === 'not_ready_to_publish' ? publicationProblems(error) : null;
  region().replaceChildren(problems ?? h('p', { class: 'error', role: 'alert' }, errorText(error)));
}

/** A refused publication as a list of what to fix, in the interface's words. */
function publicationProblems(error: ApiError): HTMLElement {
  const s = t();
  const problems = (error.details.problems ?? []) as { field: string; problem: string }[];
  const describe = ({ field, problem }: { field: string; problem: string }) => {
    if (field === 'leadImageId') return s.problemLeadAlt;
    const image = /^body\.image\.(\d+)$/.exec(field);
    if (image) return `${s.problemBodyAlt} (#${image[1]})`;
    if (field === 'headline') return s.problemHeadline;
    if (field === 'lede') return s.problemLede;
    return `${field}: ${problem}`;
  };
  return h('div', { class: 'error', role: 'alert' }, h('p', {}, s.notReadyToPublish), h('ul', {}, ...problems.map((p) => h('li', {}, describe(p)))));
}

export function clearNotice(): void {
  region().replaceChildren();
}
