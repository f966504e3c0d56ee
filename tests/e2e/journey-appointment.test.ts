// 预约 end to end in Chromium against the real bridge and the embedded platform: choose a day (date
// and weekday, places left), then a time on it (and back to the days), book it, see the appointment
// code on screen and on the printed slip (with its QR code), find it under 我的预约, cancel it after
// the confirmation step (the platform then lists it as cancelled); a full day is listed but cannot be
// chosen; then a second booking's printed QR code, scanned on the attract screen on its day, checks in
// and gives a number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPaths,
  type AppointmentBooked,
  type AppointmentListResponse,
  type SimFixture,
  type SlotListResponse,
} from '@tongban/device-bridge/api';
import type { RunningBridge } from '../support/bridge-process.ts';
import type { KioskPage } from '../support/browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { startJourneyKiosk, type JourneyKiosk } from '../support/journey-kiosk.ts';
import { action, advanceTo, pageHtml, placeCard, simFixture, step, waitForScreen } from '../support/kiosk-ui.ts';
import { moveAppointmentToNow } from '../support/today-appointment.ts';
import { chooseFreeDay, daysStep, freeSlot, openFirstItemDays, timesStep } from '../support/appointment-steps.ts';
import { auditScreen, voiceProblem } from './a11y-audit.ts';

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
  const { receipts } = (await expectStatus(bridgeRequest(bridge.url, 'GET', apiPaths.simReceipts), 200, 'printed slips')).json() as {
    receipts: { text: string }[];
  };
  return receipts.at(-1)?.text ?? '';
};
const myAppointments = async () =>
  ((await expectStatus(bridgeRequest(bridge.url, 'GET', apiPaths.appointments), 200, 'my appointments')).json() as AppointmentListResponse)
    .appointments;

/** on the chosen day's times: the first free time, booked (the slip printed) */
async function bookFirstFreeTime(page: KioskPage['page']): Promise<AppointmentBooked> {
  const free = page.locator(`${timesStep} ${freeSlot}`).first();
  await free.waitFor({ state: 'visible', timeout: 15_000 });
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.appointments) && candidate.request().method() === 'POST', {
      timeout: 15_000,
    }),
    free.click(),
  ]);
  expect(response.status()).toBe(201);
  const booked = (await response.json()) as AppointmentBooked;
  await page.locator('[data-testid="appointment-booked"]').first().waitFor({ state: 'visible' });
  return booked;
}

/** from the appointment journey's first screen: the first item, its first day with places, its first free time */
async function bookFirstFreeSlot(page: KioskPage['page']): Promise<AppointmentBooked> {
  await openFirstItemDays(page);
  await chooseFreeDay(page);
  return bookFirstFreeTime(page);
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

    const chosenDay = await step(
      page,
      "the days first: date and weekday, places left; then that day's times, and back to the days",
      async () => {
        const [slotsResponse] = await Promise.all([
          page.waitForResponse((candidate) => new URL(candidate.url()).pathname === apiPaths.appointmentSlots, { timeout: 15_000 }),
          openFirstItemDays(page),
        ]);
        const { slots } = (await slotsResponse.json()) as SlotListResponse;
        const slotsOn = (date: string) => slots.filter((slot) => slot.start.startsWith(`${date}T`));
        const dates = [...new Set(slots.map((slot) => slot.start.slice(0, 10)))].sort();
        const days = page.locator(`${daysStep} [data-action="choose-day"]`);
        // each day once, earliest first, its date and weekday and the places left that day
        expect(dates.length).toBeGreaterThanOrEqual(7);
        expect(await days.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-date')))).toEqual(dates);
        const texts = await days.allInnerTexts();
        dates.forEach((date, index) => {
          const places = slotsOn(date).reduce((sum, slot) => sum + slot.remaining, 0);
          const weekday = '日一二三四五六'[new Date(`${date}T12:00:00+08:00`).getUTCDay()];
          expect(texts[index]).toMatch(
            new RegExp(`^${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日星期${weekday}\\s+余 ${places} 个$`),
          );
        });
        expect(await voiceProblem(page)).toBeNull();
        await expectAccessible(page);
        const first = await chooseFreeDay(page);
        const times = page.locator(`${timesStep} [data-action="book-slot"]`);
        // that day's times only, not the whole week's
        expect(await times.count()).toBe(slotsOn(first).length);
        expect(slotsOn(first).length).toBeLessThan(slots.length);
        expect(await page.locator(`${timesStep} [data-testid="appointment-times"]`).getAttribute('data-date')).toBe(first);
        expect(await page.locator(`${timesStep} h1`).innerText()).toContain('请选择时间');
        expect(await voiceProblem(page)).toBeNull();
        await expectAccessible(page);
        // "choose another day" leads back to the days; the second day's times are that day's
        await action(page, 'back').first().click();
        await page.locator(`${daysStep} [data-action="choose-day"]`).first().waitFor({ state: 'visible' });
        const second = await chooseFreeDay(page, 1);
        expect(second > first).toBe(true);
        expect(await page.locator(`${timesStep} [data-testid="appointment-times"]`).getAttribute('data-date')).toBe(second);
        return second;
      },
    );

    const booked = await step(page, 'booked: the code is shown and printed with its QR code', async () => {
      const booked = await bookFirstFreeTime(page);
      // the time booked is on the day chosen
      expect(booked.start.slice(0, 10)).toBe(chosenDay);
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
      await page
        .locator(`[data-testid="my-appointment"][data-appointment="${booked.id}"][data-state="booked"]`)
        .first()
        .waitFor({ state: 'visible' });
      expect((await myAppointments()).find((entry) => entry.id === booked.id)?.state).toBe('booked');
    });

    await step(page, 'cancel, confirmed: the list says so and the platform has it cancelled', async () => {
      await action(page, 'cancel-appointment', `[data-appointment="${booked.id}"]`).first().click();
      const [response] = await Promise.all([
        page.waitForResponse(
          (candidate) => candidate.url().endsWith(apiPaths.appointment(booked.id)) && candidate.request().method() === 'DELETE',
          { timeout: 15_000 },
        ),
        action(page, 'confirm-cancel').first().click(),
      ]);
      expect(response.status()).toBe(204);
      await page
        .locator(`[data-testid="appointment-cancelled"][data-appointment="${booked.id}"]`)
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
      await page
        .locator(`[data-testid="my-appointment"][data-appointment="${booked.id}"][data-state="cancelled"]`)
        .first()
        .waitFor({ state: 'visible' });
      expect(await action(page, 'cancel-appointment', `[data-appointment="${booked.id}"]`).count()).toBe(0);
      expect((await myAppointments()).find((entry) => entry.id === booked.id)?.state).toBe('cancelled');
    });

    await step(page, 'a day with no place left is listed as full and cannot be chosen', async () => {
      // the platform's next answer has the first day taken (as if others booked it meanwhile)
      let fullDay = '';
      await page.route(
        (url) => url.pathname === apiPaths.appointmentSlots,
        async (route) => {
          const response = await route.fetch();
          const body = (await response.json()) as SlotListResponse;
          fullDay = body.slots[0]!.start.slice(0, 10);
          await route.fulfill({
            response,
            json: { slots: body.slots.map((slot) => (slot.start.startsWith(fullDay) ? { ...slot, remaining: 0 } : slot)) },
          });
        },
        { times: 1 },
      );
      await action(page, 'back').first().click();
      await openFirstItemDays(page);
      const full = page.locator(`${daysStep} [data-action="choose-day"][data-date="${fullDay}"]`);
      expect(await full.getAttribute('aria-disabled')).toBe('true');
      expect(await full.innerText()).toContain('已约满');
      // a browser sees it as not enabled; a tap on it anyway leaves the days on screen
      expect(await full.isEnabled()).toBe(false);
      await full.click({ force: true });
      await page.waitForTimeout(300);
      expect(await page.locator(daysStep).count()).toBe(1);
      await expectAccessible(page);
      await action(page, 'back').first().click();
    });

    second = await step(page, 'a second booking, then exit', async () => {
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
      page.waitForResponse(
        (candidate) => candidate.url().endsWith(apiPaths.appointmentCheckIn(second.id)) && candidate.request().method() === 'POST',
        { timeout: 15_000 },
      ),
      action(page, 'check-in').first().click(),
    ]);
    expect(response.status()).toBe(201);
    await page.locator('[data-testid="queue-number"]').first().waitFor({ state: 'visible' });
    await advanceTo(page, 'attract', [action(page, 'done')], 15_000);
  });
});
