// The face check screen (人证比对, issue 8) in Chromium against a real bridge: the consent page shows
// the alternatives on the same screen; with no decodable card photo the face check is not offered
// (never faked) and staff confirmation still works.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { launchChromium } from '../support/browser.ts';
import { bridgeRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';
import { openCameraScreen } from './camera-harness.ts';

let bridge: RunningBridge;
let browser: Browser;

beforeAll(async () => {
  [bridge, browser] = await Promise.all([
    startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 50 } } } }),
    launchChromium(),
  ]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

async function openSession(fixture: string): Promise<void> {
  await bridgeRequest(bridge.url, 'POST', apiPaths.simCard, { fixture });
  await waitFor('session', async () => {
    const response = await bridgeRequest(bridge.url, 'GET', apiPaths.session);
    return { value: response.status === 200 ? true : undefined };
  }, 10_000);
}

async function atStep(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`[data-screen="face-check"][data-step="${name}"]`, { timeout: 20_000 });
}

async function typeCode(page: Page, code: string): Promise<void> {
  for (const digit of code) await page.click(`.keyboard [data-key="${digit}"]`);
}

describe('face check screen', () => {
  it('without a decodable card photo: no face check, the staff alternative on the same screen confirms the citizen', async () => {
    await openSession('wang-xiaoyu');
    const { page, problems, close } = await openCameraScreen(browser, bridge.url, 'face-check');
    try {
      await atStep(page, 'choosing');
      expect(await page.locator('[data-part="face-not-offered"]').textContent()).toContain('不能进行人脸核验');
      expect(await page.locator('[data-action="face-agree"]').count()).toBe(0);
      // the face camera stays off: there was no consent
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.cameraPreview('camera'))).status).toBe(403);

      await page.click('[data-action="face-staff"]');
      await atStep(page, 'staffCode');
      await typeCode(page, '000000');
      await page.click('[data-action="face-staff-confirm"]');
      await page.waitForSelector('[data-part="staff-error"]');
      expect(await page.locator('[data-part="staff-error"]').textContent()).toContain('工作人员码不正确');

      await typeCode(page, '135790');
      await page.click('[data-action="face-staff-confirm"]');
      const output = await page.waitForFunction(() => (window as unknown as { __cameraOutput?: unknown }).__cameraOutput, undefined, { timeout: 10_000 });
      expect(await output.jsonValue()).toEqual({ result: 'verified', method: 'staff' });
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.faceOptions)).json()).toMatchObject({ verified: { method: 'staff' } });
      expect(problems).toEqual([]);
    } finally {
      await close();
      await bridgeRequest(bridge.url, 'DELETE', apiPaths.session, { reason: 'exit' });
    }
  }, 120_000);
});
