// The dev panel's SAM controls under npm start (simulated reader = real SAM driver + simulator):
// a 2023 foreign permanent residence card opens a session in Chromium; a SAM fault shows in health.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest } from '../support/http.ts';
import { step, waitForScreen } from '../support/kiosk-ui.ts';
import { waitFor } from '../support/wait.ts';

let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;

beforeAll(async () => {
  [bridge, browser] = await Promise.all([
    startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 200 } } } }),
    testBrowser(),
  ]);
});
afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await bridge?.stop();
});

async function readerState(): Promise<{ state: string; reason?: string }> {
  const body = (await bridgeRequest(bridge.url, 'GET', apiPaths.health)).json() as {
    devices: { id: string; state: string; reason?: string }[];
  };
  return body.devices.find((device) => device.id === 'id-reader')!;
}

describe('dev panel SAM controls', () => {
  it('a 2023 foreign permanent residence card from the dev panel opens a session; a SAM fault shows and clears', async () => {
    kiosk = await openKioskPage(browser, bridge.url, 'landscape');
    const { page } = kiosk;
    await step(page, 'attract', () => waitForScreen(page, 'attract'));
    const toggle = page.locator('[data-testid="dev-panel-toggle"]').first();
    await step(page, 'place the card from the panel', async () => {
      await toggle.click();
      await page.locator('[data-sim-card-type="foreign-permanent-2023"]').first().click();
      await page.locator('[data-testid="dev-panel-result"]').filter({ hasText: 'ok' }).waitFor({ timeout: 5_000 });
      await toggle.click();
      await page.locator('[data-testid="greeting"]').first().waitFor({ state: 'visible', timeout: 15_000 });
    });
    await step(page, 'SAM self-test failure from the panel shows as a fault', async () => {
      await bridgeRequest(bridge.url, 'DELETE', apiPaths.session);
      await toggle.click();
      await page.locator('[data-sim="sam-fault"]').first().selectOption('self-test-failure');
      await waitFor(
        'fault',
        async () => {
          const status = await readerState();
          return { value: status.state === 'fault' ? status : undefined, note: JSON.stringify(status) };
        },
        10_000,
      );
      expect((await readerState()).reason).toBe('sam-self-test-failed');
      await page.locator('[data-sim="sam-fault"]').first().selectOption('none');
      await waitFor('ready', async () => ({ value: (await readerState()).state === 'ready' ? true : undefined }), 10_000);
    });
  });
});
