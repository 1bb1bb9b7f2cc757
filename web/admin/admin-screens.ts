// The administration screens' addresses (/newsroom/app/admin/...): which screen an address shows,
// and the first screen a role may open.

import type { Me } from '../api.ts';
import type { Navigate } from '../router.ts';
import { ADMIN_PATH, screensFor } from './admin-page.ts';
import { renderRubrics } from './rubrics-view.ts';
import { renderTags } from './tags-view.ts';
import { renderSettings } from './settings-view.ts';
import { renderUsers } from './users-view.ts';
import { renderSubscribers } from './subscribers-view.ts';
import { renderDeliveries } from './deliveries-view.ts';
import { renderAudit } from './audit-view.ts';

export { ADMIN_PATH, screensFor } from './admin-page.ts';

export function isAdminPath(path: string): boolean {
  return path === ADMIN_PATH || path.startsWith(`${ADMIN_PATH}/`);
}

/** Shows the screen for `path`; a screen the role may not open is answered by the API's 403. */
export async function renderAdmin(root: HTMLElement, navigate: Navigate, path: string, me: Me): Promise<void> {
  const deliveries = new RegExp(`^${ADMIN_PATH}/subscribers/(\\d+)/deliveries$`).exec(path);
  if (deliveries) return renderDeliveries(root, me, Number(deliveries[1]));
  const screen = path.slice(ADMIN_PATH.length + 1) || screensFor(me.user.role)[0] || 'rubrics';
  switch (screen) {
    case 'tags': return renderTags(root, navigate, me);
    case 'settings': return renderSettings(root, me);
    case 'users': return renderUsers(root, me);
    case 'subscribers': return renderSubscribers(root, me);
    case 'audit': return renderAudit(root, navigate, me);
    default: return renderRubrics(root, me);
  }
}
