import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../log/logger.ts';
import { createManualClock } from '../testing/manual-clock.ts';
import { parseRecording, trafficTap } from './traffic-recorder.ts';

describe('traffic recording', () => {
  it('is off unless a file is named', () => {
    expect(trafficTap('id-reader', undefined, { clock: createManualClock(), logger: createMemoryLogger() })).toBeUndefined();
  });

  it('appends JSON lines owner-only and warns that it records personal data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-rec-'));
    const file = join(dir, 'reader.jsonl');
    const clock = createManualClock();
    const logger = createMemoryLogger();
    const tap = trafficTap('id-reader', file, { clock, logger })!;
    tap('tx', Uint8Array.of(0xaa, 0x01));
    clock.advance(12);
    tap('rx', Uint8Array.of(0x90));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(parseRecording(readFileSync(file, 'utf8'))).toEqual([
      { t: 0, dir: 'tx', hex: 'aa01' },
      { t: 12, dir: 'rx', hex: '90' },
    ]);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(logger.lines.some((line) => line.includes('traffic-recording-enabled') && line.includes('personal data'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
