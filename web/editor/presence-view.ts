// "Who else has this open": while a language version is on the screen the editor renews the
// user's presence on the server at the interval the server names, and shows the others as a
// notice above the form. Leaving the story (another screen, a closed tab) removes the presence.

import { api } from '../api.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';

interface PresentUser { userId: number; name: string; since: string }

function sinceText(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

let stopCurrent: ((next?: string) => void) | undefined;

/** Ends the presence of the story on the screen, if any (another screen is being shown). */
export function stopPresence(): void {
  stopCurrent?.();
}

/** The notice element; it keeps sending heartbeats for as long as it is in the document. */
export function startPresence(base: string): HTMLElement {
  const s = t();
  stopCurrent?.(base);
  const notice = h('div', { class: 'presence-notice', role: 'status', 'aria-live': 'polite', 'aria-label': s.presenceLabel });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hasStarted = false;
  let hasStopped = false;
  const stop = (next?: string) => {
    hasStopped = true;
    if (timer) clearTimeout(timer);
    window.removeEventListener('pagehide', leave);
    if (stopCurrent === stop) stopCurrent = undefined;
    // Reopening the same version keeps the presence; the new loop renews it.
    if (next !== base) void api('DELETE', `${base}/presence`, undefined, { keepalive: true }).catch(() => undefined);
  };
  const leave = () => stop();
  stopCurrent = stop;
  const beat = async () => {
    if (hasStopped) return;
    if (hasStarted && !notice.isConnected) return leave();
    hasStarted = true;
    let seconds = 20;
    try {
      const answer = await api<{ others: PresentUser[]; heartbeatSeconds: number }>('PUT', `${base}/presence`);
      seconds = answer.heartbeatSeconds;
      notice.replaceChildren(...(answer.others.length === 0 ? [] : [h('p', { class: 'notice warning' },
        `${s.alsoOpenBy} `, answer.others.map((user) => `${user.name} (${s.openSince} ${sinceText(user.since)})`).join(', '), '. ', s.alsoOpenHint)]));
    } catch {
      // A missed heartbeat only makes the presence stale; the next one tries again.
    }
    if (!hasStopped) timer = setTimeout(() => void beat(), seconds * 1000);
  };
  window.addEventListener('pagehide', leave);
  queueMicrotask(() => void beat());
  return notice;
}
