// Proof that nothing of the last citizen remains in the browser once their visit is over — not
// on the page, not in any browser storage, and not in the page's JavaScript heap (a heap snapshot
// after garbage collection is searched for the citizen's masked name, masked ID number and the
// records they looked at), for a certificate visit and for an application left half done at the
// consent step by an idle timeout (typed phone number, photographed page, signature). Also: their
// display choices (language, care mode, contrast) do not carry over to the next person.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, certificatePreviewSchema, type CertificatePreview } from '@tongban/device-bridge/api';
import type { RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { startJourneyKiosk, type JourneyKiosk } from '../support/journey-kiosk.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { needsPhotographedMaterial, signName, typeDigits, verifyByStaff } from '../support/apply-steps.ts';
import {
  action,
  advanceTo,
  pageHtml,
  personalStrings,
  placeCard,
  removeCard,
  resetKiosk,
  simFixture,
  waitForScreen,
} from '../support/kiosk-ui.ts';
import { tapMenuEntry } from '../support/menu-steps.ts';

let journey: JourneyKiosk;
let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;
let page: Page;

beforeAll(async () => {
  journey = await startJourneyKiosk({
    devices: { 'id-reader': { driver: 'simulated', readMs: 100 }, 'a4-printer': { driver: 'simulated', pageMs: 100 } },
  });
  ({ bridge, browser, kiosk } = journey);
  page = kiosk.page;
});

afterAll(async () => {
  await journey?.close();
});

/** Every string in the page's JS heap after a full garbage collection, joined. */
async function heapStrings(cdp: CDPSession): Promise<string> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
  return snapshot.strings.join('\n');
}

/** What the browser keeps outside the page: Web Storage, Cache Storage, IndexedDB, timing entries. */
function browserStores(target: Page) {
  return target.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    caches: 'caches' in window ? (await caches.keys()).length : 0,
    indexedDB: (await indexedDB.databases()).length,
    // the kiosk's own status calls (health, UI heartbeat) go on between visits and carry nothing of anyone
    apiTimings: performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/api/') && !/\/api\/(health|ui-heartbeat)$/.test(new URL(entry.name).pathname)).length,
    historyState: history.state as unknown,
  }));
}

describe('after a visit nothing of the citizen remains in the browser', () => {
  let preview: CertificatePreview;
  let secrets: string[];

  it('a visit: identify, switch to English and care mode, call staff, look at the records, exit', async () => {
    const citizen = await simFixture(bridge.url, 'ouyang-mingyuan');
    await resetKiosk(bridge.url);
    await waitForScreen(page, 'attract');
    await placeCard(bridge.url, citizen.id);
    await advanceTo(page, 'menu', [action(page, 'continue')]);
    await removeCard(bridge.url);
    await action(page, 'language').first().click();
    await action(page, 'elder-mode').first().click();
    await action(page, 'high-contrast').first().click();
    await action(page, 'call-staff').first().click();
    await page.locator('[data-testid="staff-dialog"][data-call="called"]').waitFor();
    await action(page, 'close-help').first().click();
    await tapMenuEntry(page, 'social-insurance-contribution');
    await waitForScreen(page, 'certificate-preview');
    await page.locator('[data-action="print"]').first().waitFor({ timeout: 15_000 });

    // what this citizen's screen showed: fetched the same way, to search for it afterwards
    const previewResponse = await bridgeRequest(bridge.url, 'POST', apiPaths.certificatePreview, {
      type: 'social-insurance-contribution',
    });
    preview = certificatePreviewSchema.parse(previewResponse.json());
    const { full, masked } = personalStrings(citizen);
    secrets = [...full, ...masked, preview.maskedIdNumber, preview.holderMaskedName];
    // control: the page holds them now, so their absence later means they were really removed
    const during = await pageHtml(page);
    expect(during).toContain(preview.maskedIdNumber);
    expect(during).toContain(masked[0]);
    // control for the heap search below: during the visit the heap does hold the masked ID number
    const cdp = await page.context().newCDPSession(page);
    try {
      expect(await heapStrings(cdp)).toContain(preview.maskedIdNumber);
    } finally {
      await cdp.detach();
    }

    await action(page, 'exit').first().click();
    await advanceTo(page, 'attract', [action(page, 'done')]);
    await expect.poll(async () => (await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
  });

  it('the page shows and holds none of it, and the display is back to the defaults', async () => {
    const html = await pageHtml(page);
    for (const secret of secrets) expect(html, `the page still holds "${secret}"`).not.toContain(secret);
    const display = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.kiosk');
      return { lang: document.documentElement.lang, elder: root?.dataset.elder, contrast: root?.dataset.contrast };
    });
    expect(display).toEqual({ lang: 'zh-CN', elder: 'false', contrast: 'normal' });
  });

  it('no browser storage holds anything, and the request timings of the visit are cleared', async () => {
    expect(await browserStores(page)).toEqual({
      localStorage: 0,
      sessionStorage: 0,
      caches: 0,
      indexedDB: 0,
      apiTimings: 0,
      historyState: null,
    });
  });

  it('the JavaScript heap holds no string of the citizen after garbage collection', async () => {
    const cdp = await page.context().newCDPSession(page);
    try {
      const strings = await heapStrings(cdp);
      // control: the snapshot is of the kiosk page (its own texts are there)
      expect(strings).toContain('请把身份证放在感应区');
      for (const secret of secrets) expect(strings.includes(secret), `the heap still holds "${secret}"`).toBe(false);
    } finally {
      await cdp.detach();
    }
  });
});

describe('after an application left half done (idle timeout at the consent step)', () => {
  const phone = '13912345678';
  let visit: KioskPage;
  let visitPage: Page;
  let signatureDataUrl: string;
  let pageImageUrl: string;
  let citizenSecrets: string[];

  beforeAll(async () => {
    // its own page on Playwright's fake clock: the apply step's 20-minute idle limit passes at once
    visit = await openKioskPage(browser, bridge.url, 'landscape');
    visitPage = visit.page;
    await visitPage.clock.install();
    await visitPage.reload();
    await expectStatus(
      bridgeRequest(bridge.url, 'POST', apiPaths.simCameraScene('document-camera'), { scene: { kind: 'document', title: '户口簿' } }),
      204,
      'a document under the camera',
    );
  });

  afterAll(async () => {
    await visit?.close();
  });

  it('a visit: a typed phone number, a photographed page and a signature, then nobody answers at the consent step', async () => {
    const page = visitPage;
    const citizen = await simFixture(bridge.url, 'zhang-wei');
    const { full, masked } = personalStrings(citizen);
    citizenSecrets = [...full, ...masked];
    await resetKiosk(bridge.url);
    await waitForScreen(page, 'attract');
    await placeCard(bridge.url, citizen.id);
    await advanceTo(page, 'menu', [action(page, 'continue')]);
    await removeCard(bridge.url);
    await tapMenuEntry(page, 'apply');
    await action(page, 'choose-item', `[data-code="${needsPhotographedMaterial}"]`).first().click();
    await page.locator('[data-testid="apply-guide"]').first().waitFor({ state: 'visible', timeout: 10_000 });
    await action(page, 'next').first().click();
    await typeDigits(page, phone);
    await action(page, 'next').first().click();

    await page.locator('[data-screen="document-capture"]').first().waitFor({ state: 'visible', timeout: 15_000 });
    await action(page, 'capture-take').first().click();
    const pageImage = page.locator('.page-list__image').first();
    await pageImage.waitFor({ state: 'visible', timeout: 20_000 });
    pageImageUrl = new URL((await pageImage.getAttribute('src'))!, bridge.url).pathname;
    // control: while the visit lasts the photographed page is there
    expect((await bridgeRequest(bridge.url, 'GET', pageImageUrl)).status).toBe(200);
    await action(page, 'capture-done').first().click();
    await page.locator('[data-testid="apply-review"]').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('[data-testid="apply-review"]').first().innerText()).toContain(phone);
    await action(page, 'next').first().click();
    await verifyByStaff(page);
    await signName(page);
    await action(page, 'next').first().click();
    await action(page, 'submit-application').first().waitFor({ state: 'visible', timeout: 10_000 });

    // controls: at the consent step the heap holds the phone number and the signature picture
    const cdp = await page.context().newCDPSession(page);
    try {
      const strings = await heapStrings(cdp);
      expect(strings).toContain(phone);
      const found = /data:image\/png;base64,[A-Za-z0-9+/=]{200,}/.exec(strings);
      expect(found, 'the signature data URL in the heap').not.toBeNull();
      signatureDataUrl = found![0];
    } finally {
      await cdp.detach();
    }

    // nobody touches the screen: the apply step's limit (2 × 600 s), then the 30 s countdown
    await page.clock.runFor(1_200_000 + 500);
    await page.locator('[data-testid="idle-countdown"]').first().waitFor({ state: 'visible', timeout: 5_000 });
    await page.clock.runFor(31_000);
    await waitForScreen(page, 'attract');
    await expect.poll(async () => (await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
  });

  it('the page and the browser stores hold none of it', async () => {
    const html = await pageHtml(visitPage);
    for (const secret of [phone, signatureDataUrl, ...citizenSecrets]) {
      expect(html.includes(secret), `the page still holds "${secret.slice(0, 40)}"`).toBe(false);
    }
    expect(await browserStores(visitPage)).toEqual({
      localStorage: 0,
      sessionStorage: 0,
      caches: 0,
      indexedDB: 0,
      apiTimings: 0,
      historyState: null,
    });
  });

  it('the JavaScript heap holds neither the phone number nor the signature after garbage collection', async () => {
    const cdp = await visitPage.context().newCDPSession(visitPage);
    try {
      const strings = await heapStrings(cdp);
      expect(strings).toContain('请把身份证放在感应区');
      expect(strings.includes(phone), 'the heap still holds the phone number').toBe(false);
      expect(strings.includes(signatureDataUrl), 'the heap still holds the signature').toBe(false);
      for (const secret of citizenSecrets) expect(strings.includes(secret), `the heap still holds "${secret}"`).toBe(false);
    } finally {
      await cdp.detach();
    }
  });

  it('the photographed page is gone from the bridge: its image URL answers 404', async () => {
    expect((await bridgeRequest(bridge.url, 'GET', pageImageUrl)).status).toBe(404);
  });
});

describe('care mode for a citizen of 60 and over', () => {
  const elderAttribute = () => page.evaluate(() => document.querySelector<HTMLElement>('.kiosk')?.dataset.elder);

  it('switches on by itself, stays through the goodbye, and is off for the next person', async () => {
    await resetKiosk(bridge.url);
    await waitForScreen(page, 'attract');
    await expect.poll(elderAttribute).toBe('false');
    await placeCard(bridge.url, 'zhao-guilan');
    await advanceTo(page, 'menu', [action(page, 'continue')]);
    await removeCard(bridge.url);
    await expect.poll(elderAttribute).toBe('true');
    await action(page, 'exit').first().click();
    await waitForScreen(page, 'goodbye');
    await expect.poll(elderAttribute).toBe('true');
    await advanceTo(page, 'attract', [action(page, 'done')]);
    await expect.poll(elderAttribute).toBe('false');
  });

  it('the switch overrides the automatic choice', async () => {
    await placeCard(bridge.url, 'zhao-guilan');
    await advanceTo(page, 'menu', [action(page, 'continue')]);
    await removeCard(bridge.url);
    await action(page, 'elder-mode').first().click();
    await expect.poll(elderAttribute).toBe('false');
    await action(page, 'exit').first().click();
    await advanceTo(page, 'attract', [action(page, 'done')]);
  });
});
