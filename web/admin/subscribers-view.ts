// Wire subscribers (chief editor): the list, a form to add one (its API key, and a generated
// webhook secret, shown once), and per subscriber: edit languages, rubrics and webhook in a dialog,
// a new API key (shown once; the old one stops at once), revoke, and its webhook delivery log.

import { api, type Me } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { ta } from '../i18n.ts';
import { showError, showNotice } from '../notice.ts';
import { adminHeader, ADMIN_PATH, languageName, nameIn, siteLanguages } from './admin-page.ts';
import { FormErrors } from './form-errors.ts';
import { confirmInPage, openFormDialog } from './form-dialog.ts';
import { shownOnce } from './shown-once.ts';

interface Subscriber { id: number; name: string; languages: string[]; rubricIds: number[]; webhookUrl: string | null; hasWebhookSecret: boolean; keyHint: string; revokedAt: string | null }
interface Rubric { id: number; names: Record<string, { name: string }> }
interface Secrets { apiKey?: string; webhookSecret?: string }

function checkboxes(legend: string, options: Array<[string, string]>, checked: readonly string[]): { element: HTMLFieldSetElement; values(): string[]; first: HTMLInputElement | undefined } {
  const boxes = options.map(([value, text]) => {
    const box = h('input', { type: 'checkbox', value, checked: checked.includes(value) });
    return { box, row: h('label', { class: 'checkbox' }, box, ` ${text}`) };
  });
  const element = h('fieldset', { class: 'field' }, h('legend', {}, legend), ...boxes.map((b) => b.row));
  return { element, values: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value), first: boxes[0]?.box };
}

/** The fields a subscriber is created or edited with, registered with `errors`. */
function subscriberFields(languages: string[], rubrics: Rubric[], interfaceLanguage: string, errors: FormErrors, current?: Subscriber) {
  const a = ta();
  const name = labelled(a.name, h('input', { type: 'text', maxlength: 120, required: true, value: current?.name ?? '' }));
  const langs = checkboxes(a.languagesReceived, languages.map((code) => [code, languageName(code)]), current?.languages ?? []);
  const rubricBoxes = checkboxes(a.rubricsReceived, rubrics.map((r) => [String(r.id), nameIn(r.names, interfaceLanguage)]), (current?.rubricIds ?? []).map(String));
  const webhookUrl = labelled(a.webhookUrl, h('input', { type: 'url', value: current?.webhookUrl ?? '', placeholder: 'https://' }));
  const webhookSecret = labelled(a.webhookSecret, h('input', { type: 'text', minlength: 16, maxlength: 200, autocomplete: 'off', spellcheck: 'false' }));
  errors.register('name', name.control);
  if (langs.first) errors.register('languages', langs.first);
  if (rubricBoxes.first) errors.register('rubricIds', rubricBoxes.first);
  errors.register('webhookUrl', webhookUrl.control);
  errors.register('webhookSecret', webhookSecret.control);
  return {
    rows: [name.row, langs.element, rubricBoxes.element, webhookUrl.row, webhookSecret.row],
    read() {
      const url = webhookUrl.control.value.trim();
      const secret = webhookSecret.control.value.trim();
      return {
        name: name.control.value.trim(), languages: langs.values(), rubricIds: rubricBoxes.values().map(Number),
        webhookUrl: url === '' ? null : url, ...(secret ? { webhookSecret: secret } : {}),
      };
    },
  };
}

function secretsPanel(name: string, secrets: Secrets): HTMLElement {
  const a = ta();
  return h('div', {}, secrets.apiKey ? shownOnce(`${a.apiKey} — ${name}`, secrets.apiKey) : null,
    secrets.webhookSecret ? shownOnce(`${a.webhookSecretOnce} — ${name}`, secrets.webhookSecret) : null);
}

export async function renderSubscribers(root: HTMLElement, me: Me, shown?: HTMLElement): Promise<void> {
  const a = ta();
  const [languages, { subscribers }, { rubrics }] = await Promise.all([
    siteLanguages(), api<{ subscribers: Subscriber[] }>('GET', '/api/newsroom/subscribers'), api<{ rubrics: Rubric[] }>('GET', '/api/newsroom/rubrics'),
  ]);
  const again = (panel?: HTMLElement) => renderSubscribers(root, me, panel);

  const edit = async (subscriber: Subscriber) => {
    const errors = new FormErrors();
    const fields = subscriberFields(languages, rubrics, me.user.language, errors, subscriber);
    let secrets: Secrets = {};
    if (await openFormDialog({
      title: `${a.edit}: ${subscriber.name}`, submitLabel: a.saveChanges, rows: fields.rows, errors,
      submit: async () => { secrets = await api<Secrets>('PATCH', `/api/newsroom/subscribers/${subscriber.id}`, fields.read()); },
    })) {
      await again(secretsPanel(subscriber.name, secrets));
      showNotice(a.savedChanges);
    }
  };
  const rotate = async (subscriber: Subscriber) => {
    try {
      const answer = await api<Secrets>('POST', `/api/newsroom/subscribers/${subscriber.id}/rotate-key`);
      await again(secretsPanel(subscriber.name, { apiKey: answer.apiKey }));
      showNotice(`${a.rotateKey}: ${subscriber.name}`);
    } catch (error) { showError(error); }
  };
  const revoke = async (subscriber: Subscriber) => {
    if (!(await confirmInPage(a.confirmRevoke, a.revoke))) return;
    try {
      await api('POST', `/api/newsroom/subscribers/${subscriber.id}/revoke`);
      await again();
      showNotice(`${a.revoked}: ${subscriber.name}`);
    } catch (error) { showError(error); }
  };

  const rubricNames = (ids: number[]) => (ids.length === 0 ? '—' : ids.map((id) => nameIn(rubrics.find((r) => r.id === id)?.names ?? {}, me.user.language) || `#${id}`).join(', '));
  const table = h('table', { class: 'desk admin' },
    h('thead', {}, h('tr', {}, h('th', {}, a.name), h('th', {}, a.languagesReceived), h('th', {}, a.rubrics), h('th', {}, a.webhookUrl), h('th', {}, a.keyHint), h('th', {}, a.state), h('th', {}, ''))),
    h('tbody', {}, ...subscribers.map((subscriber) => h('tr', {},
      h('td', {}, subscriber.name),
      h('td', {}, subscriber.languages.map(languageName).join(', ')),
      h('td', {}, rubricNames(subscriber.rubricIds)),
      h('td', {}, subscriber.webhookUrl ?? '—'),
      h('td', {}, h('code', {}, `${subscriber.keyHint}…`)),
      h('td', {}, subscriber.revokedAt ? a.revoked : a.active),
      h('td', {},
        h('a', { href: `${ADMIN_PATH}/subscribers/${subscriber.id}/deliveries`, class: 'button small', 'aria-label': `${a.deliveries}: ${subscriber.name}` }, a.deliveries),
        subscriber.revokedAt ? null : h('button', { type: 'button', class: 'small', 'aria-label': `${a.edit}: ${subscriber.name}`, onclick: () => void edit(subscriber) }, a.edit),
        subscriber.revokedAt ? null : h('button', { type: 'button', class: 'small secondary', 'aria-label': `${a.rotateKey}: ${subscriber.name}`, onclick: () => void rotate(subscriber) }, a.rotateKey),
        subscriber.revokedAt ? null : h('button', { type: 'button', class: 'small secondary', 'aria-label': `${a.revoke}: ${subscriber.name}`, onclick: () => void revoke(subscriber) }, a.revoke))))));

  const errors = new FormErrors();
  const fields = subscriberFields(languages, rubrics, me.user.language, errors);
  const form = h('form', { class: 'admin-form', 'aria-label': a.addSubscriber, novalidate: true }, h('h2', {}, a.addSubscriber), ...fields.rows, h('button', { type: 'submit' }, a.addSubscriber));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // A key shown before is not shown again.
    shown?.remove();
    void (async () => {
      try {
        const input = fields.read();
        const created = await api<Secrets & { subscriber: Subscriber }>('POST', '/api/newsroom/subscribers', input.webhookUrl === null ? { ...input, webhookUrl: undefined } : input);
        await again(secretsPanel(created.subscriber.name, created));
        showNotice(`${a.created}: ${created.subscriber.name}`);
      } catch (error) { errors.show(error); }
    })();
  });
  root.replaceChildren(...adminHeader(me, 'subscribers', a.subscribers), shown ?? '', table, form);
}
