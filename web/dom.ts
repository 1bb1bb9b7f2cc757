// Building DOM nodes without HTML strings: text is always set as text, so nothing a person typed
// (or another person saved) can become markup in the newsroom.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (name === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

let fieldCounter = 0;

/** A form field with its visible label; returns the wrapper and the control. */
export function labelled<T extends HTMLElement>(label: string, control: T, hint?: Child): { row: HTMLElement; control: T } {
  const id = control.id || `field-${++fieldCounter}`;
  control.id = id;
  const row = h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('div', { class: 'hint' }, hint) : null);
  return { row, control };
}

export function clear(element: Element): void {
  element.replaceChildren();
}
