// One subscriber's webhook delivery log (chief editor): newest first, with status, attempts, the
// last answer and error; a failed or refused delivery can be sent again (same id, same body).

import { api, type Me } from '../api.ts';
import { h } from '../dom.ts';
import { ta } from '../i18n.ts';
import { showError, showNotice } from '../notice.ts';
import { adminHeader, ADMIN_PATH } from './admin-page.ts';

interface Delivery { id: string; storyId: number; language: string; action: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; createdAt: string }

export async function renderDeliveries(root: HTMLElement, me: Me, subscriberId: number): Promise<void> {
  const a = ta();
  const [{ subscribers }, { deliveries }] = await Promise.all([
    api<{ subscribers: Array<{ id: number; name: string }> }>('GET', '/api/newsroom/subscribers'),
    api<{ deliveries: Delivery[] }>('GET', `/api/newsroom/subscribers/${subscriberId}/deliveries`),
  ]);
  const name = subscribers.find((s) => s.id === subscriberId)?.name ?? `#${subscriberId}`;
  const retry = async (delivery: Delivery) => {
    try {
      await api('POST', `/api/newsroom/subscribers/${subscriberId}/deliveries/${encodeURIComponent(delivery.id)}/retry`);
      await renderDeliveries(root, me, subscriberId);
      showNotice(`${a.retry}: ${delivery.id}`);
    } catch (error) { showError(error); }
  };
  const when = (iso: string) => new Date(iso).toLocaleString(me.user.language === 'ru' ? 'ru-RU' : 'en-GB');
  const table = deliveries.length === 0 ? h('p', {}, a.noDeliveries) : h('table', { class: 'desk admin' },
    h('thead', {}, h('tr', {}, h('th', {}, a.when), h('th', {}, a.event), h('th', {}, a.storyId), h('th', {}, a.deliveryStatus), h('th', {}, a.attempts), h('th', {}, a.lastAnswer), h('th', {}, a.lastError), h('th', {}, ''))),
    h('tbody', {}, ...deliveries.map((delivery) => h('tr', {},
      h('td', {}, when(delivery.createdAt)),
      h('td', {}, delivery.action),
      h('td', {}, `${delivery.storyId} (${delivery.language})`),
      h('td', {}, h('span', { class: `status delivery-${delivery.status}` }, a.deliveryStatuses[delivery.status] ?? delivery.status)),
      h('td', {}, String(delivery.attempts)),
      h('td', {}, delivery.lastStatusCode === null ? '—' : String(delivery.lastStatusCode)),
      h('td', {}, delivery.lastError ?? ''),
      h('td', {}, delivery.status === 'failed' || delivery.status === 'refused'
        ? h('button', { type: 'button', class: 'small', 'aria-label': `${a.retry}: ${delivery.id}`, onclick: () => void retry(delivery) }, a.retry) : null)))));
  root.replaceChildren(...adminHeader(me, 'subscribers', `${a.deliveries}: ${name}`), h('p', {}, h('a', { href: `${ADMIN_PATH}/subscribers` }, `← ${a.subscribers}`)), table);
}
