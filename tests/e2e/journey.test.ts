// A citizen's whole visit, in Debian Chromium, through the real UI and the real bridge with
// simulated devices: card on the reader, greeting, certificate, print, rating, goodbye. Then the
// paper (the simulated printer's PDF) is read back the way a receiver would read it.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, printJobViewSchema, ratingResponseSchema, type PrintJobView, type SimFixture } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { kioskViewports, openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest } from '../support/http.ts';
import {
  action,
  advanceTo,
  certificateService,
  maskedIdOf,
  maskedNameOf,
  pageHtml,
  placeCardViaDevPanel,
  resetKiosk,
  simFixture,
  simFixtures,
  step,
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
  [bridge, browser] = await Promise.all([startBridge({ config: journeyConfig }), testBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/** kiosk_ui_last_heartbeat_timestamp_seconds from the bridge's /metrics (0 before the first beat) */
async function lastUiHeartbeat(): Promise<number> {
  const metrics = await bridgeRequest(bridge.url, 'GET', '/metrics');
  const line = /^kiosk_ui_last_heartbeat_timestamp_seconds(?:\{[^}]*\})?\s+(\S+)$/m.exec(metrics.text);
  if (!line) throw new Error(`no kiosk_ui_last_heartbeat_timestamp_seconds in /metrics:\n${metrics.text.slice(0, 500)}`);
  return Number(line[1]);
}

describe('the UI tells monitoring it is alive', () => {
  it("once the kiosk page is up, /metrics' UI heartbeat timestamp moves to now", async () => {
    const before = await lastUiHeartbeat();
    const loadedAt = Date.now() / 1000;
    const kiosk = await openKioskPage(browser, bridge.url, 'landscape');
    try {
      await waitForScreen(kiosk.page, 'attract');
      await expect.poll(lastUiHeartbeat, { timeout: 10_000 }).toBeGreaterThan(before);
      expect(await lastUiHeartbeat()).toBeGreaterThanOrEqual(Math.floor(loadedAt) - 1);
    } finally {
      await kiosk.close();
    }
  });
});

describe('landscape 1920×1080: the whole certificate journey', () => {
  let kiosk: KioskPage;
  let citizen: SimFixture;
  /** set by the journey; the paper checks below read what it printed */
  let job: PrintJobView | undefined;

  beforeAll(async () => {
    citizen = await simFixture(bridge.url, 'zhang-wei');
    kiosk = await openKioskPage(browser, bridge.url, 'landscape');
  });

  afterAll(async () => {
    await kiosk?.close();
  });

  it('attract → card → greeting → menu → preview → print → take document → 非常满意 → goodbye → attract', async () => {
    const { page } = kiosk;
    const masked = { name: maskedNameOf(citizen.card.name), idNumber: maskedIdOf(citizen.card.idNumber) };

    await step(page, 'attract', () => waitForScreen(page, 'attract'));

    await step(page, 'card placed, greeting shows the masked name', async () => {
      await placeCardViaDevPanel(page, citizen.id);
      const greeting = page.locator('[data-testid="greeting"]').first();
      await greeting.waitFor({ state: 'visible', timeout: 15_000 });
      const text = await greeting.innerText();
      expect(text).toContain(masked.name);
      expect(text).toContain('先生');
      expect(text).not.toContain(citizen.card.name);
    });

    await step(page, 'menu offers the certificate and a way out', async () => {
      const menu = await advanceTo(page, 'menu');
      await action(menu, 'service', certificateService).first().waitFor({ state: 'visible' });
      expect(await action(page, 'exit').first().isVisible()).toBe(true);
      expect(await page.locator('[data-testid="greeting"]').first().innerText()).toContain(masked.name);
    });

    await step(page, 'preview shows the masked ID number only', async () => {
      await action(page, 'service', certificateService).first().click();
      const preview = await waitForScreen(page, 'certificate-preview');
      await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain(masked.idNumber);
      expect(await pageHtml(page)).not.toContain(citizen.card.idNumber);
      expect(await action(page, 'exit').first().isVisible()).toBe(true);
    });

    job = await step(page, 'print → 1 copy: accepted (202), progress shown, then take the document', async () => {
      await action(page, 'print').first().click();
      // the copies question is a step inside the preview screen with its own spoken guidance
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.voiceClip), { timeout: 10_000 })
        .toBe('zh-CN:print-copies');
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.printJobs) && candidate.request().method() === 'POST', {
          timeout: 15_000,
        }),
        action(page, 'copies', '[data-copies="1"]').first().click(),
      ]);
      expect(response.status()).toBe(202);
      expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({ copies: 1 });
      const accepted = printJobViewSchema.parse(await response.json());
      const printing = await waitForScreen(page, 'printing');
      await printing.locator('[data-testid="print-status"]').first().waitFor({ state: 'visible' });
      await waitForScreen(page, 'take-document', 30_000);
      return accepted;
    });

    await step(page, 'rating 非常满意 is stored before it is confirmed', async () => {
      await advanceTo(page, 'rating', [action(page, 'done')]);
      expect(await action(page, 'exit').first().isVisible()).toBe(true);
      const best = action(page, 'rate', '[data-grade="5"]').first();
      expect(await best.innerText()).toContain('非常满意');
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.ratings) && candidate.request().method() === 'POST', {
          timeout: 15_000,
        }),
        best.click(),
      ]);
      expect(response.status()).toBe(201);
      const ratingId = ratingResponseSchema.parse(await response.json()).id;
      // 201 means committed: the row is in the SQLite store already, not merely in memory
      expect(findStoredRating(bridge.dataDir, ratingId)).toMatchObject({ id: ratingId, grade: 5 });
    });

    await step(page, 'goodbye, then attract holding nothing of the citizen', async () => {
      await advanceTo(page, 'goodbye');
      await advanceTo(page, 'attract', [action(page, 'done')], 30_000);
      const html = await pageHtml(page);
      for (const secret of [citizen.card.idNumber, citizen.card.name, masked.idNumber]) {
        expect(html).not.toContain(secret);
      }
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
    });
  });

  function printedFile(): string {
    if (job === undefined) throw new Error('nothing was printed: the journey above failed before printing');
    return path.join(bridge.dataDir, 'print-out', `${job.id}.pdf`);
  }

  it('the print job ended completed with every page printed', async () => {
    printedFile();
    const final = printJobViewSchema.parse((await bridgeRequest(bridge.url, 'GET', apiPaths.printJob(job!.id))).json());
    expect(final.state).toBe('completed');
    expect(final.pagesPrinted).toBe(final.pages);
  });

  it('the PDF carries the masked ID number, never the full one, and the holder name', async () => {
    const file = printedFile();
    await waitFor(`the printed file ${file}`, async () =>
      existsSync(file) ? { value: true } : { note: `print-out holds: ${listPrintOut(bridge.dataDir)}` },
    );
    const text = withoutSpaces(await pdfText(file));
    expect(text).toContain(maskedIdOf(citizen.card.idNumber));
    expect(text).not.toContain(citizen.card.idNumber);
    expect(text).toContain(citizen.card.name);
  });

  it('the PDF embeds its fonts as subsets, so it prints the same anywhere and stays small', async () => {
    const fonts = await pdfFonts(printedFile());
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, `font ${font.name}`).toMatchObject({ embedded: true, subset: true });
    }
  });
});

describe('portrait 1080×1920: identify, menu, exit', () => {
  let kiosk: KioskPage;
  let citizen: SimFixture;

  beforeAll(async () => {
    await resetKiosk(bridge.url);
    citizen = await simFixture(bridge.url, 'li-na');
    kiosk = await openKioskPage(browser, bridge.url, 'portrait');
  });

  afterAll(async () => {
    await kiosk?.close();
  });

  it('greets a woman as 女士, fits the tall screen, and exits back to attract', async () => {
    const { page } = kiosk;
    await step(page, 'attract', () => waitForScreen(page, 'attract'));

    await step(page, 'greeting with masked name and 女士', async () => {
      await placeCardViaDevPanel(page, citizen.id);
      const greeting = page.locator('[data-testid="greeting"]').first();
      await greeting.waitFor({ state: 'visible', timeout: 15_000 });
      const text = await greeting.innerText();
      expect(text).toContain(maskedNameOf(citizen.card.name));
      expect(text).toContain('女士');
    });

    await step(page, 'menu fits: no sideways scrolling, the service and exit on screen', async () => {
      await advanceTo(page, 'menu');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const button of [action(page, 'service', certificateService).first(), action(page, 'exit').first()]) {
        await button.waitFor({ state: 'visible' });
        const box = await button.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(kioskViewports.portrait.width);
        expect(box!.y + box!.height).toBeLessThanOrEqual(kioskViewports.portrait.height);
      }
    });

    await step(page, 'exit returns to attract and the session is gone', async () => {
      await action(page, 'exit').first().click();
      await advanceTo(page, 'attract', [action(page, 'done')]);
      expect(await pageHtml(page)).not.toContain(citizen.card.name);
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
    });
  });
});

describe('the bridge logs after both journeys', () => {
  it('never hold any fixture citizen’s full ID number or full name', async () => {
    const logs = bridge.logs();
    // control: the captured logs do cover the sessions and the print these tests ran
    expect(logs).toContain('"event":"session-started"');
    expect(logs).toContain('"event":"print-job-stored"');
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
