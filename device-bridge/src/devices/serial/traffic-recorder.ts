import { createWriteStream } from 'node:fs';
import type { EventLogger } from '../../log/logger.ts';
import type { Clock } from '../../time/clock.ts';

/** One line of a recording: ms since recording began, direction, bytes as hex. */
export interface TrafficRecord {
  t: number;
  dir: 'tx' | 'rx';
  hex: string;
}

export type TrafficTapFn = (direction: 'tx' | 'rx', bytes: Uint8Array) => void;

/**
 * Record & replay (issue 3): with `recordTraffic` set to a file in a device's config, every byte
 * to and from the device is appended to it as JSON lines, for a technician chasing a reader that
 * misbehaves and for turning that session into a regression test (id-reader/replay.ts).
 * Off by default. A recording of an ID reader holds card data in clear — personal data — so the
 * file is created owner-only and the bridge logs a warning naming it for as long as it records.
 */
export function trafficTap(
  device: string,
  file: string | undefined,
  deps: { clock: Pick<Clock, 'now'>; logger: EventLogger },
): TrafficTapFn | undefined {
  if (file === undefined) return undefined;
  deps.logger.log('traffic-recording-enabled', { device, file });
  const stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
  stream.on('error', (error) => deps.logger.log('device-error', { device, reason: `recording: ${error.message}` }));
  const began = deps.clock.now().getTime();
  return (dir, bytes) => {
    const record: TrafficRecord = { t: deps.clock.now().getTime() - began, dir, hex: Buffer.from(bytes).toString('hex') };
    stream.write(`${JSON.stringify(record)}\n`);
  };
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
