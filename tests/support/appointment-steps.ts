// Booking an appointment the way a citizen does on the kiosk (kiosk-ui/src/screens/appointment.tsx):
// an item, then a day that has places, then a free time on that day. Shared by the journey browser
// tests, the accessibility walk and the bench, so each walks the same way.
import type { Page } from 'playwright-core';
import { action } from './kiosk-ui.ts';

/** A day in the days step that can be chosen (a full day is listed with aria-disabled). */
export const freeDay = '[data-action="choose-day"]:not([aria-disabled="true"])';
/** A time in the chosen day's step that can be booked. */
export const freeSlot = '[data-action="book-slot"]:not([aria-disabled="true"])';
export const daysStep = '[data-step="appointment-days"]';
export const timesStep = '[data-step="appointment-slots"]';

/** From the appointment journey's items: the first item, then the list of its days. */
export async function openFirstItemDays(page: Page): Promise<void> {
  const item = action(page, 'choose-item').first();
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  await item.click();
  await page.locator(`${daysStep} [data-action="choose-day"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** On the days step: taps the `index`-th day with places and waits for its times; returns its date. */
export async function chooseFreeDay(page: Page, index = 0): Promise<string> {
  const day = page.locator(`${daysStep} ${freeDay}`).nth(index);
  await day.waitFor({ state: 'visible', timeout: 15_000 });
  const date = await day.getAttribute('data-date');
  if (date === null) throw new Error('a day on the days step has no data-date');
  await day.click();
  await page.locator(`${timesStep} [data-action="book-slot"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
  return date;
}
