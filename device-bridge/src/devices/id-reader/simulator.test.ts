import { describe, expect, it } from 'vitest';
import type { CardReadEvent } from '../device.ts';
import { createManualClock } from '../testing/manual-clock.ts';
import { testIdentity } from '../testing/test-identity.ts';
import { createSimulatedIdReader } from './simulator.ts';

const readMs = 700;

async function startedReader() {
  const clock = createManualClock();
  const reader = createSimulatedIdReader({ clock, readMs });
  const events: CardReadEvent['kind'][] = [];
  const reads: string[] = [];
  reader.onCard((event) => {
    events.push(event.kind);
    if (event.kind === 'read') reads.push(event.identity.name);
  });
  const states: string[] = [];
  reader.onStatus((status) => states.push(status.state));
  await reader.start();
  return { clock, reader, events, reads, states };
}

describe('simulated ID reader', () => {
  it('is disconnected until started, then ready', async () => {
    const reader = createSimulatedIdReader({ clock: createManualClock(), readMs });
    expect(reader.status()).toMatchObject({ id: 'id-reader', state: 'disconnected', reason: 'stopped', driver: 'simulated' });
    await reader.start();
    expect(reader.status().state).toBe('ready');
  });

  it('reads a placed card after readMs, busy meanwhile, then ready again', async () => {
    const { clock, reader, events, reads } = await startedReader();
    reader.placeCard(testIdentity({ name: '李四' }));
    expect(events).toEqual(['reading']);
    expect(reader.status()).toMatchObject({ state: 'busy', reason: 'reading' });

    clock.advance(readMs - 1);
    expect(events).toEqual(['reading']);
    clock.advance(1);
    expect(events).toEqual(['reading', 'read']);
    expect(reads).toEqual(['李四']);
    expect(reader.status().state).toBe('ready');
  });

  it('does not read the same card twice while it stays on the reader (anti-replay)', async () => {
    const { clock, reader, events } = await startedReader();
    reader.placeCard(testIdentity());
    clock.advance(readMs);
    clock.advance(60_000);
    expect(events).toEqual(['reading', 'read']);

    // taken away and presented again: a new presentation, read again
    reader.removeCard();
    reader.placeCard(testIdentity());
    clock.advance(readMs);
    expect(events).toEqual(['reading', 'read', 'reading', 'read']);
  });

  it('reads a card placed while unplugged as soon as the reader is connected', async () => {
    const { clock, reader, events, reads } = await startedReader();
    reader.disconnect();
    expect(reader.status().state).toBe('disconnected');
    reader.placeCard(testIdentity({ name: '王五' }));
    clock.advance(10_000);
    expect(events).toEqual([]);

    reader.connect();
    expect(events).toEqual(['reading']);
    clock.advance(readMs);
    expect(reads).toEqual(['王五']);
  });

  it('reports unreadable when unplugged mid-read, and reads the card once reconnected', async () => {
    const { clock, reader, events, states } = await startedReader();
    reader.placeCard(testIdentity());
    clock.advance(readMs / 2);
    reader.disconnect();
    expect(events).toEqual(['reading', 'unreadable']);
    expect(reader.status().state).toBe('disconnected');
    clock.advance(readMs);
    expect(events).toEqual(['reading', 'unreadable']);

    reader.connect();
    clock.advance(readMs);
    expect(events).toEqual(['reading', 'unreadable', 'reading', 'read']);
    expect(states).toEqual(['ready', 'busy', 'disconnected', 'busy', 'ready']);
  });

  it('reports unreadable when the card is pulled away mid-read', async () => {
    const { clock, reader, events } = await startedReader();
    reader.placeCard(testIdentity());
    clock.advance(100);
    reader.removeCard();
    clock.advance(readMs);
    expect(events).toEqual(['reading', 'unreadable']);
    expect(reader.status().state).toBe('ready');
  });

  it('reports a card it cannot read once per presentation', async () => {
    const { clock, reader, events } = await startedReader();
    reader.placeUnreadableCard();
    clock.advance(readMs * 5);
    expect(events).toEqual(['reading', 'unreadable']);
  });

  it('a card swapped for another is a new presentation', async () => {
    const { clock, reader, reads } = await startedReader();
    reader.placeCard(testIdentity({ name: '张三' }));
    clock.advance(readMs);
    reader.placeCard(testIdentity({ name: '赵六' }));
    clock.advance(readMs);
    expect(reads).toEqual(['张三', '赵六']);
  });

  it('reads a card that was already on the reader when the bridge started, going straight to busy', async () => {
    const clock = createManualClock();
    const reader = createSimulatedIdReader({ clock, readMs });
    const states: string[] = [];
    reader.onStatus((status) => states.push(status.state));
    reader.placeCard(testIdentity());
    await reader.start();
    clock.advance(readMs);
    expect(states).toEqual(['busy', 'ready']);
  });

  it('ends a read in progress when stopped and reads nothing afterwards', async () => {
    const { clock, reader, events } = await startedReader();
    reader.placeCard(testIdentity());
    await reader.stop();
    clock.advance(readMs * 3);
    expect(events).toEqual(['reading', 'unreadable']);
    expect(reader.status()).toMatchObject({ state: 'disconnected', reason: 'stopped' });
  });
});

/** A small seeded generator (mulberry32) so a failing sequence can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('simulated ID reader under random handling (property)', () => {
  it.each(Array.from({ length: 40 }, (_, index) => index + 1))(
    'seed %i: every reading ends once, a presentation is read at most once, busy exactly while reading',
    async (seed) => {
      const random = seededRandom(seed);
      const clock = createManualClock();
      const reader = createSimulatedIdReader({ clock, readMs });
      let readingOpen = false;
      let readsThisPresentation = 0;
      const problems: string[] = [];
      reader.onCard((event) => {
        if (event.kind === 'reading') {
          if (readingOpen) problems.push('reading while a read was open');
          readingOpen = true;
        } else {
          if (!readingOpen) problems.push(`${event.kind} without reading`);
          readingOpen = false;
          if (event.kind === 'read') readsThisPresentation += 1;
          if (readsThisPresentation > 1) problems.push('card read twice in one presentation');
        }
      });
      await reader.start();
      const actions = [
        () => {
          readsThisPresentation = 0;
          reader.placeCard(testIdentity());
        },
        () => {
          readsThisPresentation = 0;
          reader.removeCard();
        },
        () => reader.disconnect(),
        () => reader.connect(),
        () => clock.advance(Math.floor(random() * readMs * 2)),
        () => clock.advance(readMs),
      ];
      for (let step = 0; step < 200; step++) {
        actions[Math.floor(random() * actions.length)]!();
        const busy = reader.status().state === 'busy';
        if (busy !== readingOpen) problems.push(`step ${step}: busy=${busy} but read open=${readingOpen}`);
      }
      await reader.stop();
      expect(readingOpen).toBe(false);
      expect(problems).toEqual([]);
    },
  );
});
