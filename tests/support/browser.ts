// Drives Debian's Chromium (the browser the kiosk itself runs) through playwright-core.
// Never downloads a browser: the system package is the one under test.
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** The two screen shapes kiosks ship with: a landscape desk unit and a portrait floor stand. */
export const kioskViewports = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
} as const;
export type KioskOrientation = keyof typeof kioskViewports;

/** How every test Chromium starts: no sandbox (root in CI), no GPU, nothing that phones home. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A Chromium of this process's own, with a fresh temporary profile (Playwright makes one per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
}

export interface KioskPage {
  page: Page;
  /** console errors and uncaught page errors, for failure messages */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh browser context (no shared storage) with the kiosk UI loaded at the given shape. */
export async function openKioskPage(browser: Browser, url: string, orientation: KioskOrientation = 'landscape'): Promise<KioskPage> {
  const context = await browser.newContext({
    viewport: kioskViewports[orientation],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    hasTouch: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

/** Landscape 1920×1080. */
export function openLandscapePage(browser: Browser, url: string): Promise<KioskPage> {
  return openKioskPage(browser, url, 'landscape');
}

/** Portrait 1080×1920. */
export function openPortraitPage(browser: Browser, url: string): Promise<KioskPage> {
  return openKioskPage(browser, url, 'portrait');
}
