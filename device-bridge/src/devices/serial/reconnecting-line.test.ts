import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.ts';
import { createMemoryLinePair, type MemoryLinePair } from './memory-line.ts';
import { createReconnectingLine, retryDelayMs } from './reconnecting-line.ts';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('reconnecting serial line', () => {
  it('backs off exponentially up to the cap', () => {
    const backoff = { initialDelayMs: 250, maxDelayMs: 2_000 };
    expect([1, 2, 3, 4, 5, 9].map((attempt) => retryDelayMs(attempt, backoff))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it('retries a port that is missing, adopts it when it appears, and reopens after a loss', async () => {
    const clock = createManualClock();
    let present = false;
    let pair: MemoryLinePair | null = null;
    let opens = 0;
    const link = createReconnectingLine({
      clock,
      backoff: { initialDelayMs: 100, maxDelayMs: 400 },
      open: async () => {
        opens += 1;
        if (!present) throw new Error('ENOENT: no such file /dev/ttyUSB0');
        pair = createMemoryLinePair();
        return pair.host;
      },
    });
    const kinds: string[] = [];
    link.onState((state) => kinds.push(state.kind));
    link.start();
    await flush();
    expect(link.state()).toMatchObject({ kind: 'waiting', retryInMs: 100 });
    clock.advance(100);
    await flush();
    expect(link.state()).toMatchObject({ kind: 'waiting', retryInMs: 200 });
    present = true;
    clock.advance(200);
    await flush();
    expect(link.state().kind).toBe('open');

    pair!.unplug();
    expect(link.state()).toMatchObject({ kind: 'waiting', retryInMs: 100 });
    clock.advance(100);
    await flush();
    expect(link.state().kind).toBe('open');
    expect(opens).toBe(4);
    await link.stop();
    expect(kinds).toEqual(['opening', 'waiting', 'opening', 'waiting', 'opening', 'open', 'waiting', 'opening', 'open', 'stopped']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('closes a line that finishes opening after stop, so no handle leaks', async () => {
    const clock = createManualClock();
    const pair = createMemoryLinePair();
    let release: () => void = () => undefined;
    const link = createReconnectingLine({
      clock,
      open: () => new Promise((resolve) => (release = () => resolve(pair.host))),
    });
    link.start();
    await link.stop();
    release();
    await flush();
    expect(pair.host.isOpen).toBe(false);
    expect(link.state().kind).toBe('stopped');
  });
});
