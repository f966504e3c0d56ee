// Record & replay: recordings of reader traffic (tests/fixtures/replay/*.jsonl, made by
// record-sam.ts, or by `recordTraffic` on a kiosk) are played back to the real driver. The driver
// must send exactly the recorded commands and decide exactly as it did: any change in bytes or
// decisions is a regression. Each recording is also replayed with its answers cut into 7-byte chunks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardReadEvent } from '../../device-bridge/src/devices/device.ts';
import { fixtureCardTexts } from '../../device-bridge/src/devices/id-reader/fixture-cards.ts';
import { createSamIdReader } from '../../device-bridge/src/devices/id-reader/sam-reader.ts';
import { createReplayLine } from '../../device-bridge/src/devices/serial/replay-line.ts';
import { parseRecording, type TrafficRecord } from '../../device-bridge/src/devices/serial/traffic-recorder.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { repoRoot } from '../support/repo.ts';
import { waitFor } from '../support/wait.ts';

const folder = path.join(repoRoot, 'tests/fixtures/replay');

const expectations: Record<string, { kinds: CardReadEvent['kind'][]; check?: (events: CardReadEvent[]) => void }> = {
  'resident-read-and-removal': {
    kinds: ['reading', 'read', 'removed'],
    check: (events) =>
      expect(events[1]).toMatchObject({
        identity: { idNumber: fixtureCardTexts['resident-id'].idNumber, address: '北京市朝阳区新居路8号' },
      }),
  },
  'hmt-permit-read': {
    kinds: ['reading', 'read'],
    check: (events) => expect(events[1]).toMatchObject({ identity: { documentType: 'hmt-residence-permit' } }),
  },
  'foreign-2017-read': {
    kinds: ['reading', 'read'],
    check: (events) =>
      expect(events[1]).toMatchObject({ identity: { idNumber: 'CAN110078090112', documentType: 'foreign-permanent-2017' } }),
  },
  'corrupt-answers-then-read': { kinds: ['reading', 'read'] },
};

function rechunked(records: TrafficRecord[], size: number): TrafficRecord[] {
  return records.flatMap((record) => {
    if (record.dir === 'tx') return [record];
    const pieces: TrafficRecord[] = [];
    for (let at = 0; at < record.hex.length; at += size * 2) pieces.push({ ...record, hex: record.hex.slice(at, at + size * 2) });
    return pieces;
  });
}

describe.each(Object.keys(expectations))('replay %s', (name) => {
  const records = parseRecording(readFileSync(path.join(folder, `${name}.jsonl`), 'utf8'));
  it.each([
    ['as recorded', records],
    ['in 7-byte chunks', rechunked(records, 7)],
  ])('%s: same commands, same events', async (_label, played) => {
    const replay = createReplayLine(played);
    const reader = createSamIdReader({
      driver: 'sam-serial',
      clock: systemClock,
      pollIntervalMs: 5,
      faultRetryMs: 20,
      timeouts: { find: 100, select: 100, read: 300, other: 100 },
      open: async () => replay.line,
      // a recording is played once: after it, the port is gone
      backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const events: CardReadEvent[] = [];
    reader.onCard((event) => events.push(event));
    await reader.start();
    await waitFor('the recording to be played', async () => ({
      value: replay.finished() || replay.mismatches.length > 0 ? true : undefined,
    }));
    await waitFor('the expected events', async () => ({
      value: events.length >= expectations[name]!.kinds.length ? true : undefined,
      note: events.map((event) => event.kind).join(','),
    }));
    await reader.stop();
    expect(replay.mismatches).toEqual([]);
    expect(events.map((event) => event.kind).slice(0, expectations[name]!.kinds.length)).toEqual(expectations[name]!.kinds);
    expectations[name]!.check?.(events);
  });
});

describe('recording format', () => {
  it('refuses a line that is not a record, naming it', () => {
    expect(() => parseRecording('{"t":0,"dir":"tx","hex":"aa"}\n{"t":1,"dir":"up","hex":"aa"}\n')).toThrow('line 2');
  });
});
