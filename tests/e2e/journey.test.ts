// A citizen's whole visit, in Debian Chromium, through the real UI and the real bridge with
// simulated devices: card on the reader, greeting, certificate, print, rating, goodbye. Then the
// paper (the simulated printer's PDF) is read back the way a receiver would read it.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPaths,
  printJobViewSchema,
  ratingResponseSchema,
  type PrintJobView,
  type SimFixture,
} from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { launchChromium, openKioskPage, type KioskPage } from '../support/browser.ts';
import { bridgeRequest } from '../support/http.ts';
import {
  action,
  advanceTo,
  certificateService,
  maskedIdOf,
  maskedNameOf,
  pageHtml,
  placeCardViaDevPanel,
  simFixture,
  simFixtures,
  waitForScreen,
} from '../support/kiosk-ui.ts';
import { pdfFonts, pdfText } from '../support/pdf.ts';
import { findStoredRating } from '../support/store.ts';
import { waitFor } from '../support/wait.ts';

/** Known simulated timings: long enough to see each state, short enough for a fast suite. */
const journeyConfig = {
  session: { idleTimeoutSeconds: 600, countdownSeconds: 30 },
  devices: {
    'id-reader': { driver: 'simulated', readMs: 300 },
    'a4-printer': { driver: 'simulated', pageMs: 400 },
  },
};

let bridge: RunningBridge;
let browser: Browser;

beforeAll(async () => {
  [bridge, browser] = await Promise.all([startBridge({ config: journeyConfig }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('landscape 1920×1080: the whole certificate journey', () => {
  let kiosk: KioskPage;
  let page: Page;
  let citizen: SimFixture;
  let job: PrintJobView;
  let ratingId: string;

  beforeAll(async () => {
    citizen = await simFixture(bridge.url, 'zhang-wei');
    kiosk = await openKioskPage(browser, bridge.url, 'landscape');
    page = kiosk.page;
  });

  afterAll(async () => {
    await kiosk?.close();
  });

  it('starts on the attract screen', async () => {
    await waitForScreen(page, 'attract');
  });

  it('greets the citizen by masked name after the card is placed', async () => {
    await placeCardViaDevPanel(page, citizen.id);
    const greeting = page.locator('[data-testid="greeting"]').first();
    await greeting.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await greeting.innerText();
    expect(text).toContain(maskedNameOf(citizen.card.name));
    expect(text).toContain('先生');
    expect(text).not.toContain(citizen.card.name);
  });

  it('offers the certificate on the menu, with a way out', async () => {
    const menu = await advanceTo(page, 'menu');
    await expect.poll(() => action(menu, 'service', certificateService).first().isVisible()).toBe(true);
    expect(await action(page, 'exit').first().isVisible()).toBe(true);
    expect(await page.locator('[data-testid="greeting"]').first().innerText()).toContain(maskedNameOf(citizen.card.name));
  });

  it('previews the certificate with the masked ID number only', async () => {
    await action(page, 'service', certificateService).first().click();
    const preview = await waitForScreen(page, 'certificate-preview');
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain(maskedIdOf(citizen.card.idNumber));
    expect(await pageHtml(page)).not.toContain(citizen.card.idNumber);
    expect(await action(page, 'exit').first().isVisible()).toBe(true);
  });

  it('prints: the job is accepted, progress is shown, then the citizen is asked to take the paper', async () => {
    const accepted = page.waitForResponse(
      (response) => response.url().endsWith(apiPaths.printJobs) && response.request().method() === 'POST',
    );
    await action(page, 'print').first().click();
    const response = await accepted;
    expect(response.status()).toBe(202);
    job = printJobViewSchema.parse(await response.json());

    const printing = await waitForScreen(page, 'printing');
    await printing.locator('[data-testid="print-status"]').first().waitFor({ state: 'visible' });
    await waitForScreen(page, 'take-document', 30_000);
  });

  it('stores a 非常满意 rating before confirming it', async () => {
    await advanceTo(page, 'rating', [action(page, 'done')]);
    expect(await action(page, 'exit').first().isVisible()).toBe(true);
    const best = action(page, 'rate', '[data-grade="5"]').first();
    expect(await best.innerText()).toContain('非常满意');

    const answered = page.waitForResponse(
      (response) => response.url().endsWith(apiPaths.ratings) && response.request().method() === 'POST',
    );
    await best.click();
    const response = await answered;
    expect(response.status()).toBe(201);
    ratingId = ratingResponseSchema.parse(await response.json()).id;

    // 201 means committed: the row is in the SQLite store already, not merely in memory
    const stored = findStoredRating(bridge.dataDir, ratingId);
    expect(stored).toMatchObject({ id: ratingId, grade: 5 });
  });

  it('says goodbye and returns to attract, holding nothing of the citizen', async () => {
    await advanceTo(page, 'goodbye');
    await advanceTo(page, 'attract', [action(page, 'done')], 30_000);
    const html = await pageHtml(page);
    for (const secret of [citizen.card.idNumber, citizen.card.name, maskedIdOf(citizen.card.idNumber)]) {
      expect(html).not.toContain(secret);
    }
    expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
  });

  it('the job ended completed', async () => {
    const final = printJobViewSchema.parse((await bridgeRequest(bridge.url, 'GET', apiPaths.printJob(job.id))).json());
    expect(final.state).toBe('completed');
    expect(final.pagesPrinted).toBe(final.pages);
  });

  it('printed a PDF carrying the masked ID number, never the full one, and the holder name', async () => {
    const file = path.join(bridge.dataDir, 'print-out', `${job.id}.pdf`);
    await waitFor(`the printed file ${file}`, async () =>
      existsSync(file) ? { value: true } : { note: `print-out holds: ${listPrintOut(bridge.dataDir)}` },
    );
    const text = withoutSpaces(await pdfText(file));
    expect(text).toContain(maskedIdOf(citizen.card.idNumber));
    expect(text).not.toContain(citizen.card.idNumber);
    expect(text).toContain(citizen.card.name);
  });

  it('embeds its fonts as subsets, so it prints the same anywhere and stays small', async () => {
    const fonts = await pdfFonts(path.join(bridge.dataDir, 'print-out', `${job.id}.pdf`));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, `font ${font.name}`).toMatchObject({ embedded: true, subset: true });
    }
  });
});

describe('portrait 1080×1920: identify, menu, exit', () => {
  let kiosk: KioskPage;
  let page: Page;
  let citizen: SimFixture;

  beforeAll(async () => {
    citizen = await simFixture(bridge.url, 'li-na');
    kiosk = await openKioskPage(browser, bridge.url, 'portrait');
    page = kiosk.page;
    await waitForScreen(page, 'attract');
  });

  afterAll(async () => {
    await kiosk?.close();
  });

  it('greets a woman as 女士 with her masked name', async () => {
    await placeCardViaDevPanel(page, citizen.id);
    const greeting = page.locator('[data-testid="greeting"]').first();
    await greeting.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await greeting.innerText();
    expect(text).toContain(maskedNameOf(citizen.card.name));
    expect(text).toContain('女士');
  });

  it('fits the menu on the tall screen: no sideways scrolling, the service and exit on screen', async () => {
    await advanceTo(page, 'menu');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const button of [action(page, 'service', certificateService).first(), action(page, 'exit').first()]) {
      await button.waitFor({ state: 'visible' });
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1080);
      expect(box!.y + box!.height).toBeLessThanOrEqual(1920);
    }
  });

  it('exits back to attract and the session is gone', async () => {
    await action(page, 'exit').first().click();
    await advanceTo(page, 'attract', [action(page, 'done')]);
    expect(await pageHtml(page)).not.toContain(citizen.card.name);
    expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
  });
});

describe('the bridge logs after both journeys', () => {
  it('never hold any fixture citizen’s full ID number or full name', async () => {
    const logs = bridge.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const fixture of await simFixtures(bridge.url)) {
      expect(logs, `logs leak ${fixture.id}'s ID number`).not.toContain(fixture.card.idNumber);
      expect(logs, `logs leak ${fixture.id}'s name`).not.toContain(fixture.card.name);
    }
  });
});

function listPrintOut(dataDir: string): string {
  const dir = path.join(dataDir, 'print-out');
  return existsSync(dir) ? readdirSync(dir).join(', ') || '(empty)' : '(no print-out directory)';
}
