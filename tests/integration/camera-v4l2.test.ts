import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../device-bridge/src/api/index.ts';
import type { Camera } from '../../device-bridge/src/devices/device.ts';
import type { CameraInput } from '../../device-bridge/src/devices/camera/ffmpeg-args.ts';
import { createJpegSplitter } from '../../device-bridge/src/devices/camera/jpeg-splitter.ts';
import { createV4l2Camera } from '../../device-bridge/src/devices/camera/v4l2-camera.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { waitFor } from '../support/wait.ts';

/**
 * The real driver with real ffmpeg; only the V4L2 input is replaced — by ffmpeg's generated test
 * pattern (encoded to MJPEG), or by an .mjpeg file / FIFO of frames as a UVC camera sends them for
 * the passthrough path (-c:v copy, mjpeg2jpeg) and the stall watchdog — and the device node by a
 * temp file, so hot-plug is "remove the file". No camera is needed.
 */
const dirs: string[] = [];
const cameras: Camera[] = [];
afterEach(async () => {
  for (const camera of cameras.splice(0)) await camera.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function testCamera(options: { duration?: number; stillSize?: string; broken?: boolean; input?: CameraInput; stallMs?: number } = {}) {
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
    ...(options.stallMs ? { stallMs: options.stallMs } : {}),
    input: (size, fps) =>
      options.input ??
      ({
        // "broken": a source ffmpeg refuses at once, like a camera that enumerates but never streams
        args: [
          '-re',
          '-f',
          'lavfi',
          '-i',
          options.broken ? 'no-such-source' : `testsrc=size=${size}:rate=${fps}${options.duration ? `:duration=${options.duration}` : ''}`,
        ],
        jpegPassthrough: false,
      } as CameraInput),
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
    await waitFor('unplugged', async () => ({
      value: camera.status().reason === 'unplugged' ? true : undefined,
      note: JSON.stringify(camera.status()),
    }));
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
    await waitFor('fault', async () => ({
      value: camera.status().state === 'fault' ? true : undefined,
      note: JSON.stringify(camera.status()),
    }));
    expect(camera.status().reason).toBe('capture-failed');
    expect(errors.filter((message) => message.includes('capture stopped')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the real-camera path: MJPEG passthrough and the stall watchdog', () => {
  /** MJPEG as a UVC camera sends it: JPEG frames back to back, coded with the standard Huffman tables but without them (no DHT) */
  function uvcMjpegFile(dir: string, seconds: number): { file: string; frames: Buffer[] } {
    const encoded = join(dir, 'encoded.mjpeg');
    execFileSync('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=320x240:rate=10:duration=${seconds}`,
      '-c:v',
      'mjpeg',
      '-huffman',
      'default',
      '-q:v',
      '5',
      '-f',
      'mjpeg',
      encoded,
    ]);
    const frames = createJpegSplitter().push(readFileSync(encoded)).map(withoutHuffmanTables);
    const file = join(dir, 'uvc.mjpeg');
    writeFileSync(file, Buffer.concat(frames));
    return { file, frames };
  }

  /** drops the DHT segments before the scan, as UVC cameras do (the decoder then uses the standard tables) */
  function withoutHuffmanTables(jpeg: Buffer): Buffer {
    const parts: Buffer[] = [jpeg.subarray(0, 2)];
    let at = 2;
    while (at < jpeg.length) {
      const marker = jpeg[at + 1]!;
      const length = jpeg.readUInt16BE(at + 2);
      if (marker === 0xda) {
        parts.push(jpeg.subarray(at));
        break;
      }
      if (marker !== 0xc4) parts.push(jpeg.subarray(at, at + 2 + length));
      at += 2 + length;
    }
    return Buffer.concat(parts);
  }

  const hasHuffmanTables = (jpeg: Buffer) => jpeg.includes(Buffer.from([0xff, 0xc4]));

  it('copies the camera’s frames byte for byte (-c:v copy) and makes a still a standalone JPEG (-bsf:v mjpeg2jpeg)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-mjpeg-'));
    dirs.push(dir);
    const source = uvcMjpegFile(dir, 3);
    expect(source.frames.some(hasHuffmanTables)).toBe(false);
    const { camera } = testCamera({
      stillSize: '320x240',
      input: { args: ['-re', '-f', 'mjpeg', '-framerate', '10', '-i', source.file], jpegPassthrough: true },
    });
    await camera.start();
    const preview = await frames(camera, 4);
    // not re-encoded: each preview frame is one of the camera's own frames, unchanged
    for (const frame of preview) expect(source.frames.some((original) => original.equals(frame))).toBe(true);
    // and the face check can decode such a frame as it is (libjpeg falls back to the standard tables)
    expect((await sharp(preview[0]!).raw().toBuffer({ resolveWithObject: true })).info).toMatchObject({ width: 320, height: 240 });
    const still = await camera.captureStill();
    expect(hasHuffmanTables(still)).toBe(true);
    expect(source.frames.some((original) => original.equals(still))).toBe(false);
    expect(await sharp(still).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect((await sharp(still).raw().toBuffer({ resolveWithObject: true })).info).toMatchObject({ width: 320, height: 240 });
  });

  it('a camera that stops sending without closing (a wedged USB device) is restarted by the stall watchdog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-stall-'));
    dirs.push(dir);
    const { frames: source } = uvcMjpegFile(dir, 1);
    const fifo = join(dir, 'camera.fifo');
    execFileSync('mkfifo', [fifo]);
    const { camera, errors } = testCamera({
      stallMs: 600,
      input: {
        args: ['-probesize', '32', '-analyzeduration', '0', '-fflags', 'nobuffer', '-f', 'mjpeg', '-i', fifo],
        jpegPassthrough: true,
      },
    });
    const got: Buffer[] = [];
    camera.onFrame((frame) => got.push(frame));
    await camera.start();
    // the camera sends a few frames, then nothing more, and keeps the device open
    const writer = await open(fifo, 'w');
    for (const frame of source.slice(0, 5)) await writer.write(frame);
    await waitFor('first frames', async () => ({ value: got.length >= 3 ? true : undefined, note: String(got.length) }));
    await waitFor('the watchdog restarting capture', async () => ({
      value: errors.some((message) => message.includes('no frame for 600 ms')) ? true : undefined,
      note: errors.join(' | '),
    }));
    await writer.close().catch(() => undefined);
    // the restarted ffmpeg opens the device again and frames flow. Until it reads the FIFO (or while the
    // stopped one still holds it, on a loaded machine) a write is lost or refused: offer the frames again
    const before = got.length;
    await waitFor(
      'frames again after the restart',
      async () => {
        if (got.length > before) return { value: true };
        const again = await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null);
        if (again) {
          for (const frame of source.slice(5)) await again.write(frame).catch(() => undefined);
          await again.close().catch(() => undefined);
        }
        return { note: String(got.length) };
      },
      15_000,
    );
    expect(camera.status().state).toBe('ready');
  });
});
