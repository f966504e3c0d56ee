import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../api/index.ts';
import { createStatusTracker } from './status-tracker.ts';
import { createManualClock } from './testing/manual-clock.ts';

describe('status tracker', () => {
  it('stamps since from the injected clock when the state changes', () => {
    const clock = createManualClock(new Date('2025-05-01T08:00:00.000Z'));
    const tracker = createStatusTracker({ id: 'scanner', driver: 'simulated', clock, state: 'ready' });
    expect(tracker.current()).toEqual({ id: 'scanner', state: 'ready', driver: 'simulated', since: '2025-05-01T08:00:00.000Z' });
    clock.advance(2_000);
    tracker.set('disconnected');
    expect(tracker.current().since).toBe('2025-05-01T08:00:02.000Z');
  });

  it('notifies listeners once per real change and not when the same state is reported again', () => {
    const clock = createManualClock();
    const tracker = createStatusTracker({ id: 'a4-printer', driver: 'simulated', clock, state: 'ready' });
    const heard: DeviceStatus[] = [];
    tracker.onStatus((status) => heard.push(status));

    tracker.set('ready');
    tracker.set('fault', 'paper-out');
    const outOfPaperSince = tracker.current().since;
    clock.advance(1_000);
    tracker.set('fault', 'paper-out');
    // the repeated report did not move `since`: the printer has been out of paper since the first one
    expect(tracker.current().since).toBe(outOfPaperSince);
    tracker.set('fault', 'jam');
    tracker.set('ready');

    expect(heard.map((status) => `${status.state}/${status.reason ?? ''}`)).toEqual(['fault/paper-out', 'fault/jam', 'ready/']);
  });

  it('stops notifying a listener once it unsubscribes', () => {
    const tracker = createStatusTracker({ id: 'camera', driver: 'simulated', clock: createManualClock(), state: 'ready' });
    let calls = 0;
    const unsubscribe = tracker.onStatus(() => calls++);
    tracker.set('disconnected');
    unsubscribe();
    tracker.set('ready');
    expect(calls).toBe(1);
  });

  it('still tells every listener when one of them throws, and does not swallow the error', () => {
    const tracker = createStatusTracker({ id: 'camera', driver: 'simulated', clock: createManualClock(), state: 'ready' });
    const heard: string[] = [];
    tracker.onStatus(() => {
      throw new Error('listener broke');
    });
    tracker.onStatus((status) => heard.push(status.state));
    expect(() => tracker.set('disconnected')).toThrow('listener broke');
    expect(heard).toEqual(['disconnected']);
    expect(tracker.current().state).toBe('disconnected');
  });

  it('hands out copies so a listener cannot alter the device status', () => {
    const tracker = createStatusTracker({ id: 'camera', driver: 'simulated', clock: createManualClock(), state: 'ready' });
    tracker.current().state = 'fault';
    expect(tracker.current().state).toBe('ready');
  });
});
