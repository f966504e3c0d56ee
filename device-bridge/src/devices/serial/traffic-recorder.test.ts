import { chmodSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../log/logger.ts';
import { createSimulatedLinkDevice } from '../simulated-link.ts';
import { createManualClock } from '../testing/manual-clock.ts';
import { closeRecordingOnStop, parseRecording, trafficRecorder } from './traffic-recorder.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
function tempFile(): string {
  dir = mkdtempSync(join(tmpdir(), 'tongban-rec-'));
  return join(dir, 'reader.jsonl');
}
/** how many descriptors this process holds on the file */
const handlesOn = (file: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;

describe('traffic recording', () => {
  it('is off unless a file is named', () => {
    expect(trafficRecorder('id-reader', undefined, { clock: createManualClock(), logger: createMemoryLogger() })).toBeUndefined();
  });

  it('appends JSON lines owner-only and warns that it records personal data', async () => {
    const file = tempFile();
    const clock = createManualClock();
    const logger = createMemoryLogger();
    const recorder = trafficRecorder('id-reader', file, { clock, logger })!;
    recorder.tap('tx', Uint8Array.of(0xaa, 0x01));
    clock.advance(12);
    recorder.tap('rx', Uint8Array.of(0x90));
    await recorder.close();
    expect(parseRecording(readFileSync(file, 'utf8'))).toEqual([
      { t: 0, dir: 'tx', hex: 'aa01' },
      { t: 12, dir: 'rx', hex: '90' },
    ]);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(logger.lines.some((line) => line.includes('traffic-recording-enabled') && line.includes('personal data'))).toBe(true);
  });

  it('makes an existing, world-readable file owner-only before writing to it, and keeps what it held', async () => {
    const file = tempFile();
    writeFileSync(file, '{"t":0,"dir":"tx","hex":"aa"}\n');
    chmodSync(file, 0o644);
    const recorder = trafficRecorder('id-reader', file, { clock: createManualClock(), logger: createMemoryLogger() })!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    recorder.tap('rx', Uint8Array.of(0x90));
    await recorder.close();
    expect(parseRecording(readFileSync(file, 'utf8')).map((record) => record.hex)).toEqual(['aa', '90']);
  });

  it('closes the file when its device stops (no handle left), and opens it again if the device starts again', async () => {
    const file = tempFile();
    const clock = createManualClock();
    const recorder = trafficRecorder('scanner', file, { clock, logger: createMemoryLogger() })!;
    const device = closeRecordingOnStop(createSimulatedLinkDevice('scanner', { clock }), recorder);
    await device.start();
    recorder.tap('rx', Uint8Array.of(0x41, 0x0d));
    expect(handlesOn(file)).toBe(1);
    await device.stop();
    expect(handlesOn(file)).toBe(0);
    expect(device.status()).toMatchObject({ state: 'disconnected', reason: 'stopped' });
    await device.start();
    recorder.tap('rx', Uint8Array.of(0x42, 0x0d));
    await device.stop();
    expect(handlesOn(file)).toBe(0);
    expect(parseRecording(readFileSync(file, 'utf8')).map((record) => record.hex)).toEqual(['410d', '420d']);
  });

  it('a file that cannot be opened is logged and nothing is recorded; the tap still takes bytes', () => {
    const logger = createMemoryLogger();
    const recorder = trafficRecorder('id-reader', '/nonexistent-dir/reader.jsonl', { clock: createManualClock(), logger })!;
    expect(() => recorder.tap('tx', Uint8Array.of(1))).not.toThrow();
    expect(logger.lines.some((line) => line.includes('device-error') && line.includes('recording'))).toBe(true);
  });
});
