// The menu with the government service platform unreachable, in Chromium against the real bridge
// talking to the real standalone platform server (`npm run platform`) over HTTP, which is then
// stopped: the journeys that need live data (records, certificates, progress, appointments, queue
// numbers) turn grey with the reason, 申请办理 stays open and its receipt says the application waits
// on the kiosk; once the server is back the menu offers everything again. A receipt printer out of
// paper greys the queue number (a printed ticket) and nothing else.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import {
  action,
  advanceTo,
  certificateService,
  placeCard,
  removeCard,
  resetKiosk,
  screen,
  step,
  waitForScreen,
} from '../support/kiosk-ui.ts';
import { waitFor } from '../support/wait.ts';
import { flexibleEmployment, signName, typeDigits, verifyByStaff } from '../support/apply-steps.ts';
import { startPlatformServer, type RunningPlatformServer } from '../integration/platform-server.support.ts';

let server: RunningPlatformServer;
let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;

beforeAll(async () => {
  server = await startPlatformServer();
  [bridge, browser] = await Promise.all([
    startBridge({
      config: {
        session: { idleTimeoutSeconds: 600, countdownSeconds: 30 },
        devices: { 'id-reader': { driver: 'simulated', readMs: 200 } },
        platform: { driver: 'http', baseUrl: server.url, timeoutMs: 1_000, readRetries: 0 },
      },
    }),
    testBrowser(),
  ]);
  // the bridge caches the catalogue at start, so guides and applications outlive the line
  await waitFor('the catalogue in the bridge cache', async () =>
    (await bridgeRequest(bridge.url, 'GET', apiPaths.catalogueItem(flexibleEmployment))).status === 200 ? { value: true } : {},
  );
  kiosk = await openKioskPage(browser, bridge.url, 'landscape');
});

afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await bridge?.stop();
  await server?.stop();
});

/** data-service → data-reason of every greyed tile ('' for a tile that works) */
async function menuReasons(): Promise<Record<string, string>> {
  return kiosk.page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('[data-screen="menu"] [data-action="service"]')).map((tile) => [
        tile.dataset.service ?? '?',
        tile.dataset.available === 'true' ? '' : (tile.querySelector<HTMLElement>('[data-reason]')?.dataset.reason ?? '?'),
      ]),
    ),
  );
}

async function toMenu(): Promise<void> {
  const { page } = kiosk;
  await waitForScreen(page, 'attract');
  await placeCard(bridge.url, 'zhang-wei');
  await advanceTo(page, 'menu', [action(page, 'continue')]);
  await removeCard(bridge.url);
}

const platformJourneys = ['records', 'progress', 'appointment', 'queue'] as const;

describe('the menu follows the platform', () => {
  it('the platform goes away: live journeys grey out with the reason, apply stays and its receipt says it waits', async () => {
    const { page } = kiosk;
    await step(page, 'everything is offered while the platform answers', async () => {
      await resetKiosk(bridge.url);
      await toMenu();
      await expect.poll(menuReasons).toMatchObject({ records: '', apply: '', queue: '', 'social-insurance-contribution': '' });
    });

    await step(page, 'the line drops; the first citizen to try learns it on the journey screen', async () => {
      await server.stop();
      await action(page, 'service', '[data-service="records"]').first().click();
      const failure = page.locator('[data-screen="records"] [data-code="platform-unavailable"]').first();
      await failure.waitFor({ state: 'visible', timeout: 15_000 });
      await action(page, 'close-journey').first().click();
      await waitForScreen(page, 'menu');
    });

    await step(page, 'back on the menu: greyed with the reason and a word on what still works', async () => {
      await expect.poll(menuReasons, { timeout: 10_000 }).toMatchObject({
        records: 'platform',
        progress: 'platform',
        appointment: 'platform',
        queue: 'platform',
        'social-insurance-contribution': 'platform',
        apply: '',
      });
      const notice = page.locator('[data-testid="platform-unavailable"]').first();
      expect(await notice.innerText()).toContain('申请办理仍然可以提交');
      // a greyed tile does nothing when touched
      await action(page, 'service', '[data-service="queue"]').first().click({ force: true });
      await page.waitForTimeout(300);
      expect(await screen(page, 'menu').first().isVisible()).toBe(true);
    });

    await step(page, 'apply goes in anyway: the receipt carries the kiosk number and says it will be sent', async () => {
      await action(page, 'service', '[data-service="apply"]').first().click();
      await action(page, 'choose-item', `[data-code="${flexibleEmployment}"]`).first().click();
      await page.locator('[data-testid="apply-guide"]').first().waitFor({ state: 'visible', timeout: 10_000 });
      await action(page, 'next').first().click();
      await typeDigits(page, '13812345678');
      await action(page, 'next').first().click();
      await typeDigits(page, '202601');
      await action(page, 'next').first().click();
      await page.locator('[data-testid="apply-review"]').first().waitFor({ state: 'visible' });
      await action(page, 'next').first().click();
      await verifyByStaff(page);
      await signName(page);
      await action(page, 'next').first().click();
      await action(page, 'consent').first().click();
      await action(page, 'submit-application').first().click();
      const caseNumber = page.locator('[data-testid="case-number"]').first();
      await caseNumber.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await caseNumber.getAttribute('data-kind')).toBe('local');
      expect(await page.locator('[data-screen="apply"]').first().innerText()).toContain('恢复后会自动发送');
      await action(page, 'done').first().click();
      await waitForScreen(page, 'rating');
      await action(page, 'skip-rating').first().click();
      await advanceTo(page, 'attract', [action(page, 'done')]);
    });
  });

  it('the platform comes back: the next citizen finds everything offered again', async () => {
    const { page } = kiosk;
    server = await startPlatformServer({ port: server.port });
    await toMenu();
    await expect
      .poll(menuReasons, { timeout: 15_000 })
      .toMatchObject({ records: '', progress: '', appointment: '', queue: '', 'social-insurance-contribution': '' });
    expect(await page.locator('[data-testid="platform-unavailable"]').count()).toBe(0);
    await action(page, 'service', certificateService).first().click();
    await page.locator('[data-action="print"]').first().waitFor({ timeout: 15_000 });
    await action(page, 'exit').first().click();
    await advanceTo(page, 'attract', [action(page, 'done')]);
  });

  it('a receipt printer out of paper greys only the queue number', async () => {
    const { page } = kiosk;
    await expectStatus(
      bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('receipt-printer'), { state: 'paper-out' }),
      204,
      'paper out',
    );
    try {
      await toMenu();
      await expect
        .poll(menuReasons, { timeout: 10_000 })
        .toMatchObject({ queue: 'receipt-printer', records: '', apply: '', appointment: '' });
      for (const journey of platformJourneys.filter((name) => name !== 'queue')) {
        expect((await menuReasons())[journey], journey).toBe('');
      }
      await action(page, 'exit').first().click();
      await advanceTo(page, 'attract', [action(page, 'done')]);
    } finally {
      await expectStatus(
        bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('receipt-printer'), { state: 'ready' }),
        204,
        'paper back',
      );
    }
  });
});
