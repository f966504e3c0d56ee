// 办事指南 without a card, in Chromium against the real bridge and its embedded catalogue: browse by
// category, read one guide's materials, search by pinyin initials on the on-screen keyboard, close;
// and a card placed while reading starts the citizen's session as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import type { RunningBridge } from '../support/bridge-process.ts';
import type { KioskPage } from '../support/browser.ts';
import { startJourneyKiosk, type JourneyKiosk } from '../support/journey-kiosk.ts';
import { bridgeRequest } from '../support/http.ts';
import { action, advanceTo, placeCard, resetKiosk, step, waitForScreen } from '../support/kiosk-ui.ts';

let bridge: RunningBridge;
let journey: JourneyKiosk;
let kiosk: KioskPage;

beforeAll(async () => {
  journey = await startJourneyKiosk();
  ({ bridge, kiosk } = journey);
});

afterAll(async () => {
  await journey?.close();
});

describe('办事指南 from the attract screen, no card needed', () => {
  it('browse a category, read a guide, search by pinyin initials, close', async () => {
    const { page } = kiosk;
    await step(page, 'attract offers the guides', async () => {
      await waitForScreen(page, 'attract');
      await action(page, 'open-guides').first().click();
    });

    const guides = await step(page, 'the catalogue lists items and categories', async () => {
      const screen = await waitForScreen(page, 'guides');
      await action(screen, 'open-guide').first().waitFor({ state: 'visible', timeout: 15_000 });
      expect(await action(screen, 'category').count()).toBeGreaterThan(3);
      // nobody is identified: no exit button, no session at the bridge
      expect(await action(page, 'exit').count()).toBe(0);
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
      return screen;
    });

    await step(page, 'a category narrows the list to its items', async () => {
      await action(guides, 'category', '[data-category="housing-fund"]').first().click();
      await expect
        .poll(() => action(guides, 'open-guide').allInnerTexts(), { timeout: 10_000 })
        .toEqual(expect.arrayContaining([expect.stringContaining('公积金')]));
      for (const name of await action(guides, 'open-guide').allInnerTexts()) expect(name).toContain('公积金');
    });

    await step(page, 'one guide shows its materials, time limit and office', async () => {
      await action(guides, 'open-guide').first().click();
      const detail = page.locator('[data-testid="guide-detail"]').first();
      await detail.waitFor({ state: 'visible', timeout: 10_000 });
      const materials = await page.locator('[data-testid="guide-materials"] li').allInnerTexts();
      expect(materials.length).toBeGreaterThan(0);
      expect(materials.join('\n')).toContain('居民身份证');
      await action(page, 'back').first().click();
      await action(guides, 'open-guide').first().waitFor({ state: 'visible' });
    });

    await step(page, 'search "gjj" typed on the on-screen keyboard finds 公积金 items', async () => {
      await action(guides, 'category', '[data-category=""]').first().click();
      await action(guides, 'toggle-keyboard').first().click();
      for (const letter of 'gjj') await page.locator(`.keyboard [data-key="${letter}"]`).first().click();
      await expect.poll(() => page.locator('[data-testid="guides-query"]').first().innerText()).toBe('gjj');
      await expect
        .poll(
          async () => {
            const names = await action(guides, 'open-guide').allInnerTexts();
            return names.length > 0 && names.every((name) => name.includes('公积金'));
          },
          { timeout: 10_000 },
        )
        .toBe(true);
    });

    await step(page, 'close returns to attract', async () => {
      await action(page, 'close-guides').first().click();
      await waitForScreen(page, 'attract');
    });
  });

  it('a card placed while reading the guides starts the session', async () => {
    const { page } = kiosk;
    await resetKiosk(bridge.url);
    await waitForScreen(page, 'attract');
    await action(page, 'open-guides').first().click();
    await waitForScreen(page, 'guides');
    await placeCard(bridge.url, 'zhang-wei');
    await advanceTo(page, 'menu');
    await action(page, 'exit').first().click();
    await advanceTo(page, 'attract', [action(page, 'done')]);
  });
});
