// 预约 end to end in Chromium against the real bridge and the embedded platform: book a time, see
// the appointment code on screen and on the printed slip (with its QR code), find it under 我的预约,
// cancel it after the confirmation step (the platform then lists it as cancelled); then a second
// booking's printed QR code, scanned on the attract screen on its day, checks in and gives a number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, type AppointmentBooked, type AppointmentListResponse, type SimFixture } from '@tongban/device-bridge/api';
import type { RunningBridge } from '../support/bridge-process.ts';
import type { KioskPage } from '../support/browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { startJourneyKiosk, type JourneyKiosk } from '../support/journey-kiosk.ts';
import { action, advanceTo, pageHtml, placeCard, simFixture, step, waitForScreen } from '../support/kiosk-ui.ts';
import { moveAppointmentToNow } from '../support/today-appointment.ts';
import { auditScreen } from './a11y-audit.ts';

/** axe and the kiosk's own minimums (text size, touch targets) on the view as it is now */
async function expectAccessible(page: KioskPage['page']) {
  const result = await auditScreen(page);
  expect([...result.violations, ...result.smallText, ...result.smallTargets]).toEqual([]);
}

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

const lastSlip = async () => {
  const { receipts } = (await expectStatus(bridgeRequest(bridge.url, 'GET', apiPaths.simReceipts), 200, 'printed slips')).json() as { receipts: { text: string }[] };
  return receipts.at(-1)?.text ?? '';
};
const myAppointments = async () => ((await expectStatus(bridgeRequest(bridge.url, 'GET', apiPaths.appointments), 200, 'my appointments')).json() as AppointmentListResponse).appointments;

/** from the appointment journey's first screen: the first item, its first free time, booked */
async function bookFirstFreeSlot(page: KioskPage['page']): Promise<AppointmentBooked> {
  const item = action(page, 'choose-item').first();
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  await item.click();
  const free = page.locator('[data-action="book-slot"]:not([aria-disabled="true"])').first();
  await free.waitFor({ state: 'visible', timeout: 15_000 });
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.appointments) && candidate.request().method() === 'POST', { timeout: 15_000 }),
    free.click(),
  ]);
  expect(response.status()).toBe(201);
  const booked = (await response.json()) as AppointmentBooked;
  await page.locator('[data-testid="appointment-booked"]').first().waitFor({ state: 'visible' });
  return booked;
}

describe('预约: book, see the code, list, cancel, check in with the printed code', () => {
  let second: AppointmentBooked;

  it('book → the code on screen and on the slip → 我的预约 → cancel (confirmed) → listed as cancelled', async () => {
    const { page } = kiosk;
    await step(page, 'card placed, menu, appointment', async () => {
      await waitForScreen(page, 'attract');
      await placeCard(bridge.url, citizen.id);
      await advanceTo(page, 'menu');
      await action(page, 'service', '[data-service="appointment"]').first().click();
      await waitForScreen(page, 'appointment');
    });

    const booked = await step(page, 'booked: the code is shown and printed with its QR code', async () => {
      const booked = await bookFirstFreeSlot(page);
      expect(await page.locator('[data-testid="appointment-code"]').first().innerText()).toBe(booked.id);
      expect(booked.printed).toBe(true);
      await expectAccessible(page);
      expect(await page.locator('[data-printed]').first().getAttribute('data-printed')).toBe('true');
      const slip = await lastSlip();
      expect(slip).toContain(`[QR tongban:appointment:${booked.id}]`);
      expect(slip).toContain('预 约 凭 证'); // double size: one column apart
      expect(slip).not.toContain(citizen.card.name);
      expect(slip).not.toContain(citizen.card.idNumber);
      return booked;
    });

    await step(page, '我的预约 lists it as booked, with its code', async () => {
      await action(page, 'my-appointments').first().click();
      const entry = page.locator(`[data-testid="my-appointment"][data-appointment="${booked.id}"]`).first();
      await entry.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await entry.getAttribute('data-state')).toBe('booked');
      expect(await entry.innerText()).toContain(booked.id);
      await expectAccessible(page);
    });

    await step(page, 'cancel asks first; "keep it" keeps it', async () => {
      await action(page, 'cancel-appointment', `[data-appointment="${booked.id}"]`).first().click();
      const toCancel = page.locator('[data-testid="appointment-to-cancel"]').first();
      await toCancel.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await toCancel.getAttribute('data-appointment')).toBe(booked.id);
      await expectAccessible(page);
      await action(page, 'back').first().click();
      await page.locator(`[data-testid="my-appointment"][data-appointment="${booked.id}"][data-state="booked"]`).first().waitFor({ state: 'visible' });
      expect((await myAppointments()).find((entry) => entry.id === booked.id)?.state).toBe('booked');
    });

    await step(page, 'cancel, confirmed: the list says so and the platform has it cancelled', async () => {
      await action(page, 'cancel-appointment', `[data-appointment="${booked.id}"]`).first().click();
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.appointment(booked.id)) && candidate.request().method() === 'DELETE', { timeout: 15_000 }),
        action(page, 'confirm-cancel').first().click(),
      ]);
      expect(response.status()).toBe(204);
      await page.locator(`[data-testid="appointment-cancelled"][data-appointment="${booked.id}"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.locator(`[data-testid="my-appointment"][data-appointment="${booked.id}"][data-state="cancelled"]`).first().waitFor({ state: 'visible' });
      expect(await action(page, 'cancel-appointment', `[data-appointment="${booked.id}"]`).count()).toBe(0);
      expect((await myAppointments()).find((entry) => entry.id === booked.id)?.state).toBe('cancelled');
    });

    second = await step(page, 'a second booking, then exit', async () => {
      await action(page, 'back').first().click();
      const again = await bookFirstFreeSlot(page);
      expect(again.id).not.toBe(booked.id);
      await action(page, 'done').first().click();
      await waitForScreen(page, 'menu');
      expect(await pageHtml(page)).not.toContain(citizen.card.idNumber);
      await action(page, 'exit').first().click();
      await advanceTo(page, 'attract', [action(page, 'done')]);
      return again;
    });
  });

  it('the printed code, scanned on the attract screen on its day, checks in and gives a queue number', async () => {
    const { page } = kiosk;
    const printed = /\[QR (tongban:appointment:[A-Za-z0-9-]+)\]/.exec(await lastSlip())?.[1];
    expect(printed).toBe(`tongban:appointment:${second.id}`);
    moveAppointmentToNow(bridge.dataDir, second.id);
    await waitForScreen(page, 'attract');
    await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simScan, { data: printed! }), 204, 'scan the slip');
    const shown = page.locator('[data-testid="check-in-appointment"]').first();
    await shown.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await shown.getAttribute('data-appointment')).toBe(second.id);
    expect(await shown.getAttribute('data-check-in')).toBe('open');
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.appointmentCheckIn(second.id)) && candidate.request().method() === 'POST', { timeout: 15_000 }),
      action(page, 'check-in').first().click(),
    ]);
    expect(response.status()).toBe(201);
    await page.locator('[data-testid="queue-number"]').first().waitFor({ state: 'visible' });
    await advanceTo(page, 'attract', [action(page, 'done')], 15_000);
  });
});
