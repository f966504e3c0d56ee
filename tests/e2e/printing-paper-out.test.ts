// Paper running out in the middle of a certificate, as the citizen meets it in Debian Chromium with
// the real UI and bridge and the simulated A4 printer (a page every few seconds): the progress
// screen, then the plain paper-out screen with no reprint while there is no paper, then — paper
// back — one reprint of the same certificate and the "take your document" screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, printJobViewSchema, type PrintJobView } from '@tongban/device-bridge/api';
import type { RunningBridge } from '../support/bridge-process.ts';
import type { KioskPage } from '../support/browser.ts';
import { startJourneyKiosk, type JourneyKiosk } from '../support/journey-kiosk.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { action, advanceTo, certificateService, placeCard, step, waitForScreen } from '../support/kiosk-ui.ts';

let journey: JourneyKiosk;
let bridge: RunningBridge;
let kiosk: KioskPage;
let page: Page;

beforeAll(async () => {
  journey = await startJourneyKiosk({
    devices: {
      // slow pages, so paper can run out while the first one is still in the printer
      'a4-printer': { driver: 'simulated', pageMs: 4_000 },
    },
  });
  ({ bridge, kiosk } = journey);
  page = kiosk.page;
});

afterAll(async () => {
  await journey?.close();
});

const setA4 = (state: 'ready' | 'paper-out') =>
  expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), { state }), 204, `a4-printer ${state}`);

describe('paper out in the middle of a certificate', () => {
  it('says plainly the paper ran out, offers no reprint until paper is back, then prints the same certificate once', async () => {
    let first: PrintJobView | undefined;
    await step(page, 'card, menu, preview, print one copy', async () => {
      await waitForScreen(page, 'attract');
      await placeCard(bridge.url, 'zhang-wei');
      await advanceTo(page, 'menu', [], 20_000);
      await action(page, 'service', certificateService).first().click();
      await waitForScreen(page, 'certificate-preview');
      await action(page, 'print').first().click();
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.printJobs) && candidate.request().method() === 'POST', {
          timeout: 15_000,
        }),
        action(page, 'copies', '[data-copies="1"]').first().click(),
      ]);
      expect(response.status()).toBe(202);
      first = printJobViewSchema.parse(await response.json());
    });

    await step(page, 'progress without a page count the printer has not given yet', async () => {
      const printing = await waitForScreen(page, 'printing');
      const status = printing.locator('[data-testid="print-status"]').first();
      await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/正在打印（共 \d+ 页）/);
    });

    await step(page, 'paper runs out: the plain paper-out screen, and no reprint while there is no paper', async () => {
      await setA4('paper-out');
      const error = await waitForScreen(page, 'error');
      const message = error.locator('[data-code]').first();
      expect(await message.getAttribute('data-code')).toBe('print-paper-out');
      expect(await message.innerText()).toContain('打印机没纸了');
      // the printer's state reaches the screen as an event; give it time, then check nothing is offered
      await page.waitForTimeout(1_000);
      expect(await action(page, 'reprint').count()).toBe(0);
      expect(await action(page, 'done').first().isVisible()).toBe(true);
    });

    await step(page, 'paper back: one reprint of the same certificate, then take the document', async () => {
      await setA4('ready');
      const reprint = action(page, 'reprint').first();
      await reprint.waitFor({ state: 'visible', timeout: 10_000 });
      const [response] = await Promise.all([
        page.waitForResponse(
          (candidate) => candidate.url().endsWith(apiPaths.printJobReprint(first!.id)) && candidate.request().method() === 'POST',
          {
            timeout: 15_000,
          },
        ),
        reprint.click(),
      ]);
      expect(response.status()).toBe(202);
      const again = printJobViewSchema.parse(await response.json());
      expect(again).toMatchObject({ reprintOf: first!.id, certificateNumber: first!.certificateNumber });
      await waitForScreen(page, 'printing');
      await waitForScreen(page, 'take-document', 60_000);
      const final = printJobViewSchema.parse((await bridgeRequest(bridge.url, 'GET', apiPaths.printJob(again.id))).json());
      expect(final.state).toBe('completed');
    });
  }, 150_000);
});
