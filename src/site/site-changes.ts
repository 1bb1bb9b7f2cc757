// Keeps the site's in-memory directory (settings, rubrics, static pages) in step with changes
// made by other processes: a `site.changed` message from elsewhere, or a resync of the bus after
// it may have missed messages, re-reads it at once instead of a minute later.

import { RESYNC_KIND, type ChangeBus } from '../bus/index.ts';
import type { SiteDirectory } from './site-directory.ts';

export const SITE_CHANGED_KIND = 'site.changed';

/** `afterReload` runs once the directory holds the new state (the page cache drops its pages then). */
export function followSiteChanges(bus: ChangeBus, directory: SiteDirectory, afterReload: () => void, onError: (error: unknown) => void): () => void {
  return bus.subscribe((message, origin) => {
    const isRemoteChange = message.kind === SITE_CHANGED_KIND && origin === 'elsewhere';
    if (isRemoteChange || message.kind === RESYNC_KIND) directory.reload().then(afterReload, onError);
  });
}
