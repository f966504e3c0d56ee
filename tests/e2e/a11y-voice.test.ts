// Spoken guidance as a citizen meets it: every screen has a clip in every language in the built UI
// (real Ogg/Opus audio of a sensible length, read from the Ogg pages), the kiosk plays them from its own origin with every
// other network request refused, a touch stops the voice, "listen again" replays it, the voice
// follows the language on screen and moves on with the screens.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { action, placeCard, removeCard, resetKiosk, screenNames, waitForScreen } from '../support/kiosk-ui.ts';
import { uiDistDir } from '../support/repo.ts';
import { overlayClips } from '../../kiosk-ui/src/voice/screen-voice.ts';
import { stepNames } from '../../kiosk-ui/src/voice/steps.ts';

const languages = ['zh-CN', 'en'] as const;

/**
 * Length of an Ogg/Opus file, read from the file itself (RFC 7845): the last page's granule position
 * counts 48 kHz samples, minus the pre-skip from the OpusHead header. Throws on anything else.
 */
function oggOpusSeconds(file: Buffer): number {
  if (file.subarray(0, 4).toString('latin1') !== 'OggS') throw new Error('not an Ogg file');
  const head = file.indexOf('OpusHead', 0, 'latin1');
  if (head < 0) throw new Error('not Opus audio');
  const preSkip = file.readUInt16LE(head + 10);
  const lastPage = file.lastIndexOf('OggS', file.length - 1, 'latin1');
  const granule = Number(file.readBigInt64LE(lastPage + 6));
  return (granule - preSkip) / 48_000;
}

describe('voice clips in the built UI', () => {
  const manifest = JSON.parse(readFileSync(path.join(uiDistDir, 'voice', 'manifest.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;

  it.each(languages)('every screen, overlay and step has a playable %s clip of its own', (language) => {
    const files = new Map<string, string>();
    for (const clip of [...screenNames, ...overlayClips, ...stepNames]) {
      const url = manifest[language]?.[clip];
      expect(url, `no ${language} clip for "${clip}"`).toMatch(/^\/voice\/[0-9a-f]{20}\.ogg$/);
      const file = path.join(uiDistDir, url!);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      const seconds = oggOpusSeconds(readFileSync(file));
      // long enough to be speech, short enough to be guidance
      expect(seconds, `${language} "${clip}" lasts ${seconds} s`).toBeGreaterThan(0.7);
      expect(seconds, `${language} "${clip}" lasts ${seconds} s`).toBeLessThan(20);
      // its own clip: no two steps or screens share a recording
      expect(files.get(url!), `${language} "${clip}" plays the same file as "${files.get(url!)}"`).toBeUndefined();
      files.set(url!, clip);
    }
  });
});

describe('the kiosk speaks, with no network beyond itself', () => {
  let bridge: RunningBridge;
  let browser: Browser;
  let kiosk: KioskPage;
  const outside: string[] = [];
  const clipsFetched: string[] = [];

  beforeAll(async () => {
    [bridge, browser] = await Promise.all([
      startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 100 } } } }),
      testBrowser(),
    ]);
    kiosk = await openKioskPage(browser, 'about:blank');
    // anything not served by the kiosk's own bridge is refused and remembered
    await kiosk.page.context().route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(bridge.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort('internetdisconnected');
    });
    kiosk.page.on('response', (response) => {
      if (/\/voice\/[0-9a-f]+\.ogg$/.test(response.url()) && response.ok()) clipsFetched.push(response.url());
    });
    await kiosk.page.goto(bridge.url);
  });

  afterAll(async () => {
    await kiosk?.close();
    await browser?.close();
    await bridge?.stop();
  });

  const voice = () => kiosk.page.evaluate(() => ({ ...document.documentElement.dataset }) as { voiceClip?: string; voiceState?: string });

  it('"listen again" speaks the screen; any other touch stops it', async () => {
    const { page } = kiosk;
    await resetKiosk(bridge.url);
    await waitForScreen(page, 'attract');
    await action(page, 'repeat-voice').first().click();
    await expect.poll(voice).toEqual({ voiceClip: 'zh-CN:attract', voiceState: 'playing' });
    await page.locator('[data-screen="attract"] h1').first().click();
    await expect.poll(voice).toEqual({ voiceClip: 'zh-CN:attract', voiceState: 'stopped' });
    // the clip's network response is reported by the browser process, the playing state by the
    // page: on a busy machine the page can be faster, so wait for the response to be seen
    await expect.poll(() => clipsFetched.length, { timeout: 5_000 }).toBeGreaterThan(0);
  });

  it('speaks the language on screen, and each new screen', async () => {
    const { page } = kiosk;
    await action(page, 'language').first().click();
    await expect.poll(voice).toEqual({ voiceClip: 'en:attract', voiceState: 'playing' });
    await placeCard(bridge.url, 'zhang-wei');
    await expect.poll(async () => (await voice()).voiceClip, { timeout: 10_000 }).toMatch(/^en:(card-reading|greeting|menu)$/);
    await waitForScreen(page, 'menu');
    await expect.poll(voice).toEqual({ voiceClip: 'en:menu', voiceState: 'playing' });
    await removeCard(bridge.url);
  });

  it('fetched nothing from outside the kiosk', () => {
    expect(outside).toEqual([]);
  });
});
