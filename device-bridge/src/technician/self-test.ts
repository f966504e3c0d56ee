import type { DeviceId, SelfTestResult } from '../api/index.ts';
import type { CardReadEvent, DeviceSet } from '../devices/device.ts';
import type { SessionHolder } from '../session/session-holder.ts';
import type { Clock } from '../time/clock.ts';
import { renderTestPage } from './test-page.ts';

export type SelfTestKind = SelfTestResult['kind'];

/** What each device's self-test does: print, wait for the technician to present something, or capture. */
export const selfTestKinds: Record<DeviceId, SelfTestKind> = {
  'id-reader': 'wait-for-card',
  scanner: 'wait-for-scan',
  'a4-printer': 'test-page',
  'receipt-printer': 'test-ticket',
  camera: 'snapshot',
  'document-camera': 'snapshot',
};

export interface SelfTestOptions {
  devices: DeviceSet;
  clock: Clock;
  kioskId: string;
  siteName: string;
  newJobId: () => string;
  /** how long to wait for a card or a scan */
  waitMs?: number;
}

function waitForEvent<T>(
  clock: Clock,
  subscribe: (listener: (event: T) => void) => () => void,
  accept: (event: T) => string | null,
  timeoutMs: number,
): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => {
      unsubscribe();
      resolve(null);
    }, timeoutMs);
    const unsubscribe = subscribe((event) => {
      const detail = accept(event);
      if (detail === null) return;
      clock.clearTimeout(timer);
      unsubscribe();
      resolve(detail);
    });
  });
}

export async function runSelfTest(device: DeviceId, options: SelfTestOptions): Promise<SelfTestResult> {
  const { devices, clock } = options;
  const kind = selfTestKinds[device];
  const started = clock.now().getTime();
  const status = devices[device].status();
  const done = (ok: boolean, detail: string): SelfTestResult => ({
    device,
    kind,
    ok,
    detail,
    durationMs: clock.now().getTime() - started,
  });
  if (status.state === 'disconnected') return done(false, `not connected (${status.driver})`);
  const waitMs = options.waitMs ?? 30_000;

  switch (kind) {
    case 'test-page': {
      const pdf = await renderTestPage({ kioskId: options.kioskId, siteName: options.siteName, at: clock.now() });
      try {
        await devices['a4-printer'].print({ jobId: `selftest-${options.newJobId()}`, pdf, pages: 1 }, () => {});
        return done(true, 'test page printed');
      } catch (error) {
        return done(false, `test page failed: ${(error as Error).message}`);
      }
    }
    case 'wait-for-card': {
      const detail = await waitForEvent(
        clock,
        (listener) => devices['id-reader'].onCard(listener),
        (event: CardReadEvent) =>
          event.kind === 'read'
            ? 'card read; number and dates decoded'
            : event.kind === 'unreadable'
              ? 'card present but unreadable'
              : null,
        waitMs,
      );
      if (detail === null) return done(false, `no card within ${Math.round(waitMs / 1000)} s`);
      return done(detail.startsWith('card read'), detail);
    }
    case 'wait-for-scan': {
      const detail = await waitForEvent(
        clock,
        (listener) => devices.scanner.onScan(listener),
        (data: string) => `code scanned (${data.length} characters)`,
        waitMs,
      );
      return detail === null ? done(false, `no code scanned within ${Math.round(waitMs / 1000)} s`) : done(true, detail);
    }
    case 'test-ticket': {
      try {
        await devices['receipt-printer'].print({
          lines: [
            { kind: 'text', text: '通办 Tongban', align: 'center', bold: true, size: 2 },
            { kind: 'text', text: '小票打印测试 / receipt test', align: 'center' },
            { kind: 'rule' },
            { kind: 'text', text: `${options.kioskId}  ${clock.now().toISOString().slice(0, 16).replace('T', ' ')}` },
            { kind: 'qr', data: `tongban:test:${options.kioskId}` },
            { kind: 'feed', lines: 3 },
          ],
        });
        return done(true, 'test ticket printed');
      } catch (error) {
        return done(false, `test ticket failed: ${(error as Error).message}`);
      }
    }
    case 'snapshot': {
      const camera = device === 'camera' ? devices.camera : devices['document-camera'];
      try {
        const jpeg = await camera.captureStill();
        const isJpeg = jpeg.length > 4 && jpeg[0] === 0xff && jpeg[1] === 0xd8;
        // the picture itself is not kept or returned: a camera in a hall can see people
        return done(
          isJpeg,
          isJpeg ? `snapshot taken (${Math.round(jpeg.length / 1024)} KB JPEG)` : 'the camera answered with something that is not a JPEG',
        );
      } catch (error) {
        return done(false, `snapshot failed: ${(error as Error).message}`);
      }
    }
    case 'status-only':
      return done(
        status.state !== 'fault',
        `status ${status.state}${status.reason ? ` (${status.reason})` : ''}; no active test for this device in this build`,
      );
  }
}

/**
 * A self-test from the technician screen, the doctor or an operator: the card test reads the
 * technician's own card, which opens a citizen session like any card; that session is ended at
 * once, so nobody's identity stays open behind technician mode or a remote test.
 */
export async function runSelfTestWithoutSession(
  device: DeviceId,
  options: SelfTestOptions & { sessions: SessionHolder },
): Promise<SelfTestResult> {
  const sessionBefore = options.sessions.current();
  const result = await runSelfTest(device, options);
  if (device === 'id-reader' && sessionBefore === null && options.sessions.current() !== null) options.sessions.end('exit');
  return result;
}
