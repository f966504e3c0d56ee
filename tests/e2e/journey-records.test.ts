// 查询我的记录, 办件进度, 取号 and 预约 for an identified citizen, in Chromium against the real bridge and the
// embedded platform: records show masked identity only; "print this" leads to that certificate's
// preview; applications show their state and timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, type SimFixture } from '@tongban/device-bridge/api';
import type { RunningBridge } from '../support/bridge-process.ts';
import type { KioskPage } from '../support/browser.ts';
import { startJourneyKiosk, type JourneyKiosk } from '../support/journey-kiosk.ts';
import { chooseFreeDay, freeSlot, openFirstItemDays, timesStep } from '../support/appointment-steps.ts';
import { action, advanceTo, maskedIdOf, pageHtml, placeCard, simFixture, step, waitForScreen } from '../support/kiosk-ui.ts';

let bridge: RunningBridge;
let journey: JourneyKiosk;
let kiosk: KioskPage;
let citizen: SimFixture;

beforeAll(async () => {
  journey = await startJourneyKiosk();
  ({ bridge, kiosk } = journey);
  citizen = await simFixture(bridge.url, 'zhang-wei');
});

afterAll(async () => {
  await journey?.close();
});

describe('records and progress, identified', () => {
  it('menu → records → income tax on screen (masked) → print this → its preview → menu', async () => {
    const { page } = kiosk;
    await step(page, 'card placed, menu', async () => {
      await waitForScreen(page, 'attract');
      await placeCard(bridge.url, citizen.id);
      await advanceTo(page, 'menu');
    });

    const records = await step(page, 'the records list names each type', async () => {
      await action(page, 'service', '[data-service="records"]').first().click();
      const screen = await waitForScreen(page, 'records');
      await action(screen, 'open-record').first().waitFor({ state: 'visible', timeout: 15_000 });
      return screen;
    });

    await step(page, 'the tax record shows the masked ID and its table, never the full ID', async () => {
      await action(records, 'open-record', '[data-record="individual-income-tax"]').first().click();
      const view = page.locator('[data-testid="record-view"]').first();
      await view.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await page.locator('[data-testid="record-id-number"]').first().innerText()).toBe(maskedIdOf(citizen.card.idNumber));
      expect(await view.locator('table tbody tr').count()).toBeGreaterThan(0);
      const html = await pageHtml(page);
      expect(html).not.toContain(citizen.card.idNumber);
      expect(html).not.toContain(citizen.card.name);
    });

    await step(page, '"print this" opens that certificate\'s preview', async () => {
      await action(page, 'print-record').first().click();
      const preview = await waitForScreen(page, 'certificate-preview');
      await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toContain('个人所得税');
      await action(page, 'back').first().click();
      await waitForScreen(page, 'menu');
    });
  });

  it('menu → progress → one application with its timeline → back → menu', async () => {
    const { page } = kiosk;
    await action(page, 'service', '[data-service="progress"]').first().click();
    const progress = await waitForScreen(page, 'progress');
    const firstCase = action(progress, 'open-case').first();
    await firstCase.waitFor({ state: 'visible', timeout: 15_000 });
    const caseNumber = await firstCase.getAttribute('data-case');
    await firstCase.click();
    const detail = page.locator('[data-testid="application-case"]').first();
    await detail.waitFor({ state: 'visible' });
    expect(await detail.getAttribute('data-case')).toBe(caseNumber);
    expect(await detail.locator('.timeline li').count()).toBeGreaterThan(0);
    await action(page, 'back').first().click();
    await action(page, 'close-journey').first().click();
    await waitForScreen(page, 'menu');
  });

  it('menu → take a queue number → the number and people ahead → a second one for the same kind is refused', async () => {
    const { page } = kiosk;
    await action(page, 'service', '[data-service="queue"]').first().click();
    const queue = await waitForScreen(page, 'queue');
    const socialInsurance = action(queue, 'take-number', '[data-category="social-insurance"]').first();
    await socialInsurance.waitFor({ state: 'visible', timeout: 15_000 });
    await socialInsurance.click();
    const number = page.locator('[data-testid="queue-number"]').first();
    await number.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await number.innerText()).toMatch(/^[A-Z]\d{3}$/);
    expect(await page.locator('[data-testid="queue-windows"]').first().innerText()).toMatch(/号窗口/);
    await action(page, 'done').first().click();
    await waitForScreen(page, 'menu');
    await action(page, 'service', '[data-service="queue"]').first().click();
    await action(page, 'take-number', '[data-category="social-insurance"]').first().click();
    await page.locator('[data-code="queue-ticket-exists"]').first().waitFor({ state: 'visible', timeout: 15_000 });
    await action(page, 'back').first().click();
    await action(page, 'close-journey').first().click();
    await waitForScreen(page, 'menu');
  });

  it('menu → book an appointment: an item done by appointment, a day, a free time on it, booked', async () => {
    const { page } = kiosk;
    await action(page, 'service', '[data-service="appointment"]').first().click();
    await waitForScreen(page, 'appointment');
    await openFirstItemDays(page);
    await chooseFreeDay(page);
    const free = page.locator(`${timesStep} ${freeSlot}`).first();
    await free.waitFor({ state: 'visible', timeout: 15_000 });
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.appointments) && candidate.request().method() === 'POST', {
        timeout: 15_000,
      }),
      free.click(),
    ]);
    expect(response.status()).toBe(201);
    await page.locator('[data-testid="appointment-booked"]').first().waitFor({ state: 'visible' });
    await action(page, 'done').first().click();
    await waitForScreen(page, 'menu');
    await action(page, 'exit').first().click();
    await advanceTo(page, 'attract', [action(page, 'done')]);
  });
});
