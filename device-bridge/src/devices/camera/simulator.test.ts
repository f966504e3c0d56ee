import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../time/clock.ts';
import { createManualClock } from '../testing/manual-clock.ts';
import { createSimulatedCamera } from './simulator.ts';

describe('simulated camera', () => {
  it('serves as face camera and document camera, reporting connection and when it changed', async () => {
    const clock = createManualClock(new Date('2025-06-01T10:00:00.000Z'));
    const documentCamera = createSimulatedCamera('document-camera', { clock });
    await documentCamera.start();
    expect(documentCamera.status()).toMatchObject({ id: 'document-camera', state: 'ready', driver: 'simulated' });
    clock.advance(5_000);
    documentCamera.disconnect();
    expect(documentCamera.status()).toEqual({
      id: 'document-camera',
      state: 'disconnected',
      driver: 'simulated',
      since: '2025-06-01T10:00:05.000Z',
    });
    await expect(documentCamera.captureStill()).rejects.toThrow(/not connected/);
    documentCamera.connect();
    expect(documentCamera.status().state).toBe('ready');
  });

  it('streams preview frames of its scene while watched and takes full-resolution stills', async () => {
    const camera = createSimulatedCamera('document-camera', { clock: systemClock, frameMs: 10 });
    await camera.start();
    const frame = await new Promise<Buffer>((resolve) => {
      const unsubscribe = camera.onFrame((jpeg) => {
        unsubscribe();
        resolve(jpeg);
      });
    });
    expect(await sharp(frame).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(await sharp(await camera.captureStill()).metadata()).toMatchObject({ width: 2592, height: 1944 });
    await camera.stop();
  });

  it('a live person differs frame to frame; a frozen still photo repeats the very same frame; a printed one does not', async () => {
    const camera = createSimulatedCamera('camera', { clock: systemClock });
    await camera.start();
    const live = [await camera.captureStill(), await camera.captureStill()];
    expect(live[0]!.equals(live[1]!)).toBe(false);
    camera.setScene({ kind: 'still-photo', face: 'person-a' });
    const frozen = [await camera.captureStill(), await camera.captureStill()];
    expect(frozen[0]!.equals(frozen[1]!)).toBe(true);
    // a printed photo held up to a working camera: the sensor's noise makes every frame different
    camera.setScene({ kind: 'printed-photo', face: 'person-a' });
    const printed = [await camera.captureStill(), await camera.captureStill()];
    expect(printed[0]!.equals(printed[1]!)).toBe(false);
    await camera.stop();
  });
});
