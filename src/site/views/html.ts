// Safe HTML for the public templates: the `html` tagged template escapes every interpolated value
// unless it is SafeHtml (made by `html` itself, or by `trusted` for the story renderer's output),
// so a headline can never become markup. It runs on every uncached page view, so it is a plain
// loop of string concatenation: no parsing, no DOM, no per-call allocation beyond the result.

import { escapeHtml } from '../../content/document/index.ts';

/** Markup that is already safe to write into a page as it is. */
export class SafeHtml {
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }

  toString(): string {
    return this.value;
  }
}

/**
 * What a template may interpolate. Booleans, null and undefined write nothing, so
 * `${isUrgent && html`...`}` reads naturally; objects are not allowed, so `[object Object]`
 * can never reach a page.
 */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

export const EMPTY_HTML = new SafeHtml('');

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += toHtml(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Marks a string as safe markup: only for HTML from the story renderer and our own constants. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * An optional attribute with its leading space: ` name="value"` (escaped), ` name` for true,
 * nothing for false, null or undefined. The name is written as it is: templates pass literals.
 */
export function attr(name: string, value: string | number | boolean | null | undefined): SafeHtml {
  if (value === undefined || value === null || value === false) return EMPTY_HTML;
  if (value === true) return new SafeHtml(' ' + name);
  return new SafeHtml(` ${name}="${typeof value === 'string' ? escapeHtml(value) : String(value)}"`);
}

function toHtml(value: HtmlValue): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'number') return String(value);
  if (value === undefined || value === null || typeof value === 'boolean') return '';
  let out = '';
  for (const item of value) out += toHtml(item);
  return out;
}
