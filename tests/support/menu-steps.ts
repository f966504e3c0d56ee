// Finding things on the menu and in the guides the way a citizen does, in either display mode: in
// 关爱模式 the menu asks for the kind of thing first and the guide list for the category first
// (kiosk-ui/src/screens/menu.tsx, guides.tsx), so a test taps through those pages too.
import type { Page } from 'playwright-core';
import type { MenuGroup } from '../../kiosk-ui/src/flows/menu.ts';
import { action } from './kiosk-ui.ts';

/** Which elder-menu page holds a tile (`data-service`): journeys by name, certificates on "print". */
export function elderMenuGroupOf(service: string): MenuGroup {
  if (service === 'records' || service === 'progress') return 'records';
  if (service === 'apply' || service === 'appointment' || service === 'queue') return 'services';
  return 'print';
}

export async function isElderMode(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector<HTMLElement>('.kiosk')?.dataset.elder === 'true');
}

/** Taps a menu tile (`data-service`), opening its group's page first in elder mode. */
export async function tapMenuEntry(page: Page, service: string, options: { force?: boolean } = {}): Promise<void> {
  const tile = action(page, 'service', `[data-service="${service}"]`).first();
  if (!(await tile.isVisible()) && (await isElderMode(page))) {
    const group = action(page, 'menu-group', `[data-group="${elderMenuGroupOf(service)}"]`).first();
    await group.waitFor({ state: 'visible', timeout: 10_000 });
    await group.click();
  }
  await tile.click(options);
}

/** On the guides screen: waits for the list of guides, choosing "all categories" first in elder mode. */
export async function showGuideItems(page: Page): Promise<void> {
  if (await isElderMode(page)) {
    const all = action(page, 'category', '[data-category=""]').first();
    await all.waitFor({ state: 'visible', timeout: 10_000 });
    await all.click();
  }
  await action(page, 'open-guide').first().waitFor({ timeout: 10_000 });
}
