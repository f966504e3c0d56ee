import { createWriteStream, fchmodSync, openSync, type WriteStream } from 'node:fs';
import type { EventLogger } from '../../log/logger.ts';
import type { Clock } from '../../time/clock.ts';
import type { Device } from '../device.ts';

/** One line of a recording: ms since recording began, direction, bytes as hex. */
export interface TrafficRecord {
  t: number;
  dir: 'tx' | 'rx';
  hex: string;
}

export type TrafficTapFn = (direction: 'tx' | 'rx', bytes: Uint8Array) => void;

export interface TrafficRecorder {
  /** hand this to the driver: it sees every byte both ways */
  tap: TrafficTapFn;
  /** flushes and closes the file; a later byte opens it again (a device started again) */
  close(): Promise<void>;
}

/**
 * Record & replay: with `recordTraffic` set to a file in a device's config, every byte
 * to and from the device is appended to it as JSON lines, for a technician chasing a reader that
 * misbehaves and for turning that session into a regression test (id-reader/replay.ts).
 * Off by default. A recording of an ID reader holds card data in clear — personal data — so the
 * file is made owner-only (also when it already existed, with whatever mode it had) and the bridge
 * logs a warning naming it for as long as it records. A file that cannot be opened is logged and
 * nothing is recorded; the device works as without recording.
 */
export function trafficRecorder(
  device: string,
  file: string | undefined,
  deps: { clock: Pick<Clock, 'now'>; logger: EventLogger },
): TrafficRecorder | undefined {
  if (file === undefined) return undefined;
  deps.logger.log('traffic-recording-enabled', { device, file });
  const began = deps.clock.now().getTime();
  let stream: WriteStream | null = null;
  let failed = false;

  function open(): WriteStream | null {
    if (stream || failed) return stream;
    try {
      const fd = openSync(file!, 'a', 0o600);
      // the mode given to open applies only to a file it creates
      fchmodSync(fd, 0o600);
      stream = createWriteStream('', { fd });
      stream.on('error', (error) => deps.logger.log('device-error', { device, reason: `recording: ${error.message}` }));
    } catch (error) {
      failed = true;
      deps.logger.log('device-error', { device, reason: `recording: ${error instanceof Error ? error.message : String(error)}` });
    }
    return stream;
  }
  open();

  return {
    tap(dir, bytes) {
      const record: TrafficRecord = { t: deps.clock.now().getTime() - began, dir, hex: Buffer.from(bytes).toString('hex') };
      open()?.write(`${JSON.stringify(record)}\n`);
    },
    close() {
      const closing = stream;
      stream = null;
      if (!closing) return Promise.resolve();
      // resolved when the descriptor is closed, not merely flushed
      return new Promise<void>((resolve) => {
        if (closing.closed) return resolve();
        closing.once('close', () => resolve());
        closing.end();
      });
    },
  };
}

/** The device, its stop() also closing its recording (so the file is complete and no handle is left). */
export function closeRecordingOnStop<D extends Device>(device: D, recorder: TrafficRecorder | undefined): D {
  if (!recorder) return device;
  const stop = device.stop.bind(device);
  return Object.assign(device, {
    async stop() {
      try {
        await stop();
      } finally {
        await recorder.close();
      }
    },
  });
}

/** Parses a recording; throws naming the line when one is not a record. */
export function parseRecording(text: string): TrafficRecord[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const value = JSON.parse(line) as Partial<TrafficRecord>;
      if (
        typeof value.t !== 'number' ||
        (value.dir !== 'tx' && value.dir !== 'rx') ||
        typeof value.hex !== 'string' ||
        !/^([0-9a-f]{2})*$/.test(value.hex)
      ) {
        throw new Error(`recording line ${index + 1} is not {t, dir: "tx"|"rx", hex}`);
      }
      return { t: value.t, dir: value.dir, hex: value.hex };
    });
}
