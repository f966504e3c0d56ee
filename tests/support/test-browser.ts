// The Chromium a browser test file drives. In the e2e project this is the one Chromium its global
// set-up launched for the run (tests/setup/chromium-server.ts), reached over Playwright's WebSocket;
// closing the returned Browser closes this file's contexts and disconnects, leaving it running for
// the next file. A file run outside that project (another config) launches a Chromium of its own.
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from './browser.ts';

export function testBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumWsEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchChromium();
}
