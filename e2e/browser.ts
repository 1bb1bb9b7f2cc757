// Chromium for the browser tests: Debian's package driven by playwright-core, launched headless
// with the flags this closed network needs. `npm test` installs Chromium where it can and sets
// CHROMIUM_PATH; without it the browser tests fail, never skip.

import { chromium, type Browser } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
