// The dev panel shows what the simulated receipt printer printed (npm start: the real ESC/POS
// driver talking to the byte-level simulator): a tester takes a queue number and sees the ticket
// as the paper would look, without a thermal printer on the desk.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { openSessionFor, step } from '../support/kiosk-ui.ts';

let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;

beforeAll(async () => {
  [bridge, browser] = await Promise.all([
    startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 0 } } } }),
    testBrowser(),
  ]);
});
afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await bridge?.stop();
});

describe('dev panel: receipt printer output', () => {
  it('shows the queue ticket just printed, drawn as the slip', async () => {
    kiosk = await openKioskPage(browser, bridge.url, 'landscape');
    const { page } = kiosk;
    await openSessionFor(bridge.url, 'zhang-wei');
    const response = await expectStatus(
      bridgeRequest(bridge.url, 'POST', apiPaths.queue, { category: 'real-estate' }),
      201,
      'take a queue number',
    );
    const ticket = response.json() as { hallName: string; printed: boolean };
    expect(ticket.printed).toBe(true);

    const receipts = page.locator('[data-testid="dev-panel-receipts"]').first();
    await step(page, 'open the panel: the newest slip is the ticket', async () => {
      await page.locator('[data-testid="dev-panel-toggle"]').first().click();
      const newest = receipts.locator('[data-receipt="0"] svg').first();
      await newest.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await newest.textContent()).toContain(ticket.hallName);
      expect(await newest.textContent()).toContain('不动产登记');
      // the slip is a picture 576 dots wide scaled into the panel, not an empty box
      expect((await newest.boundingBox())!.height).toBeGreaterThan(100);
    });

    await step(page, 'a second ticket shows after refresh, newest first', async () => {
      await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.queue, { category: 'tax' }), 201, 'a second number');
      await receipts.locator('[data-action="sim-receipts-refresh"]').first().click();
      await expect.poll(() => receipts.locator('[data-receipt="0"] svg').first().textContent(), { timeout: 10_000 }).toContain('税');
      expect(await receipts.locator('[data-receipt]').count()).toBe(2);
    });
  }, 60_000);
});
