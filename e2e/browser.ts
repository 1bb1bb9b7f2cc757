// Chromium for the browser tests: Debian's package driven by playwright-core, launched headless
// with the flags this closed network needs. `npm test` installs Chromium where it can and sets
// CHROMIUM_PATH; without it the browser tests fail, never skip.

import { chromium, type Browser } from 'playwright-core';

/** What Chromium needs as root on this closed network (also used by the Lighthouse script). */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: [...CHROMIUM_FLAGS] });
}
