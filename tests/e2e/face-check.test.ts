// The face check screen (人证比对) in Chromium against a real bridge and the shipped model:
// consent with the alternatives on the same screen, the live picture with guidance, a held-up still
// photo refused, the card holder confirmed; with no decodable card photo the face check is not
// offered (never faked) and staff confirmation still works.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest } from '../support/http.ts';
import { openSessionFor } from '../support/kiosk-ui.ts';
import { openCameraScreen, openCameraScreenWithProfile, pictureShown } from './camera-harness.ts';
import type { StepName } from '../../kiosk-ui/src/voice/steps.ts';
import { faceDataIn, filesUnder } from '../support/face-data-on-disk.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

async function atStep(page: Page, name: StepName): Promise<void> {
  await page.waitForSelector(`[data-screen="face-check"][data-step="${name}"]`, { timeout: 20_000 });
}

async function typeCode(page: Page, code: string): Promise<void> {
  for (const digit of code) await page.click(`.keyboard [data-key="${digit}"]`);
}

describe('face check screen', () => {
  it('without a decodable card photo: no face check, the staff alternative on the same screen confirms the citizen', async () => {
    await openSessionFor(bridge.url, 'wang-xiaoyu');
    const { page, problems, close } = await openCameraScreen(browser, bridge.url, 'face-check');
    try {
      await atStep(page, 'face-check-choice');
      expect(await page.locator('[data-part="face-not-offered"]').textContent()).toContain('不能进行人脸核验');
      expect(await page.locator('[data-action="face-agree"]').count()).toBe(0);
      // the face camera stays off: there was no consent
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.cameraPreview('camera'))).status).toBe(403);

      await page.click('[data-action="face-staff"]');
      await atStep(page, 'face-check-staff');
      await typeCode(page, '000000');
      await page.click('[data-action="face-staff-confirm"]');
      await page.waitForSelector('[data-part="staff-error"]');
      expect(await page.locator('[data-part="staff-error"]').textContent()).toContain('工作人员码不正确');

      await typeCode(page, '135790');
      await page.click('[data-action="face-staff-confirm"]');
      const output = await page.waitForFunction(() => (window as unknown as { __cameraOutput?: unknown }).__cameraOutput, undefined, {
        timeout: 10_000,
      });
      expect(await output.jsonValue()).toEqual({ result: 'verified', method: 'staff' });
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.faceOptions)).json()).toMatchObject({ verified: { method: 'staff' } });
      expect(problems).toEqual([]);
    } finally {
      await close();
      await bridgeRequest(bridge.url, 'DELETE', apiPaths.session, { reason: 'exit' });
    }
  }, 120_000);

  it('the card holder consents, sees the live picture with guidance, a still photo is refused, the live face is confirmed', async () => {
    await openSessionFor(bridge.url, 'li-na');
    const { page, problems, close } = await openCameraScreen(browser, bridge.url, 'face-check');
    try {
      await atStep(page, 'face-check-choice');
      // consent and the alternatives side by side, before any camera
      expect(await page.locator('[data-part="face-consent"]').textContent()).toContain('不保存、不上传');
      expect(await page.locator('[data-part="face-alternatives"] [data-action="face-staff"]').count()).toBe(1);
      expect(await page.locator('img.camera-preview').count()).toBe(0);

      await page.click('[data-action="face-agree"]');
      await atStep(page, 'face-check-camera');
      expect(await pictureShown(page, 'img.camera-preview')).toEqual({ width: 640, height: 480 });
      await page.waitForSelector('[data-part="face-hint"][data-hint="ready"]', { timeout: 20_000 });

      await bridgeRequest(bridge.url, 'POST', apiPaths.simCameraScene('camera'), { scene: { kind: 'still-photo', face: 'person-a' } });
      await page.click('[data-action="face-verify"]');
      await atStep(page, 'face-check-retry');
      expect(await page.locator('[data-part="face-result"]').getAttribute('data-decision')).toBe('not-live');
      expect(await page.locator('[data-part="face-result"]').textContent()).toContain('不要使用照片');

      await bridgeRequest(bridge.url, 'POST', apiPaths.simCameraScene('camera'), { scene: { kind: 'face', face: 'person-a' } });
      await page.click('[data-action="face-retry"]');
      await atStep(page, 'face-check-camera');
      await page.click('[data-action="face-verify"]');
      const output = await page.waitForFunction(() => (window as unknown as { __cameraOutput?: unknown }).__cameraOutput, undefined, {
        timeout: 30_000,
      });
      expect(await output.jsonValue()).toEqual({ result: 'verified', method: 'face' });
      expect(problems).toEqual([]);
    } finally {
      await close();
      await bridgeRequest(bridge.url, 'DELETE', apiPaths.session, { reason: 'exit' });
    }
  }, 120_000);

  it('after a face check with the live picture, nothing face-related is in the Chromium profile on disk', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'tongban-chromium-profile-'));
    await openSessionFor(bridge.url, 'li-na');
    const { page, problems, close } = await openCameraScreenWithProfile(profile, bridge.url, 'face-check');
    try {
      await atStep(page, 'face-check-choice');
      await page.click('[data-action="face-agree"]');
      await atStep(page, 'face-check-camera');
      await pictureShown(page, 'img.camera-preview');
      // a few seconds of the MJPEG preview, as a citizen would watch it
      await page.waitForSelector('[data-part="face-hint"][data-hint="ready"]', { timeout: 20_000 });
      await page.click('[data-action="face-verify"]');
      const output = await page.waitForFunction(() => (window as unknown as { __cameraOutput?: unknown }).__cameraOutput, undefined, {
        timeout: 30_000,
      });
      expect(await output.jsonValue()).toEqual({ result: 'verified', method: 'face' });
      expect(problems).toEqual([]);
    } finally {
      await close();
      await bridgeRequest(bridge.url, 'DELETE', apiPaths.session, { reason: 'exit' });
    }
    try {
      const files = filesUnder(profile);
      expect(files.length).toBeGreaterThan(0);
      // whole files (cache, databases, logs): no image, no image in base64, no fixture photo bytes
      expect(faceDataIn(files)).toEqual([]);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
