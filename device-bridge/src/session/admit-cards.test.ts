import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../devices/testing/until.ts';
import type { KioskEvent } from '../api/index.ts';
import { fixtureWlt } from '../devices/id-reader/sam-card.ts';
import { createSimulatedSamReader, type SimulatedSamReader } from '../devices/id-reader/simulated-sam-reader.ts';
import { testIdentity } from '../devices/testing/test-identity.ts';
import { createEventBus } from '../events/event-bus.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { systemClock } from '../time/clock.ts';
import { admitCards } from './admit-cards.ts';
import { createSessionHolder } from './session-holder.ts';

// The real SAM driver over an in-memory cable to the SAM simulator, quick timings, real timers.
let reader: SimulatedSamReader | undefined;
afterEach(async () => {
  await reader?.stop();
  reader = undefined;
});

async function kiosk() {
  reader = createSimulatedSamReader({ clock: systemClock, readMs: 20 });
  // the photo buffers exactly as the reader lent them to its listeners (no copy)
  const lentPhotos: Uint8Array[] = [];
  reader.onCard((event) => {
    if (event.kind === 'read' && event.photo) lentPhotos.push(event.photo);
  });
  const bus = createEventBus();
  const published: KioskEvent[] = [];
  bus.subscribe((event) => published.push(event));
  let n = 0;
  const sessions = createSessionHolder({
    clock: systemClock,
    newId: () => `s${++n}`,
    onStarted: () => undefined,
    onEnded: () => undefined,
  });
  admitCards({ reader, sessions, bus, logger: createMemoryLogger(), clock: systemClock });
  await reader.start();
  return { reader, sessions, published, lentPhotos };
}

const zeroed = (bytes: Uint8Array) => bytes.every((byte) => byte === 0);

describe('card admission keeps no photo it does not need', () => {
  it('a valid card: the session holds its own copy of the photo, the reader’s is zeroed, and the session’s is zeroed at its end', async () => {
    const { reader, sessions, lentPhotos } = await kiosk();
    const identity = testIdentity();
    reader.placeCard(identity);
    const session = await until('session', () => sessions.current() ?? undefined);
    expect(Buffer.from(session.photo!)).toEqual(Buffer.from(fixtureWlt(identity.idNumber)));
    expect(lentPhotos).toHaveLength(1);
    expect(zeroed(lentPhotos[0]!)).toBe(true);
    sessions.end('exit');
    expect(zeroed(session.photo!)).toBe(true);
  });

  it('an expired card: rejected, and its photo is zeroed all the same', async () => {
    const { reader, sessions, published, lentPhotos } = await kiosk();
    reader.placeCard(testIdentity({ validTo: '20200102' }));
    await until('rejection', () => published.find((event) => event.type === 'card-rejected'));
    expect(published).toContainEqual({ type: 'card-rejected', reason: 'expired' });
    expect(sessions.current()).toBeNull();
    expect(lentPhotos).toHaveLength(1);
    expect(zeroed(lentPhotos[0]!)).toBe(true);
  });

  it('a second card while a session is open is ignored, and its photo zeroed', async () => {
    const { reader, sessions, lentPhotos } = await kiosk();
    reader.placeCard(testIdentity());
    const first = await until('session', () => sessions.current() ?? undefined);
    reader.removeCard();
    reader.placeCard(testIdentity({ name: '李四' }));
    await until('second read', () => (lentPhotos.length === 2 ? true : undefined));
    expect(sessions.current()).toBe(first);
    expect(lentPhotos.every(zeroed)).toBe(true);
    expect(zeroed(first.photo!)).toBe(false);
  });
});
