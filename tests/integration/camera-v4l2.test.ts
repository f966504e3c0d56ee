import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../device-bridge/src/api/index.ts';
import type { Camera } from '../../device-bridge/src/devices/device.ts';
import { createV4l2Camera } from '../../device-bridge/src/devices/camera/v4l2-camera.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { waitFor } from '../support/wait.ts';

/**
 * The real driver with real ffmpeg; only the V4L2 input is replaced by ffmpeg's generated test
 * pattern (encoded to MJPEG, as a UVC camera delivers it) and the device node by a temp file, so
 * hot-plug is "remove the file". No camera is needed.
 */
const dirs: string[] = [];
const cameras: Camera[] = [];
afterEach(async () => {
  for (const camera of cameras.splice(0)) await camera.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function testCamera(options: { duration?: number; stillSize?: string; broken?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-camera-'));
  dirs.push(dir);
  const node = join(dir, 'video0');
  writeFileSync(node, '');
  const errors: string[] = [];
  const camera = createV4l2Camera({
    id: 'document-camera',
    device: node,
    previewSize: '320x240',
    previewFps: 10,
    stillSize: options.stillSize,
    clock: systemClock,
    hotplugPollMs: 100,
    restartDelaysMs: [100, 200],
    faultAfterFailures: 2,
    input: (size, fps) => ({
      // "broken": a source ffmpeg refuses at once, like a camera that enumerates but never streams
      args: ['-re', '-f', 'lavfi', '-i', options.broken ? 'no-such-source' : `testsrc=size=${size}:rate=${fps}${options.duration ? `:duration=${options.duration}` : ''}`],
      jpegPassthrough: false,
    }),
    onError: (message) => errors.push(message),
  });
  cameras.push(camera);
  return { camera, node, errors };
}

async function frames(camera: Camera, count: number): Promise<Buffer[]> {
  const got: Buffer[] = [];
  let unsubscribe = () => {};
  await new Promise<void>((resolve) => {
    unsubscribe = camera.onFrame((frame) => {
      got.push(frame);
      if (got.length === count) resolve();
    });
  });
  unsubscribe();
  return got;
}

describe('V4L2 camera driver through ffmpeg', () => {
  it('streams whole JPEG frames while someone watches, and a full-resolution still on demand', async () => {
    const { camera } = testCamera({ stillSize: '1280x960' });
    await camera.start();
    expect(camera.status()).toMatchObject({ state: 'ready', driver: 'v4l2' });
    const preview = await frames(camera, 3);
    for (const frame of preview) expect(await sharp(frame).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    const still = await camera.captureStill();
    expect(await sharp(still).metadata()).toMatchObject({ format: 'jpeg', width: 1280, height: 960 });
    // the preview comes back after the still
    expect(await frames(camera, 2)).toHaveLength(2);
  });

  it('restarts ffmpeg each time it dies, so the preview keeps coming', async () => {
    // a source that ends after 0.3 s: ffmpeg exits again and again, like a flaky USB camera
    const { camera, errors } = testCamera({ duration: 0.3 });
    const statuses: DeviceStatus[] = [];
    camera.onStatus((status) => statuses.push(status));
    await camera.start();
    const got = await frames(camera, 8); // more frames than one run of ffmpeg makes
    expect(got).toHaveLength(8);
    expect(errors.some((message) => message.includes('capture stopped'))).toBe(true);
  });

  it('reports unplugged when the device node disappears and streams again when it is back', async () => {
    const { camera, node } = testCamera();
    const unsubscribe = camera.onFrame(() => {});
    await camera.start();
    rmSync(node);
    await waitFor('unplugged', async () => ({ value: camera.status().reason === 'unplugged' ? true : undefined, note: JSON.stringify(camera.status()) }));
    expect(camera.status().state).toBe('disconnected');
    await expect(camera.captureStill()).rejects.toThrow(/not connected/);
    writeFileSync(node, '');
    await waitFor('ready again', async () => ({ value: camera.status().state === 'ready' ? true : undefined }));
    unsubscribe();
    expect(await frames(camera, 2)).toHaveLength(2);
  });

  it('reports a fault after failing again and again, keeps retrying, and says why in the error log', async () => {
    const { camera, errors } = testCamera({ broken: true });
    camera.onFrame(() => {});
    await camera.start();
    await waitFor('fault', async () => ({ value: camera.status().state === 'fault' ? true : undefined, note: JSON.stringify(camera.status()) }));
    expect(camera.status().reason).toBe('capture-failed');
    expect(errors.filter((message) => message.includes('capture stopped')).length).toBeGreaterThanOrEqual(2);
  });
});
