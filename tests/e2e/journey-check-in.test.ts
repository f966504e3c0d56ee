// 预约签到 in Chromium against the real bridge: with nobody at the kiosk, the scanner reads an
// appointment code (POST /api/sim/scanner/scan); the attract screen shows that appointment (item,
// hall, window, time — nothing about the person), one tap 签到取号 gives the queue number printed on
// the receipt printer; a code for another day says so and offers no check-in.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, queueTicketSchema } from '@tongban/device-bridge/api';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { action, advanceTo, step, waitForScreen } from '../support/kiosk-ui.ts';
import { bookAppointmentForNow } from '../support/today-appointment.ts';
import { auditScreen } from './a11y-audit.ts';

/** axe and the kiosk's own minimums (text size, touch targets) on the view as it is now */
async function expectAccessible(page: KioskPage['page']) {
  const result = await auditScreen(page);
  expect([...result.violations, ...result.smallText, ...result.smallTargets]).toEqual([]);
}

let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;
const holder = fixtureCitizen('zhang-wei').card;

beforeAll(async () => {
  [bridge, browser] = await Promise.all([startBridge(), testBrowser()]);
  bookAppointmentForNow(bridge.dataDir, { id: 'YY-E2E-NOW-1', idNumber: holder.idNumber });
  kiosk = await openKioskPage(browser, bridge.url, 'landscape');
});

afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await bridge?.stop();
});

const scan = (data: string) => expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simScan, { data }), 204, `scan ${data}`);

describe('预约签到 on the attract screen', () => {
  it('scan → the appointment → 签到取号 → the printed queue number → attract', async () => {
    const { page } = kiosk;
    await step(page, 'attract, then an appointment code is scanned', async () => {
      await waitForScreen(page, 'attract');
      await scan('tongban:appointment:YY-E2E-NOW-1');
      await waitForScreen(page, 'appointment');
    });

    await step(page, 'the appointment is shown without the person', async () => {
      const shown = page.locator('[data-testid="check-in-appointment"]').first();
      await shown.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await shown.getAttribute('data-check-in')).toBe('open');
      const text = await shown.innerText();
      expect(text).toContain('居民身份证换领');
      expect(text).toContain('B05');
      const html = await page.content();
      expect(html).not.toContain(holder.idNumber);
      expect(html).not.toContain(holder.name);
      await expectAccessible(page);
    });

    await step(page, 'one tap 签到取号: 201 with a number, shown and printed', async () => {
      const [response] = await Promise.all([
        page.waitForResponse(
          (candidate) => candidate.url().endsWith(apiPaths.appointmentCheckIn('YY-E2E-NOW-1')) && candidate.request().method() === 'POST',
          {
            timeout: 15_000,
          },
        ),
        action(page, 'check-in').first().click(),
      ]);
      expect(response.status()).toBe(201);
      const ticket = queueTicketSchema.parse(await response.json());
      const shown = page.locator('[data-testid="queue-number"]').first();
      await shown.waitFor({ state: 'visible' });
      expect((await shown.innerText()).trim()).toBe(ticket.number);
      expect(ticket.printed).toBe(true);
      await expectAccessible(page);
      await advanceTo(page, 'attract', [action(page, 'done')], 15_000);
    });

    await step(page, 'the same code again: already checked in, no second number', async () => {
      await scan('tongban:appointment:YY-E2E-NOW-1');
      const why = page.locator('[data-testid="check-in-why-not"]').first();
      await why.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await why.getAttribute('data-reason')).toBe('checked-in');
      expect(await action(page, 'check-in').count()).toBe(0);
      await action(page, 'close-journey').first().click();
      await waitForScreen(page, 'attract');
    });
  });

  it('a code for another day says so; an unknown code says it is not found', async () => {
    const { page } = kiosk;
    await waitForScreen(page, 'attract');
    // the demo appointment the platform seeds is on a working day from tomorrow on
    await scan('tongban:appointment:YY000000000001');
    const why = page.locator('[data-testid="check-in-why-not"]').first();
    await why.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await why.getAttribute('data-reason')).toBe('not-today');
    expect(await action(page, 'check-in').count()).toBe(0);
    await expectAccessible(page);
    await action(page, 'close-journey').first().click();
    await waitForScreen(page, 'attract');
    await scan('tongban:appointment:YY-NO-SUCH-CODE');
    await page
      .locator('[data-screen="appointment"] [data-code="appointment-not-found"], [data-screen="appointment"] [role="alert"]')
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.locator('[data-screen="appointment"]').first().innerText()).toContain('没有找到这条预约');
  });
});
