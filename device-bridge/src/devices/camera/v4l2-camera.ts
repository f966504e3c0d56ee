import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import type { Camera } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createStatusTracker } from '../status-tracker.ts';
import { previewArgs, stillArgs, v4l2Input, type CameraInput } from './ffmpeg-args.ts';
import { createJpegSplitter } from './jpeg-splitter.ts';

export class CameraUnavailableError extends Error {
  constructor(
    readonly reason: 'stopped' | 'unplugged' | 'capture-failed',
    message: string,
  ) {
    super(message);
    this.name = 'CameraUnavailableError';
  }
}

export interface V4l2CameraOptions<Id extends Camera['id']> {
  id: Id;
  /** /dev/videoN or, better, a stable /dev/v4l/by-id/… name */
  device: string;
  previewSize: string;
  previewFps: number;
  /** full-resolution still size; absent → a still is the next preview frame */
  stillSize?: string;
  clock: Clock;
  ffmpegPath?: string;
  /** how ffmpeg reads the camera; tests put a generated source (lavfi) here instead of V4L2 */
  input?: (size: string, fps: number) => CameraInput;
  /** is the device node there? (hot-plug) */
  deviceExists?: (device: string) => boolean;
  hotplugPollMs?: number;
  /** waits before restarting a failed ffmpeg: 0.5 s, 1 s, 2 s, then 5 s */
  restartDelaysMs?: readonly number[];
  /** consecutive failures after which the camera reports `fault` (it keeps retrying) */
  faultAfterFailures?: number;
  /** a preview with no frame for this long is restarted (a wedged USB camera) */
  stallMs?: number;
  onError?: (message: string) => void;
}

type Phase =
  /** not started by the bridge */
  | 'stopped'
  /** the device node is missing: unplugged */
  | 'absent'
  /** present, nobody watching: ffmpeg not running */
  | 'idle'
  /** ffmpeg delivering preview frames */
  | 'streaming'
  /** ffmpeg failed; a restart is scheduled */
  | 'backoff'
  /** preview paused while a still is taken */
  | 'still';

/**
 * A UVC camera read through ffmpeg: the bridge owns the device (only one process
 * can stream it) and fans frames out to every listener. ffmpeg runs only while someone watches, is
 * restarted with capped backoff when it dies or stalls, and the device node is polled for hot-plug.
 * Spawned without a shell (arguments as an array); streaming uses spawn because execFile buffers
 * all output until exit, stills use execFile with a size and time limit.
 */
export function createV4l2Camera<Id extends Camera['id']>(options: V4l2CameraOptions<Id>): Camera & { readonly id: Id } {
  const { id, device, clock } = options;
  const ffmpeg = options.ffmpegPath ?? 'ffmpeg';
  const input = options.input ?? ((size: string, fps: number) => v4l2Input(device, size, fps));
  const deviceExists = options.deviceExists ?? existsSync;
  const pollMs = options.hotplugPollMs ?? 2_000;
  const delays = options.restartDelaysMs ?? [500, 1_000, 2_000, 5_000];
  const faultAfter = options.faultAfterFailures ?? 3;
  const stallMs = options.stallMs ?? 10_000;
  const onError = options.onError ?? (() => {});

  const tracker = createStatusTracker({ id, driver: 'v4l2', clock, state: 'disconnected', reason: 'stopped' });
  const frames = createListeners<Buffer>();
  let phase: Phase = 'stopped';
  let failures = 0;
  let child: ChildProcess | null = null;
  let pollTimer: TimerHandle | null = null;
  let restartTimer: TimerHandle | null = null;
  let stallTimer: TimerHandle | null = null;
  let stillQueue: Promise<unknown> = Promise.resolve();

  function publishStatus(): void {
    if (phase === 'stopped') return tracker.set('disconnected', 'stopped');
    if (phase === 'absent') return tracker.set('disconnected', 'unplugged');
    if (failures >= faultAfter) return tracker.set('fault', 'capture-failed');
    tracker.set('ready');
  }

  function setPhase(next: Phase): void {
    phase = next;
    publishStatus();
  }

  function watching(): boolean {
    return frames.size > 0;
  }

  function clearTimer(timer: TimerHandle | null): null {
    if (timer) clock.clearTimeout(timer);
    return null;
  }

  function armStallTimer(): void {
    stallTimer = clearTimer(stallTimer);
    stallTimer = clock.setTimeout(() => {
      stallTimer = null;
      if (phase === 'streaming' && child) {
        onError(`${id}: no frame for ${stallMs} ms, restarting capture`);
        child.kill('SIGKILL');
      }
    }, stallMs);
  }

  function startPreview(): void {
    if (phase !== 'idle' && phase !== 'backoff') return;
    if (!watching()) return setPhase('idle');
    const splitter = createJpegSplitter();
    let stderr = '';
    const process = spawn(ffmpeg, previewArgs(input(options.previewSize, options.previewFps), options.previewFps), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = process;
    setPhase('streaming');
    armStallTimer();
    process.stdout!.on('data', (chunk: Buffer) => {
      for (const frame of splitter.push(chunk)) {
        if (failures > 0) {
          failures = 0;
          publishStatus();
        }
        armStallTimer();
        try {
          frames.emit(frame);
        } catch (error) {
          onError(`${id}: a frame listener failed: ${(error as Error).message}`);
        }
      }
    });
    process.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-400);
    });
    process.on('error', (error) => {
      stderr = error.message;
    });
    process.on('close', () => {
      if (child !== process) return; // a stop/still we asked for
      child = null;
      stallTimer = clearTimer(stallTimer);
      if (phase !== 'streaming') return;
      if (!watching()) return setPhase('idle');
      failures += 1;
      onError(`${id}: capture stopped${stderr ? `: ${stderr.trim()}` : ''}`);
      if (!deviceExists(device)) return setPhase('absent');
      setPhase('backoff');
      restartTimer = clock.setTimeout(
        () => {
          restartTimer = null;
          startPreview();
        },
        delays[Math.min(failures - 1, delays.length - 1)]!,
      );
    });
  }

  function stopPreview(): Promise<void> {
    restartTimer = clearTimer(restartTimer);
    stallTimer = clearTimer(stallTimer);
    const process = child;
    child = null;
    if (!process || process.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      process.once('close', () => resolve());
      process.kill('SIGTERM');
    });
  }

  function poll(): void {
    pollTimer = clock.setTimeout(() => {
      pollTimer = null;
      if (phase === 'stopped') return;
      const present = deviceExists(device);
      if (!present && phase !== 'absent') {
        onError(`${id}: ${device} disappeared (unplugged?)`);
        void stopPreview();
        setPhase('absent');
      } else if (present && phase === 'absent') {
        failures = 0;
        setPhase('idle');
        startPreview();
      }
      poll();
    }, pollMs);
  }

  function runStill(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      execFile(
        ffmpeg,
        stillArgs(input(options.stillSize!, 1)),
        { encoding: 'buffer', maxBuffer: 32 * 1024 * 1024, timeout: 15_000 },
        (error, stdout, stderr) => {
          const jpeg = createJpegSplitter({ maxFrameBytes: 32 * 1024 * 1024 }).push(stdout)[0];
          if (error || !jpeg) {
            const detail = (error?.message ?? '') + ' ' + stderr.toString('utf8').slice(-300);
            reject(new CameraUnavailableError('capture-failed', `${id}: still capture failed: ${detail.trim()}`));
          } else resolve(jpeg);
        },
      );
    });
  }

  function nextPreviewFrame(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const timer = clock.setTimeout(() => {
        unsubscribe();
        reject(new CameraUnavailableError('capture-failed', `${id}: no frame within 10 s`));
      }, 10_000);
      const unsubscribe = camera.onFrame((frame) => {
        clock.clearTimeout(timer);
        unsubscribe();
        resolve(frame);
      });
    });
  }

  async function captureStillNow(): Promise<Buffer> {
    if (phase === 'stopped') throw new CameraUnavailableError('stopped', `${id} is not started`);
    if (phase === 'absent') throw new CameraUnavailableError('unplugged', `${id} is not connected (${device})`);
    if (!options.stillSize) return nextPreviewFrame();
    const resume = watching();
    await stopPreview();
    setPhase('still');
    try {
      return await runStill();
    } finally {
      if (phase === 'still') {
        setPhase('idle');
        if (resume) startPreview();
      }
    }
  }

  const camera: Camera & { readonly id: Id } = {
    id,
    driver: 'v4l2',
    status: () => tracker.current(),
    onStatus: (listener) => tracker.onStatus(listener),
    onFrame(listener) {
      const unsubscribe = frames.add(listener);
      if (phase === 'idle') startPreview();
      return () => {
        unsubscribe();
        if (!watching() && (phase === 'streaming' || phase === 'backoff')) {
          // stopPreview forgets the process at once, so the next watcher starts a fresh one
          void stopPreview();
          setPhase('idle');
        }
      };
    },
    captureStill() {
      const result = stillQueue.then(captureStillNow, captureStillNow);
      stillQueue = result.catch(() => {});
      return result;
    },
    async start() {
      if (phase !== 'stopped') return;
      failures = 0;
      const present = deviceExists(device);
      setPhase(present ? 'idle' : 'absent');
      if (present) startPreview();
      poll();
    },
    async stop() {
      setPhase('stopped');
      pollTimer = clearTimer(pollTimer);
      await stopPreview();
    },
  };
  return camera;
}
