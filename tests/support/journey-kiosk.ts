import type { Browser } from 'playwright-core';
import { startBridge, type RunningBridge } from './bridge-process.ts';
import { openKioskPage, type KioskPage } from './browser.ts';
import { testBrowser } from './test-browser.ts';

/** A bridge, Chromium and the landscape kiosk page on it, for walking one journey end to end. */
export interface JourneyKiosk {
  bridge: RunningBridge;
  browser: Browser;
  kiosk: KioskPage;
  close(): Promise<void>;
}

/**
 * The set-up the journey e2e files share: the session's idle timeout is long (600 s) so a slow
 * machine never ends a walk half way, and the simulated card reads in 200 ms. `devices` changes or
 * adds simulated devices' settings (e.g. how long the A4 printer takes per page).
 */
export async function startJourneyKiosk(options: { devices?: Record<string, object> } = {}): Promise<JourneyKiosk> {
  const devices = { 'id-reader': { driver: 'simulated', readMs: 200 }, ...options.devices };
  const [bridge, browser] = await Promise.all([
    startBridge({ config: { session: { idleTimeoutSeconds: 600, countdownSeconds: 30 }, devices } }),
    testBrowser(),
  ]);
  const kiosk = await openKioskPage(browser, bridge.url, 'landscape');
  return {
    bridge,
    browser,
    kiosk,
    async close() {
      await kiosk.close();
      await browser.close();
      await bridge.stop();
    },
  };
}
