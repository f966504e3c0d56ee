// The document capture screen (高拍仪) in Chromium against a real bridge with the simulated
// document camera: live picture, take, review the cropped page, retake, another page, remove, done —
// and the pages are gone with the session.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest } from '../support/http.ts';
import { openSessionFor } from '../support/kiosk-ui.ts';
import { openCameraScreen, pictureShown } from './camera-harness.ts';
import type { StepName } from '../../kiosk-ui/src/voice/steps.ts';

let bridge: RunningBridge;
let browser: Browser;

beforeAll(async () => {
  [bridge, browser] = await Promise.all([
    startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 50 } } } }),
    testBrowser(),
  ]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

const step = (page: Page) => page.locator('[data-screen="document-capture"]').getAttribute('data-step');
async function atStep(page: Page, name: StepName): Promise<void> {
  await page.waitForSelector(`[data-screen="document-capture"][data-step="${name}"]`, { timeout: 20_000 });
}

describe('document capture screen', () => {
  it('photographs a two-page material with a retake and a removal, and hands over the capture', async () => {
    await openSessionFor(bridge.url, 'zhang-wei');
    const { page, problems, close } = await openCameraScreen(browser, bridge.url, 'document-capture');
    try {
      await atStep(page, 'document-capture-preview');
      expect(await page.locator('h1').textContent()).toContain('户口簿首页');
      // the live picture is the bridge's MJPEG stream, decoded by Chromium
      expect(await pictureShown(page, 'img.camera-preview')).toEqual({ width: 640, height: 480 });

      await page.click('[data-action="capture-take"]');
      await atStep(page, 'document-capture-review');
      const first = await pictureShown(page, '[data-part="page"] img');
      // the cropped, straightened sheet: portrait A4 proportions, not the 4:3 camera frame
      expect(first.height / first.width).toBeGreaterThan(1.3);

      await page.click('[data-action="capture-retake"][data-page="0"]');
      await atStep(page, 'document-capture-review');
      await page.click('[data-action="capture-next-page"]');
      await atStep(page, 'document-capture-preview');
      await page.click('[data-action="capture-take"]');
      await atStep(page, 'document-capture-review');
      await expect.poll(() => page.locator('[data-part="page"]').count()).toBe(2);
      expect(await page.locator('[data-part="page-count"]').textContent()).toContain('2');

      await page.click('[data-action="capture-remove"][data-page="1"]');
      await expect.poll(() => page.locator('[data-part="page"]').count()).toBe(1);
      await page.click('[data-action="capture-done"]');
      const output = await page.waitForFunction(() => (window as unknown as { __cameraOutput?: unknown }).__cameraOutput, undefined, {
        timeout: 10_000,
      });
      const handedOver = (await output.jsonValue()) as { result: string; captureId: string; pages: number };
      expect(handedOver).toMatchObject({ result: 'captured', pages: 1 });

      // the bridge holds exactly that page, until the session ends
      const captures = await bridgeRequest(bridge.url, 'GET', apiPaths.materialCaptures);
      expect(captures.json()).toMatchObject({
        captures: [{ captureId: handedOver.captureId, materialId: 'hukou-page', pages: [{ index: 0, cropped: true }] }],
      });
      await bridgeRequest(bridge.url, 'DELETE', apiPaths.session, { reason: 'exit' });
      const image = await bridgeRequest(bridge.url, 'GET', apiPaths.materialPageImage(handedOver.captureId, 0));
      expect(image.status).toBe(404);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('says the camera cannot take a picture when it is unplugged, and takes one again once it is back', async () => {
    await openSessionFor(bridge.url, 'zhang-wei');
    const { page, close } = await openCameraScreen(browser, bridge.url, 'document-capture');
    try {
      await atStep(page, 'document-capture-preview');
      await bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('document-camera', 'disconnect'));
      await page.click('[data-action="capture-take"]');
      await atStep(page, 'document-capture-failed');
      expect(await page.locator('[data-part="capture-failed"]').textContent()).toContain('高拍仪暂时无法拍摄');
      await bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('document-camera', 'connect'));
      await page.click('[data-action="capture-retry"]');
      await atStep(page, 'document-capture-preview');
      await page.click('[data-action="capture-take"]');
      await atStep(page, 'document-capture-review');
      expect(await step(page)).toBe('document-capture-review');
    } finally {
      await close();
      await bridgeRequest(bridge.url, 'DELETE', apiPaths.session, { reason: 'exit' });
    }
  }, 120_000);
});
